import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { koelnerPhonetik } from './koelner-phonetik.rules';
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
    ['Müller Lüd', { kind: 'names', readings: [['mueller', 'lued'], ['muellerlued']], companyOnly: false }],
    ['Muster GmbH & Co. KG', { kind: 'names', readings: [['muster']], companyOnly: true }],
    ['030 1234', { kind: 'phone', digits: ['49301234', '0301234'] }],
    ['+49 30 1234', { kind: 'phone', digits: ['49301234', '0301234'] }],
    ['c123', { kind: 'contactNumber', contactNumber: 'C00123' }],
    ['Max@Muster.de', { kind: 'email', email: 'max@muster.de' }],
    ['Max@Muster', { kind: 'emailPrefix', prefix: 'max@muster' }],
    ['@muster.de', { kind: 'domain', domain: 'muster.de' }],
    ['muster.de', { kind: 'domain', domain: 'muster.de' }],
    ['12', { kind: 'names', readings: [['12']], companyOnly: false }],
    // The tester's findings: a name typed with a hyphen, a space or joined
    ['Karl-Heinz', { kind: 'names', readings: [['karl', 'heinz'], ['karlheinz']], companyOnly: false }],
    ['Karlheinz', { kind: 'names', readings: [['karlheinz']], companyOnly: false }],
    [
      'Müller-Lüdenscheidt',
      { kind: 'names', readings: [['mueller', 'luedenscheidt'], ['muellerluedenscheidt']], companyOnly: false },
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
        companyOnly: false,
      },
    ],
    ['Max', { kind: 'names', readings: [['max']], companyOnly: false }],
    ['', { kind: 'empty' }],
  ])('%j → %o', (q, expected) => {
    expect(searchQuery(q)).toEqual(expected);
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
