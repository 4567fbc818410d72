import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { koelnerPhonetik } from './koelner-phonetik.rules';
import { MIN_FIRST_NAME_CODE, MIN_PHONETIC_CODE, phoneticSearchCode } from './phonetic-search.rules';
import { familyNameCore, searchKeys, searchQuery } from './search-keys.rules';

describe('searchKeys', () => {
  it('derives every key of a company', () => {
    expect(
      searchKeys({
        kind: 'company',
        name: 'Müller & Söhne GmbH & Co. KG',
        emails: [{ address: 'Info@Mueller-Soehne.de' }],
        website: 'https://www.mueller-soehne.de/kontakt',
        businessPhones: ['030 1234-56'],
      }),
    ).toEqual({
      emailsLower: ['info@mueller-soehne.de'],
      emailDomains: ['mueller-soehne.de'],
      companyDomains: ['mueller-soehne.de'],
      phonesE164: ['+4930123456'],
      phoneDigits: ['4930123456', '030123456'],
      firstNameFolded: '',
      lastNameFolded: '',
      companyNameFolded: 'mueller soehne gmbh co kg',
      companyKey: 'muellersoehne',
      phoneticFirst: '',
      phoneticLast: '',
      phoneticCompany: '65786',
      nameTokens: ['mueller', 'soehne', 'muellersoehne'],
      phoneticWords: ['657', '86', '65786'],
    });
  });

  it('derives every key of a person, with the company name given', () => {
    const keys = searchKeys(
      {
        kind: 'person',
        firstName: 'Anna-Lena',
        lastName: 'Müller-Lüdenscheidt',
        emails: [{ address: 'A.Mueller@GMX.de' }, { address: 'anna@muster.de' }, { address: 'a.mueller@gmx.de' }],
        businessPhones: ['+43 1 234567'],
        mobilePhone: '0171 1234567',
        address: { country: 'AT' },
      },
      { companyName: 'Muster GmbH' },
    );
    expect(keys).toEqual({
      emailsLower: ['a.mueller@gmx.de', 'anna@muster.de'],
      emailDomains: ['gmx.de', 'muster.de'],
      companyDomains: [],
      phonesE164: ['+431234567', '+431711234567'],
      phoneDigits: ['431234567', '01234567', '431711234567', '01711234567'],
      firstNameFolded: 'annalena',
      lastNameFolded: 'muellerluedenscheidt',
      companyNameFolded: 'muster gmbh',
      companyKey: 'muster',
      phoneticFirst: '0656',
      phoneticLast: '65752682',
      phoneticCompany: '6827',
      nameTokens: ['annalena', 'anna', 'lena', 'muellerluedenscheidt', 'mueller', 'luedenscheidt'],
      // "Anna" and "Lena" (06, 56) are too short a sound for a first name.
      phoneticWords: ['65752682', '657', '52682', 'f:0656'],
    });
  });

  it('leaves free-mail domains out of company domains and keys empty when absent', () => {
    const keys = searchKeys({
      kind: 'company',
      name: 'Bäckerei Schmidt',
      emails: [{ address: 'baecker.schmidt@gmx.de' }],
      businessPhones: ['kaputt'],
    });
    expect(keys.companyDomains).toEqual([]);
    expect(keys.phonesE164).toEqual([]);
    expect(searchKeys({ kind: 'person', lastName: 'Mustermann' })).toMatchObject({
      emailsLower: [],
      companyKey: '',
      companyNameFolded: '',
      phoneticFirst: '',
      phoneticLast: '682766',
    });
  });

  it('never throws and keeps keys folded', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.string({ maxLength: 50 }),
        fc.string({ maxLength: 30 }),
        (first, last, phone) => {
          const keys = searchKeys({
            kind: 'person',
            firstName: first,
            lastName: last,
            businessPhones: [phone],
            emails: [{ address: first }],
          });
          return (
            keys.nameTokens.every((token) => /^[a-z0-9]+$/.test(token)) &&
            /^[\d ]*$/.test(keys.phoneticLast) &&
            keys.lastNameFolded === keys.lastNameFolded.trim()
          );
        },
      ),
    );
  });
});

describe('searchQuery', () => {
  it.each([
    [
      'Müller Lüd',
      { kind: 'names', readings: [['mueller', 'lued'], ['muellerlued']], phonetic: ['657', '52'], companyOnly: false },
    ],
    ['Muster GmbH & Co. KG', { kind: 'names', readings: [['muster']], phonetic: ['6827'], companyOnly: true }],
    ['030 1234', { kind: 'phone', digits: ['49301234', '0301234'] }],
    ['+49 30 1234', { kind: 'phone', digits: ['49301234', '0301234'] }],
    ['c123', { kind: 'contactNumber', contactNumber: 'C00123' }],
    ['Max@Muster.de', { kind: 'email', email: 'max@muster.de' }],
    ['Max@Muster', { kind: 'emailPrefix', prefix: 'max@muster' }],
    ['@muster.de', { kind: 'domain', domain: 'muster.de' }],
    ['muster.de', { kind: 'domain', domain: 'muster.de' }],
    ['12', { kind: 'names', readings: [['12']], phonetic: [''], companyOnly: false }],
    // The tester's findings: a name typed with a hyphen, a space or joined
    [
      'Karl-Heinz',
      { kind: 'names', readings: [['karl', 'heinz'], ['karlheinz']], phonetic: ['475', '068'], companyOnly: false },
    ],
    ['Karlheinz', { kind: 'names', readings: [['karlheinz']], phonetic: ['47568'], companyOnly: false }],
    [
      'Müller-Lüdenscheidt',
      {
        kind: 'names',
        readings: [['mueller', 'luedenscheidt'], ['muellerluedenscheidt']],
        phonetic: ['657', '52682'],
        companyOnly: false,
      },
    ],
    [
      'Karl Heinz Müller',
      {
        kind: 'names',
        readings: [
          ['karl', 'heinz', 'mueller'],
          ['karlheinz', 'mueller'],
          ['karl', 'heinzmueller'],
          ['karlheinzmueller'],
        ],
        phonetic: ['475', '068', '657'],
        companyOnly: false,
      },
    ],
    ['Max', { kind: 'names', readings: [['max']], phonetic: ['648'], companyOnly: false }],
    // Too short, or a code of one digit, to be searched by sound.
    ['Ma', { kind: 'names', readings: [['ma']], phonetic: [''], companyOnly: false }],
    ['Meie', { kind: 'names', readings: [['meie']], phonetic: [''], companyOnly: false }],
    ['', { kind: 'empty' }],
  ])('%j → %o', (q, expected) => {
    expect(searchQuery(q)).toEqual(expected);
  });
});

