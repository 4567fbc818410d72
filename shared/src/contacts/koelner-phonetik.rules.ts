import { foldName } from './normalize.rules';

// Kölner Phonetik (Hans Joachim Postel, 1969): a phonetic code for German names, written from
// the published rules. Each letter maps to a digit depending on its neighbours; repeated
// digits collapse; every "0" except a leading one is dropped.

const VOWELS = 'aeijouy';
const C_HARD_AT_START = 'ahkloqrux';
const C_HARD = 'ahkoqux';

function letterCode(letter: string, previous: string | undefined, next: string | undefined): string {
  const before = (set: string) => next !== undefined && set.includes(next);
  const after = (set: string) => previous !== undefined && set.includes(previous);
  if (VOWELS.includes(letter)) return '0';
  switch (letter) {
    case 'h':
      return '';
    case 'b':
      return '1';
    case 'p':
      return before('h') ? '3' : '1';
    case 'd':
    case 't':
      return before('csz') ? '8' : '2';
    case 'f':
    case 'v':
    case 'w':
      return '3';
    case 'g':
    case 'k':
    case 'q':
      return '4';
    case 'c':
      if (previous === undefined) return before(C_HARD_AT_START) ? '4' : '8';
      return before(C_HARD) && !after('sz') ? '4' : '8';
    case 'x':
      return after('ckq') ? '8' : '48';
    case 'l':
      return '5';
    case 'm':
    case 'n':
      return '6';
    case 'r':
      return '7';
    case 's':
    case 'z':
      return '8';
    default:
      // Digits and anything else folded into a word carry no sound.
      return '';
  }
}

function codeOf(folded: string): string {
  const letters = [...folded].filter((ch) => ch >= 'a' && ch <= 'z');
  let raw = '';
  letters.forEach((letter, i) => {
    raw += letterCode(letter, letters[i - 1], letters[i + 1]);
  });
  let collapsed = '';
  for (const digit of raw) {
    if (digit !== collapsed.at(-1)) collapsed += digit;
  }
  return collapsed.charAt(0) + collapsed.slice(1).replaceAll('0', '');
}

/**
 * The Kölner Phonetik code of a name: digits only, "" when the name has no letter a–z. Names are
 * folded first (ä → ae, ß → ss, diacritics dropped), so strings that fold alike get the same
 * code. Spaces, hyphens, digits and every other non-letter are skipped, as the reference
 * implementations do (Apache Commons Codec `ColognePhonetic`: "Test test", "Test-test" and
 * "Testtest" are all 28282), so a name is one code however its parts are joined: "Karl Heinz",
 * "Karl-Heinz" and "Karlheinz" are all 47568, "Müller Lüdenscheidt" is 65752682 like
 * "Müller-Lüdenscheidt".
 */
export function koelnerPhonetik(name: string): string {
  return codeOf(foldName(name));
}
