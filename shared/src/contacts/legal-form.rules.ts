import { normalizeLine } from '../text/text.rules';
import { BRANCH_WORDS, COUNTRY_NAMES, OWNER_MARKERS } from './company-name-notes.data';
import { alternatives, escapeRegExp } from './designation-pattern.rules';
import { CHAIN_JOINERS, CHAIN_PARTNERS, JOINED_FORMS, LEGAL_FORMS, STATUS_SUFFIXES } from './legal-forms.data';
import { foldName } from './normalize.rules';
import { PLACE_NAMES } from './place-names.data';

// Legal forms are matched at the end of a company name from the designations in
// legal-forms.data.ts (how each is read is described there). Stripping repeats until nothing is
// left to take, which also takes chains apart: "GmbH & Co. KG" → "GmbH & Co." → "GmbH" → "".
// The company key also drops a legal form inside the name together with a branch, country or
// owner note after it (company-name-notes.data.ts).

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
// "MusterGmbH": exactly as written, after a small letter or a digit.
const JOINED_AT_END = new RegExp(
  `(?<=[\\p{Ll}\\p{N}])(?:${JOINED_FORMS.map(escapeRegExp).join('|')})[\\s.,;:)]*$`,
  'gu',
);
const TRAILING_SEPARATORS = /[\s,;:&+/\-–]+$/u;
const LEADING_SEPARATORS = /^[\s,;:/\-–]+/u;

// A match spans at most a few characters per character of its designation ("G. m. b. H.");
// searching only the end of a name keeps the cost independent of its length.
const longest = (designations: readonly string[]) => Math.max(...designations.map((d) => d.length));
const FORM_SPAN = 4 * longest([...DESIGNATIONS, ...STATUS_SUFFIXES]) + 2;
const CHAIN_SPAN = 4 * (longest(CHAIN_JOINERS) + longest(CHAIN_PARTNERS)) + 4;
const JOINED_SPAN = longest(JOINED_FORMS) + 8;

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

// Invisible characters would hide a legal form ("GmbH\u200b") from the patterns, and an "&"
// escaped for HTML ("Muster GmbH &amp; Co. KG", from mail headers) a chain.
const cleanName = (name: string) =>
  normalizeLine(name)
    .replace(/&(?:amp;|#0*38;|#x0*26;)+/giu, '&')
    .replace(/\s+/g, ' ')
    .trim();

function strip(name: string): Stripped {
  const original = cleanName(name);
  let current = original;
  let legal = false;
  for (;;) {
    // The longer of the two: "u. Co." as a chain, not "Co." (Company) after a stray "u.".
    const form = lastMatch(FORM_AT_END, current, FORM_SPAN);
    const chain = lastMatch(CHAIN_AT_END, current, CHAIN_SPAN);
    const cut =
      (chain && (!form || chain.index <= form.index) ? chain : form) ?? lastMatch(JOINED_AT_END, current, JOINED_SPAN);
    if (!cut) break;
    legal ||= cut !== form || cut[1] !== undefined;
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

const WORD_END = '(?![\\p{L}\\p{N}])';
// A legal form (or status) inside the name followed by a note (company-name-notes.data.ts):
// a comma, a bracket, a spaced dash or bar, or a branch word, country or place (a branch's seat:
// "Muster GmbH Berlin" is "Muster GmbH" there, as with a comma).
const FORM_BEFORE_NOTE = new RegExp(
  `${SEPARATOR_BEFORE}(?:${alternatives([...DESIGNATIONS, ...STATUS_SUFFIXES])})(?=\\s*[,([]|\\s+[-–—|]\\s|\\s+(?:${alternatives([...BRANCH_WORDS, ...COUNTRY_NAMES, ...PLACE_NAMES])})${WORD_END})`,
  'giu',
);
const OWNER_NOTE = new RegExp(`[\\s,;(/|–—-]\\s*(?:${alternatives(OWNER_MARKERS)})(?=[\\s:.,)]|$)`, 'iu');
const MAX_NOTE_TRIES = 3;
const QUOTED = /^["'„“”‚‘’«»‹›](.*)["'“”‘’«»‹›]$/u;
const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** The firm's name as written, without quotes around it and without an owner or branch note. */
function firmName(name: string): string {
  let text = cleanName(name);
  for (let quoted = QUOTED.exec(text); quoted?.[1] && hasWord(quoted[1]); quoted = QUOTED.exec(text)) {
    text = quoted[1].trim();
  }
  const owner = OWNER_NOTE.exec(text);
  const firm = owner ? text.slice(0, owner.index).replace(TRAILING_SEPARATORS, '') : '';
  if (hasWord(firm)) text = firm;
  // The first note after a name and its legal form ("GmbH (Berlin)" has no name before it); a
  // few tries, so that a name of nothing but forms and commas costs no more than a short one.
  for (const note of [...text.matchAll(FORM_BEFORE_NOTE)].slice(0, MAX_NOTE_TRIES)) {
    const named = text.slice(0, note.index + note[0].length);
    const { base, form } = strip(named);
    if (form !== null && base.length < named.length) return named;
  }
  return text;
}

/**
 * The company's matching key: folded, without legal form, "Firma"/"Fa." prefix, "und"/"&" and
 * spaces, so "Müller & Söhne GmbH", "Müller und Söhne" and "Müller-Söhne KG" meet; without a
 * branch, country or owner note after a legal form (company-name-notes.data.ts), so "Muster GmbH,
 * Berlin", "Muster GmbH & Co. KG - Zweigniederlassung Wien" and "Muster GmbH" meet too. A place
 * before the legal form is part of the name ("Stadtwerke München GmbH" ≠ "Stadtwerke Köln GmbH").
 * A national subsidiary named after its country ("Siemens AG Österreich") gets its parent's key:
 * the duplicate check then shows the two, and the user decides.
 */
export function companyKey(name: string): string {
  const words = foldName(stripLegalForm(firmName(name)))
    .split(' ')
    .filter((word) => word !== '' && !FILLER_WORDS.has(word));
  while (words.length > 1 && FIRM_PREFIXES.has(words[0] ?? '')) words.shift();
  return words.join('');
}
