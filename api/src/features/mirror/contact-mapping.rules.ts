import type { Contact as GraphContact } from '@microsoft/microsoft-graph-types';
import { type EmailEntry, normalizeLine } from '@klarkonform/shared';
import { countryCode, countryName } from './country-names.rules';

// Between a CRM contact and an Outlook contact (Microsoft Graph `contact` resource,
// https://learn.microsoft.com/graph/api/resources/contact). Only the fields Microsoft 365 owns
// travel (DESIGN.md "Data ownership in the M365 mirror"); relationship, roles, consent, notes,
// tags, lead data and owner never leave KlarKonform. Pure functions: no I/O, no clock.

/**
 * The Microsoft-365-owned fields of one contact in a comparable form: what the mirror wrote to
 * or read from Outlook last (the three-way merge's base), and what it would write now. Empty
 * texts are absent; `country` is an ISO 3166 code when the Outlook text names a known country.
 */
export interface GraphFields {
  title?: string;
  givenName?: string;
  surname?: string;
  companyName?: string;
  emails: string[];
  businessPhones: string[];
  mobilePhone?: string;
  homePhones: string[];
  jobTitle?: string;
  department?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  country?: string;
  website?: string;
}

export type GraphFieldKey = keyof GraphFields;

export const GRAPH_FIELD_KEYS: readonly GraphFieldKey[] = [
  'title',
  'givenName',
  'surname',
  'companyName',
  'emails',
  'businessPhones',
  'mobilePhone',
  'homePhones',
  'jobTitle',
  'department',
  'street',
  'postalCode',
  'city',
  'country',
  'website',
];

/** Graph properties the mirror reads ($select of the delta query and of lookups). */
export const GRAPH_SELECT = [
  'id',
  'displayName',
  'title',
  'givenName',
  'surname',
  'companyName',
  'emailAddresses',
  'businessPhones',
  'mobilePhone',
  'homePhones',
  'jobTitle',
  'department',
  'businessAddress',
  'businessHomePage',
].join(',');

/** Outlook shows at most this many (Graph `contact.emailAddresses`, `businessPhones`, `homePhones`). */
const MAX_EMAILS = 3;
const MAX_PHONES = 2;

export type Fields = Record<string, unknown> & { kind: 'company' | 'person' };

export const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  // Outlook allows line breaks (a street over two lines); the CRM keeps single-line texts.
  const line = normalizeLine(value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ', ').replace(/\p{Cc}/gu, '')).trim();
  return line === '' ? undefined : line;
};

const texts = (values: unknown, max: number): string[] =>
  (Array.isArray(values) ? values : [])
    .map(text)
    .filter((v): v is string => v !== undefined)
    .slice(0, max);

function compact(fields: GraphFields): GraphFields {
  const out = { ...fields } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) if (value === undefined) delete out[key];
  return out as unknown as GraphFields;
}

/**
 * What Outlook should hold for a CRM contact. A person's company name is its company's name
 * (`companyName`, read by the caller); a company is an Outlook contact with only a company name.
 */
export function graphFieldsOf(contact: Fields, companyName?: string): GraphFields {
  const emails = [...((contact.emails as EmailEntry[] | undefined) ?? [])]
    // The primary address first: Outlook shows and uses "E-Mail" before "E-Mail 2".
    .sort((a, b) => Number(b.primary) - Number(a.primary))
    .map((entry) => entry.address)
    .slice(0, MAX_EMAILS);
  const address = (contact.address ?? {}) as { street?: string; postcode?: string; city?: string; country?: string };
  const person = contact.kind === 'person';
  return compact({
    title: person ? text(contact.title) : undefined,
    givenName: person ? text(contact.firstName) : undefined,
    surname: person ? text(contact.lastName) : undefined,
    companyName: text(person ? companyName : contact.name),
    emails,
    businessPhones: texts(contact.businessPhones, MAX_PHONES),
    mobilePhone: text(contact.mobilePhone),
    homePhones: texts(contact.homePhones, MAX_PHONES),
    jobTitle: person ? text(contact.position) : undefined,
    department: person ? text(contact.department) : undefined,
    street: text(address.street),
    postalCode: text(address.postcode),
    city: text(address.city),
    country: text(address.country),
    website: text(contact.website),
  });
}

