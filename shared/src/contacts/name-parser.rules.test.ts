import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParsedName, parseDisplayName } from './name-parser.rules';

describe('parseDisplayName', () => {
  it.each<[string, string, ParsedName]>([
    ['Max Mustermann', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Max', 'x@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann, Dr. Max', '', { title: 'Dr.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Dr. Max Mustermann', '', { title: 'Dr.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Prof. Dr. Erika Musterfrau', '', { title: 'Prof. Dr.', firstName: 'Erika', lastName: 'Musterfrau' }],
    ['Dr. med. Max Mustermann', '', { title: 'Dr. med.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Dipl.-Ing. Max Mustermann', '', { title: 'Dipl.-Ing.', firstName: 'Max', lastName: 'Mustermann' }],
    ['Herr Max Mustermann', '', { salutation: 'Herr', firstName: 'Max', lastName: 'Mustermann' }],
    ['Frau Dr. Erika Musterfrau', '', { salutation: 'Frau', title: 'Dr.', firstName: 'Erika', lastName: 'Musterfrau' }],
    ['Max von Mustermann', '', { firstName: 'Max', lastName: 'von Mustermann' }],
    ['Ursula von der Leyen', '', { firstName: 'Ursula', lastName: 'von der Leyen' }],
    ['Max Peter Mustermann', '', { firstName: 'Max Peter', lastName: 'Mustermann' }],
    ['"Max Mustermann"', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ["'Max Mustermann'", '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['„Max Mustermann“', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['MUSTERMANN Max', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['MAX MUSTERMANN', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ["O'BRIEN Sean", '', { firstName: 'Sean', lastName: "O'Brien" }],
    ['anna-lena müller', '', { firstName: 'Anna-Lena', lastName: 'Müller' }],
    ['Max McDonald', '', { firstName: 'Max', lastName: 'McDonald' }],
    ['Max Mustermann (Muster GmbH)', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann | Muster GmbH', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann - Vertrieb', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann <max@muster.de>', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Max Mustermann, MBA', '', { firstName: 'Max', lastName: 'Mustermann' }],
    ['M. Mustermann', '', { lastName: 'Mustermann' }],
    ['M. Mustermann', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Herr Mustermann', 'max.mustermann@muster.de', { salutation: 'Herr', firstName: 'Max', lastName: 'Mustermann' }],
    ['Max', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Müller', 'anna.mueller@muster.de', { firstName: 'Anna', lastName: 'Müller' }],
    ['Mustermann', '', { lastName: 'Mustermann' }],
    ['Mustermann Max', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['Mustermann Max', '', { firstName: 'Mustermann', lastName: 'Max' }],
    // Display name is the address, or empty: the local part speaks
    ['max.mustermann@muster.de', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'Max.Mustermann@Muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'm.mustermann@muster.de', { lastName: 'Mustermann' }],
    ['', 'max.m@muster.de', { firstName: 'Max' }],
    ['', 'max_mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'max-mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'anna-lena.mueller@muster.de', { firstName: 'Anna-Lena', lastName: 'Mueller' }],
    ['', 'anna-lena-mueller@muster.de', {}],
    ['', 'max.von.mustermann@muster.de', { firstName: 'Max', lastName: 'von Mustermann' }],
    ['', 'max.mustermann+crm@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'max.mustermann2@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', 'mustermann@muster.de', {}],
    ['   ', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    // Role mailboxes and organisations: no person name
    ...[
      'info',
      'kontakt',
      'vertrieb',
      'office',
      'buchhaltung',
      'rechnung',
      'noreply',
      'no-reply',
      'support',
      'sales',
      'hello',
      'team',
      'service',
      'mail',
      'post',
      'admin',
    ].map((role): [string, string, ParsedName] => ['', `${role}@muster.de`, {}]),
    ['Info', 'info@muster.de', {}],
    ['Vertrieb Muster', 'vertrieb@muster.de', {}],
    ['Muster GmbH', 'info@muster.de', {}],
    ['Muster GmbH', 'max.mustermann@muster.de', { firstName: 'Max', lastName: 'Mustermann' }],
    ['', '', {}],
    ['Dr.', '', {}],
  ])('%j <%s> → %o', (displayName, email, expected) => {
    expect(parseDisplayName(displayName, email)).toEqual(expected);
  });

  it('accepts missing arguments', () => {
    expect(parseDisplayName(undefined)).toEqual({});
    expect(parseDisplayName(null, null)).toEqual({});
  });

  it('never throws and never returns empty or blank names', () => {
    const nameLike = fc
      .array(
        fc.oneof(
          fc.constantFrom('Dr.', 'Prof.', 'Herr', 'Frau', 'von', ',', '"', '(', ')', '-', 'M.', 'ÄÖÜ', 'x'),
          fc.string({ unit: 'grapheme', maxLength: 8 }),
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(' '));
    const emailLike = fc.oneof(fc.emailAddress(), fc.string(), fc.constant(''));
    fc.assert(
      fc.property(fc.oneof(nameLike, fc.string()), emailLike, (displayName, email) => {
        const parsed = parseDisplayName(displayName, email);
        return Object.values(parsed).every((value) => typeof value === 'string' && value.trim() !== '');
      }),
    );
  });

  it('copes with very long input', () => {
    const parsed = parseDisplayName(`Max ${'Mustermann'.repeat(10_000)}`, 'max@muster.de');
    expect(parsed.firstName).toBe('Max');
  });
});
