import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  familyNameCore,
  foldName,
  hasLegalForm,
  koelnerPhonetik,
  phoneticSearchCode,
  type SearchMatch,
  searchKeys,
} from '@klarkonform/shared';
import { lookupKeys } from './lookup-keys.rules';
import { matchesFilter, searchTiers, tierOf } from './search-tiers.rules';

// The ranked search on stored lookup fields, read in TypeScript exactly as the tiers' filters
// are: which contacts a text finds and how (exact, prefix, phonetic).

type Doc = Record<string, unknown>;

function person(firstName: string, lastName: string): Doc {
  const keys = {
    ...searchKeys({ kind: 'person', firstName, lastName }),
    sortName: foldName(`${lastName} ${firstName}`),
  };
  return { kind: 'person', ...lookupKeys(keys, { kind: 'person', archived: false }) };
}

function company(name: string): Doc {
  const keys = { ...searchKeys({ kind: 'company', name }), sortName: foldName(name) };
  return { kind: 'company', ...lookupKeys(keys, { kind: 'company', archived: false }) };
}

/** How `q` finds the contact, or null when it does not. */
function matchOf(doc: Doc, q: string): SearchMatch | null {
  const tiers = searchTiers(q);
  return tiers[tierOf(doc, tiers)]?.match ?? null;
}

