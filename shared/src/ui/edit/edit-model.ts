import type { Address, EmailEntry } from '../../contacts/contact-common.schema';
import type { ContactPatch } from '../../contacts/contact-input.schema';
import type { LeadSource, LeadStatus, Relationship, Role, Salutation } from '../../contacts/contact-enums.schema';
import type { DuplicateCheckRequest } from '../../contacts/contact-query.schema';
import type { Contact, LeadInput } from '../../contacts/contact.schema';

// The edit form as flat, comparable fields. Saving sends only what the user changed; when
// someone else saved first (412), `rebase` lays the user's changes over the newer version,
// so nothing typed is lost and only truly contested fields are pointed out.

/** An e-mail row of the form: the address as typed, and whether it is the primary one. */
export interface EmailDraft {
  address: string;
  primary: boolean;
}

/** The company a person is linked to; `id` '' is a company the save creates first (by `name`). */
export interface CompanyRef {
  id: string;
  name: string;
}

/** The country an address has when none is chosen (the Address schema's default). */
export const DEFAULT_COUNTRY = 'DE';

export interface EditDraft {
  // Person
  salutation: Salutation;
  title: string;
  firstName: string;
  lastName: string;
  company: CompanyRef | null;
  position: string;
  department: string;
  roles: Role[];
  // Company
  name: string;
  industry: string;
  // Both: how to reach them
  emails: EmailDraft[];
  businessPhones: string[];
  mobilePhone: string;
  homePhones: string[];
  street: string;
  postcode: string;
  city: string;
  /** ISO 3166 alpha-2, e.g. DE. */
  country: string;
  website: string;
  // CRM
  ownerId: string;
  relationships: Relationship[];
  tags: string;
  specifics: string;
  customerSince: string;
  leadSource: LeadSource | '';
  leadSourceDetail: string;
  leadStatus: LeadStatus | '';
  leadNextSteps: string;
  budgetMin: string;
  budgetMax: string;
  timeframe: string;
}

export type EditField = keyof EditDraft;

/** The form's fields for `contact`; `companyName` names the linked company (the contact holds only its id). */
export function draftOf(contact: Contact, companyName = ''): EditDraft {
  const person = contact.kind === 'person' ? contact : undefined;
  const lead = contact.lead;
  return {
    salutation: person?.salutation ?? 'none',
    title: person?.title ?? '',
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    company: person?.companyId ? { id: person.companyId, name: companyName } : null,
    position: person?.position ?? '',
    department: person?.department ?? '',
    roles: [...(person?.roles ?? [])],
    name: contact.kind === 'company' ? contact.name : '',
    industry: contact.kind === 'company' ? (contact.industry ?? '') : '',
    emails: contact.emails.map(({ address, primary }) => ({ address, primary })),
    businessPhones: [...contact.businessPhones],
    mobilePhone: contact.mobilePhone ?? '',
    homePhones: [...contact.homePhones],
    street: contact.address?.street ?? '',
    postcode: contact.address?.postcode ?? '',
    city: contact.address?.city ?? '',
    country: contact.address?.country ?? DEFAULT_COUNTRY,
    website: contact.website ?? '',
    ownerId: contact.ownerId ?? '',
    relationships: [...contact.relationships],
    tags: contact.tags.join(', '),
    specifics: contact.notes.specifics,
    customerSince: contact.customerSince ?? '',
    leadSource: lead?.source ?? '',
    leadSourceDetail: lead?.sourceDetail ?? '',
    leadStatus: lead?.status ?? '',
    leadNextSteps: lead?.nextSteps ?? '',
    budgetMin: lead?.budget?.minEur?.toString() ?? '',
    budgetMax: lead?.budget?.maxEur?.toString() ?? '',
    timeframe: lead?.timeframe ?? '',
  };
}

// A linked company is the same link when its id is (its shown name does not count); a company
// still to be created is the same when its name is.
const sameCompany = (a: CompanyRef | null, b: CompanyRef | null) =>
  a?.id === b?.id && (a?.id !== '' || a.name.trim() === b?.name.trim());

