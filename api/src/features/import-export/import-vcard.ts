import ICAL from 'ical.js';
import { de, type ImportTarget } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import type { ReadTable } from './import-table';

// vCard files (.vcf, several cards per file) in version 3.0 (RFC 2426) or 4.0 (RFC 6350), parsed
// by ical.js; each card becomes one row of fixed columns named with the German field labels (so
// the `vcard` preset maps them like an export of KlarKonform's).

const COLUMNS: readonly ImportTarget[] = [
  'kind',
  'salutation',
  'firstName',
  'lastName',
  'fullName',
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
  'tags',
  'notes',
];

type Property = InstanceType<typeof ICAL.Property>;

const typesOf = (property: Property): string[] => {
  const type = property.getParameter('type');
  const list = Array.isArray(type) ? type : type ? [type] : [];
  return list.flatMap((t) => String(t).toLowerCase().split(','));
};

const text = (value: unknown): string =>
  (Array.isArray(value) ? value.map(text).join(' ') : String(value ?? '')).trim();

/** A card's structured value (N, ORG, ADR) as its components; a component with several values is joined. */
const parts = (property: Property | null): string[] => {
  const value = property?.getFirstValue();
  return Array.isArray(value) ? value.map(text) : [text(value)];
};

function cardRow(card: InstanceType<typeof ICAL.Component>): Map<ImportTarget, string> {
  const row = new Map<ImportTarget, string>();
  const put = (target: ImportTarget, value: string | undefined) => {
    if (value && value.trim() !== '' && !row.has(target)) row.set(target, value.trim());
  };
  const [family = '', given = '', additional = '', prefix = ''] = parts(card.getFirstProperty('n'));
  const [org = '', unit = ''] = parts(card.getFirstProperty('org'));
  const fn = text(card.getFirstPropertyValue('fn'));
  const kind = text(card.getFirstPropertyValue('kind')).toLowerCase();
  const showAs = text(card.getFirstPropertyValue('x-abshowas')).toLowerCase();
  const isOrg =
    kind === 'org' || showAs === 'company' || (!family && !given && org !== '' && (fn === '' || fn === org));
  put('kind', isOrg ? 'Firma' : 'Person');
  put('salutation', prefix);
  put('firstName', [given, additional].filter(Boolean).join(' '));
  put('lastName', family);
  if (!family && !isOrg) put('fullName', fn);
  put('companyName', org || (isOrg ? fn : ''));
  put('department', unit);
  put('position', text(card.getFirstPropertyValue('title')) || text(card.getFirstPropertyValue('role')));
  const emails = card.getAllProperties('email').map((p) => text(p.getFirstValue()).replace(/^mailto:/i, ''));
  const emailTargets = ['email', 'email2', 'email3'] as const;
  emails.slice(0, 3).forEach((email, i) => {
    put(emailTargets[i] as ImportTarget, email);
  });
  const phones = { business: [] as string[], mobile: [] as string[], home: [] as string[] };
  for (const tel of card.getAllProperties('tel')) {
    const number = text(tel.getFirstValue()).replace(/^tel:/i, '');
    const types = typesOf(tel);
    if (types.includes('cell')) phones.mobile.push(number);
    else if (types.includes('home')) phones.home.push(number);
    else if (!types.includes('fax')) phones.business.push(number);
  }
  put('businessPhone', phones.business[0]);
  put('businessPhone2', phones.business[1]);
  put('mobilePhone', phones.mobile[0]);
  put('homePhone', phones.home[0]);
  put('homePhone2', phones.home[1]);
  const addresses = card.getAllProperties('adr');
  const address = addresses.find((a) => typesOf(a).includes('work')) ?? addresses[0] ?? null;
  const [, extended = '', street = '', city = '', , postcode = '', country = ''] = parts(address);
  put('street', [street, extended].filter(Boolean).join(', '));
  put('postcode', postcode);
  put('city', city);
  put('country', country);
  put('website', text(card.getFirstPropertyValue('url')));
  const categories = card.getAllProperties('categories').flatMap((p) => p.getValues().map(text));
  put('tags', categories.join('; '));
  put(
    'notes',
    card
      .getAllProperties('note')
      .map((p) => text(p.getFirstValue()))
      .join('\n\n'),
  );
  return row;
}

/** The cards of a vCard file as rows; 400 fileNoCards without any, fileUnreadable when it cannot be parsed. */
export function readVcards(source: string): ReadTable {
  if (!/BEGIN:VCARD/i.test(source)) throw problem(400, 'badRequest', 'fileNoCards');
  let parsed: unknown;
  try {
    parsed = ICAL.parse(source);
  } catch (err) {
    const reason = err instanceof Error ? err.message.slice(0, 200) : 'vCard';
    throw problem(400, 'badRequest', 'fileUnreadable', { reason });
  }
  const list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const cards = list
    .map((jcard) => new ICAL.Component(jcard as never))
    .filter((component) => component.name === 'vcard');
  if (cards.length === 0) throw problem(400, 'badRequest', 'fileNoCards');
  return {
    header: COLUMNS.map((target) => de.importTarget[target]),
    rows: cards.map((card, i) => {
      const values = cardRow(card);
      return { row: i + 1, cells: COLUMNS.map((target) => values.get(target) ?? '') };
    }),
  };
}