describe('phonetic search codes', () => {
  it.each([
    ['Meier', '67'],
    ['Meyer', '67'],
    ['Maier', '67'],
    ['Schmidt', '862'],
    ['Schmitt', '862'],
    ['Müller', '657'],
    ['Mueller', '657'],
    ['Mai', ''],
    ['Ma', ''],
    ['1234', ''],
  ])('%j is searched by %j', (word, code) => {
    expect(phoneticSearchCode(word)).toBe(code);
  });

  it('stores the codes of the family and company words plain, those of the first name marked', () => {
    const person = searchKeys({ kind: 'person', firstName: 'Karl Heinz', lastName: 'von Meyer' });
    expect(person.phoneticWords).toEqual(['36', '67', '367', 'f:475', 'f:068', 'f:47568']);
    const company = searchKeys({ kind: 'company', name: 'Schmitt Elektro GmbH' });
    expect(company.phoneticWords).toEqual(['862', '05427', '8625427']);
    // "Rau" is one digit, "Anna" two: too unspecific to be stored.
    expect(searchKeys({ kind: 'person', firstName: 'Anna', lastName: 'Rau' }).phoneticWords).toEqual([]);
  });

  it('a last name typed as stored is searched by a code stored for it', () => {
    const letters = fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{1,12}$/);
    fc.assert(
      fc.property(letters, letters, (first, last) => {
        const stored = searchKeys({ kind: 'person', firstName: first, lastName: last }).phoneticWords;
        for (const key of stored) {
          const code = key.replace(/^f:/, '');
          expect(code.length).toBeGreaterThanOrEqual(key === code ? MIN_PHONETIC_CODE : MIN_FIRST_NAME_CODE);
        }
        const typed = phoneticSearchCode(last);
        if (typed !== '') expect(stored).toContain(typed);
      }),
    );
  });
});

describe('names of several parts', () => {
  it.each([
    ['Karl Heinz', ['karl', 'heinz', 'karlheinz']],
    ['Karl-Heinz', ['karlheinz', 'karl', 'heinz']],
    ['Karlheinz', ['karlheinz']],
    ['Müller Lüdenscheidt', ['mueller', 'luedenscheidt', 'muellerluedenscheidt']],
  ])('stores %j as its parts and joined: %j', (firstName, tokens) => {
    expect(searchKeys({ kind: 'person', firstName, lastName: 'X' }).nameTokens).toEqual([...tokens, 'x']);
  });

  it('reads a search with at most one reading more than it has words', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 9 }), (words) => {
        const query = searchQuery(words.join('-'));
        // Words that are legal forms ("lp", "ag") are not searched for.
        if (query.kind !== 'names' || query.companyOnly) return;
        expect(query.readings.length).toBeLessThanOrEqual(Math.min(words.length, 5) + 1);
        expect(query.readings[0]).toEqual([...new Set(words.slice(0, 5))]);
      }),
    );
  });
});

describe('the phonetic last name leaves out particles and titles of nobility', () => {
  it.each([
    ['von Weizsäcker', 'Weizsäcker'],
    ['Freiherr von und zu Guttenberg', 'Guttenberg'],
    ['zu Guttenberg', 'Guttenberg'],
    ['Graf Lambsdorff', 'Lambsdorff'],
    ['Freifrau an der Elster', 'Elster'],
    ['van den Berg', 'Berg'],
    ['VON DER LEYEN', 'LEYEN'],
    ['Vondran', 'Vondran'],
    ['von', 'von'],
    ['Graf', 'Graf'],
    ['Müller Lüdenscheidt', 'Müller Lüdenscheidt'],
    ['', ''],
  ])('%j → %j', (lastName, core) => {
    expect(familyNameCore(lastName)).toBe(core);
    expect(searchKeys({ kind: 'person', lastName }).phoneticLast).toBe(koelnerPhonetik(core));
  });

  it('keeps the start of a surname that begins like a particle ("Vondran" is not "Dran")', () => {
    expect(searchKeys({ kind: 'person', lastName: 'Vondran' }).phoneticLast).not.toBe(
      searchKeys({ kind: 'person', lastName: 'Dran' }).phoneticLast,
    );
  });
});
