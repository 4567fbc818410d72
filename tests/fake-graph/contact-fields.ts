import { GraphError } from './errors';

// The writable properties of Graph's `contact` resource (learn.microsoft.com/graph/api/resources/contact)
// the fake keeps, by kind. Anything else in a POST/PATCH body is a 400, as on Graph.
const STRING_FIELDS = [
  'displayName',
  'givenName',
  'surname',
  'middleName',
  'nickName',
  'initials',
  'title',
  'fileAs',
  'generation',
  'mobilePhone',
  'companyName',
  'jobTitle',
  'department',
  'officeLocation',
  'profession',
  'manager',
  'assistantName',
  'spouseName',
  'businessHomePage',
  'personalNotes',
  'birthday',
  'yomiGivenName',
  'yomiSurname',
  'yomiCompanyName',
] as const;
const STRING_ARRAY_FIELDS = ['businessPhones', 'homePhones', 'categories', 'children', 'imAddresses'] as const;
const ADDRESS_FIELDS = ['businessAddress', 'homeAddress', 'otherAddress'] as const;
const ADDRESS_KEYS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;
const READ_ONLY = ['id', 'changeKey', 'createdDateTime', 'lastModifiedDateTime', 'parentFolderId'];
/** Outlook keeps three e-mail addresses per contact (Email1..Email3). */
export const MAX_EMAILS = 3;

export type ContactFields = Record<string, unknown>;
export interface ExtendedProperty {
  id: string;
  value: string;
}

/** Every property a GET returns when no $select is given (unset ones as null / [] / {}). */
export const CONTACT_PROPERTIES = [
  ...READ_ONLY,
  ...STRING_FIELDS,
  ...STRING_ARRAY_FIELDS,
  ...ADDRESS_FIELDS,
  'emailAddresses',
] as const;

function badBody(message: string): GraphError {
  return new GraphError(400, 'RequestBodyRead', message);
}

function isStringOrNull(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

/**
 * Validates a contact POST/PATCH body and splits it into contact fields and extended properties.
 * Read-only properties and `@odata.*` annotations are ignored; unknown ones are refused.
 */
export function parseContactBody(body: unknown): { fields: ContactFields; extended: ExtendedProperty[] | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badBody('Invalid request body.');
  const fields: ContactFields = {};
  let extended: ExtendedProperty[] | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || READ_ONLY.includes(key)) continue;
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (!isStringOrNull(value)) throw badBody(`Cannot convert the literal for property '${key}' to Edm.String.`);
      fields[key] = value;
    } else if ((STRING_ARRAY_FIELDS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        throw badBody(`Property '${key}' must be a collection of Edm.String.`);
      fields[key] = [...value];
    } else if ((ADDRESS_FIELDS as readonly string[]).includes(key)) {
      fields[key] = parseAddress(key, value);
    } else if (key === 'emailAddresses') {
      fields[key] = parseEmails(value);
    } else if (key === 'singleValueExtendedProperties') {
      extended = parseExtended(value);
    } else {
      throw badBody(
        `The property '${key}' does not exist on type 'microsoft.graph.contact'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  return { fields, extended };
}

function parseAddress(key: string, value: unknown): Record<string, string> {
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badBody(`Property '${key}' must be a physicalAddress.`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(ADDRESS_KEYS as readonly string[]).includes(k))
      throw badBody(`The property '${k}' does not exist on type 'microsoft.graph.physicalAddress'.`);
    if (!isStringOrNull(v)) throw badBody(`Cannot convert the literal for property '${k}' to Edm.String.`);
    if (v !== null) out[k] = v;
  }
  return out;
}

function parseEmails(value: unknown): Array<{ name?: string; address?: string }> {
  if (!Array.isArray(value)) throw badBody("Property 'emailAddresses' must be a collection of emailAddress.");
  if (value.length > MAX_EMAILS)
    throw new GraphError(400, 'ErrorInvalidArgument', 'Maximum number of email addresses for a contact is 3.');
  return value.map((e) => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw badBody('Invalid emailAddress.');
    const out: { name?: string; address?: string } = {};
    for (const [k, v] of Object.entries(e)) {
      if (k !== 'name' && k !== 'address')
        throw badBody(`The property '${k}' does not exist on type 'microsoft.graph.emailAddress'.`);
      if (!isStringOrNull(v)) throw badBody(`Cannot convert the literal for property '${k}' to Edm.String.`);
      if (v !== null) out[k] = v;
    }
    return out;
  });
}

function parseExtended(value: unknown): ExtendedProperty[] {
  if (!Array.isArray(value)) throw badBody("Property 'singleValueExtendedProperties' must be a collection.");
  return value.map((p) => {
    if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || typeof p.value !== 'string')
      throw badBody('Invalid singleValueLegacyExtendedProperty.');
    return { id: normalizeExtendedId(p.id), value: p.value };
  });
}

/**
 * Canonical form of an extended property id `String {guid} Name X`: the type and GUID compare
 * case-insensitively, the name case-sensitively (learn.microsoft.com singlevaluelegacyextendedproperty-get).
 */
export function normalizeExtendedId(id: string): string {
  const m = /^\s*(\w+)\s+\{([0-9a-fA-F-]{36})\}\s+(Name|Id)\s+(.+?)\s*$/i.exec(id);
  if (!m) throw new GraphError(400, 'ErrorInvalidProperty', `The extended property id '${id}' is invalid.`);
  const type = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
  return `${type} {${m[2]!.toLowerCase()}} ${m[3]!.charAt(0).toUpperCase()}${m[3]!.slice(1).toLowerCase()} ${m[4]}`;
}

/** The displayName Outlook derives when a create gives none: "givenName middleName surname". */
export function derivedDisplayName(fields: ContactFields): string {
  return [fields.givenName, fields.middleName, fields.surname].filter((p) => typeof p === 'string' && p).join(' ');
}

/** A property's value as Graph renders it when unset. */
export function emptyValue(prop: string): unknown {
  if ((STRING_ARRAY_FIELDS as readonly string[]).includes(prop) || prop === 'emailAddresses') return [];
  if ((ADDRESS_FIELDS as readonly string[]).includes(prop)) return {};
  return null;
}
