import { describe, expect, it } from 'vitest';
import type { ImportDefaults, ImportTarget } from './import.schema';
import { readImportRow } from './import-row.rules';

const NONE: ImportDefaults = {
  kind: 'auto',
  relationships: [],
  tags: [],
  onDuplicate: 'skip',
  onFileDuplicate: 'skip',
};
const context = { resolveOwner: (text: string) => (text.toLowerCase() === 'anna admin' ? 'u-1' : undefined) };

/** Reads one row given as { target: cell }. */
function read(cells: Partial<Record<ImportTarget, string>>, defaults: ImportDefaults = NONE) {
  const targets = Object.keys(cells) as ImportTarget[];
  return readImportRow(
    Object.values(cells) as string[],
    targets,
    targets.map((t) => `Spalte ${t}`),
    defaults,
    context,
  );
}

describe('readImportRow: names', () => {
  it.each([
    [
      { salutation: 'Herr Dr.', firstName: 'Max', lastName: 'Muster' },
      { salutation: 'Herr', title: 'Dr.', firstName: 'Max', lastName: 'Muster' },
    ],
    [
      { salutation: 'Mr.', firstName: 'John', lastName: 'Smith' },
      { salutation: 'Herr', firstName: 'John', lastName: 'Smith' },
    ],
    [
      { salutation: 'Frau', title: 'Prof. Dr.', lastName: 'Schröder' },
      { salutation: 'Frau', title: 'Prof. Dr.', lastName: 'Schröder' },
    ],
    [
      { firstName: 'Hans', middleName: 'Peter', lastName: 'Weiß' },
      { firstName: 'Hans Peter', lastName: 'Weiß' },
    ],
    [{ fullName: 'Dr. Klaus Meyer' }, { title: 'Dr.', firstName: 'Klaus', lastName: 'Meyer' }],
    [{ fullName: 'Meyer, Klaus' }, { firstName: 'Klaus', lastName: 'Meyer' }],
  ])('%j', (cells, name) => {
    const { contact, problems } = read(cells);
    expect(problems).toEqual([]);
    expect(contact).toMatchObject({ kind: 'person', ...name });
  });

  it('makes a row with only a company name the company, and a person row names its company', () => {
    expect(read({ companyName: 'Muster GmbH', industry: 'Bau' }).contact).toMatchObject({
      kind: 'company',
      name: 'Muster GmbH',
      industry: 'Bau',
    });
    const person = read({ lastName: 'Muster', companyName: 'Muster GmbH', industry: 'Bau' });
    expect(person.contact).toMatchObject({ kind: 'person', lastName: 'Muster' });
    expect(person.contact?.industry).toBeUndefined();
    expect(person.companyName).toBe('Muster GmbH');
    expect(read({ kind: 'Firma', companyName: 'Muster GmbH', lastName: 'Egal' }).contact).toMatchObject({
      kind: 'company',
      name: 'Muster GmbH',
    });
  });

  it('refuses a row without a name', () => {
    const row = read({ firstName: 'Max', email: 'max@muster.de' });
    expect(row.contact).toBeUndefined();
    expect(row.problems).toEqual([{ code: 'missingName', severity: 'error' }]);
  });
});

