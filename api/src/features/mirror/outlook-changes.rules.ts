import { createSuggestion, type EmailEntry, isEmailAddress } from '@klarkonform/shared';
import { type Fields, GRAPH_FIELD_KEYS, type GraphFieldKey, type GraphFields, text } from './contact-mapping.rules';

// Outlook's side of the mapping: taking the fields Outlook changed into a CRM contact (Microsoft
// 365 wins there), and making a CRM contact of one created in Outlook. Pure functions.

/** What applying Outlook's changes to a CRM contact did. */
export interface OutlookChange {
  fields: Fields;
  /** Keys whose Outlook value was taken. */
  applied: GraphFieldKey[];
  /** Keys Outlook changed to a value the CRM cannot hold (the CRM value stays and is pushed again). */
  refused: GraphFieldKey[];
  /** A person's changed company name: the caller relinks the person (the CRM keeps a link, not a name). */
  companyName?: string | null;
}

const LIMITS: Partial<Record<GraphFieldKey, number>> = {
  title: 40,
  givenName: 100,
  surname: 100,
  companyName: 200,
  mobilePhone: 60,
  jobTitle: 100,
  department: 100,
  street: 200,
  postalCode: 20,
  city: 100,
  website: 300,
};

/**
 * Takes Outlook's value for each of `keys` (the fields Outlook changed since the base: Microsoft
 * 365 wins there) into the CRM fields. A value the CRM cannot hold — a person without a last name,
 * a company without a name, an invalid e-mail address, a text over its limit, an unknown country —
 * is refused and the CRM's value kept. E-mail entries keep their primary flag where the address
 * stays; otherwise the first address becomes primary.
 */
export function applyOutlookChanges(
  contact: Fields,
  outlook: GraphFields,
  keys: readonly GraphFieldKey[],
): OutlookChange {
  const fields: Fields = structuredClone(contact);
  const applied: GraphFieldKey[] = [];
  const refused: GraphFieldKey[] = [];
  let companyName: string | null | undefined;
  const person = fields.kind === 'person';
  const fits = (key: GraphFieldKey, value: string | undefined) =>
    value === undefined || value.length <= (LIMITS[key] ?? Number.POSITIVE_INFINITY);
  const setText = (key: GraphFieldKey, field: string, required = false) => {
    const value = outlook[key] as string | undefined;
    if (!fits(key, value) || (required && value === undefined)) return refused.push(key);
    if (value === undefined) delete fields[field];
    else fields[field] = value;
    applied.push(key);
  };
  const address = () => ({ ...((fields.address as Record<string, string> | undefined) ?? {}) });
  const setAddress = (key: GraphFieldKey, part: string, value: string | undefined) => {
    if (!fits(key, value)) return refused.push(key);
    const next = address();
    if (value === undefined) delete next[part];
    else next[part] = value;
    if (Object.keys(next).length === 0) delete fields.address;
    else fields.address = next;
    applied.push(key);
  };

  for (const key of keys) {
    switch (key) {
      case 'title':
      case 'givenName':
      case 'surname':
      case 'jobTitle':
      case 'department':
        if (!person) break;
        setText(
          key,
          {
            title: 'title',
            givenName: 'firstName',
            surname: 'lastName',
            jobTitle: 'position',
            department: 'department',
          }[key],
          key === 'surname',
        );
        break;
      case 'companyName':
        if (person) {
          if (!fits(key, outlook.companyName)) refused.push(key);
          else {
            companyName = outlook.companyName ?? null;
            applied.push(key);
          }
        } else setText(key, 'name', true);
        break;
      case 'emails': {
        const valid = outlook.emails.every((address) => isEmailAddress(address));
        if (!valid) {
          refused.push(key);
          break;
        }
        const before = (fields.emails as EmailEntry[] | undefined) ?? [];
        const primary = before.find((e) => e.primary)?.address.toLowerCase();
        const keeps = outlook.emails.some((a) => a.toLowerCase() === primary);
        fields.emails = outlook.emails.map((address, i) => ({
          address,
          primary: keeps ? address.toLowerCase() === primary : i === 0,
        }));
        applied.push(key);
        break;
      }
      case 'businessPhones':
      case 'homePhones':
        if (outlook[key].some((p) => p.length > 60)) refused.push(key);
        else {
          fields[key] = [...outlook[key]];
          applied.push(key);
        }
        break;
      case 'mobilePhone':
        setText(key, 'mobilePhone');
        break;
      case 'website':
        if (outlook.website !== undefined && /\s/.test(outlook.website)) refused.push(key);
        else setText(key, 'website');
        break;
      case 'street':
        setAddress(key, 'street', outlook.street);
        break;
      case 'postalCode':
        setAddress(key, 'postcode', outlook.postalCode);
        break;
      case 'city':
        setAddress(key, 'city', outlook.city);
        break;
      case 'country':
        if (outlook.country !== undefined && !/^[A-Z]{2}$/.test(outlook.country)) refused.push(key);
        else setAddress(key, 'country', outlook.country);
        break;
    }
  }
  return { fields, applied, refused, ...(companyName !== undefined ? { companyName } : {}) };
}

/**
 * The CRM fields of a contact someone created in Outlook, and a person's company name (the caller
 * links the company). A person when Outlook has a given name or surname; a company when it has
 * only a company name; otherwise what the sender card would suggest from the display name and the
 * first address (shared `createSuggestion`). Undefined when there is nothing to call it by.
 */
export function newContactFromOutlook(
  outlook: GraphFields,
  shownName?: string,
): { fields: Fields; companyName?: string } | undefined {
  let base: Fields | undefined;
  if (outlook.surname !== undefined || outlook.givenName !== undefined) {
    base = {
      kind: 'person',
      lastName: (outlook.surname ?? outlook.givenName)!.slice(0, 100),
      ...(outlook.surname !== undefined && outlook.givenName !== undefined ? { firstName: outlook.givenName } : {}),
    };
  } else if (outlook.companyName !== undefined) {
    base = { kind: 'company', name: outlook.companyName.slice(0, 200) };
  } else if (outlook.emails[0] !== undefined) {
    const suggestion = createSuggestion({
      email: outlook.emails[0],
      displayName: text(shownName) ?? null,
      company: null,
    });
    if (suggestion?.lastName !== undefined) {
      base = {
        kind: 'person',
        lastName: suggestion.lastName,
        ...(suggestion.firstName !== undefined ? { firstName: suggestion.firstName } : {}),
        ...(suggestion.title !== undefined ? { title: suggestion.title } : {}),
      };
    } else if (suggestion?.companyName !== undefined) {
      base = { kind: 'company', name: suggestion.companyName };
    } else {
      base = { kind: 'person', lastName: outlook.emails[0].slice(0, outlook.emails[0].indexOf('@')).slice(0, 100) };
    }
  }
  if (base === undefined) return undefined;
  const person = base.kind === 'person';
  const keys = GRAPH_FIELD_KEYS.filter((k) => k !== 'givenName' && k !== 'surname' && (person || k !== 'companyName'));
  const start: Fields = { ...base, emails: [], businessPhones: [], homePhones: [] };
  const { fields, companyName } = applyOutlookChanges(start, outlook, keys);
  return { fields, ...(typeof companyName === 'string' ? { companyName } : {}) };
}