const same = (field: EditField, a: EditDraft[EditField], b: EditDraft[EditField]) =>
  field === 'company'
    ? sameCompany(a as CompanyRef | null, b as CompanyRef | null)
    : a === b || JSON.stringify(a) === JSON.stringify(b);

export function changedFields(base: EditDraft, draft: EditDraft): EditField[] {
  return (Object.keys(draft) as EditField[]).filter((field) => !same(field, base[field], draft[field]));
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Whole euros as typed in German or English: "10000", "10.000", "10 000 €", "10.000,00";
 * undefined for an empty field, NaN for text that is no amount (the form refuses it).
 */
export function parseEuros(text: string): number | undefined {
  const compact = text.replace(/[\s€]/g, '');
  if (compact === '') return undefined;
  const match = /^(\d{1,3}(?:[.,]\d{3})+|\d+)(?:,(?:00?|-))?$/.exec(compact);
  return match?.[1] ? Number(match[1].replace(/[.,]/g, '')) : Number.NaN;
}

/**
 * The addresses as stored: trimmed, blank rows dropped, exactly one primary (the marked one if
 * it is kept, else the first) — the rule of contact.rules.ts `emailProblems`.
 */
export function cleanEmails(emails: readonly EmailDraft[]): EmailEntry[] {
  const kept = emails.map((e) => ({ address: e.address.trim(), primary: e.primary })).filter((e) => e.address);
  const primary = Math.max(
    0,
    kept.findIndex((e) => e.primary),
  );
  return kept.map((e, i) => ({ address: e.address, primary: i === primary }));
}

const cleanList = (values: readonly string[]) => values.map((v) => v.trim()).filter(Boolean);
const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The address as stored, or null when the form holds none (only the default country). */
export function addressOf(draft: Pick<EditDraft, 'street' | 'postcode' | 'city' | 'country'>): Address | null {
  const address: Address = {};
  for (const part of ['street', 'postcode', 'city'] as const) {
    const value = draft[part].trim();
    if (value) address[part] = value;
  }
  const country = draft.country || DEFAULT_COUNTRY;
  if (Object.keys(address).length === 0 && country === DEFAULT_COUNTRY) return null;
  return { ...address, country };
}

function leadOf(draft: EditDraft): LeadInput | null {
  const lead: LeadInput = {};
  if (draft.leadSource) lead.source = draft.leadSource;
  if (draft.leadSourceDetail.trim()) lead.sourceDetail = draft.leadSourceDetail.trim();
  if (draft.leadStatus) lead.status = draft.leadStatus;
  if (draft.leadNextSteps.trim()) lead.nextSteps = draft.leadNextSteps.trim();
  if (draft.timeframe.trim()) lead.timeframe = draft.timeframe.trim();
  const minEur = parseEuros(draft.budgetMin);
  const maxEur = parseEuros(draft.budgetMax);
  const budget = {
    ...(minEur !== undefined && !Number.isNaN(minEur) ? { minEur } : {}),
    ...(maxEur !== undefined && !Number.isNaN(maxEur) ? { maxEur } : {}),
  };
  if (Object.keys(budget).length > 0) lead.budget = budget;
  return Object.keys(lead).length > 0 ? lead : null;
}

/** What each patch field is, for a draft: both drafts' values are compared, so a blank row added and left changes nothing. */
function patchValues(kind: Contact['kind'], draft: EditDraft): Record<string, unknown> {
  const values: Record<string, unknown> = {
    emails: cleanEmails(draft.emails),
    businessPhones: cleanList(draft.businessPhones),
    mobilePhone: orNull(draft.mobilePhone),
    homePhones: cleanList(draft.homePhones),
    address: addressOf(draft),
    website: orNull(draft.website),
    relationships: draft.relationships,
    tags: parseTags(draft.tags),
    notes: { specifics: draft.specifics },
    customerSince: orNull(draft.customerSince),
    lead: leadOf(draft),
  };
  // The owner can be handed on but not removed (every contact has a Betreuer).
  if (draft.ownerId) values.ownerId = draft.ownerId;
  if (kind === 'company') return { ...values, name: draft.name.trim(), industry: orNull(draft.industry) };
  return {
    ...values,
    salutation: draft.salutation,
    title: orNull(draft.title),
    firstName: orNull(draft.firstName),
    lastName: draft.lastName.trim(),
    companyId: draft.company?.id || null,
    position: orNull(draft.position),
    department: orNull(draft.department),
    roles: draft.roles,
  };
}

/**
 * Only the fields whose stored value would change (`null` clears one, nested objects such as
 * `address` and `lead` go as a whole); undefined when nothing would. A company to be created
 * (`company.id` '') is left out: the save creates it first and links it then.
 */
export function patchFor(kind: Contact['kind'], base: EditDraft, draft: EditDraft): ContactPatch | undefined {
  const before = patchValues(kind, base);
  const after = patchValues(kind, draft);
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[field])) patch[field] = value;
  }
  if (draft.company && !draft.company.id) delete patch.companyId;
  return Object.keys(patch).length > 0 ? (patch as ContactPatch) : undefined;
}

