import { de } from '../i18n/de';
import type { ImportPreset, ImportTarget } from './import.schema';
import { wordKey } from './import-values.rules';

// Which column of an import file is which field (issue 16). Outlook's contact export ("Datei ›
// Öffnen und exportieren › Importieren/Exportieren › In Datei exportieren › CSV") has fixed headers
// per display language; KlarKonform's own export uses the German field labels; anything else is
// guessed from the words of its headers. Columns not recognised stay `ignore`.

type HeaderTable = Record<string, ImportTarget>;

/** Outlook's German export (Outlook 2016 to Microsoft 365; older versions name the e-mail columns a little differently). */
const OUTLOOK_DE: HeaderTable = {
  Anrede: 'salutation',
  Vorname: 'firstName',
  'Weitere Vornamen': 'middleName',
  Nachname: 'lastName',
  Firma: 'companyName',
  Abteilung: 'department',
  Position: 'position',
  'Straße geschäftlich': 'street',
  'Ort geschäftlich': 'city',
  'Postleitzahl geschäftlich': 'postcode',
  'Land/Region geschäftlich': 'country',
  'Telefon geschäftlich': 'businessPhone',
  'Telefon geschäftlich 2': 'businessPhone2',
  Mobiltelefon: 'mobilePhone',
  'Telefon privat': 'homePhone',
  'Telefon privat 2': 'homePhone2',
  'E-Mail-Adresse': 'email',
  'E-Mail 2: Adresse': 'email2',
  'E-Mail 2-Adresse': 'email2',
  'E-Mail 3: Adresse': 'email3',
  'E-Mail 3-Adresse': 'email3',
  Kategorien: 'tags',
  Notizen: 'notes',
  Webseite: 'website',
};

/** Outlook's English export. Its "Title" is the courtesy title ("Mr.", "Dr."), read like "Anrede". */
const OUTLOOK_EN: HeaderTable = {
  Title: 'salutation',
  'First Name': 'firstName',
  'Middle Name': 'middleName',
  'Last Name': 'lastName',
  Company: 'companyName',
  Department: 'department',
  'Job Title': 'position',
  'Business Street': 'street',
  'Business City': 'city',
  'Business Postal Code': 'postcode',
  'Business Country/Region': 'country',
  'Business Phone': 'businessPhone',
  'Business Phone 2': 'businessPhone2',
  'Mobile Phone': 'mobilePhone',
  'Home Phone': 'homePhone',
  'Home Phone 2': 'homePhone2',
  'E-mail Address': 'email',
  'E-mail 2 Address': 'email2',
  'E-mail 3 Address': 'email3',
  Categories: 'tags',
  Notes: 'notes',
  'Web Page': 'website',
};

/** Columns of KlarKonform's export that are not imported (they belong to the stored record). */
export const EXPORT_ONLY_HEADERS = ['Kontaktnummer', 'Erstellt am', 'Geändert am', 'Archiviert'] as const;

/** KlarKonform's export: the German label of each target is its header. */
const KLARKONFORM: HeaderTable = Object.fromEntries(
  (Object.entries(de.importTarget) as [ImportTarget, string][])
    .filter(([target]) => target !== 'ignore')
    .map(([t, label]) => [label, t]),
);

const PRESET_TABLES: Record<Exclude<ImportPreset, 'guessed' | 'vcard'>, HeaderTable> = {
  outlookDe: OUTLOOK_DE,
  outlookEn: OUTLOOK_EN,
  klarkonform: KLARKONFORM,
};

/** Headers that only this preset has: one of them and three of its other headers recognise it. */
const SIGNATURES: Record<keyof typeof PRESET_TABLES, string[]> = {
  outlookDe: ['Weitere Vornamen', 'Straße geschäftlich', 'Telefon geschäftlich', 'E-Mail-Adresse'],
  outlookEn: ['Middle Name', 'Business Street', 'Business Phone', 'E-mail Address'],
  klarkonform: ['Kontaktnummer', 'Einwilligung E-Mail', 'Art (Firma/Person)'],
};

