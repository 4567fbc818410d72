import { type CountryCode, isSupportedCountry } from 'libphonenumber-js';
import { domainToAscii } from './domain.rules';
import { isFreeMailDomain } from './free-mail.rules';
import { koelnerPhonetik } from './koelner-phonetik.rules';
import { companyKey, stripLegalForm } from './legal-form.rules';
import { particleRunEnds } from './name-words.rules';
import { phoneticKeysOf, phoneticSearchCode } from './phonetic-search.rules';
import { foldName, hasText, normalizeEmail, normalizePhone, phoneSearchDigits, websiteDomain } from './normalize.rules';
import { normalizeLine } from '../text/text.rules';

// The fields of a contact (stored, created or patched) that search and duplicate keys read.
type Country = { country?: string | null } | null;
interface Reach {
  emails?: readonly { address: string }[] | null;
  businessPhones?: readonly string[] | null;
  mobilePhone?: string | null;
  homePhones?: readonly string[] | null;
  website?: string | null;
  address?: Country;
}
export type SearchKeyInput =
  | ({ kind: 'company'; name: string } & Reach)
  | ({ kind: 'person'; firstName?: string | null; lastName: string } & Reach);

// Everything the API stores beside a contact and indexes, so that every lookup (sender card,
// search, duplicate check) is an indexed equality or prefix match. Absent values are "".
export interface SearchKeys {
  emailsLower: string[];
  emailDomains: string[];
  // Domains that identify a company (its non-free-mail addresses and its website): how an
  // unknown sender is matched to their company.
  companyDomains: string[];
  phonesE164: string[];
  // International and national digits of every phone, for prefix search.
  phoneDigits: string[];
  firstNameFolded: string;
  lastNameFolded: string;
  companyNameFolded: string;
  companyKey: string;
  phoneticFirst: string;
  phoneticLast: string;
  phoneticCompany: string;
  // Folded words for prefix search: the words of each name, the parts of a hyphenated word, and a
  // name of several parts also joined into one ("Karl Heinz" → karl, heinz, karlheinz).
  nameTokens: string[];
  // The sounds a contact is found by (phonetic-search.rules.ts): codes of the family-name and
  // company words plain ("67"), of the first name marked ("f:475").
  phoneticWords: string[];
}

export const MAX_NAME_TOKENS = 30;

const unique = (values: readonly string[]) => [...new Set(values.filter((value) => value !== ''))];

const HYPHENS = /[-\u2010\u2011]/g;

/** The folded words of a name, hyphens and spaces read as separators: "Karl-Heinz" → karl, heinz. */
const partsOf = (name: string) => foldName(name.replace(HYPHENS, ' ')).split(' ');

// Whether written "Karl Heinz", "Karl-Heinz" or "Karlheinz", a name is found by each spelling:
// its parts and their join are stored here, and a search tries the joined words too (searchQuery).
function tokensOf(...names: (string | null | undefined)[]): string[] {
  const words = names.filter(hasText).flatMap((name) => {
    const parts = partsOf(name);
    return [...foldName(name).split(' '), ...parts, parts.join('')];
  });
  return unique(words).slice(0, MAX_NAME_TOKENS);
}

/**
 * The family name without the particles and titles of nobility before it (the tables of
 * name-words.rules.ts): "von Weizsäcker" → "Weizsäcker", "Freiherr von und zu Guttenberg" →
 * "Guttenberg". Its phonetic code is what the duplicate check compares, so the name meets its
 * spellings without them; one word always stays ("Vondran", "Graf" alone are kept).
 */
export function familyNameCore(lastName: string): string {
  // Hyphens separate words here as everywhere in the keys ("Zu-Müller" reads like "Zu Müller").
  const words = normalizeLine(lastName).replace(HYPHENS, ' ').trim().split(/\s+/);
  const start = Math.max(0, ...particleRunEnds(words, 0).filter((end) => end < words.length));
  return words.slice(start).join(' ');
}

function regionOf(address: Country | undefined): CountryCode {
  const country = address?.country;
  return country && isSupportedCountry(country) ? country : 'DE';
}

