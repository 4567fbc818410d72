import { describe, expect, it } from 'vitest';
import { type NameInput, displayName, letterSalutation } from './display-name.rules';

const person = (fields: Partial<Extract<NameInput, { kind: 'person' }>>): NameInput => ({
  kind: 'person',
  lastName: 'Mustermann',
  ...fields,
});

describe('displayName', () => {
  it.each<[NameInput, string]>([
    [{ kind: 'company', name: ' Muster GmbH ' }, 'Muster GmbH'],
    [person({ firstName: 'Max' }), 'Max Mustermann'],
    [person({ title: 'Dr.', firstName: 'Max' }), 'Dr. Max Mustermann'],
    [person({ salutation: 'Herr' }), 'Herr Mustermann'],
    [person({ salutation: 'Herr', title: 'Dr.' }), 'Herr Dr. Mustermann'],
    [person({ salutation: 'divers' }), 'Mustermann'],
    [person({ firstName: '  ', title: null }), 'Mustermann'],
  ])('%o → %j', (contact, expected) => {
    expect(displayName(contact)).toBe(expected);
  });
});

describe('letterSalutation', () => {
  it.each<[NameInput, string, string]>([
    [
      person({ salutation: 'Herr', title: 'Dr.', firstName: 'Max' }),
      'Sehr geehrter Herr Dr. Mustermann',
      'Dear Dr Mustermann',
    ],
    [
      { kind: 'person', salutation: 'Frau', title: 'Prof. Dr.', firstName: 'Erika', lastName: 'Musterfrau' },
      'Sehr geehrte Frau Prof. Dr. Musterfrau',
      'Dear Professor Musterfrau',
    ],
    [person({ salutation: 'Herr', firstName: 'Max' }), 'Sehr geehrter Herr Mustermann', 'Dear Mr Mustermann'],
    [
      { kind: 'person', salutation: 'Frau', firstName: 'Erika', lastName: 'Musterfrau' },
      'Sehr geehrte Frau Musterfrau',
      'Dear Ms Musterfrau',
    ],
    [person({ salutation: 'divers', firstName: 'Max' }), 'Guten Tag Max Mustermann', 'Dear Max Mustermann'],
    [person({ salutation: 'none', firstName: 'Max' }), 'Sehr geehrte Damen und Herren', 'Dear Sir or Madam'],
    [person({ firstName: 'Max' }), 'Sehr geehrte Damen und Herren', 'Dear Sir or Madam'],
    [
      person({ salutation: 'none', title: 'Dr.', firstName: 'Kim' }),
      'Sehr geehrte Damen und Herren',
      'Dear Sir or Madam',
    ],
    [
      person({ salutation: 'Herr', title: 'Dr. med. dent.' }),
      'Sehr geehrter Herr Dr. Mustermann',
      'Dear Dr Mustermann',
    ],
    [person({ salutation: 'Herr', title: 'Dr.-Ing.' }), 'Sehr geehrter Herr Dr. Mustermann', 'Dear Dr Mustermann'],
    [person({ salutation: 'Herr', title: 'Dipl.-Kfm.' }), 'Sehr geehrter Herr Mustermann', 'Dear Mr Mustermann'],
    [
      person({ salutation: 'Herr', title: 'Prof. Dr. Dr. h.c.' }),
      'Sehr geehrter Herr Prof. Dr. Dr. Mustermann',
      'Dear Professor Mustermann',
    ],
    [
      { kind: 'person', salutation: 'Herr', firstName: 'Max', lastName: 'von Mustermann' },
      'Sehr geehrter Herr von Mustermann',
      'Dear Mr von Mustermann',
    ],
    [
      person({ salutation: 'divers', title: 'Dr.', firstName: 'Kim' }),
      'Guten Tag Dr. Kim Mustermann',
      'Dear Dr Mustermann',
    ],
    [{ kind: 'company', name: 'Muster GmbH' }, 'Sehr geehrte Damen und Herren', 'Dear Sir or Madam'],
    [person({ lastName: ' ' }), 'Sehr geehrte Damen und Herren', 'Dear Sir or Madam'],
  ])('%o → %j / %j', (contact, german, english) => {
    expect(letterSalutation(contact, 'de')).toBe(german);
    expect(letterSalutation(contact, 'en')).toBe(english);
  });
});
