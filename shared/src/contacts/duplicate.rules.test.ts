import { describe, expect, it } from 'vitest';
import { type DuplicateProbe, duplicateMatch, findDuplicates } from './duplicate.rules';
import { type SearchKeyInput, searchKeys } from './search-keys.rules';

let ids = 0;
const probe = (input: SearchKeyInput, extra: { companyId?: string; companyName?: string } = {}): DuplicateProbe => ({
  id: `id${++ids}`,
  kind: input.kind,
  companyId: extra.companyId ?? null,
  keys: searchKeys(input, extra.companyName ? { companyName: extra.companyName } : {}),
});
const person = (firstName: string, lastName: string, email?: string, extra = {}) =>
  probe({ kind: 'person', firstName, lastName, emails: email ? [{ address: email }] : [] }, extra);
const company = (name: string, email?: string, website?: string) => probe({ kind: 'company', name, email, website });

describe('duplicateMatch', () => {
  it.each([
    [
      'same email',
      person('Max', 'Mustermann', 'max@muster.de'),
      person('M.', 'Muster', 'MAX@muster.de'),
      100,
      ['sameEmail', 'sameDomain'],
    ],
    [
      'phonetic name at the same domain',
      person('Max', 'Meyer', 'max@muster.de'),
      person('Max', 'Maier', 'm.maier@muster.de'),
      60,
      ['phoneticName', 'sameDomain'],
    ],
    [
      'phonetic name in the same company',
      person('Jörg', 'Schmidt', undefined, { companyId: 'c1' }),
      person('Joerg', 'Schmitt', undefined, { companyId: 'c1' }),
      60,
      ['phoneticName', 'sameCompanyName'],
    ],
    [
      'phonetic name, missing first name',
      person('', 'Müller', 'a@muster.de'),
      person('Anna', 'Mueller', 'b@muster.de'),
      60,
      ['phoneticName', 'sameDomain'],
    ],
    ['same company key', company('Muster GmbH'), company('Muster GmbH & Co. KG'), 70, ['sameCompanyName']],
    [
      'phonetic company and domain',
      company('Meyer Bau GmbH', 'info@meyerbau.de'),
      company('Maier Bau', undefined, 'www.meyerbau.de'),
      100,
      ['phoneticCompanyName', 'sameDomain'],
    ],
    [
      'phonetic company name alone',
      company('Schmitt Elektro GmbH'),
      company('Schmidt Elektro'),
      55,
      ['phoneticCompanyName'],
    ],
    [
      'company domain',
      company('Muster Holding', 'info@muster.de'),
      company('Muster Vertrieb', 'vertrieb@muster.de'),
      50,
      ['sameDomain'],
    ],
    [
      'sole trader as person and company',
      person('Max', 'Mustermann', 'max@muster.de'),
      company('Max Mustermann e.K.', 'max@muster.de'),
      100,
      ['sameEmail'],
    ],
  ])('%s', (_case, a, b, score, reasons) => {
    expect(duplicateMatch(a, b)).toEqual({ score, reasons });
  });

  it.each([
    [
      'namesakes at different firms',
      person('Thomas', 'Müller', 'thomas@a.de'),
      person('Thomas', 'Müller', 'tm@b.de'),
      40,
    ],
    [
      'namesakes at free-mail addresses',
      person('Thomas', 'Müller', 'thomas@gmx.de'),
      person('Thomas', 'Müller', 'tm@gmx.de'),
      40,
    ],
    ['different first names', person('Max', 'Müller', 'max@a.de'), person('Erika', 'Müller', 'erika@a.de'), 20],
  ])('scores %s below the threshold', (_case, a, b, score) => {
    expect(duplicateMatch(a, b)?.score).toBe(score);
  });

  it('returns null when nothing matches', () => {
    expect(duplicateMatch(person('Max', 'Mustermann'), company('Muster GmbH'))).toBeNull();
  });
});

describe('findDuplicates', () => {
  it('keeps candidates at or above the threshold, best first, and skips the candidate itself', () => {
    const candidate = person('Max', 'Meyer', 'max@muster.de');
    const sameEmail = person('Maximilian', 'Meier', 'max@muster.de');
    const phonetic = person('Max', 'Mayer', 'mm@muster.de');
    const stranger = person('Max', 'Mayer', 'mm@other.de');
    const self = { ...candidate };
    const found = findDuplicates(candidate, [phonetic, stranger, sameEmail, self]);
    expect(found.map((match) => [match.contact.id, match.score])).toEqual([
      [sameEmail.id, 100],
      [phonetic.id, 60],
    ]);
    expect(findDuplicates(candidate, [sameEmail, phonetic], 1)).toHaveLength(1);
  });
});