describe('readImportRow: values', () => {
  it('reads e-mails (several in a cell, Name <…>, mailto:), refuses an invalid one', () => {
    expect(
      read({ lastName: 'M', email: 'Max <Max@Muster.de>', email2: 'mailto:info@muster.de; vertrieb@muster.de' }).contact
        ?.emails,
    ).toEqual(['max@muster.de', 'info@muster.de', 'vertrieb@muster.de']);
    expect(read({ lastName: 'M', email: 'max@', phone: '' } as never).problems).toEqual([
      { code: 'invalidEmail', severity: 'error', target: 'email', column: 'Spalte email', value: 'max@' },
    ]);
    const four = read({ lastName: 'M', email: 'a@b.de, c@d.de', email2: 'e@f.de', email3: 'g@h.de' });
    expect(four.contact?.emails).toHaveLength(3);
    expect(four.problems).toEqual([expect.objectContaining({ code: 'tooManyValues', severity: 'warning' })]);
  });

  it('keeps an unrecognised phone number as written, with a warning', () => {
    const row = read({ lastName: 'M', businessPhone: 'Zentrale 12', mobilePhone: '0171 2345678' });
    expect(row.contact).toMatchObject({ businessPhones: ['Zentrale 12'], mobilePhone: '0171 2345678' });
    expect(row.problems).toEqual([expect.objectContaining({ code: 'invalidPhone', target: 'businessPhone' })]);
  });

  it('refuses a text over its limit and leaves unknown choices out with a warning', () => {
    expect(read({ lastName: 'M', position: 'x'.repeat(101) }).problems).toEqual([
      expect.objectContaining({ code: 'tooLong', severity: 'error', target: 'position' }),
    ]);
    const row = read({
      lastName: 'M',
      relationships: 'Kunde; Freund',
      leadSource: 'Zeitung',
      customerSince: '31.02.2020',
      country: 'Atlantis',
      owner: 'Niemand',
      website: 'keine Seite',
    });
    expect(row.contact).toMatchObject({ relationships: ['customer'] });
    expect(row.problems.map((p) => p.code)).toEqual([
      'invalidCountry',
      'invalidWebsite',
      'unknownValue',
      'unknownValue',
      'invalidDate',
      'unknownOwner',
    ]);
  });

  it('reads choices by their German and English labels', () => {
    expect(
      read({
        lastName: 'M',
        relationships: 'Beides',
        roles: 'Entscheider, Billing contact',
        leadSource: 'Trade fair',
        leadStatus: 'In Qualifizierung',
        legalBasis: 'Berechtigtes Interesse',
        customerSince: '1.2.24',
        country: 'Österreich',
        owner: 'Anna Admin',
      }).contact,
    ).toMatchObject({
      relationships: ['customer', 'supplier'],
      roles: ['decisionMaker', 'billingContact'],
      leadSource: 'tradeFair',
      leadStatus: 'qualifying',
      legalBasis: 'legitimateInterest',
      customerSince: '2024-02-01',
      ownerId: 'u-1',
    });
  });

  it('imports opt-outs and says that a consent needs its proof', () => {
    const row = read({
      lastName: 'M',
      consentEmail: 'Widersprochen',
      consentPhone: 'Erteilt',
      consentLetter: 'Keine Einwilligung',
      consentNewsletter: 'abgemeldet',
    });
    expect(row.optOuts).toEqual(['email', 'newsletter']);
    expect(row.problems).toEqual([expect.objectContaining({ code: 'consentNotImported', target: 'consentPhone' })]);
  });

  it('reads line breaks as ", " in a line and keeps them in the notes; strips the CSV formula guard', () => {
    const row = read({
      lastName: 'M',
      street: 'Hauptstr. 1\r\nHinterhaus',
      notes: 'Zeile 1\r\nZeile 2',
      tags: "'=SUMME(A1); VIP",
    });
    expect(row.contact).toMatchObject({
      address: { street: 'Hauptstr. 1, Hinterhaus', country: 'DE' },
      notes: 'Zeile 1\nZeile 2',
      tags: ['=SUMME(A1)', 'VIP'],
    });
  });
});

describe('readImportRow: values for all rows and the row key', () => {
  it('adds relationships and tags, and a lead source and owner where the row has none', () => {
    const defaults: ImportDefaults = {
      ...NONE,
      relationships: ['lead'],
      tags: ['Messe 2024'],
      leadSource: 'tradeFair',
      ownerId: 'u-2',
    };
    expect(
      read({ lastName: 'M', tags: 'VIP', relationships: 'Kunde', owner: 'Anna Admin' }, defaults).contact,
    ).toMatchObject({
      relationships: ['customer', 'lead'],
      tags: ['VIP', 'Messe 2024'],
      leadSource: 'tradeFair',
      ownerId: 'u-1',
    });
  });

  it('keys a row by what the file says: not by the values for all rows, the column order or the address case', () => {
    const a = read({ firstName: 'Max', lastName: 'Muster', email: 'Max@Muster.de' });
    const b = read(
      { firstName: 'Max', lastName: 'Muster', email: 'max@muster.de' },
      { ...NONE, tags: ['Neu'], relationships: ['lead'] },
    );
    const c = readImportRow(
      ['max@muster.de', 'Muster', 'Max'],
      ['email', 'lastName', 'firstName'],
      ['E', 'N', 'V'],
      NONE,
      context,
    );
    expect(b.content).toBe(a.content);
    expect(c.content).toBe(a.content);
    expect(read({ firstName: 'Max', lastName: 'Muster', email: 'max@muster.de', position: 'Chef' }).content).not.toBe(
      a.content,
    );
  });
});
