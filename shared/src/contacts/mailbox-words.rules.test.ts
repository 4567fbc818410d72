import { describe, expect, it } from 'vitest';
import { isFunctionLocalPart, isFunctionName, isFunctionWord, isNameTag } from './mailbox-words.rules';

describe('function mailboxes', () => {
  it.each([
    'Geschäftsleitung',
    'GESCHAEFTSLEITUNG',
    'Vertrieb',
    'Vertriebsinnendienst',
    'Vertriebsteam',
    'Kundenzentrale',
    'Rechnungseingang',
    'Personalabteilung',
    'Sekretariat',
    'noreply',
    'No-Reply',
    'Accounting',
    'HR',
    'IT',
    'IT-Abteilung',
    'QS',
    'Betriebsrat',
    'Azubis',
    'Zentraleinkauf',
    'Kreditoren',
    'Reklamationen',
    'Retouren',
    'Fuhrpark',
    'Backoffice',
    'Terminvergabe',
    'Auftragsbestätigung',
    'Arbeitssicherheit',
    'Konferenzraum',
    'Projekt',
    'Customer',
  ])('%s is a function word', (word) => {
    expect(isFunctionWord(word)).toBe(true);
  });

  it.each([
    'Mustermann',
    'Ismail',
    'Castelle',
    'Post',
    'Jobs',
    'Hr.',
    'HR.',
    'Hr',
    'It',
    'Max',
    'Zoll',
    'Lohn',
    'Müller-Lüdenscheidt',
  ])('%s is not (strictly)', (word) => {
    expect(isFunctionWord(word)).toBe(false);
  });

  it.each<[string, boolean, boolean]>([
    ['Alle Mitarbeiter', false, true],
    ['Die Geschäftsführung', false, true],
    ['Max Mustermann Vertrieb', false, true],
    ['Sales & Support', false, true],
    ['Post', false, true],
    ['Anna Post', false, false],
    ['Anna Post', true, true],
    ['Max Mustermann', true, false],
  ])('%j (function address: %s) is a function name: %s', (name, functionAddress, expected) => {
    expect(isFunctionName(name, functionAddress)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['info', true],
    ['info+crm', true],
    ['vertrieb-sued', true],
    ['alle.mitarbeiter', true],
    ['post', true],
    ['geschaeftsleitung', true],
    ['do-not-reply', true],
    ['hr', true],
    ['it', true],
    ['zoll', true],
    ['versandbestaetigung', true],
    ['konferenzraum.berlin', true],
    ['projekt-alpha', true],
    ['anna.post', false],
    ['max.mustermann', false],
    ['steve.jobs', false],
  ])('%s is a function local part: %s', (local, expected) => {
    expect(isFunctionLocalPart(local)).toBe(expected);
  });

  it('knows office tags', () => {
    expect(['EXTERN', 'extern', 'External', 'EXT', 'Gast'].every(isNameTag)).toBe(true);
    expect(isNameTag('Mustermann')).toBe(false);
  });
});
