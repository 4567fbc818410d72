import { normalizeLine } from '../text/text.rules';
import { CHAIN_JOINERS, CHAIN_PARTNERS, LEGAL_FORMS, STATUS_SUFFIXES } from './legal-forms.data';
import { foldName } from './normalize.rules';

// Legal forms are matched at the end of a company name from the designations in
// legal-forms.data.ts (how each is read is described there). Stripping repeats until nothing is
// left to take, which also takes chains apart: "GmbH & Co. KG" → "GmbH & Co." → "GmbH" → "".

const LETTER_VARIANTS: Record<string, string> = {
  ä: '(?:ä|ae|a)',
  ö: '(?:ö|oe|o)',
  ü: '(?:ü|ue|u)',
  ß: '(?:ß|ss)',
};
// Never "-": the `u` flag refuses "\-" outside a character class (hyphens split words below).
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function charPattern(char: string): string {
  const lower = char.toLowerCase();
  const variant = LETTER_VARIANTS[lower];
  if (variant) return variant;
  const base = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return base !== lower && base !== '' ? `(?:${lower}|${escapeRegExp(base)})` : escapeRegExp(lower);
}

// "GmbH", "e.V.", "A/S": a dot, a slash or a capital after the first letter marks an
// abbreviation, whose letters may carry dots and spaces between them ("G.m.b.H.", "e. V.").
const isAbbreviation = (word: string) => /[./]/.test(word) || /\p{Lu}/u.test(word.slice(1));

function wordPattern(word: string): string {
  const open = word.startsWith('(') ? '\\(?\\s*' : '';
  const close = word.endsWith(')') ? '\\s*\\)?' : '';
  const core = word.replace(/^\(|\)$/g, '');
  if (!isAbbreviation(core)) {
    return open + [...core].map((char) => (char === '.' ? '\\.?' : charPattern(char))).join('') + close;
  }
  const letters = [...core.replace(/\./g, '')].map((char) => (char === '/' ? '\\s*/\\s*' : charPattern(char)));
  return `${open}${letters.join('\\.?\\s*')}\\.?${close}`;
}

/** The pattern of one designation: its words joined by spaces, hyphens or nothing. */
function designationPattern(designation: string): string {
  return designation
    .split(/[\s-]+/)
    .filter((word) => word !== '')
    .map(wordPattern)
    .join('[\\s-]*');
}

const alternatives = (designations: readonly string[]) => designations.map(designationPattern).join('|');
const DESIGNATIONS = LEGAL_FORMS.flatMap((form) => [...form.long, ...form.short]);
const SEPARATOR_BEFORE = '(?:^|[\\s,.&+(/-])';

// Group 1 is set when a legal form matched, unset for a status suffix ("i.L.").
const FORM_AT_END = new RegExp(
  `${SEPARATOR_BEFORE}(?:(${alternatives(DESIGNATIONS)})|${alternatives(STATUS_SUFFIXES)})[\\s.,;:)]*$`,
  'giu',
);
const symbolJoiners = CHAIN_JOINERS.filter((joiner) => !/\p{L}/u.test(joiner)).map(escapeRegExp);
const wordJoiners = CHAIN_JOINERS.filter((joiner) => /\p{L}/u.test(joiner));
const CHAIN_AT_END = new RegExp(
  `(?:\\s*(?:${symbolJoiners.join('|')})|(?:^|\\s)(?:${alternatives(wordJoiners)}))\\s*(?:${alternatives(CHAIN_PARTNERS)})[\\s.,;:]*$`,
  'giu',
);
const TRAILING_SEPARATORS = /[\s,;:&+/\-–]+$/u;
const LEADING_SEPARATORS = /^[\s,;:/\-–]+/u;

// A match spans at most a few characters per character of its designation ("G. m. b. H.");
// searching only the end of a name keeps the cost independent of its length.
const longest = (designations: readonly string[]) => Math.max(...designations.map((d) => d.length));
const FORM_SPAN = 4 * longest([...DESIGNATIONS, ...STATUS_SUFFIXES]) + 2;
const CHAIN_SPAN = 4 * (longest(CHAIN_JOINERS) + longest(CHAIN_PARTNERS)) + 4;

function endOfText(name: string): number {
  let end = name.length;
  while (end > 0 && /[\s.,;:)]/.test(name.charAt(end - 1))) end--;
  return end;
}

function lastMatch(pattern: RegExp, name: string, span: number): RegExpExecArray | null {
  pattern.lastIndex = Math.max(0, endOfText(name) - span);
  return pattern.exec(name);
}

interface Stripped {
  /** The name without legal form, or the whole name when nothing else is left. */
  base: string;
  /** The stripped legal form(s) as written ("GmbH & Co. KG"), or null when there was none. */
  form: string | null;
}

function strip(name: string): Stripped {
  // Invisible characters would hide a legal form ("GmbH\u200b") from the patterns.
  const original = normalizeLine(name).replace(/\s+/g, ' ').trim();
  let current = original;
  let legal = false;
  for (;;) {
    // The longer of the two: "u. Co." as a chain, not "Co." (Company) after a stray "u.".
    const form = lastMatch(FORM_AT_END, current, FORM_SPAN);
    const chain = lastMatch(CHAIN_AT_END, current, CHAIN_SPAN);
    const cut = chain && (!form || chain.index <= form.index) ? chain : form;
    if (!cut) break;
    legal ||= cut === chain || cut[1] !== undefined;
    current = current.slice(0, cut.index).replace(TRAILING_SEPARATORS, '');
  }
  // A name that is nothing but a legal form ("GmbH") keeps its text rather than vanishing.
  const hasWord = /[\p{L}\p{N}]/u.test(current);
  const base = hasWord ? current : original;
  if (!legal) return { base, form: null };
  return { base, form: hasWord ? original.slice(current.length).replace(LEADING_SEPARATORS, '') : original };
}

/**
 * The company name without its legal form(s), "& Co." and status suffixes, white space
 * collapsed: "Muster GmbH & Co. KG i.L." → "Muster". Forms from legal-forms.data.ts.
 */
export function stripLegalForm(name: string): string {
  return strip(name).base;
}

/**
 * The legal form(s) at the end of a name as written, including "& Co." and a status suffix
 * after them ("Muster GmbH & Co. KG" → "GmbH & Co. KG", "Müller & Co." → "& Co."), or null when
 * the name ends in none: how a display name is recognised as a company's.
 */
export function legalFormOf(name: string): string | null {
  return strip(name).form;
}

/** Whether the name ends in a legal form or "& Co." (see `legalFormOf`). */
export function hasLegalForm(name: string): boolean {
  return legalFormOf(name) !== null;
}

const FILLER_WORDS = new Set(['und', 'and', 'u']);
const FIRM_PREFIXES = new Set(['fa', 'firma']);

// The company's matching key: folded, without legal form, "Firma"/"Fa." prefix and "und"/"&",
// and without spaces, so "Müller & Söhne GmbH", "Müller und Söhne" and "Müller-Söhne KG" meet.
export function companyKey(name: string): string {
  const words = foldName(stripLegalForm(name))
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  while (words.length > 1 && FIRM_PREFIXES.has(words[0] ?? '')) words.shift();
  return words.join('');
}
