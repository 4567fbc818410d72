import { getCountries } from 'libphonenumber-js';
import {
  type ConsentChannel,
  type ContactKind,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LEGAL_BASES,
  type LeadSource,
  type LeadStatus,
  type LegalBasis,
  RELATIONSHIPS,
  ROLES,
  type Relationship,
  type Role,
  type Salutation,
} from '../contacts/contact-enums.schema';
import { de } from '../i18n/de';
import { en } from '../i18n/en';

// Reading the cells of an import (issue 16) that hold a choice: the catalogs' German and English
// labels ("Kunde", "Customer"), the stored codes ("customer"), and the words other programs use
// ("Interessent", "Mr."). Every function is pure and answers undefined (or leaves a value out)
// when it does not know a word; the row rules turn that into a warning.

/** A word as compared here: lower case, umlauts folded, only letters and digits ("E-Mail" → "email"). */
export function wordKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

function table<T extends string>(codes: readonly T[], extra: Record<string, T>, ...labels: Record<T, string>[]) {
  const out = new Map<string, T>();
  for (const code of codes) out.set(wordKey(code), code);
  for (const group of labels) for (const code of codes) out.set(wordKey(group[code]), code);
  for (const [word, code] of Object.entries(extra)) out.set(wordKey(word), code);
  return out;
}

const RELATIONSHIP_WORDS = table<Relationship>(
  RELATIONSHIPS,
  {
    Interessent: 'lead',
    Prospect: 'lead',
    Kundin: 'customer',
    Client: 'customer',
    Lieferantin: 'supplier',
    Vendor: 'supplier',
  },
  de.relationship,
  en.relationship,
);
const ROLE_WORDS = table<Role>(
  ROLES,
  { 'Decision maker': 'decisionMaker', Buchhaltung: 'billingContact', Technik: 'technicalContact' },
  de.role,
  en.role,
);
const LEAD_SOURCE_WORDS = table<LeadSource>(
  LEAD_SOURCES,
  { Webseite: 'website', Homepage: 'website', Internet: 'website', Kaltakquise: 'coldOutreach', Andere: 'other' },
  de.leadSource,
  en.leadSource,
);
const LEAD_STATUS_WORDS = table<LeadStatus>(LEAD_STATUSES, {}, de.leadStatus, en.leadStatus);
const LEGAL_BASIS_WORDS = table<LegalBasis>(
  LEGAL_BASES,
  {
    'Art. 6 Abs. 1 lit. b DSGVO': 'contract',
    'Art. 6 Abs. 1 lit. a DSGVO': 'consent',
    'Art. 6 Abs. 1 lit. f DSGVO': 'legitimateInterest',
  },
  de.legalBasis,
  en.legalBasis,
);
const KIND_WORDS = new Map<string, ContactKind>(
  Object.entries({
    firma: 'company',
    company: 'company',
    unternehmen: 'company',
    organisation: 'company',
    organization: 'company',
    account: 'company',
    person: 'person',
    kontakt: 'person',
    contact: 'person',
    ansprechpartner: 'person',
  }),
);

const SALUTATION_WORDS = new Map<string, Salutation>(
  Object.entries({
    herr: 'Herr',
    herrn: 'Herr',
    hr: 'Herr',
    mr: 'Herr',
    mister: 'Herr',
    frau: 'Frau',
    fr: 'Frau',
    mrs: 'Frau',
    ms: 'Frau',
    miss: 'Frau',
    divers: 'divers',
    mx: 'divers',
  }),
);

/** A salutation cell ("Herr", "Frau Dr.", "Mr.", "Prof. Dr.") → the salutation and the academic title. */
export function readSalutation(text: string): { salutation?: Salutation; title?: string } {
  let salutation: Salutation | undefined;
  const titles: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const found = SALUTATION_WORDS.get(wordKey(word));
    if (found && !salutation) salutation = found;
    else if (!found) titles.push(word);
  }
  return { ...(salutation ? { salutation } : {}), ...(titles.length > 0 ? { title: titles.join(' ') } : {}) };
}

