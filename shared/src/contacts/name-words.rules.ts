import type { Salutation } from './contact-enums.schema';
import { foldName } from './normalize.rules';

// Word lists and word-level helpers behind the name parser.

/** Entries of a word table written as text: one per line or comma-separated, folded (ä → ae). */
export function tableOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => foldName(entry))
    .filter((entry) => entry !== '');
}

// Particles before a family name belong to it and keep the case they are written in:
// "Ursula von der Leyen", "Hans vorm Habicht", "Joost den Uyl", "Marine Le Pen". German forms
// (DIN 5007-2 files them after the name: "Habicht, Hans vorm"), Dutch and Flemish tussenvoegsels,
// Romance de/di/da/du. Words such as "an" or "auf" count only inside a phrase ("an der").
const NAME_PARTICLES = tableOf(`
  von, vom, von der, von dem, von den, von und zu, von und zum, von und zur, zu, zum, zur
  vorm, vor dem, vor der, an der, an den, am, auf der, auf dem, auf den, aus der, aus dem, aus den
  im, in der, in den, ob der, der, den
  van, van der, van den, van de, van het, van ter, van ten, ten, ter, te, op de, op den, op ten
  in de, in den, uit de, uit den, uit het, aan de, aan den, aan het, af
  de, de la, de las, de los, del, della, delle, dello, dei, degli, di, da, das, do, dos, du, des, la, le
`);

// Titles of nobility have been part of the family name in Germany since 1919 (Art. 109 Abs. 3
// WRV, in force through Art. 123 GG): "Otto Graf Lambsdorff", "Elke Freifrau an der Elster".
const NOBILITY_WORDS = new Set(
  tableOf(`
    Graf, Gräfin, Freiherr, Freifrau, Freiin, Baron, Baronin, Baronesse, Edler, Edle, Ritter
    Prinz, Prinzessin, Fürst, Fürstin, Herzog, Herzogin, Großherzog, Großherzogin
    Markgraf, Markgräfin, Landgraf, Landgräfin, Burggraf, Burggräfin, Pfalzgraf, Pfalzgräfin
    Reichsgraf, Reichsgräfin, Reichsfreiherr, Reichsfreifrau, Reichsritter, Erbgraf, Erbprinz, Erbprinzessin
  `),
);

// Abbreviations, matched as written with their dot. Particles only in lower case: "Anton v. Weber",
// "v. d. Berg" ("V." is an initial, as in "Anton V. Weber"). Titles of nobility in any case, as in
// registers and letterheads: "Karl Frhr. von Stein", "Otto Gf. Lambsdorff".
const PARTICLE_ABBREVIATIONS = ['v.', 'v. d.', 'v.d.', 'v. der', 'v. dem', 'v. den', 'v. u. z.', 'v. u. zu', 'z.'];
const NOBILITY_ABBREVIATIONS = `
  frhr., freih., frfr., freifr., frfrn., gf., gfn., gfin., gräf., pr., prz., przn., bar., bn., fst., fstn.
  hzg., hzgn., mgf., lgf., edl.
`
  .split(/[\s,]+/)
  .filter((entry) => entry !== '');
const ABBREVIATION_KEYS = new Set([
  ...PARTICLE_ABBREVIATIONS.flatMap((phrase) => phrase.split(' ')),
  ...NOBILITY_ABBREVIATIONS,
]);

// A token's key in the tables: an abbreviation as written (nobility ones lower-cased), else folded.
function wordKey(token: string): string {
  if (!token.endsWith('.')) return foldName(token);
  const lower = token.toLowerCase();
  if (NOBILITY_ABBREVIATIONS.includes(lower)) return lower;
  return ABBREVIATION_KEYS.has(token) ? token : foldName(token);
}

// The phrases by their first word, each as keys: "an" → [["an", "der"], ["an", "den"]].
const PHRASES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of [...NAME_PARTICLES, ...NOBILITY_WORDS, ...PARTICLE_ABBREVIATIONS, ...NOBILITY_ABBREVIATIONS]) {
  const words = phrase.split(' ');
  const first = words[0] ?? '';
  PHRASES_BY_FIRST_WORD.set(first, [...(PHRASES_BY_FIRST_WORD.get(first) ?? []), words]);
}

export const isNobilityWord = (token: string) =>
  NOBILITY_WORDS.has(foldName(token)) || NOBILITY_ABBREVIATIONS.includes(token.toLowerCase());

// Words joining the parts of a family name keep their lower case: "von Thurn und Taxis",
// "Ortega y Gasset", "Silva e Sousa".
const NAME_JOINERS = new Set(['und', 'y', 'e', 'i']);
export const isNameJoiner = (token: string) => NAME_JOINERS.has(token);

/**
 * Where a run of particles and titles of nobility starting at `start` can end: every index `end`
 * such that `tokens[start..end)` is a sequence of table entries ("Freifrau" "an der"), ascending;
 * empty when none starts there.
 */
export function particleRunEnds(tokens: readonly string[], start: number): number[] {
  const folded: string[] = [];
  const fold = (at: number) => (folded[at] ??= wordKey(tokens[at] ?? ''));
  const reachable = new Set([start]);
  for (let at = start; at < tokens.length; at++) {
    if (!reachable.has(at)) continue;
    for (const words of PHRASES_BY_FIRST_WORD.get(fold(at)) ?? []) {
      if (words.every((word, i) => at + i < tokens.length && fold(at + i) === word)) reachable.add(at + words.length);
    }
  }
  reachable.delete(start);
  return [...reachable].sort((a, b) => a - b);
}

const SALUTATION_WORDS: Record<string, Salutation> = {
  herr: 'Herr',
  hr: 'Herr',
  hrn: 'Herr',
  herrn: 'Herr',
  mr: 'Herr',
  frau: 'Frau',
  fr: 'Frau',
  mrs: 'Frau',
  ms: 'Frau',
  miss: 'Frau',
};

export function salutationWord(token: string): Salutation | undefined {
  return SALUTATION_WORDS[token.toLowerCase().replace(/\.$/, '')];
}

// "M", "M." or "M.-L.": an initial, not a first name.
export function isInitials(token: string): boolean {
  return /^\p{L}\.?$/u.test(token) || /^\p{L}\.-?\p{L}\.?$/u.test(token);
}

// Upper-case each part of a name written all in one case ("anna-lena" → "Anna-Lena",
// "O'BRIEN" → "O'Brien"); mixed case is the writer's choice ("McDonald") and is kept.
export function capitalizeWord(word: string): string {
  const isOneCase = word === word.toLowerCase() || word === word.toUpperCase();
  if (!isOneCase) return word;
  return word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_match, separator: string, letter: string) => {
    return separator + letter.toUpperCase();
  });
}

export function isAllCaps(token: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(token) && token === token.toUpperCase();
}
