import punycode from 'punycode/punycode.js';

// Internationalised domain names (IDN, "müller.de"): one domain has a Unicode form people read and
// an ASCII form (punycode, "xn--mller-kva.de") that DNS and many mail systems use. Keys and
// comparisons use the ASCII form, so an address matches whichever form it was stored or sent in;
// people see the Unicode form. The conversion is the platform's: the WHATWG URL parser applies
// UTS #46 processing (ToASCII, non-transitional) in Node.js and in every browser; the way back
// decodes the punycode labels (RFC 3492) with the `punycode` package.

const ASCII = /^[\x20-\x7e]*$/;
const ACE_LABEL = /(^|\.)xn--/;

/**
 * The ASCII (A-label) form of a domain, lower case: "Müller.DE" → "xn--mller-kva.de"; ASCII input
 * is only lowercased. Null when the domain cannot be converted (forbidden code points, bad labels).
 */
export function domainToAscii(domain: string): string | null {
  const trimmed = domain.trim().replace(/\.$/, '');
  if (trimmed === '') return null;
  // Plain ASCII needs no conversion, unless it holds punycode labels: those must decode (UTS #46
  // validity), else "xn--a.de" would be taken for a domain.
  if (ASCII.test(trimmed) && !ACE_LABEL.test(trimmed.toLowerCase())) return trimmed.toLowerCase();
  if (/[/?#@:\\\s[\]%]/.test(trimmed)) return null;
  try {
    const host = new URL(`http://${trimmed}/`).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/** The Unicode (U-label) form of an ASCII domain for display: "xn--mller-kva.de" → "müller.de". */
export function domainToUnicode(domain: string): string {
  const lower = domain.toLowerCase();
  if (!ACE_LABEL.test(lower)) return lower;
  try {
    return punycode.toUnicode(lower);
  } catch {
    return lower;
  }
}

// Public suffixes of two labels common among German business partners; under them the
// company's own label is the third from the right ("muster.co.uk").
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'co.at',
  'or.at',
  'gv.at',
  'ac.at',
  'com.au',
  'co.nz',
  'co.jp',
  'com.br',
  'com.cn',
  'com.tr',
  'co.za',
  'com.pl',
  // Microsoft 365 tenants' initial domains: "muster.onmicrosoft.com" is the tenant "Muster".
  'onmicrosoft.com',
]);

// "muster-bau.de" → "Muster-Bau", "xn--mller-kva.de" → "Müller": a starting point the user
// corrects, never a fact. Small on purpose: the task pane's create form uses it too.
export function companyNameFromDomain(domain: string): string | undefined {
  const labels = domainToUnicode(domain).split('.').filter(Boolean);
  if (labels.length < 2) return undefined;
  const suffixLength = TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 2 : 1;
  const label = labels[labels.length - suffixLength - 1];
  // (An undecodable punycode label is no name.)
  if (label === undefined || label.startsWith('xn--') || !/\p{Ll}/u.test(label)) return undefined;
  return label.replace(/(^|-)(\p{L})/gu, (_match, start: string, letter: string) => start + letter.toUpperCase());
}