/** Free-header words (folded by `wordKey`) and the target each names; the first column of a target wins. */
const SYNONYMS: Record<string, ImportTarget> = {
  art: 'kind',
  typ: 'kind',
  kind: 'kind',
  type: 'kind',
  kontaktart: 'kind',
  anrede: 'salutation',
  salutation: 'salutation',
  titel: 'title',
  title: 'title',
  akademischertitel: 'title',
  vorname: 'firstName',
  firstname: 'firstName',
  givenname: 'firstName',
  personname: 'fullName',
  weiterevornamen: 'middleName',
  middlename: 'middleName',
  nachname: 'lastName',
  familienname: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  name: 'lastName',
  vollstaendigername: 'fullName',
  fullname: 'fullName',
  kontaktname: 'fullName',
  contactname: 'fullName',
  ansprechpartner: 'fullName',
  firma: 'companyName',
  firmenname: 'companyName',
  unternehmen: 'companyName',
  company: 'companyName',
  companyname: 'companyName',
  organisation: 'companyName',
  organization: 'companyName',
  organisationname: 'companyName',
  organizationname: 'companyName',
  accountname: 'companyName',
  abteilung: 'department',
  department: 'department',
  position: 'position',
  funktion: 'position',
  jobtitle: 'position',
  jobtitel: 'position',
  berufsbezeichnung: 'position',
  email: 'email',
  emailadresse: 'email',
  mail: 'email',
  emailaddress: 'email',
  email1: 'email',
  email2: 'email2',
  email3: 'email3',
  telefon: 'businessPhone',
  telefonnummer: 'businessPhone',
  tel: 'businessPhone',
  phone: 'businessPhone',
  phonenumber: 'businessPhone',
  telefongeschaeftlich: 'businessPhone',
  businessphone: 'businessPhone',
  mobil: 'mobilePhone',
  mobiltelefon: 'mobilePhone',
  mobilnummer: 'mobilePhone',
  handy: 'mobilePhone',
  mobile: 'mobilePhone',
  mobilephone: 'mobilePhone',
  mobilephonenumber: 'mobilePhone',
  telefonprivat: 'homePhone',
  homephone: 'homePhone',
  strasse: 'street',
  street: 'street',
  streetaddress: 'street',
  adresse: 'street',
  anschrift: 'street',
  address: 'street',
  plz: 'postcode',
  postleitzahl: 'postcode',
  zip: 'postcode',
  zipcode: 'postcode',
  postalcode: 'postcode',
  postcode: 'postcode',
  ort: 'city',
  stadt: 'city',
  city: 'city',
  town: 'city',
  land: 'country',
  country: 'country',
  countryregion: 'country',
  webseite: 'website',
  website: 'website',
  websiteurl: 'website',
  homepage: 'website',
  url: 'website',
  internet: 'website',
  branche: 'industry',
  industry: 'industry',
  beziehung: 'relationships',
  relationship: 'relationships',
  kundentyp: 'relationships',
  rollen: 'roles',
  rolle: 'roles',
  roles: 'roles',
  tags: 'tags',
  tag: 'tags',
  schlagworte: 'tags',
  kategorien: 'tags',
  categories: 'tags',
  stichwoerter: 'tags',
  leadquelle: 'leadSource',
  quelle: 'leadSource',
  leadsource: 'leadSource',
  source: 'leadSource',
  leadstatus: 'leadStatus',
  kundeseit: 'customerSince',
  customersince: 'customerSince',
  betreuer: 'owner',
  zustaendig: 'owner',
  owner: 'owner',
  contactowner: 'owner',
  accountowner: 'owner',
  notiz: 'notes',
  notizen: 'notes',
  bemerkung: 'notes',
  bemerkungen: 'notes',
  besonderheiten: 'notes',
  notes: 'notes',
  note: 'notes',
  kommentar: 'notes',
  rechtsgrundlage: 'legalBasis',
  legalbasis: 'legalBasis',
  newsletter: 'consentNewsletter',
};

/** Targets that may take a second and third column in order (a second "E-Mail" is "E-Mail 2"). */
const NEXT_OF: Partial<Record<ImportTarget, ImportTarget>> = {
  email: 'email2',
  email2: 'email3',
  businessPhone: 'businessPhone2',
  homePhone: 'homePhone2',
};

/** Targets one column at most may have (every target but `ignore`). */
function assign(targets: (ImportTarget | undefined)[]): ImportTarget[] {
  const used = new Set<ImportTarget>();
  return targets.map((wanted) => {
    let target = wanted;
    while (target && used.has(target)) target = NEXT_OF[target];
    if (!target || target === 'ignore') return 'ignore';
    used.add(target);
    return target;
  });
}

const byPresetHeader = (preset: keyof typeof PRESET_TABLES) => {
  const lookup = new Map(Object.entries(PRESET_TABLES[preset]).map(([header, target]) => [wordKey(header), target]));
  return (header: string) => lookup.get(wordKey(header));
};

/** What a free header names: its word in the synonym table, else what it contains ("Telefon (Zentrale)"). */
function guessTarget(header: string): ImportTarget | undefined {
  const key = wordKey(header);
  if (key === '') return undefined;
  const exact = SYNONYMS[key];
  if (exact) return exact;
  const contains: [RegExp, ImportTarget][] = [
    [/mail/, 'email'],
    [/mobil|handy|cell/, 'mobilePhone'],
    [/fax/, 'ignore'],
    [/telefon|phone/, 'businessPhone'],
    [/postleitzahl|plz|zip|postal/, 'postcode'],
    [/strasse|street/, 'street'],
    [/vorname|firstname/, 'firstName'],
    [/nachname|lastname/, 'lastName'],
    [/firma|company|unternehmen|organi[sz]ation/, 'companyName'],
    [/webseite|website|homepage/, 'website'],
  ];
  return contains.find(([pattern]) => pattern.test(key))?.[1];
}

/** The preset a header row is (Outlook German or English, KlarKonform), or `guessed`. */
export function recognisePreset(headers: readonly string[]): ImportPreset {
  const keys = new Set(headers.map(wordKey));
  for (const preset of ['klarkonform', 'outlookDe', 'outlookEn'] as const) {
    const signature = SIGNATURES[preset].filter((header) => keys.has(wordKey(header))).length;
    const known = Object.keys(PRESET_TABLES[preset]).filter((header) => keys.has(wordKey(header))).length;
    if (signature >= 1 && known >= 4) return preset;
  }
  return 'guessed';
}

/**
 * One target per column for `preset` (`guessed`: from the header words; a "Name" column is the
 * last name beside a first-name column, else the full name). Each target goes to one column.
 */
export function mappingFor(headers: readonly string[], preset: ImportPreset): ImportTarget[] {
  // A vCard's columns are made by the reader and named with the German field labels, like an export.
  if (preset === 'vcard') return assign(headers.map(byPresetHeader('klarkonform')));
  if (preset !== 'guessed') return assign(headers.map(byPresetHeader(preset)));
  const guessed = headers.map(guessTarget);
  const hasFirst = guessed.includes('firstName');
  return assign(
    guessed.map((target, i) =>
      target === 'lastName' && !hasFirst && wordKey(headers[i] ?? '') === 'name' ? 'fullName' : target,
    ),
  );
}
