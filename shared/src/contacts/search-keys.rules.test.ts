import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKeys, searchQuery } from './search-keys.rules';

describe('searchKeys', () => {
  it('derives every key of a company', () => {
    expect(
      searchKeys({
        kind: 'company',
        name: 'Müller & Söhne GmbH & Co. KG',
        email: 'Info@Mueller-Soehne.de',
        website: 'https://www.mueller-soehne.de/kontakt',
        phone: '030 1234-56',
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
        phone: '+43 1 234567',
        mobile: '0171 1234567',
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
      email: 'baecker.schmidt@gmx.de',
      phone: 'kaputt',
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
            phone,
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
    ['Müller Lüd', { kind: 'names', tokens: ['mueller', 'lued'], companyOnly: false }],
    ['Muster GmbH & Co. KG', { kind: 'names', tokens: ['muster'], companyOnly: true }],
    ['030 1234', { kind: 'phone', digits: ['49301234', '0301234'] }],
    ['+49 30 1234', { kind: 'phone', digits: ['49301234', '0301234'] }],
    ['c123', { kind: 'contactNumber', contactNumber: 'C00123' }],
    ['Max@Muster.de', { kind: 'email', email: 'max@muster.de' }],
    ['Max@Muster', { kind: 'emailPrefix', prefix: 'max@muster' }],
    ['@muster.de', { kind: 'domain', domain: 'muster.de' }],
    ['muster.de', { kind: 'domain', domain: 'muster.de' }],
    ['12', { kind: 'names', tokens: ['12'], companyOnly: false }],
    ['', { kind: 'empty' }],
  ])('%j → %o', (q, expected) => {
    expect(searchQuery(q)).toEqual(expected);
  });
});
