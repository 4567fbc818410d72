import { describe, expect, it } from 'vitest';
import { exportHeader } from './export-columns.rules';
import { mappingFor, recognisePreset } from './import-presets.rules';

describe('recognisePreset', () => {
  it('knows Outlook in German and English and KlarKonform’s own export', () => {
    expect(recognisePreset(['Anrede', 'Vorname', 'Weitere Vornamen', 'Nachname', 'Firma', 'E-Mail-Adresse'])).toBe(
      'outlookDe',
    );
    expect(recognisePreset(['Title', 'First Name', 'Middle Name', 'Last Name', 'Company', 'E-mail Address'])).toBe(
      'outlookEn',
    );
    expect(recognisePreset(exportHeader())).toBe('klarkonform');
    expect(recognisePreset(['Vorname', 'Nachname', 'E-Mail'])).toBe('guessed');
  });
});

describe('mappingFor (guessed)', () => {
  it.each([
    [
      ['Vorname', 'Name', 'E-Mail'],
      ['firstName', 'lastName', 'email'],
    ],
    [
      ['Name', 'Firma', 'E-Mail'],
      ['fullName', 'companyName', 'email'],
    ],
    [
      ['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name'],
      ['firstName', 'lastName', 'email', 'businessPhone', 'companyName'],
    ],
    [
      ['E-Mail', 'E-Mail', 'E-Mail', 'E-Mail'],
      ['email', 'email2', 'email3', 'ignore'],
    ],
    [
      ['Telefon (Zentrale)', 'Handy', 'Fax', 'PLZ', 'Straße und Hausnummer'],
      ['businessPhone', 'mobilePhone', 'ignore', 'postcode', 'street'],
    ],
    [
      ['Kunden-Nr.', 'Geburtstag', ''],
      ['ignore', 'ignore', 'ignore'],
    ],
  ])('%j → %j', (headers, targets) => {
    expect(mappingFor(headers, 'guessed')).toEqual(targets);
  });

  it('maps every column of KlarKonform’s export back to its field', () => {
    const mapping = mappingFor(exportHeader(), 'klarkonform');
    expect(mapping.filter((t) => t !== 'ignore')).toHaveLength(exportHeader().length - 4);
    expect(new Set(mapping.filter((t) => t !== 'ignore')).size).toBe(exportHeader().length - 4);
  });
});
