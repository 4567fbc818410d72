import { type Contact, type LeadStaleness, leadStaleness } from '@klarkonform/shared';

// The lead review's pure part: which leads are overdue, and in which order they are shown.

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