/** The comparable fields of an Outlook contact as Graph returns it. */
export function graphFieldsFromOutlook(contact: GraphContact): GraphFields {
  const address = contact.businessAddress ?? {};
  const countryText = text(address.countryOrRegion);
  return compact({
    title: text(contact.title),
    givenName: text(contact.givenName),
    surname: text(contact.surname),
    companyName: text(contact.companyName),
    emails: (contact.emailAddresses ?? [])
      .map((e) => text(e.address))
      .filter((a): a is string => a !== undefined)
      .slice(0, MAX_EMAILS),
    businessPhones: texts(contact.businessPhones, MAX_PHONES),
    mobilePhone: text(contact.mobilePhone),
    homePhones: texts(contact.homePhones, MAX_PHONES),
    jobTitle: text(contact.jobTitle),
    department: text(contact.department),
    street: text(address.street),
    postalCode: text(address.postalCode),
    city: text(address.city),
    country: countryText === undefined ? undefined : (countryCode(countryText) ?? countryText),
    website: text(contact.businessHomePage),
  });
}

function same(key: GraphFieldKey, a: GraphFields, b: GraphFields): boolean {
  const x = a[key];
  const y = b[key];
  if (Array.isArray(x) || Array.isArray(y)) {
    const xs = (x as string[] | undefined) ?? [];
    const ys = (y as string[] | undefined) ?? [];
    // Addresses compare without case (RFC 5321 treats the domain so; Outlook keeps what was typed).
    const fold = key === 'emails' ? (s: string) => s.toLowerCase() : (s: string) => s;
    return xs.length === ys.length && xs.every((v, i) => fold(v) === fold(ys[i] ?? ''));
  }
  return x === y;
}

/** The fields in which `next` differs from `base`. */
export function changedFields(base: GraphFields, next: GraphFields): GraphFieldKey[] {
  return GRAPH_FIELD_KEYS.filter((key) => !same(key, base, next));
}

/**
 * The Graph request body that writes `keys` of `fields` (all of them for a create). Cleared
 * texts are sent as null and cleared lists as []; the business address is written whole, as
 * Graph replaces a complex property on PATCH.
 */
export function graphBody(
  fields: GraphFields,
  keys: readonly GraphFieldKey[] = GRAPH_FIELD_KEYS,
  kind: 'company' | 'person' = 'person',
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const scalar = (v: string | undefined) => v ?? null;
  for (const key of keys) {
    switch (key) {
      case 'emails':
        body.emailAddresses = fields.emails.map((address) => ({ address, name: address }));
        break;
      case 'businessPhones':
      case 'homePhones':
        body[key] = [...fields[key]];
        break;
      case 'website':
        body.businessHomePage = scalar(fields.website);
        break;
      case 'street':
      case 'postalCode':
      case 'city':
      case 'country':
        body.businessAddress = {
          street: scalar(fields.street),
          postalCode: scalar(fields.postalCode),
          city: scalar(fields.city),
          countryOrRegion: fields.country === undefined ? null : (countryName(fields.country) ?? fields.country),
        };
        break;
      default:
        body[key] = scalar(fields[key]);
    }
  }
  if (keys.some((k) => k === 'givenName' || k === 'surname' || k === 'title' || k === 'companyName')) {
    const name =
      kind === 'company'
        ? (fields.companyName ?? '')
        : [fields.title, fields.givenName, fields.surname].filter(Boolean).join(' ');
    body.displayName = name;
    body.fileAs = kind === 'company' ? name : [fields.surname, fields.givenName].filter(Boolean).join(', ');
  }
  return body;
}
