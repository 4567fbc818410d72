// How a designation of the data files (legal-forms.data.ts, company-name-notes.data.ts) is
// matched: case-insensitively (with the `i` flag), "ä" also as "ae" or "a" (likewise ö, ü, ß as
// "ss", accents without accent), an abbreviation ("GmbH", "e.V.") with or without dots and spaces
// between its letters, words joined by spaces, hyphens or nothing, brackets optional.

const LETTER_VARIANTS: Record<string, string> = {
  ä: '(?:ä|ae|a)',
  ö: '(?:ö|oe|o)',
  ü: '(?:ü|ue|u)',
  ß: '(?:ß|ss)',
};
// Never "-": the `u` flag refuses "\-" outside a character class (hyphens split words below).
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

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
export function designationPattern(designation: string): string {
  return designation
    .split(/[\s-]+/)
    .filter((word) => word !== '')
    .map(wordPattern)
    .join('[\\s-]*');
}

/** One regular-expression alternative per designation. */
export const alternatives = (designations: readonly string[]) => designations.map(designationPattern).join('|');
