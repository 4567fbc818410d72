import type { Relationship } from './contact-enums.schema';
import type { Lead } from './contact.schema';

// Defaults of a new contact, applied by the API on create and shown by the create form.
// Only type imports: the create form loads this without any schema code.

/** What a company passes on to a new person of it. */
export interface CompanyDefaults {
  relationships: readonly Relationship[];
  customerSince?: string | undefined;
}

/**
 * The relationships a new person starts with: those of their company (a contact person at a
 * customer is a customer contact, at a supplier a supplier contact, at a lead a lead), or
 * `fallback` when there is no company or the company has none yet.
 */
export function relationshipsFromCompany(
  company: CompanyDefaults | undefined,
  fallback: readonly Relationship[],
): Relationship[] {
  return [...(company && company.relationships.length > 0 ? company.relationships : fallback)];
}

/**
 * "Kunde seit" of a new customer contact at a company that is a customer: the company's date
 * (the firm has been a customer since then, whoever is new there). Undefined otherwise, and
 * the API then sets today when `customer` is among the relationships.
 */
export function customerSinceFromCompany(
  relationships: readonly Relationship[],
  company: CompanyDefaults | undefined,
): string | undefined {
  if (!relationships.includes('customer') || !company?.relationships.includes('customer')) return undefined;
  return company.customerSince;
}

/**
 * The lead data a new contact starts with. A new lead is status "new" (so it never starts as a
 * "lead without lead data"), whatever else was given is kept, and its creation is its first
 * activity. Undefined for a contact that is not a lead and has no lead data.
 */
export function newLeadData(
  relationships: readonly Relationship[],
  lead: Omit<Lead, 'lastActivityAt'> | undefined,
  now: Date,
): Lead | undefined {
  if (!relationships.includes('lead')) return lead;
  return { ...lead, status: lead?.status ?? 'new', lastActivityAt: now.toISOString() };
}