export function searchKeys(contact: SearchKeyInput, options: { companyName?: string } = {}): SearchKeys {
  const rawEmails = (contact.emails ?? []).map((entry) => entry.address);
  const emailsLower = unique(
    rawEmails.filter(hasText).map((email) => normalizeEmail(email) ?? normalizeLine(email).trim().toLowerCase()),
  );
  const emailDomains = unique(emailsLower.map((email) => email.slice(email.lastIndexOf('@') + 1)));
  const region = regionOf(contact.address);
  const phones = [...(contact.businessPhones ?? []), contact.mobilePhone, ...(contact.homePhones ?? [])].filter(
    hasText,
  );
  const phonesE164 = unique(phones.map((phone) => normalizePhone(phone, region)?.e164 ?? ''));
  const phoneDigits = unique(phones.flatMap((phone) => phoneSearchDigits(phone, region)));

  const companyName = contact.kind === 'company' ? contact.name : (options.companyName ?? '');
  const key = hasText(companyName) ? companyKey(companyName) : '';
  const firstName = contact.kind === 'person' ? (contact.firstName ?? '') : '';
  const lastName = contact.kind === 'person' ? contact.lastName : '';
  const companyDomains =
    contact.kind === 'company'
      ? unique([
          ...emailDomains.filter((domain) => !isFreeMailDomain(domain)),
          websiteDomain(contact.website ?? '') ?? '',
        ])
      : [];
  const nameTokens =
    contact.kind === 'company'
      ? unique([...tokensOf(stripLegalForm(contact.name)), key]).slice(0, MAX_NAME_TOKENS)
      : tokensOf(firstName, lastName);

  const phoneticFirst = koelnerPhonetik(firstName);
  const phoneticLast = koelnerPhonetik(familyNameCore(lastName));
  const phoneticCompany = koelnerPhonetik(key);
  const phoneticWords = phoneticKeysOf({
    firstTokens: contact.kind === 'person' ? tokensOf(firstName) : [],
    familyTokens: contact.kind === 'person' ? tokensOf(lastName) : nameTokens,
    phoneticFirst,
    phoneticLast,
    // A person is found by their own name, not by the sound of their company's.
    phoneticCompany: contact.kind === 'company' ? phoneticCompany : '',
  });

  return {
    emailsLower,
    emailDomains,
    companyDomains,
    phonesE164,
    phoneDigits,
    firstNameFolded: foldName(firstName),
    lastNameFolded: foldName(lastName),
    companyNameFolded: foldName(companyName),
    companyKey: key,
    phoneticFirst,
    phoneticLast,
    phoneticCompany,
    nameTokens,
    phoneticWords,
  };
}

// How the API reads the free-text `q` of a contact search, folded exactly like the keys. Each
// reading is an equality or an anchored prefix on one stored key, so every search is indexed.
export type SearchQuery =
  | { kind: 'contactNumber'; contactNumber: string }
  | { kind: 'email'; email: string }
  | { kind: 'emailPrefix'; prefix: string }
  // "@muster.de" and "muster.de": everyone with an address at that domain.
  | { kind: 'domain'; domain: string }
  // International and national digits, so "+49 30 12…" and "030 12…" both match.
  | { kind: 'phone'; digits: string[] }
  // Company names are indexed without their legal form: "Muster GmbH" searches companies "Muster…".
  // Each reading is a list of word prefixes that must all match; a contact matching any is found.
  // `phonetic` holds, for each word of the first reading (as typed), its searchable Kölner
  // Phonetik code or "" (phonetic-search.rules.ts): how "Meier" also finds Meyer and Maier.
  | { kind: 'names'; readings: string[][]; phonetic: string[]; companyOnly: boolean }
  | { kind: 'empty' };

const MAX_QUERY_WORDS = 5;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** A domain typed in either form ("müller.de", "xn--mller-kva.de") as its ASCII key, else null. */
function asDomain(text: string): string | null {
  const ascii = /\s/.test(text) ? null : domainToAscii(text);
  return ascii !== null && DOMAIN.test(ascii) ? ascii : null;
}

export function searchQuery(q: string): SearchQuery {
  const text = normalizeLine(q).trim().slice(0, 200);
  if (/^c\d{1,9}$/i.test(text)) return { kind: 'contactNumber', contactNumber: `C${text.slice(1).padStart(5, '0')}` };
  if (text.includes('@')) {
    const email = normalizeEmail(text);
    if (email) return { kind: 'email', email };
    const domain = text.startsWith('@') ? asDomain(text.slice(1)) : null;
    if (domain) return { kind: 'domain', domain };
    return { kind: 'emailPrefix', prefix: text.toLowerCase() };
  }
  const domain = asDomain(text);
  if (domain) return { kind: 'domain', domain };
  const digits = text.replace(/\D/g, '');
  if (digits.length >= 4 && /^[\d\s()+/.-]+$/.test(text)) {
    const variants = phoneSearchDigits(text);
    return { kind: 'phone', digits: variants.length > 0 ? variants : [digits.replace(/^00/, '')] };
  }
  const withoutLegalForm = stripLegalForm(text);
  const words = partsOf(withoutLegalForm)
    .filter((word) => word !== '')
    .slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return { kind: 'empty' };
  const readings = readingsOf(words);
  return {
    kind: 'names',
    readings,
    phonetic: (readings[0] ?? []).map(phoneticSearchCode),
    companyOnly: withoutLegalForm !== text,
  };
}

/**
 * The readings of the words typed, at most MAX_QUERY_WORDS + 1: word by word (hyphens split, so
 * "Karl-Heinz" finds "Karl Heinz"), each two neighbours joined ("Karl Heinz Müller" finds
 * "Karlheinz Müller") and all joined ("Karl Heinz" finds "Karlheinz").
 */
function readingsOf(words: readonly string[]): string[][] {
  const pairsJoined = words
    .slice(1)
    .map((word, i) => [...words.slice(0, i), `${words[i]}${word}`, ...words.slice(i + 2)]);
  const readings = [words, ...pairsJoined, ...(words.length > 2 ? [[words.join('')]] : [])].map(unique);
  return [...new Map(readings.map((reading) => [reading.join(' '), reading])).values()];
}
