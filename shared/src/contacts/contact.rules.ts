import type { AuditChange } from './contact-query.schema';
import type { EmailEntry } from './contact-common.schema';
import type { ContactKind, LeadStatus, Relationship } from './contact-enums.schema';
import { CompanyPatch, PersonPatch } from './contact-input.schema';
import type { Budget, Contact, ContactSummary } from './contact.schema';
import { normalizeEmail } from './normalize.rules';

export type EmailProblem = 'noPrimaryEmail' | 'multiplePrimaryEmails' | 'duplicateEmail';

// A contact's addresses: none at all, or exactly one primary and no address twice (compared
// normalised, so "Max@Muster.de" and "max@muster.de" are the same address).
export function emailProblems(emails: readonly EmailEntry[]): EmailProblem[] {
  if (emails.length === 0) return [];
  const problems: EmailProblem[] = [];
  const primaries = emails.filter((entry) => entry.primary).length;
  if (primaries === 0) problems.push('noPrimaryEmail');
  if (primaries > 1) problems.push('multiplePrimaryEmails');
  const normalized = emails.map((entry) => normalizeEmail(entry.address) ?? entry.address.toLowerCase());
  if (new Set(normalized).size !== normalized.length) problems.push('duplicateEmail');
  return problems;
}

export function budgetInRange(budget: Budget | null | undefined): boolean {
  if (!budget || budget.minEur === undefined || budget.maxEur === undefined) return true;
  return budget.minEur <= budget.maxEur;
}

export interface InputProblem {
  field: string;
  code: EmailProblem | 'budgetRange';
}

// Rules a create body or a patched contact must satisfy beyond its schema; the API answers 400
// with these before writing anything.
export function contactInputProblems(input: {
  emails?: readonly EmailEntry[] | null;
  lead?: { budget?: Budget | null } | null;
}): InputProblem[] {
  const problems: InputProblem[] = emailProblems(input.emails ?? []).map((code) => ({
    field: 'emails',
    code,
  }));
  if (!budgetInRange(input.lead?.budget)) problems.push({ field: 'lead.budget', code: 'budgetRange' });
  return problems;
}

// Fields of a patch the stored contact's kind does not have (e.g. `firstName` for a company).
export function inapplicablePatchFields(kind: ContactKind, patch: object): string[] {
  const allowed = kind === 'company' ? CompanyPatch.properties : PersonPatch.properties;
  return Object.keys(patch).filter((field) => !Object.hasOwn(allowed, field));
}

// Calendar dates are German business days: "today" is today in Berlin, not in UTC.
export function localDate(now: Date, timeZone = 'Europe/Berlin'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

// "Kunde seit": set to today when `customer` is added and no date was given; kept otherwise
// (removing the relationship does not rewrite history).
export function customerSinceAfter(
  before: readonly Relationship[],
  after: readonly Relationship[],
  customerSince: string | null | undefined,
  now: Date,
): string | undefined {
  if (customerSince) return customerSince;
  return after.includes('customer') && !before.includes('customer') ? localDate(now) : undefined;
}

export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['new', 'qualifying', 'offer'];
export const LEAD_OPEN_DAYS = 90;
export const LEAD_UNTOUCHED_MONTHS = 12;

export type LeadStaleness = 'fresh' | 'openTooLong' | 'untouched';

export interface LeadSubject {
  relationships: readonly Relationship[];
  lead?: { status?: LeadStatus; lastActivityAt?: string } | null;
  createdAt: string;
  updatedAt: string;
  archived?: unknown;
}

// The weekly lead review archives stale leads: open for more than 90 days, or untouched
// (no activity, no edit) for more than 12 months. Untouched is the stronger signal.
export function leadStaleness(contact: LeadSubject, now: Date): LeadStaleness {
  if (contact.archived || !contact.relationships.includes('lead')) return 'fresh';
  const status = contact.lead?.status;
  if (status !== undefined && !OPEN_LEAD_STATUSES.includes(status)) return 'fresh';
  const touched = Math.max(Date.parse(contact.updatedAt) || 0, Date.parse(contact.lead?.lastActivityAt ?? '') || 0);
  const untouchedLimit = new Date(now);
  untouchedLimit.setUTCMonth(untouchedLimit.getUTCMonth() - LEAD_UNTOUCHED_MONTHS);
  if (touched < untouchedLimit.getTime()) return 'untouched';
  const created = Date.parse(contact.createdAt);
  if (Number.isFinite(created) && now.getTime() - created > LEAD_OPEN_DAYS * 86_400_000) {
    return 'openTooLong';
  }
  return 'fresh';
}

/** The contact's e-mail addresses as stored, primary or not. */
export function contactEmails(contact: { readonly emails?: readonly EmailEntry[] | null }): string[] {
  return (contact.emails ?? []).map((entry) => entry.address);
}

/** The primary address (the first if none is marked), or undefined without any. */
export function primaryEmail(contact: { readonly emails?: readonly EmailEntry[] | null }): string | undefined {
  const emails = contact.emails ?? [];
  return (emails.find((entry) => entry.primary) ?? emails[0])?.address;
}

/** Every phone number of the contact, business phones first, as typed. */
export function contactPhones(contact: {
  readonly businessPhones?: readonly string[] | null;
  readonly mobilePhone?: string | null;
  readonly homePhones?: readonly string[] | null;
}): string[] {
  return [...(contact.businessPhones ?? []), contact.mobilePhone ?? '', ...(contact.homePhones ?? [])].filter(
    (phone) => phone.trim() !== '',
  );
}

export function toContactSummary(contact: Contact, companyName?: string): ContactSummary {
  const summary: ContactSummary = {
    id: contact.id,
    kind: contact.kind,
    displayName: contact.displayName,
    contactNumber: contact.contactNumber,
    relationships: [...contact.relationships],
    archived: contact.archived !== null,
  };
  const email = primaryEmail(contact);
  if (email) summary.email = email;
  if (companyName) summary.companyName = companyName;
  if (contact.lead?.status) summary.leadStatus = contact.lead.status;
  if (contact.ownerId) summary.ownerId = contact.ownerId;
  // Issue 15: search results show "Gesperrt (Art. 18 DSGVO)".
  if (contact.restriction) summary.restricted = true;
  return summary;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

// Server bookkeeping that changes on every write and would only add noise to the audit trail.
export const AUDIT_IGNORED_FIELDS = ['version', 'updatedAt', 'updatedBy'] as const;

// Top-level fields that differ between two versions of a contact, with both values.
export function auditChanges(
  before: object | null,
  after: object | null,
  ignore: readonly string[] = AUDIT_IGNORED_FIELDS,
): AuditChange[] {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => !ignore.includes(field));
  return fields
    .filter((field) => !sameJson(from[field], to[field]))
    .map((field) => {
      const change: AuditChange = { field };
      if (from[field] !== undefined) change.before = from[field];
      if (to[field] !== undefined) change.after = to[field];
      return change;
    });
}