/** A new company is waiting to be created and linked (there is something to save). */
export const pendingCompany = (kind: Contact['kind'], draft: EditDraft): string | undefined =>
  kind === 'person' && draft.company && !draft.company.id ? draft.company.name.trim() : undefined;

const IDENTITY: Record<Contact['kind'], readonly EditField[]> = {
  person: ['title', 'firstName', 'lastName', 'emails'],
  company: ['name', 'emails'],
};

/** The name or an e-mail address changed: the save checks for duplicates first. */
export function identityChanged(kind: Contact['kind'], base: EditDraft, draft: EditDraft): boolean {
  const before = patchValues(kind, base);
  const after = patchValues(kind, draft);
  return IDENTITY[kind].some((key) => {
    if (key === 'emails') {
      const addresses = (value: unknown) => (value as EmailEntry[]).map((e) => e.address.toLowerCase()).sort();
      return JSON.stringify(addresses(before.emails)) !== JSON.stringify(addresses(after.emails));
    }
    return JSON.stringify(before[key]) !== JSON.stringify(after[key]);
  });
}

/** The edited contact as the duplicate check reads it, leaving out the contact itself (`excludeId`). */
export function duplicateProbe(contact: Contact, draft: EditDraft): DuplicateCheckRequest {
  const emails = cleanEmails(draft.emails);
  if (contact.kind === 'company') {
    const website = draft.website.trim();
    return { kind: 'company', name: draft.name.trim(), emails, ...(website ? { website } : {}), excludeId: contact.id };
  }
  const firstName = draft.firstName.trim();
  const title = draft.title.trim();
  return {
    kind: 'person',
    salutation: draft.salutation,
    lastName: draft.lastName.trim(),
    ...(firstName ? { firstName } : {}),
    ...(title ? { title } : {}),
    ...(draft.company?.id ? { companyId: draft.company.id } : {}),
    emails,
    excludeId: contact.id,
  };
}

export interface Rebased {
  base: EditDraft;
  draft: EditDraft;
  /** Fields both the user and someone else changed; the user's value is kept. */
  conflicts: EditField[];
}

export function rebase(base: EditDraft, draft: EditDraft, latest: Contact): Rebased {
  // The newer version may link another company; its name is not known yet unless it is the same.
  const theirs = draftOf(
    latest,
    latest.kind === 'person' && latest.companyId === base.company?.id ? (base.company?.name ?? '') : '',
  );
  const mine = new Set(changedFields(base, draft));
  const next = { ...theirs } as Record<EditField, EditDraft[EditField]>;
  for (const field of mine) next[field] = draft[field];
  const conflicts = changedFields(base, theirs).filter(
    (field) => mine.has(field) && !same(field, theirs[field], draft[field]),
  );
  return { base: theirs, draft: next as EditDraft, conflicts };
}