describe('ranked search tiers', () => {
  it('"Meier" finds Meier exactly, Meierhofer by prefix, Meyer and Maier by sound', () => {
    expect(matchOf(person('Anna', 'Meier'), 'Meier')).toBe('exact');
    expect(matchOf(person('Bernd', 'Meierhofer'), 'Meier')).toBe('prefix');
    expect(matchOf(person('Clara', 'Meyer'), 'Meier')).toBe('phonetic');
    expect(matchOf(person('Dora', 'Maier'), 'Meier')).toBe('phonetic');
    expect(matchOf(person('Emil', 'Müller'), 'Meier')).toBeNull();
  });

  it('"Schmidt" finds "Schmitt Elektro GmbH" by its phonetic company key', () => {
    expect(matchOf(company('Schmitt Elektro GmbH'), 'Schmidt')).toBe('phonetic');
    expect(matchOf(company('Schmitt Elektro GmbH'), 'Schmidt Elektro')).toBe('phonetic');
    expect(matchOf(company('Schmitt Elektro GmbH'), 'Schmitt')).toBe('exact');
    expect(matchOf(company('Schmitt Elektro GmbH'), 'Schmidt GmbH')).toBe('phonetic');
    // A legal form typed searches companies only.
    expect(matchOf(person('Hans', 'Schmitt'), 'Schmidt GmbH')).toBeNull();
  });

  it('"Müller" finds "Mueller" exactly (folded alike), and Möller by sound', () => {
    expect(matchOf(person('Lisa', 'Mueller'), 'Müller')).toBe('exact');
    expect(matchOf(person('Lisa', 'Müller'), 'Mueller')).toBe('exact');
    expect(matchOf(person('Lisa', 'Möller'), 'Müller')).toBe('phonetic');
  });

  it('ranks a name by its worst word: one word by sound makes the whole match phonetic', () => {
    expect(matchOf(person('Max', 'Meier'), 'Max Meier')).toBe('exact');
    expect(matchOf(person('Maximilian', 'Meier'), 'Max Meier')).toBe('prefix');
    expect(matchOf(person('Max', 'Meyer'), 'Max Meier')).toBe('phonetic');
    expect(matchOf(person('Max', 'Meyer'), 'Maks Meier')).toBe('phonetic');
    expect(matchOf(person('Moritz', 'Meyer'), 'Max Meier')).toBeNull();
  });

  it('finds first names by sound too, but only by codes of three digits', () => {
    expect(matchOf(person('Karl', 'Weber'), 'Carl')).toBe('phonetic');
    expect(matchOf(company('Karl Bau GmbH'), 'Carl')).toBe('phonetic');
    expect(matchOf(person('Anna', 'Karlsen'), 'Carl')).toBeNull();
    // "Marie" sounds like "Meier" (67), but a first name needs a code of three digits.
    expect(matchOf(person('Marie', 'Schulz'), 'Meier')).toBeNull();
    expect(matchOf(person('Max', 'Meyer'), 'Maks Meier')).toBe('phonetic');
  });

  it('lets an exact tier be read through the prefix tier when its words are stored as prefixes', () => {
    expect(searchTiers('Meier')[0]).toMatchObject({ match: 'exact', within: true });
    expect(searchTiers('max@muster.de')[0]).toMatchObject({ match: 'exact', within: true });
    expect(searchTiers('HohenzollernSigmaringen')[0]).toMatchObject({ match: 'exact', within: false });
    // What the exact tier finds, the prefix tier finds too.
    const exact = searchTiers('Meier Anna');
    const doc = person('Anna', 'Meier');
    expect(exact[0]?.branches.some((b) => matchesFilter(doc, b))).toBe(true);
    expect(exact[1]?.branches.some((b) => matchesFilter(doc, b))).toBe(true);
    fc.assert(
      fc.property(spelling, spelling, fc.boolean(), (first, last, both) => {
        const q = both ? `${first} ${last}` : last;
        fc.pre(!hasLegalForm(q));
        const contact = person(first, last);
        const [exactTier, prefixTier] = searchTiers(q);
        if (exactTier?.within && exactTier.branches.some((b) => matchesFilter(contact, b)))
          expect(
            prefixTier?.branches.some((b) => matchesFilter(contact, b)),
            q,
          ).toBe(true);
      }),
    );
  });

  it('searches by sound only words of three letters or more with a code of two digits', () => {
    // "Mai" is one digit (6): it would find every Mai, Mey, Neu and Anna.
    expect(matchOf(person('Anna', 'Mey'), 'Mai')).toBeNull();
    expect(matchOf(person('Anna', 'Ott'), 'Ot')).toBe('prefix');
    expect(matchOf(person('Anna', 'Ott'), 'Otto')).toBe('phonetic');
    expect(matchOf(person('Anna', 'Ott'), 'Odd')).toBe('phonetic');
  });

  it('ranks addresses, phones and contact numbers too', () => {
    const doc = {
      kind: 'person',
      ...lookupKeys(
        {
          ...searchKeys({
            kind: 'person',
            lastName: 'Muster',
            emails: [{ address: 'max@muster.de' }],
            businessPhones: ['+49 30 1234567'],
          }),
          sortName: 'muster',
        },
        { kind: 'person', archived: false },
      ),
    };
    expect(matchOf(doc, 'max@muster.de')).toBe('exact');
    expect(matchOf(doc, 'max@muster.d')).toBe('prefix');
    expect(matchOf(doc, '@muster.de')).toBe('exact');
    expect(matchOf(doc, '030 1234567')).toBe('exact');
    expect(matchOf(doc, '030 123')).toBe('prefix');
  });

  // Surnames and spellings that sound alike (ei/ai/ey/ay, dt/tt, ph/f, ü/ue, c/k/z, v/f/w).
  const SOUND_ALIKE: ReadonlyArray<[RegExp, string[]]> = [
    [/ei|ai|ey|ay/g, ['ei', 'ai', 'ey', 'ay']],
    [/dt|tt|d$/g, ['dt', 'tt', 'd']],
    [/ph|f|v/g, ['ph', 'f', 'v']],
    [/ü|ue/g, ['ü', 'ue']],
    [/ck|k/g, ['ck', 'k']],
  ];
  const spelling = fc
    .tuple(
      fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{1,6}$/),
      fc.constantFrom('ei', 'ai', 'ey', 'dt', 'tt', 'ph', 'f', 'v', 'ü', 'ue', 'ck', 'k', 'er', 'mann'),
      fc.stringMatching(/^[a-zäöü]{0,5}$/),
    )
    .map(([head, sound, tail]) => `${head}${sound}${tail}`);
  const respelled = (name: string, choices: number[]) =>
    SOUND_ALIKE.reduce(
      (word, [pattern, options], i) => word.replace(pattern, () => options[(choices[i] ?? 0) % options.length] ?? ''),
      name,
    );

  it('finds every contact whose last name has the Kölner Phonetik code of the word typed', () => {
    fc.assert(
      fc.property(
        spelling,
        fc.array(fc.nat(3), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('Anna', 'Jürgen', ''),
        (stored, choices, firstName) => {
          const typed = respelled(stored, choices);
          const code = phoneticSearchCode(typed);
          fc.pre(code !== '' && code === koelnerPhonetik(familyNameCore(stored)) && !hasLegalForm(typed));
          expect(matchOf(person(firstName, stored), typed), `${typed} → ${stored}`).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('calls a name with the word typed exact and one found by sound alone phonetic, so the first rank first', () => {
    fc.assert(
      fc.property(spelling, fc.array(spelling, { minLength: 1, maxLength: 6 }), (typed, others) => {
        fc.pre(!hasLegalForm(typed));
        const word = foldName(typed);
        for (const last of [typed, ...others]) {
          const match = matchOf(person('Anna', last), typed);
          const words = foldName(last).split(' ');
          if (words.includes(word)) expect(match, last).toBe('exact');
          else if (words.some((w) => w.startsWith(word))) expect(match, last).toBe('prefix');
          else if (match !== null) expect(match, last).toBe('phonetic');
        }
      }),
      { numRuns: 300 },
    );
  });
});
