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
const company = (name: string, email?: string, website?: string) =>
  probe({ kind: 'company', name, emails: email ? [{ address: email }] : [], website });

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
    // The tester's findings: particles and titles of nobility, and notes after a legal form
    [
      'a name without its particle at the same domain',
      person('Richard', 'Weizsäcker', 'richard.weizsaecker@bundes-beispiel.de'),
      person('Richard', 'von Weizsäcker', 'r.vonweizsaecker@bundes-beispiel.de'),
      60,
      ['phoneticName', 'sameDomain'],
    ],
    [
      'a name with and without its title of nobility',
      person('Karl-Theodor', 'zu Guttenberg', 'kt@guttenberg-beispiel.de'),
      person('Karl-Theodor', 'Freiherr von und zu Guttenberg', 'k.guttenberg@guttenberg-beispiel.de'),
      60,
      ['phoneticName', 'sameDomain'],
    ],
    [
      'Graf Lambsdorff and Lambsdorff',
      person('Otto', 'Graf Lambsdorff', 'otto@lambsdorff-beispiel.de'),
      person('Otto', 'Lambsdorff', 'o.lambsdorff@lambsdorff-beispiel.de'),
      60,
      ['phoneticName', 'sameDomain'],
    ],
    [
      'a branch after the legal form',
      company('Muster GmbH (Deutschland)'),
      company('Muster GmbH'),
      70,
      ['sameCompanyName'],
    ],
    ['a place after the legal form', company('Muster GmbH, Berlin'), company('Muster GmbH'), 70, ['sameCompanyName']],
    [
      'a branch after a chain of forms',
      company('Muster GmbH & Co. KG - Zweigniederlassung Wien'),
      company('Muster GmbH'),
      70,
      ['sameCompanyName'],
    ],
    // A national subsidiary: shown as a candidate, the user decides.
    [
      'a subsidiary named after its country',
      company('Siemens AG Österreich'),
      company('Siemens AG'),
      70,
      ['sameCompanyName'],
    ],
    [
      'the owner of a sole trader',
      company('Muster Inh. Max Muster e.K.'),
      company('Muster e.K.'),
      70,
      ['sameCompanyName'],
    ],
    ['a name in quotes', company('"Muster GmbH"'), company('Muster GmbH'), 70, ['sameCompanyName']],
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
    [
      'a surname that starts like a particle',
      person('Ulrich', 'Vondran', 'u@a.de'),
      person('Ulrich', 'Dran', 'd@a.de'),
      20,
    ],
  ])('scores %s below the threshold', (_case, a, b, score) => {
    expect(duplicateMatch(a, b)?.score).toBe(score);
  });

  it.each([
    ['Muster Bau GmbH', 'Muster Elektro GmbH'],
    ['Stadtwerke München GmbH', 'Stadtwerke Köln GmbH'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(duplicateMatch(company(a), company(b))).toBeNull();
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
