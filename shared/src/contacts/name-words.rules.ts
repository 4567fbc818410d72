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

// The phrases by their first word, each as folded words: "an" → [["an", "der"], ["an", "den"]].
const PHRASES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of [...NAME_PARTICLES, ...NOBILITY_WORDS]) {
  const words = phrase.split(' ');
  const first = words[0] ?? '';
  PHRASES_BY_FIRST_WORD.set(first, [...(PHRASES_BY_FIRST_WORD.get(first) ?? []), words]);
}

export const isNobilityWord = (token: string) => NOBILITY_WORDS.has(foldName(token));

/**
 * Where a run of particles and titles of nobility starting at `start` can end: every index `end`
 * such that `tokens[start..end)` is a sequence of table entries ("Freifrau" "an der"), ascending;
 * empty when none starts there.
 */
export function particleRunEnds(tokens: readonly string[], start: number): number[] {
  const folded: string[] = [];
  const fold = (at: number) => (folded[at] ??= foldName(tokens[at] ?? ''));
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

// Academic titles before the name: "Prof.", "Dr.", "Dr.-Ing.", "Dipl.-Kfm.", and the degree
// qualifiers that follow a "Dr." ("med.", "rer. nat.", "h.c.").
const TITLE_HEAD = /^(?:prof|dr|pd)\.?$|^(?:doz|mag|ing|dipl)\.$|^(?:prof|dr|dipl|priv|univ|mag)\.-/i;
const TITLE_QUALIFIER =
  /^(?:med|dent|vet|rer|nat|pol|oec|phil|jur|iur|habil|h\.\s?c|mult|sc|techn|ing|univ|theol|paed|agr|biol|math|soc)\.$/i;

export function isTitleToken(token: string, afterTitle: boolean): boolean {
  return TITLE_HEAD.test(token) || (afterTitle && TITLE_QUALIFIER.test(token));
}

const POSTNOMINALS = new Set([
  'mba',
  'msc',
  'bsc',
  'ma',
  'ba',
  'llm',
  'phd',
  'mdb',
  'mdl',
  'jr',
  'sr',
  'jun',
  'sen',
  'esq',
  'beng',
  'meng',
]);

export function isPostnominal(token: string): boolean {
  return POSTNOMINALS.has(token.toLowerCase().replace(/[.\s]/g, ''));
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
