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

function wordCode(word: string): string {
  const letters = [...word].filter((ch) => ch >= 'a' && ch <= 'z');
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

// Names are folded first (ä → ae, ß → ss, diacritics dropped, hyphens joined), so strings that
// fold alike always get the same code. Several words give one code per word, space-separated.
export function koelnerPhonetik(name: string): string {
  return foldName(name)
    .split(' ')
    .map(wordCode)
    .filter((code) => code !== '')
    .join(' ');
}
