import {
  type Contact,
  type ContactPatch,
  type LeadInput,
  type LeadStaleness,
  leadStaleness,
} from '@klarkonform/shared';

// The lead review's pure part: which leads are overdue, and the patches behind the actions.

export type { LeadStaleness };

const RANK: Record<LeadStaleness, number> = { untouched: 0, openTooLong: 1, fresh: 2 };

export const isOverdue = (staleness: LeadStaleness | undefined) => staleness !== undefined && staleness !== 'fresh';

export function stalenessOf(contact: Contact | undefined, now: Date): LeadStaleness | undefined {
  return contact ? leadStaleness(contact, now) : undefined;
}

/** Overdue first (untouched before open too long), then by name; rows still loading last. */
export function byReviewOrder(a: LeadStaleness | undefined, b: LeadStaleness | undefined): number {
  return (a === undefined ? 3 : RANK[a]) - (b === undefined ? 3 : RANK[b]);
}

// A lead patch replaces the whole lead object, and `lastActivityAt` is the server's: send the
// lead as the user saw it, without that field.
function leadInput(contact: Contact): LeadInput {
  const { lastActivityAt: _serverOwned, ...input } = contact.lead ?? {};
  return input;
}

export const canQualify = (contact: Contact) => (contact.lead?.status ?? 'new') === 'new';

export function qualifyPatch(contact: Contact): ContactPatch {
  return { lead: { ...leadInput(contact), status: 'qualifying' } };
}

// Converting makes the lead a customer (the API sets "Kunde seit" when `customer` is added);
// the lead data stays as history with status "won", and the contact leaves the lead review.
export function convertPatch(contact: Contact): ContactPatch {
  const relationships = contact.relationships.filter((relationship) => relationship !== 'lead');
  return { relationships: [...relationships, 'customer'], lead: { ...leadInput(contact), status: 'won' } };
}

/** The reason offered first in the archive dialog, from why the lead is overdue. */
export function suggestedReason(staleness: LeadStaleness | undefined): 'untouched' | 'openTooLong' | undefined {
  return staleness === 'untouched' || staleness === 'openTooLong' ? staleness : undefined;
}
