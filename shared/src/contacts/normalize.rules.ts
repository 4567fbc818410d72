import { hasVisibleText, normalizeLine } from '../text/text.rules';
import { domainToAscii, domainToUnicode } from './domain.rules';

// Dot-atom local part and a dotted host name whose last label starts with a letter. Stricter
// than ajv-formats' `email` (full and fast) and TypeBox's, so whatever this accepts every
// validator in the stack accepts too.
const EMAIL_PATTERN =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

// Every normaliser here first drops invisible characters (text.rules.ts): the API strips them
// from input, but records stored before that, and text from Microsoft 365, may still hold them.
/**
 * The comparable form of an e-mail address: lower case, the domain in its ASCII form
 * (`max@Müller.de` → `max@xn--mller-kva.de`, domain.rules.ts), so an address matches in either
 * form; null for what is not an address. Accepts `Max <max@muster.de>` and `mailto:` as pasted.
 */
export function normalizeEmail(raw: string): string | null {
  let value = normalizeLine(raw).trim();
  // Accept what people paste: "Max <max@muster.de>" and "mailto:max@muster.de".
  const bracketed = /<([^<>]*)>\s*$/.exec(value);
  if (bracketed?.[1] !== undefined) value = bracketed[1].trim();
  value = value.replace(/^mailto:/i, '').toLowerCase();
  const at = value.lastIndexOf('@');
  if (at > 0 && (!/^[\x20-\x7e]*$/.test(value) || /(^|[@.])xn--/.test(value))) {
    // A trailing dot is no part of a mailbox (RFC 5321 §4.1.2), in either form of the domain.
    if (value.endsWith('.')) return null;
    const domain = domainToAscii(value.slice(at + 1));
    if (domain === null) return null;
    value = `${value.slice(0, at)}@${domain}`;
  }
  if (value.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(value)) return null;
  return value.indexOf('@') <= MAX_LOCAL_PART_LENGTH ? value : null;
}

/** JSON Schema format of e-mail addresses (RFC 6531: an umlaut domain is allowed); see `isEmailAddress`. */
export const EMAIL_FORMAT = 'idn-email';

/**
 * True for a bare e-mail address as stored in a contact: ASCII local part, a domain in ASCII or
 * Unicode form (`max@müller.de`), nothing around it (no `Name <…>`, no `mailto:`). The validator
 * of the `idn-email` format; stricter than ajv-formats' `email` on the ASCII side.
 */
export function isEmailAddress(value: string): boolean {
  return /^[^\s<>@]+@[^\s<>@]+$/.test(value) && !/^mailto:/i.test(value) && normalizeEmail(value) !== null;
}

/** The JSON Schema formats of our own that every validator of our schemas must know (ajv `formats`). */
export const SCHEMA_FORMATS: Readonly<Record<string, (value: string) => boolean>> = { [EMAIL_FORMAT]: isEmailAddress };

/** An address as people read it: normalised, the domain in Unicode (`max@müller.de`); null if none. */
export function displayEmail(raw: string): string | null {
  const email = normalizeEmail(raw);
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}@${domainToUnicode(email.slice(at + 1))}`;
}

export function emailDomain(email: string): string | null {
  const normalized = normalizeEmail(email);
  return normalized === null ? null : normalized.slice(normalized.indexOf('@') + 1);
}

export function emailLocalPart(email: string): string | null {
  const normalized = normalizeEmail(email);
  return normalized === null ? null : normalized.slice(0, normalized.indexOf('@'));
}

// "https://www.Muster.de/kontakt" → "muster.de": the company's own domain for matching senders,
// in ASCII form like e-mail domains ("www.müller.de" → "xn--mller-kva.de").
export function websiteDomain(url: string): string | null {
  const hostPart = normalizeLine(url)
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '')
    .replace(/\.$/, '');
  const host = (domainToAscii(hostPart) ?? '').replace(/^www\d*\./, '');
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host) ? host : null;
}

// Phone numbers live in phone.rules.ts (with libphonenumber), so that a bundle which only reads
// e-mail addresses and names does not carry the numbering plans.
export { type NormalizedPhone, normalizePhone, phoneDigits, phoneSearchDigits } from './phone.rules';

const TRANSLITERATIONS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  þ: 'th',
};
const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'g');

// Hyphens and apostrophes join ("Müller-Lüdenscheidt" is one word, as in the published Kölner
// Phonetik example; "O'Brien" → "obrien"); every other non-alphanumeric run separates words.
const JOINERS = /['’ʼ`´\u002d\u2010\u2011]/g;

export function foldName(raw: string): string {
  return normalizeLine(raw)
    .toLowerCase()
    .replace(TRANSLITERATED, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(JOINERS, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Blank means absent: white space and invisible characters alone ("\u200b") are no text.
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && hasVisibleText(value);
}
