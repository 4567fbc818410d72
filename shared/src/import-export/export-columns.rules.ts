import { consentSummary } from '../contacts/consent.rules';
import type { Contact } from '../contacts/contact.schema';
import { de } from '../i18n/de';
import { formatGermanDate, formatGermanDay } from './german-date.rules';
import type { ImportTarget } from './import.schema';
import { EXPORT_ONLY_HEADERS } from './import-presets.rules';

// The columns of a contact export (issue 16), one contact per row, German headers — the German
// labels of the import targets, so that the import assistant recognises its own export (preset
// `klarkonform`) and an export imports back as the same contacts. Values are the German labels of
// stored codes ("Kunde; Lieferant", "Widersprochen"); several values are joined by "; ".

/** The importable columns in export order; after them come EXPORT_ONLY_HEADERS. */
export const EXPORT_TARGETS = [
  'kind',
  'salutation',
  'title',
  'firstName',
  'lastName',
  'companyName',
  'department',
  'position',
  'email',
  'email2',
  'email3',
  'businessPhone',
  'businessPhone2',
  'mobilePhone',
  'homePhone',
  'homePhone2',
  'street',
  'postcode',
  'city',
  'country',
  'website',
  'industry',
  'relationships',
  'roles',
  'tags',
  'leadSource',
  'leadStatus',
  'customerSince',
  'owner',
  'legalBasis',
  'notes',
  'consentEmail',
  'consentPhone',
  'consentLetter',
  'consentNewsletter',
] as const satisfies readonly ImportTarget[];

/** A cell of an export: text, or a calendar day ("JJJJ-MM-TT"; CSV writes TT.MM.JJJJ, xlsx a date cell). */
export type ExportCell = string | { day: string };

/** The export's header row. */
export function exportHeader(): string[] {
  return [
    EXPORT_ONLY_HEADERS[0],
    ...EXPORT_TARGETS.map((target) => de.importTarget[target]),
    ...EXPORT_ONLY_HEADERS.slice(1),
  ];
}

/** What the export needs beside the contact: its company's name (persons) and its owner's name. */
export interface ExportSubject {
  contact: Contact;
  companyName?: string | undefined;
  ownerName?: string | undefined;
}

const join = (values: readonly string[]) => values.join('; ');
const countryNames = new Intl.DisplayNames(['de'], { type: 'region' });

/** A calendar day of Berlin for a point in time ("2024-02-01T23:30:00Z" → "2024-02-02"). */
function berlinDay(dateTime: string): ExportCell {
  const german = formatGermanDay(dateTime);
  if (!german) return '';
  const [day, month, year] = german.split('.');
  return { day: `${year}-${month}-${day}` };
}

/** One contact as a row of cells, in the order of `exportHeader()`. */
export function exportCells(subject: ExportSubject, now: Date): ExportCell[] {
  const c = subject.contact;
  const person = c.kind === 'person' ? c : undefined;
  // The primary address first: the import makes the first one primary.
  const emails = [...c.emails].sort((a, b) => Number(b.primary) - Number(a.primary)).map((e) => e.address);
  const consent = consentSummary(c.consent, now);
  const address = c.address;
  const byTarget: Record<(typeof EXPORT_TARGETS)[number], ExportCell> = {
    kind: de.kind[c.kind],
    salutation: person && person.salutation !== 'none' ? de.salutation[person.salutation] : '',
    title: person?.title ?? '',
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    companyName: c.kind === 'company' ? c.name : (subject.companyName ?? ''),
    department: person?.department ?? '',
    position: person?.position ?? '',
    email: emails[0] ?? '',
    email2: emails[1] ?? '',
    email3: emails[2] ?? '',
    businessPhone: c.businessPhones[0] ?? '',
    businessPhone2: c.businessPhones[1] ?? '',
    mobilePhone: c.mobilePhone ?? '',
    homePhone: c.homePhones[0] ?? '',
    homePhone2: c.homePhones[1] ?? '',
    street: address?.street ?? '',
    postcode: address?.postcode ?? '',
    city: address?.city ?? '',
    country: address?.country ? (countryNames.of(address.country) ?? address.country) : '',
    website: c.website ?? '',
    industry: c.kind === 'company' ? (c.industry ?? '') : '',
    relationships: join(c.relationships.map((r) => de.relationship[r])),
    roles: join((person?.roles ?? []).map((r) => de.role[r])),
    tags: join(c.tags),
    leadSource: c.lead?.source ? de.leadSource[c.lead.source] : '',
    leadStatus: c.lead?.status ? de.leadStatus[c.lead.status] : '',
    customerSince: c.customerSince && formatGermanDate(c.customerSince) ? { day: c.customerSince } : '',
    owner: subject.ownerName ?? c.ownerId ?? '',
    legalBasis: c.consent.legalBasis ? de.legalBasis[c.consent.legalBasis] : '',
    notes: c.notes.specifics,
    consentEmail: de.consentStatus[consent.email.status],
    consentPhone: de.consentStatus[consent.phone.status],
    consentLetter: de.consentStatus[consent.letter.status],
    consentNewsletter: de.consentStatus[consent.newsletter.status],
  };
  return [
    c.contactNumber,
    ...EXPORT_TARGETS.map((target) => byTarget[target]),
    berlinDay(c.createdAt),
    berlinDay(c.updatedAt),
    c.archived ? berlinDay(c.archived.at) : '',
  ];
}

/**
 * A text cell for a CSV that Excel opens: a value Excel would run as a formula ("=…", "@…", or
 * "+"/"-" followed by more than a phone number's characters) gets a leading apostrophe (OWASP
 * "CSV injection"); the import removes it again.
 */
export function csvSafe(text: string): string {
  if (/^[=@\t\r]/.test(text) || /^[+-](?![\d\s()/.+-]*$)/.test(text)) return `'${text}`;
  return text;
}

/** The value of a cell that `csvSafe` protected, as it was. */
export function csvUnsafe(text: string): string {
  return /^'[=@+\-\t\r]/.test(text) ? text.slice(1) : text;
}
