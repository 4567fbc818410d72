import type { ContactKind } from '../../contacts/contact-enums.schema';
import type { TextKey } from '../i18n';
import type { EditField } from './edit-model';

// The editor's inputs by the paths the API and the data-care findings use ('emails.1',
// 'businessPhones.0', 'lead.status', 'address.city'). Each input carries its key as
// `data-field`, so a finding can open the editor at it and a server error can be shown there.

/** An input of the editor, named by its API path: 'lastName', 'emails.1', 'lead.budget.maxEur', … */
export type EditorField = string;

const PERSON_FIELDS = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'companyId',
  'position',
  'department',
  'roles',
] as const;
const COMPANY_FIELDS = ['name', 'industry'] as const;
const COMMON_FIELDS = [
  'emails.0',
  'emails.1',
  'emails.2',
  'businessPhones.0',
  'businessPhones.1',
  'mobilePhone',
  'homePhones.0',
  'homePhones.1',
  'website',
  'address.street',
  'address.postcode',
  'address.city',
  'address.country',
  'ownerId',
  'relationships',
  'customerSince',
  'tags',
  'notes.specifics',
  'lead.source',
  'lead.status',
  'lead.sourceDetail',
  'lead.nextSteps',
  'lead.budget.minEur',
  'lead.budget.maxEur',
  'lead.timeframe',
] as const;

const FIELDS: Record<ContactKind, ReadonlySet<string>> = {
  person: new Set([...PERSON_FIELDS, ...COMMON_FIELDS]),
  company: new Set([...COMPANY_FIELDS, ...COMMON_FIELDS]),
};

// A path that names a group or another word for a field, and the input that stands for it.
const COMMON_ALIASES: Readonly<Record<string, string>> = {
  emails: 'emails.0',
  businessPhones: 'businessPhones.0',
  homePhones: 'homePhones.0',
  address: 'address.street',
  lead: 'lead.status',
  'lead.budget': 'lead.budget.minEur',
  notes: 'notes.specifics',
  specifics: 'notes.specifics',
  owner: 'ownerId',
};
const ALIASES: Record<ContactKind, Readonly<Record<string, string>>> = {
  person: { ...COMMON_ALIASES, name: 'lastName', company: 'companyId' },
  company: { ...COMMON_ALIASES, lastName: 'name' },
};

function resolve(path: string, kind: ContactKind | undefined, aliases: (kind: ContactKind) => Record<string, string>) {
  const kinds: ContactKind[] = kind ? [kind] : ['person', 'company'];
  const parts = path.replace(/^body\./, '').split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    for (const k of kinds) {
      if (FIELDS[k].has(candidate)) return candidate;
      const alias = aliases(k)[candidate];
      if (alias) return alias;
    }
    parts.pop();
  }
  return undefined;
}

/**
 * The editor input for a field path of a data-care finding or an API error ('emails' →
 * 'emails.0', 'emails.1.address' → 'emails.1', 'address' → 'address.street', 'name' of a person
 * → 'lastName', 'lead' → 'lead.status'); undefined for a path the editor has no input for
 * ('consent.email', a company's 'roles'), where the editor opens at its top.
 */
export function editorFieldOf(path: string, kind?: ContactKind): EditorField | undefined {
  return resolve(path, kind, (k) => ALIASES[k]);
}

/**
 * Where an API field error is shown: like `editorFieldOf`, except that a problem of the whole
 * e-mail list (no primary, an address twice) stays with the list, and the budget's range
 * problem sits at "Budget bis".
 */
export function errorFieldOf(path: string, kind?: ContactKind): EditorField | undefined {
  const bare = path.replace(/^body\./, '');
  if (bare === 'emails') return 'emails';
  if (bare === 'lead.budget') return 'lead.budget.maxEur';
  return editorFieldOf(bare, kind);
}

/** Labels of the draft's fields (the note after a reload names contested ones). */
export const DRAFT_LABELS: Record<EditField, TextKey> = {
  salutation: 'field.salutation',
  title: 'field.title',
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  company: 'field.company',
  position: 'field.position',
  department: 'field.department',
  roles: 'field.roles',
  name: 'field.name',
  industry: 'field.industry',
  emails: 'field.emails',
  businessPhones: 'field.businessPhones',
  mobilePhone: 'field.mobilePhone',
  homePhones: 'field.homePhones',
  street: 'field.street',
  postcode: 'field.postcode',
  city: 'field.city',
  country: 'field.country',
  website: 'field.website',
  ownerId: 'field.owner',
  relationships: 'field.relationships',
  tags: 'field.tags',
  specifics: 'field.specifics',
  customerSince: 'field.customerSince',
  leadSource: 'field.leadSource',
  leadSourceDetail: 'field.sourceDetail',
  leadStatus: 'field.leadStatus',
  leadNextSteps: 'field.nextSteps',
  budgetMin: 'form.budgetMin',
  budgetMax: 'form.budgetMax',
  timeframe: 'field.timeframe',
};
