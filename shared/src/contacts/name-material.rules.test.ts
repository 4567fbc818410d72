import { describe, expect, it } from 'vitest';
import { isBusinessWord } from './company-name.rules';
import { isGivenNameSection, isOrgCode, isRoleWord } from './name-material.rules';

describe('material around a name', () => {
  it.each(['CEO', 'Inhaberin', 'Vertriebsleiter', 'Datenschutzbeauftragte', 'Account Manager', 'Geschäftsführerin'])(
    '%s is a role',
    (word) => {
      expect(isRoleWord(word)).toBe(true);
    },
  );

  it.each(['Mustermann', 'Koch', 'Richter', 'Müller', 'Kaufmann', 'Max'])('%s is no role', (word) => {
    expect(isRoleWord(word)).toBe(false);
  });

  it('leaves out roles that are family names when strict', () => {
    expect(isRoleWord('Leiter')).toBe(true);
    expect(isRoleWord('Leiter', true)).toBe(false);
  });

  it.each<[string, string, boolean]>([
    ['Mustermann', 'Max', true],
    ['Mustermann', 'Dr. Max', true],
    ['Mustermann', 'Max SIE-DE', true],
    ['Van der Berg', 'Anna-Lena', true],
    ['Leyen', 'Ursula von der', true],
    ['García Márquez', 'Gabriel', true],
    ['MUSTERMANN', 'MAX', true],
    ['Max Mustermann', 'CEO', false],
    ['Max Mustermann', 'München', false],
    ['Max Mustermann', 'Musterbau', false],
    ['Max Mustermann', 'Bäckerei Huber', false],
    ['Max Mustermann', 'IBM', false],
    ['Max Mustermann', 'Account Manager', false],
  ])('%j, %j: a given-name section: %s', (before, section, expected) => {
    expect(isGivenNameSection(before, section, isBusinessWord)).toBe(expected);
  });

  it('knows organisation codes', () => {
    expect(['SIE', 'SIE-DE', 'BOSCH/DE'].every(isOrgCode)).toBe(true);
    expect(['MAX', 'Sie', 'ANNA'].some(isOrgCode)).toBe(false);
  });
});
