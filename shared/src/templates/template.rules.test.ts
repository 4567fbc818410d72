import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SALUTATIONS } from '../contacts/contact-enums.schema';
import {
  checkOutput,
  editDistance,
  nearestPlaceholder,
  emptyPlaceholders,
  type PlaceholderContact,
  placeholderValues,
  SAMPLE_CONTACT,
} from './template.rules';
import { TEMPLATE_LANGUAGES, TEMPLATE_PLACEHOLDERS } from './template.schema';

const person = (fields: Partial<Extract<PlaceholderContact, { kind: 'person' }>>): PlaceholderContact => ({
  kind: 'person',
  lastName: 'Müller',
  ...fields,
});

describe('placeholderValues', () => {
  it('fills every placeholder for a person with title and salutation', () => {
    expect(placeholderValues(SAMPLE_CONTACT, 'de')).toEqual({
      briefanrede: 'Sehr geehrte Frau Dr. Musterfrau,',
      anrede: 'Frau',
      titel: 'Dr.',
      vorname: 'Erika',
      nachname: 'Musterfrau',
      firma: 'Muster GmbH',
      position: 'Leiterin Einkauf',
      abteilung: 'Einkauf',
      betreuer: 'Sabine Beispiel',
      kontaktnummer: 'C00042',
    });
  });

  it.each<[PlaceholderContact, string, string, string, string]>([
    [person({ salutation: 'Frau', title: 'Dr.' }), 'Sehr geehrte Frau Dr. Müller,', 'Frau', 'Dear Dr Müller,', 'Ms'],
    [person({ salutation: 'Herr' }), 'Sehr geehrter Herr Müller,', 'Herr', 'Dear Mr Müller,', 'Mr'],
    [person({ salutation: 'none', title: 'Dr.' }), 'Sehr geehrte Damen und Herren,', '', 'Dear Sir or Madam,', ''],
    [person({}), 'Sehr geehrte Damen und Herren,', '', 'Dear Sir or Madam,', ''],
    [person({ salutation: 'divers', firstName: 'Kim' }), 'Guten Tag Kim Müller,', '', 'Dear Kim Müller,', ''],
    [{ kind: 'company', name: 'Muster GmbH' }, 'Sehr geehrte Damen und Herren,', '', 'Dear Sir or Madam,', ''],
  ])('%o → %j / %j', (contact, german, anrede, english, salutationEn) => {
    expect(placeholderValues(contact, 'de')).toMatchObject({ briefanrede: german, anrede });
    expect(placeholderValues(contact, 'en')).toMatchObject({ briefanrede: english, anrede: salutationEn });
  });

  it("names a company's own name as firma and leaves the person fields empty", () => {
    const values = placeholderValues({ kind: 'company', name: ' Muster GmbH ', contactNumber: 'C00001' }, 'de');
    expect(values).toMatchObject({ firma: 'Muster GmbH', vorname: '', nachname: '', kontaktnummer: 'C00001' });
    expect(emptyPlaceholders(['firma', 'vorname', 'betreuer', 'vorname'], values)).toEqual(['vorname', 'betreuer']);
  });
});

describe('checkOutput', () => {
  it.each([
    [' vorname ', { ok: true, placeholder: 'vorname' }],
    ['briefanrede', { ok: true, placeholder: 'briefanrede' }],
    ['Vorname', { ok: false, problem: 'placeholderCase', suggestion: 'vorname' }],
    ['foo', { ok: false, problem: 'unknownPlaceholder' }],
    ['vornam', { ok: false, problem: 'unknownPlaceholder', suggestion: 'vorname' }],
    ['Nachnahme', { ok: false, problem: 'unknownPlaceholder', suggestion: 'nachname' }],
    ['firmaa', { ok: false, problem: 'unknownPlaceholder', suggestion: 'firma' }],
    ['kundennummer', { ok: false, problem: 'unknownPlaceholder' }],
    ['{vorname', { ok: false, problem: 'placeholderExpression', suggestion: 'vorname' }],
    ['vorname | upcase', { ok: false, problem: 'placeholderFilter' }],
    ['contact.vorname', { ok: false, problem: 'placeholderPath' }],
    ['vorname[0]', { ok: false, problem: 'placeholderPath' }],
    ['"x"', { ok: false, problem: 'placeholderExpression' }],
    ['42', { ok: false, problem: 'placeholderExpression' }],
    ['vorname == 1', { ok: false, problem: 'placeholderExpression' }],
    ['', { ok: false, problem: 'placeholderExpression' }],
  ])('%j → %o', (expression, verdict) => {
    expect(checkOutput(expression)).toEqual(verdict);
  });

  it('refuses whitespace control ({{- vorname -}}) even around a known name, naming the plain one', () => {
    expect(checkOutput('vorname', true)).toEqual({ ok: false, problem: 'placeholderTrim', suggestion: 'vorname' });
    expect(checkOutput(' Vornam ', true)).toEqual({ ok: false, problem: 'placeholderTrim', suggestion: 'vorname' });
    expect(checkOutput('kundennummer', true)).toEqual({ ok: false, problem: 'unknownPlaceholder' });
  });

  it('suggests the nearest placeholder at most two edits away, none beyond', () => {
    expect(editDistance('vornam', 'vorname')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearestPlaceholder('VORNAME')).toBe('vorname');
    expect(nearestPlaceholder('positon')).toBe('position');
    expect(nearestPlaceholder('betreur')).toBe('betreuer');
    expect(nearestPlaceholder('vorn')).toBeUndefined();
    expect(nearestPlaceholder('')).toBeUndefined();
  });
});

const salutation = fc.option(fc.constantFrom(...SALUTATIONS), { nil: undefined });
const word = fc.string({ maxLength: 30 });
const anyContact: fc.Arbitrary<PlaceholderContact> = fc.oneof(
  fc.record({
    kind: fc.constant('person' as const),
    salutation,
    title: fc.option(fc.constantFrom('Dr.', 'Prof. Dr.', 'Dipl.-Ing.', ''), { nil: undefined }),
    firstName: fc.option(word, { nil: undefined }),
    lastName: word,
    companyName: fc.option(word, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('company' as const), name: word }),
);

describe('placeholderValues (properties)', () => {
  it('briefanrede always ends with a comma and opens with a known greeting', () => {
    fc.assert(
      fc.property(anyContact, fc.constantFrom(...TEMPLATE_LANGUAGES), (contact, language) => {
        const { briefanrede } = placeholderValues(contact, language);
        expect(briefanrede.endsWith(',')).toBe(true);
        expect(briefanrede).toMatch(/^(Sehr geehrte |Sehr geehrter |Guten Tag|Dear )/);
      }),
    );
  });

  it('gives every placeholder a trimmed string', () => {
    fc.assert(
      fc.property(anyContact, fc.constantFrom(...TEMPLATE_LANGUAGES), (contact, language) => {
        const values = placeholderValues(contact, language);
        expect(Object.keys(values).sort()).toEqual([...TEMPLATE_PLACEHOLDERS].sort());
        for (const value of Object.values(values)) expect(value).toBe(value.trim());
      }),
    );
  });
});
