import type { ImportedContact } from '@klarkonform/shared';
import type { ContactFields } from '../contacts/contacts.mapper';

// "Zusammenführen" of an import row into the contact it duplicates (issue 16): only empty fields
// are filled — a field that has a value keeps it, whatever the file says. Lists of choices
// (relationships, roles, tags) take the row's values in addition, since adding a tag or a
// relationship overwrites nothing. Pure: the writer applies it to the contact read last.

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const union = (a: unknown, b: readonly string[]) => [...new Set([...((a as string[] | undefined) ?? []), ...b])];

/** The contact's fields with its empty ones filled from the row; `changed` when anything was filled. */
export function fillEmpty(fields: ContactFields, row: ImportedContact): { fields: ContactFields; changed: boolean } {
  const before = JSON.stringify(fields);
  const out: ContactFields = { ...fields };
  const fill = (field: string, value: unknown) => {
    if (!isEmpty(value) && isEmpty(out[field])) out[field] = value;
  };
  if (out.kind === 'person' && row.kind === 'person') {
    if ((isEmpty(out.salutation) || out.salutation === 'none') && row.salutation) out.salutation = row.salutation;
    for (const field of ['title', 'firstName', 'position', 'department'] as const) fill(field, row[field]);
    out.roles = union(out.roles, row.roles);
  }
  if (out.kind === 'company') fill('industry', row.industry);
  fill(
    'emails',
    row.emails.map((address, i) => ({ address, primary: i === 0 })),
  );
  fill('businessPhones', row.businessPhones);
  fill('homePhones', row.homePhones);
  for (const field of ['mobilePhone', 'address', 'website', 'customerSince'] as const) fill(field, row[field]);
  out.relationships = union(out.relationships, row.relationships);
  out.tags = union(out.tags, row.tags).slice(0, 30);
  const lead = (out.lead as { source?: string; status?: string } | undefined) ?? undefined;
  if (row.leadSource || row.leadStatus) {
    if (!lead)
      out.lead = {
        ...(row.leadSource ? { source: row.leadSource } : {}),
        ...(row.leadStatus ? { status: row.leadStatus } : {}),
      };
    else if (!lead.source && row.leadSource) out.lead = { ...lead, source: row.leadSource };
  }
  const consent = out.consent as { legalBasis?: string } | undefined;
  if (consent && !consent.legalBasis && row.legalBasis) out.consent = { ...consent, legalBasis: row.legalBasis };
  const notes = out.notes as { specifics?: string } | undefined;
  if (notes && isEmpty(notes.specifics) && row.notes) out.notes = { ...notes, specifics: row.notes };
  return { fields: out, changed: JSON.stringify(out) !== before };
}
