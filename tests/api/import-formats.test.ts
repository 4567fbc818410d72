import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@klarkonform/shared';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  allContacts,
  companyNamed,
  fixture,
  patchImport,
  personNamed,
  rows,
  runImport,
  uploaded,
} from '../support/imports';

// Issue 16: real-shaped files from Outlook (German with BOM, English), Excel (Windows-1252 ";",
// UTF-8 ";" with one name column, a workbook with two sheets) and vCards 3.0/4.0 are recognised,
// mapped and imported; every stored field is checked through the contacts API.

let t: TestApp;
let contacts: Contact[];
const imports: Record<string, { status: string; counts: Record<string, number> }> = {};

async function importFile(name: string, patch?: Record<string, unknown>) {
  let imp = await uploaded(t, fixture(name), name);
  if (patch) imp = await patchImport(t, imp, patch);
  const done = await runImport(t, imp.id);
  imports[name] = { status: done.status, counts: done.run?.counts ?? {} };
  return { uploaded: imp, done };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('Outlook’s German export with BOM', () => {
  it('is recognised as UTF-8 with BOM, comma-separated, preset outlookDe, with its columns mapped', async () => {
    const imp = await uploaded(t, fixture('outlook-de-bom.csv'), 'outlook-de-bom.csv');
    expect(imp).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      bom: true,
      delimiter: 'comma',
      preset: 'outlookDe',
      rowCount: 4,
    });
    const mapped = Object.fromEntries(
      imp.columns.filter((c) => c.target !== 'ignore').map((c) => [c.header, c.target]),
    );
    expect(mapped).toEqual({
      Anrede: 'salutation',
      Vorname: 'firstName',
      'Weitere Vornamen': 'middleName',
      Nachname: 'lastName',
      Firma: 'companyName',
      Abteilung: 'department',
      Position: 'position',
      'Straße geschäftlich': 'street',
      'Ort geschäftlich': 'city',
      'Postleitzahl geschäftlich': 'postcode',
      'Land/Region geschäftlich': 'country',
      'Telefon geschäftlich': 'businessPhone',
      'Telefon geschäftlich 2': 'businessPhone2',
      'Telefon privat': 'homePhone',
      'Telefon privat 2': 'homePhone2',
      Mobiltelefon: 'mobilePhone',
      'E-Mail-Adresse': 'email',
      'E-Mail 2: Adresse': 'email2',
      'E-Mail 3: Adresse': 'email3',
      Kategorien: 'tags',
      Notizen: 'notes',
      Webseite: 'website',
    });
    expect(imp.columns.find((c) => c.header === 'Vorname')?.samples).toEqual(['Jürgen', 'Anna-Lena', 'Ole']);
    const page = await rows(t, imp.id);
    expect(page.items.map((r) => [r.row, r.verdict, r.action])).toEqual([
      [2, 'new', 'create'],
      [3, 'new', 'create'],
      [4, 'new', 'create'],
      [5, 'invalid', 'skip'],
    ]);
    expect(page.items[3]?.problems).toEqual([
      { code: 'invalidEmail', severity: 'error', target: 'email', column: 'E-Mail-Adresse', value: 'kein-name@' },
      { code: 'missingName', severity: 'error' },
    ]);
    expect(page.items[1]?.company).toEqual({ name: 'Bäckerei Weiß GmbH', action: 'link', row: 2 });
  });

  it('stores every field: person, company from "Firma", address, phones, e-mails, tags, notes', async () => {
    const { done } = await importFile('outlook-de-bom.csv');
    expect(done.status).toBe('done');
    expect(done.run?.counts).toEqual({ created: 3, merged: 0, skipped: 0, failed: 1 });
    contacts = await allContacts(t);
    const juergen = personNamed(contacts, 'Dr. Jürgen Karl Weiß');
    const firm = companyNamed(contacts, 'Bäckerei Weiß GmbH');
    expect(juergen).toMatchObject({
      salutation: 'Herr',
      title: 'Dr.',
      firstName: 'Jürgen Karl',
      lastName: 'Weiß',
      companyId: firm.id,
      department: 'Geschäftsleitung',
      position: 'Inhaber',
      emails: [
        { address: 'juergen.weiss@baeckerei-weiss.de', primary: true },
        { address: 'info@baeckerei-weiss.de', primary: false },
      ],
      businessPhones: ['+49 89 1234567', '089 1234568'],
      mobilePhone: '0171 2345678',
      homePhones: [],
      address: { street: 'Hauptstraße 12', postcode: '80331', city: 'München', country: 'DE' },
      website: 'www.baeckerei-weiss.de',
      tags: ['Weihnachtskarte', 'Kunde 2024'],
      relationships: [],
      ownerId: 'user-a',
      letterSalutation: 'Sehr geehrter Herr Dr. Weiß',
    });
    expect(juergen.notes.specifics).toBe('Liefert montags.\nBitte vorher anrufen.');
    expect(firm).toMatchObject({
      kind: 'company',
      name: 'Bäckerei Weiß GmbH',
      website: 'baeckerei-weiss.de',
      emails: [],
    });
    const anna = personNamed(contacts, 'Anna-Lena Öztürk');
    expect(anna).toMatchObject({
      salutation: 'Frau',
      companyId: firm.id,
      position: 'Buchhaltung',
      emails: [{ address: 'a.oeztuerk@baeckerei-weiss.de', primary: true }],
      tags: ['Weihnachtskarte'],
    });
    expect(anna.title).toBeUndefined();
    const ole = personNamed(contacts, 'Ole Dahl');
    expect(ole).toMatchObject({ homePhones: ['040 555 12 12'], address: { city: 'Hamburg', country: 'DE' } });
    expect(companyNamed(contacts, 'Nordlicht Consulting').id).toBe(ole.companyId);
    // Every created contact has its audit entry by the importing user.
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${juergen.id}/history` })).json();
    expect(history.items[0]).toMatchObject({ action: 'create', actor: { id: 'user-a', name: 'Test User' } });
  });
});

describe('Outlook’s English export', () => {
  it('maps the English headers ("Title" is the courtesy title) and links both people to one company', async () => {
    const { uploaded: imp, done } = await importFile('outlook-en.csv');
    expect(imp).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: 'comma', preset: 'outlookEn', rowCount: 2 });
    expect(done.run?.counts).toEqual({ created: 2, merged: 0, skipped: 0, failed: 0 });
    contacts = await allContacts(t);
    const acme = companyNamed(contacts, 'Acme Ltd');
    expect(personNamed(contacts, 'John Smith')).toMatchObject({
      salutation: 'Herr',
      companyId: acme.id,
      position: 'Purchasing Manager',
      address: { street: '1 High Street', city: 'London', postcode: 'EC1A 1BB', country: 'GB' },
      businessPhones: ['+44 20 7946 0018'],
      mobilePhone: '+44 7700 900123',
      emails: [{ address: 'john.smith@acme.co.uk', primary: true }],
      tags: ['Trade fair'],
      website: 'https://acme.co.uk',
    });
    expect(personNamed(contacts, "Mary Ann O'Brien")).toMatchObject({
      salutation: 'Frau',
      firstName: 'Mary Ann',
      companyId: acme.id,
    });
  });
});

describe('Excel CSV in Windows-1252 with umlauts', () => {
  it('detects Windows-1252 and ";", guesses the free headers, and reads umlauts, dates and relationships', async () => {
    const { uploaded: imp, done } = await importFile('excel-windows-1252.csv');
    expect(imp).toMatchObject({
      encoding: 'windows-1252',
      detectedEncoding: 'windows-1252',
      bom: false,
      delimiter: 'semicolon',
      preset: 'guessed',
    });
    expect(imp.columns.map((c) => c.target)).toEqual([
      'salutation',
      'firstName',
      'lastName',
      'companyName',
      'street',
      'postcode',
      'city',
      'businessPhone',
      'email',
      'relationships',
      'customerSince',
      'notes',
    ]);
    expect(done.run?.counts).toEqual({ created: 3, merged: 0, skipped: 0, failed: 0 });
    contacts = await allContacts(t);
    const firm = companyNamed(contacts, 'Müller & Söhne KG');
    expect(personNamed(contacts, 'Bärbel Schäfer')).toMatchObject({
      salutation: 'Frau',
      companyId: firm.id,
      address: { street: 'Königsallee 5', postcode: '40212', city: 'Düsseldorf', country: 'DE' },
      businessPhones: ['0211 98765'],
      emails: [{ address: 'b.schaefer@mueller-soehne.de', primary: true }],
      relationships: ['customer'],
      customerSince: '2019-02-01',
      notes: { specifics: 'Größter Kunde im Rheinland' },
    });
    expect(personNamed(contacts, 'Günther Groß')).toMatchObject({ companyId: firm.id, relationships: ['customer'] });
    // A row with a company and no person is the company itself.
    expect(companyNamed(contacts, 'Straßenbau Süd GmbH')).toMatchObject({
      relationships: ['supplier'],
      emails: [{ address: 'info@strassenbau-sued.de', primary: true }],
      address: { street: 'Industriestr. 3', postcode: '70173', city: 'Stuttgart', country: 'DE' },
      notes: { specifics: 'Firma ohne Ansprechpartner' },
    });
  });

  it('reads the same bytes as UTF-8 when that is chosen (the override), with replacement characters', async () => {
    const imp = await uploaded(t, fixture('excel-windows-1252.csv'), 'excel-windows-1252.csv');
    const utf8 = await patchImport(t, imp, { encoding: 'utf-8' });
    expect(utf8).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'windows-1252', version: imp.version + 1 });
    expect(utf8.columns[2]?.samples[0]).toBe('Sch\uFFFDfer');
    const back = await patchImport(t, utf8, { encoding: 'windows-1252' });
    expect(back.columns[2]?.samples[0]).toBe('Schäfer');
  });
});

describe('Excel CSV UTF-8 with ";" and one name column', () => {
  it('splits full names, reads tags and lead sources, and keeps quoted quotes', async () => {
    const { uploaded: imp, done } = await importFile('excel-semicolon-utf8.csv', {
      defaults: {
        kind: 'auto',
        relationships: ['lead'],
        tags: ['Import 2024'],
        onDuplicate: 'skip',
        onFileDuplicate: 'skip',
      },
    });
    expect(imp).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: 'semicolon', preset: 'guessed' });
    expect(imp.columns.map((c) => c.target)).toEqual([
      'fullName',
      'companyName',
      'email',
      'businessPhone',
      'mobilePhone',
      'tags',
      'leadSource',
    ]);
    expect(done.run?.counts).toEqual({ created: 3, merged: 0, skipped: 0, failed: 0 });
    contacts = await allContacts(t);
    const klaus = personNamed(contacts, 'Dr. Klaus Meyer');
    expect(klaus).toMatchObject({
      title: 'Dr.',
      firstName: 'Klaus',
      lastName: 'Meyer',
      companyId: companyNamed(contacts, 'Meyer Elektro e.K.').id,
      businessPhones: ['06221 12345'],
      mobilePhone: '0160 9876543',
      tags: ['Messe 2024', 'Messe', 'Import 2024'],
      relationships: ['lead'],
      lead: { source: 'tradeFair', status: 'new' },
    });
    // A free-mail address names no company; without "Firma" the person has none.
    expect(personNamed(contacts, 'Sabine Kühn')).toMatchObject({
      lead: { source: 'website' },
      tags: ['Newsletter', 'Import 2024'],
    });
    expect(personNamed(contacts, 'Sabine Kühn').companyId).toBeUndefined();
    expect(personNamed(contacts, 'Peter "der Große" Lang')).toMatchObject({
      businessPhones: ['030 / 555-0'],
      lead: { source: 'referral' },
    });
  });
});

describe('an .xlsx workbook with two sheets', () => {
  it('reads the first sheet, offers both, and reads the second when chosen', async () => {
    const first = await uploaded(t, fixture('two-sheets.xlsx'), 'two-sheets.xlsx');
    expect(first).toMatchObject({ format: 'xlsx', sheets: ['Kunden', 'Lieferanten'], sheet: 'Kunden', rowCount: 2 });
    expect(first.encoding).toBeUndefined();
    expect(first.columns.map((c) => c.target)).toEqual([
      'firstName',
      'lastName',
      'companyName',
      'email',
      'businessPhone',
      'customerSince',
      'ignore',
    ]);
    expect(first.columns[3]?.samples).toEqual(['martina@vogel-optik.de', 'stefan.brandt@brandt-bau.de']);
    const done = await runImport(t, first.id);
    expect(done.run?.counts).toEqual({ created: 2, merged: 0, skipped: 0, failed: 0 });
    const second = await uploaded(t, fixture('two-sheets.xlsx'), 'two-sheets.xlsx');
    const suppliers = await patchImport(t, second, { sheet: 'Lieferanten' });
    expect(suppliers).toMatchObject({ sheet: 'Lieferanten', rowCount: 2 });
    expect(suppliers.columns.map((c) => c.target)).toEqual([
      'companyName',
      'email',
      'businessPhone',
      'website',
      'industry',
      'relationships',
    ]);
    expect((await runImport(t, suppliers.id)).run?.counts).toEqual({ created: 2, merged: 0, skipped: 0, failed: 0 });
    contacts = await allContacts(t);
    expect(personNamed(contacts, 'Martina Vogel')).toMatchObject({
      emails: [{ address: 'martina@vogel-optik.de', primary: true }],
      customerSince: '2021-03-15',
      companyId: companyNamed(contacts, 'Vogel Optik').id,
    });
    // Excel's number cell keeps its digits.
    expect(personNamed(contacts, 'Stefan Brandt')).toMatchObject({
      businessPhones: ['4935112345'],
      customerSince: '2018-11-01',
    });
    expect(companyNamed(contacts, 'Papier Paulsen KG')).toMatchObject({
      industry: 'Bürobedarf',
      website: 'papier-paulsen.de',
      relationships: ['supplier'],
      businessPhones: ['0431 22 33 44'],
    });
  });
});

describe('a vCard file with 3.0 and 4.0 cards', () => {
  it('imports each card: names, organisation and unit, typed phones, address, categories, notes', async () => {
    const { uploaded: imp, done } = await importFile('contacts-3-and-4.vcf');
    expect(imp).toMatchObject({ format: 'vcard', preset: 'vcard', rowCount: 3 });
    expect(done.run?.counts).toEqual({ created: 3, merged: 0, skipped: 0, failed: 0 });
    contacts = await allContacts(t);
    const katrin = personNamed(contacts, 'Prof. Katrin Schröder');
    expect(katrin).toMatchObject({
      salutation: 'Frau',
      title: 'Prof.',
      companyId: companyNamed(contacts, 'Hochschule Nord').id,
      department: 'Institut für Logistik',
      position: 'Institutsleiterin',
      emails: [
        { address: 'k.schroeder@hs-nord.de', primary: true },
        { address: 'katrin.schroeder@gmx.de', primary: false },
      ],
      businessPhones: ['+49 471 100200'],
      mobilePhone: '+49 170 3334455',
      address: { street: 'An der Karlstadt 8', postcode: '27568', city: 'Bremerhaven', country: 'DE' },
      website: 'https://www.hs-nord.de',
      tags: ['Forschung', 'Partner'],
      notes: { specifics: 'Kooperation Projekt Hafen 4.0\nAnsprechpartnerin für Praktika' },
    });
    expect(personNamed(contacts, 'Mehmet Yılmaz')).toMatchObject({
      businessPhones: ['+49-40-5556667'],
      mobilePhone: '+49-151-22233344',
      address: { city: 'Hamburg', country: 'DE' },
      companyId: companyNamed(contacts, 'Yılmaz Transporte GmbH').id,
    });
    expect(companyNamed(contacts, 'Stadtwerke Musterstadt')).toMatchObject({
      emails: [{ address: 'kontakt@stadtwerke-musterstadt.de', primary: true }],
      businessPhones: ['+49 89 9990'],
    });
  });
});

describe('persons and companies from one file', () => {
  it('links people to the company their file brings, even when its row comes after them', async () => {
    const csv = [
      'Art;Vorname;Nachname;Firma;E-Mail;Telefon;Branche',
      'Person;Paula;Zeiss;Zeta Optik GmbH;paula@zeta-optik.de;;',
      'Person;Paul;Abel;Zeta Optik GmbH;paul@zeta-optik.de;;',
      'Firma;;;Zeta Optik GmbH;info@zeta-optik.de;0641 1234;Optik',
    ].join('\n');
    const imp = await uploaded(t, csv, 'zeta.csv');
    const page = await rows(t, imp.id);
    expect(page.items.map((r) => r.company)).toEqual([
      { name: 'Zeta Optik GmbH', action: 'link', row: 4 },
      { name: 'Zeta Optik GmbH', action: 'link', row: 4 },
      undefined,
    ]);
    expect((await runImport(t, imp.id)).run?.counts).toEqual({ created: 3, merged: 0, skipped: 0, failed: 0 });
    contacts = await allContacts(t);
    const zeta = companyNamed(contacts, 'Zeta Optik GmbH');
    expect(zeta).toMatchObject({
      industry: 'Optik',
      businessPhones: ['0641 1234'],
      emails: [{ address: 'info@zeta-optik.de', primary: true }],
    });
    expect(personNamed(contacts, 'Paula Zeiss').companyId).toBe(zeta.id);
    expect(personNamed(contacts, 'Paul Abel').companyId).toBe(zeta.id);
    expect(contacts.filter((c) => c.displayName === 'Zeta Optik GmbH')).toHaveLength(1);
  });
});