/** Splits a cell that holds several values: ";" (Outlook's categories), "," or "|" between them. */
export function splitList(text: string): string[] {
  return text
    .split(/[;,|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** What a list cell means: the codes found and the words not understood. */
export interface ReadList<T> {
  values: T[];
  unknown: string[];
}

function readList<T extends string>(text: string, words: Map<string, T>, expand?: (word: string) => T[] | undefined) {
  const out: ReadList<T> = { values: [], unknown: [] };
  for (const part of splitList(text)) {
    const found = expand?.(part) ?? (words.get(wordKey(part)) ? [words.get(wordKey(part)) as T] : undefined);
    if (found) for (const value of found) if (!out.values.includes(value)) out.values.push(value);
    if (!found) out.unknown.push(part);
  }
  return out;
}

/** "Kunde; Partner", "Beides" (customer and supplier), "customer" → relationships. */
export function readRelationships(text: string): ReadList<Relationship> {
  const both = new Set([wordKey(de.relationship.both), wordKey(en.relationship.both), 'beides', 'both']);
  return readList(text, RELATIONSHIP_WORDS, (word) => (both.has(wordKey(word)) ? ['customer', 'supplier'] : undefined));
}

export const readRoles = (text: string): ReadList<Role> => readList(text, ROLE_WORDS);

const single =
  <T extends string>(words: Map<string, T>) =>
  (text: string): T | undefined =>
    words.get(wordKey(text));

export const readLeadSource = single(LEAD_SOURCE_WORDS);
export const readLeadStatus = single(LEAD_STATUS_WORDS);
export const readLegalBasis = single(LEGAL_BASIS_WORDS);
export const readKind = single(KIND_WORDS);

/**
 * A consent column: `optOut` for a refusal ("Widersprochen", "Abgemeldet", "opt-out", "nein"),
 * `granted` for a consent ("Erteilt", "ja", "opt-in"; not imported: it needs its proof), `none`
 * for an empty or neutral cell ("Keine", "Ausstehend"), undefined for anything else.
 */
export function readConsent(text: string): 'optOut' | 'granted' | 'none' | undefined {
  const key = wordKey(text);
  if (key === '') return 'none';
  const refused = [
    de.consentStatus.denied,
    en.consentStatus.denied,
    'Widerspruch',
    'Abgemeldet',
    'Opt-out',
    'Optout',
    'nein',
    'no',
    'false',
    'Verbot',
    'Sperre',
    'unsubscribed',
    'denied',
  ];
  const given = [
    de.consentStatus.granted,
    en.consentStatus.granted,
    'Opt-in',
    'ja',
    'yes',
    'true',
    'Einwilligung',
    'subscribed',
    'granted',
  ];
  const neutral = [
    de.consentStatus.none,
    en.consentStatus.none,
    de.consentStatus.pending,
    en.consentStatus.pending,
    'none',
    'pending',
    '-',
  ];
  if (refused.some((word) => wordKey(word) === key)) return 'optOut';
  if (given.some((word) => wordKey(word) === key)) return 'granted';
  if (neutral.some((word) => wordKey(word) === key)) return 'none';
  return undefined;
}

/** The consent channel a consent target names. */
export const CONSENT_TARGET_CHANNELS = {
  consentEmail: 'email',
  consentPhone: 'phone',
  consentLetter: 'letter',
  consentNewsletter: 'newsletter',
} as const satisfies Record<string, ConsentChannel>;

let countryWords: Map<string, string> | undefined;

/** Country names in German and English (Intl) and the ISO codes, folded, → ISO 3166-1 alpha-2. */
function countries(): Map<string, string> {
  if (countryWords) return countryWords;
  const map = new Map<string, string>();
  const names = ['de', 'en'].map((lang) => new Intl.DisplayNames([lang], { type: 'region' }));
  for (const code of getCountries()) {
    map.set(wordKey(code), code);
    for (const display of names) {
      const name = display.of(code);
      if (name) map.set(wordKey(name), code);
    }
  }
  for (const [word, code] of Object.entries({
    BRD: 'DE',
    Deutschland: 'DE',
    USA: 'US',
    UK: 'GB',
    England: 'GB',
    'Great Britain': 'GB',
    Holland: 'NL',
    Oesterreich: 'AT',
  })) {
    map.set(wordKey(word), code);
  }
  countryWords = map;
  return map;
}

/** "Deutschland", "Germany", "DE", "de" → "DE"; undefined when no country is recognised. */
export function readCountry(text: string): string | undefined {
  return countries().get(wordKey(text));
}
