import fc from 'fast-check';

// Arbitraries for the property tests beside this file and in contacts/. Not part of the barrel.

// A sample of every group of default-ignorable code points, astral ones included.
export const INVISIBLES = [
  '\u00ad',
  '\u034f',
  '\u061c',
  '\u115f',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2060',
  '\u2064',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u3164',
  '\ufe0f',
  '\ufeff',
  '\uffa0',
  '\u{1d173}',
  '\u{e0001}',
  '\u{e0067}',
  '\u{e0100}',
] as const;

export const invisible = fc.constantFrom(...INVISIBLES);

/** The text with invisible characters inserted at random places between its code points. */
export const withInvisibles = (text: string): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 8 }).map((inserts) => {
    const chars = [...text];
    for (const [at, ch] of inserts) chars.splice(at % (chars.length + 1), 0, ch);
    return chars.join('');
  });
