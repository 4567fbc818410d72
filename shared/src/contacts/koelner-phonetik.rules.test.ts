import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { koelnerPhonetik } from './koelner-phonetik.rules';
import { foldName } from './normalize.rules';

describe('koelnerPhonetik', () => {
  it.each([
    // The published examples
    ['Wikipedia', '3412'],
    ['Müller-Lüdenscheidt', '65752682'],
    // Spellings that must meet
    ['Meyer', '67'],
    ['Meier', '67'],
    ['Maier', '67'],
    ['Mayer', '67'],
    ['Müller', '657'],
    ['Mueller', '657'],
    ['Muller', '657'],
    ['Schmidt', '862'],
    ['Schmitt', '862'],
    ['Schmid', '862'],
    ['Schmied', '862'],
    // Context rules of C, D/T, P, X
    ['Christoph', '47823'],
    ['Cäsar', '487'],
    ['Celle', '85'],
    ['Acker', '047'],
    ['Chemnitz', '468'],
    ['Stadt', '822'],
    ['Phillip', '351'],
    ['Xaver', '4837'],
    ['Max', '648'],
    ['Hexe', '048'],
    ['Heinz', '068'],
    ['Aachen', '046'],
    ['Anna', '06'],
    ['Ölmühle', '0565'],
    ['Straße', '8278'],
    // Words and empties
    ['Heinz Schmidt', '068 862'],
    ['  Max   Mustermann ', '648 682766'],
    ['', ''],
    ['---', ''],
    ['123', ''],
    ['Hh', ''],
  ])('%j → %j', (name, code) => {
    expect(koelnerPhonetik(name)).toBe(code);
  });

  it('outputs only digits and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) =>
        /^(?:\d+(?: \d+)*)?$/.test(koelnerPhonetik(name)),
      ),
    );
  });

  it('gives the same code to strings that fold alike', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (name) => koelnerPhonetik(name) === koelnerPhonetik(foldName(name)),
      ),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zäöüß -]{0,20}$/),
        (name) => koelnerPhonetik(name) === koelnerPhonetik(name.toUpperCase()),
      ),
    );
  });

  it('copes with very long input', () => {
    expect(koelnerPhonetik('Mustermann '.repeat(10_000))).toBe(Array(10_000).fill('682766').join(' '));
  });
});
