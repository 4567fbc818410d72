import { isSupportedCountry } from 'libphonenumber-js';
import type { ContactKind } from '../../contacts/contact-enums.schema';
import { CompanyPatch, PersonPatch } from '../../contacts/contact-input.schema';
import { budgetInRange, emailProblems } from '../../contacts/contact.rules';
import { isEmailAddress } from '../../contacts/normalize.rules';
import { normalizePhone } from '../../contacts/phone.rules';
import type { TextKey, TextParams } from '../i18n';
import type { EditorField } from './edit-fields';
import { cleanEmails, DEFAULT_COUNTRY, type EditDraft, parseEuros, parseTags } from './edit-model';

// What the form checks before it sends anything: the rules of shared/src/contacts (e-mail
// format, one primary, the budget's range), the limits of the patch schemas, and a hint for
// phone numbers that cannot be dialled. The API checks all of it again; this only spares the
// user a round trip and shows each problem at its input.

/** A problem at one input: an error blocks saving, a warning (an unreadable phone number) does not. */
export interface FieldProblem {
  key: TextKey;
  params?: TextParams;
  severity: 'error' | 'warning';
}

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; maxLength?: number };
const PATCHES: Record<ContactKind, Schema> = { company: CompanyPatch as Schema, person: PersonPatch as Schema };

/** `maxLength` of the patch schema at `path` ('title', 'address.city', 'emails.0.address', 'tags.0'). */
export function maxLengthOf(kind: ContactKind, path: string): number | undefined {
  let node: Schema | undefined = PATCHES[kind];
  for (const part of path.split('.')) {
    // A nullable object is `anyOf: [null, object]` or `type: ['object', 'null']`.
    const branch: Schema | undefined = node?.anyOf?.find((s) => s.properties || s.items) ?? node;
    node = /^\d+$/.test(part) ? branch?.items : branch?.properties?.[part];
  }
  return node?.maxLength;
}

/** The country whose numbering plan reads a phone number without a +: the address's, else Germany. */
export const phoneRegion = (country: string) => (isSupportedCountry(country) ? country : DEFAULT_COUNTRY);

const length = (text: string) => [...text.trim()].length;
const error = (key: TextKey, params?: TextParams): FieldProblem => ({
  key,
  severity: 'error',
  ...(params ? { params } : {}),
});

/** Every problem of the draft by editor input ('emails' for the list as a whole). */
export function editProblems(kind: ContactKind, draft: EditDraft): Map<EditorField, FieldProblem> {
  const problems = new Map<EditorField, FieldProblem>();
  const check = (field: EditorField, problem: FieldProblem | undefined) => {
    if (problem && !problems.has(field)) problems.set(field, problem);
  };
  const limit = (field: EditorField, value: string, schemaPath = field) => {
    const max = maxLengthOf(kind, schemaPath);
    if (max !== undefined && length(value) > max) check(field, error('edit.tooLong', { max, count: length(value) }));
  };

  if (kind === 'person') {
    if (!draft.lastName.trim()) check('lastName', error('form.required'));
    for (const field of ['title', 'firstName', 'lastName', 'position', 'department'] as const) {
      limit(field, draft[field]);
    }
    // A company the save creates: its name has the company's limit.
    const newCompany = draft.company && !draft.company.id ? draft.company.name : '';
    const maxName = maxLengthOf('company', 'name');
    if (maxName !== undefined && length(newCompany) > maxName) {
      check('companyId', error('edit.tooLong', { max: maxName, count: length(newCompany) }));
    }
  } else {
    if (!draft.name.trim()) check('name', error('form.required'));
    limit('name', draft.name);
    limit('industry', draft.industry);
  }

  draft.emails.forEach((entry, i) => {
    const address = entry.address.trim();
    if (address && !isEmailAddress(address)) check(`emails.${i}`, error('edit.emailInvalid'));
    limit(`emails.${i}`, address, `emails.${i}.address`);
  });
  if (emailProblems(cleanEmails(draft.emails)).includes('duplicateEmail')) {
    check('emails', error('inputProblem.duplicateEmail'));
  }

  const region = phoneRegion(draft.country);
  const phones: Array<[EditorField, string]> = [
    ...draft.businessPhones.map((phone, i): [string, string] => [`businessPhones.${i}`, phone]),
    ['mobilePhone', draft.mobilePhone],
    ...draft.homePhones.map((phone, i): [string, string] => [`homePhones.${i}`, phone]),
  ];
  for (const [field, phone] of phones) {
    limit(field, phone);
    if (phone.trim() && normalizePhone(phone, region) === null) {
      check(field, { key: 'edit.phoneUnreadable', severity: 'warning' });
    }
  }

  for (const part of ['street', 'postcode', 'city'] as const) limit(`address.${part}`, draft[part]);
  if (/\s/.test(draft.website.trim())) check('website', error('edit.websiteSpaces'));
  limit('website', draft.website);

  if (draft.customerSince && !/^\d{4}-\d{2}-\d{2}$/.test(draft.customerSince)) {
    check('customerSince', error('form.dateInvalid'));
  }
  const tags = parseTags(draft.tags);
  const maxTags = (PATCHES[kind].properties?.tags as { maxItems?: number } | undefined)?.maxItems;
  const maxTag = maxLengthOf(kind, 'tags.0');
  if (maxTags !== undefined && tags.length > maxTags) check('tags', error('edit.tooManyTags', { max: maxTags }));
  const long = tags.find((tag) => maxTag !== undefined && length(tag) > maxTag);
  if (long && maxTag !== undefined) check('tags', error('edit.tagTooLong', { tag: long, max: maxTag }));
  limit('notes.specifics', draft.specifics);

  limit('lead.sourceDetail', draft.leadSourceDetail);
  limit('lead.nextSteps', draft.leadNextSteps);
  limit('lead.timeframe', draft.timeframe);
  const minEur = parseEuros(draft.budgetMin);
  const maxEur = parseEuros(draft.budgetMax);
  if (Number.isNaN(minEur)) check('lead.budget.minEur', error('edit.budgetNumber'));
  if (Number.isNaN(maxEur)) check('lead.budget.maxEur', error('edit.budgetNumber'));
  const amount = (value: number | undefined) => value !== undefined && !Number.isNaN(value);
  if (amount(minEur) && amount(maxEur) && !budgetInRange({ minEur, maxEur })) {
    check('lead.budget.maxEur', error('inputProblem.budgetRange'));
  }
  return problems;
}

/** Only the problems that block saving. */
export const blockingProblems = (problems: ReadonlyMap<EditorField, FieldProblem>): EditorField[] =>
  [...problems].filter(([, problem]) => problem.severity === 'error').map(([field]) => field);
