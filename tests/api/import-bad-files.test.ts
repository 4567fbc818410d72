import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@klarkonform/shared';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';
import { getImport, upload, uploaded } from '../support/imports';

// Issue 16: every file the assistant cannot read answers 400 (413 when too large) with a German or
// English text that says what to do — never a 500, never a stored import.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A zip archive (stored, no compression) with the given files. */
function zip(files: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** An OLE compound file (the container of .xls and of password-protected .xlsx) naming `stream`. */
function ole(stream: string): Buffer {
  const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([magic, Buffer.alloc(1016), Buffer.from(stream, 'utf16le'), Buffer.alloc(2048)]);
}

/** A deterministic "random" byte string (xorshift). */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function refused(bytes: Buffer | string, fileName: string, lang = 'de') {
  const res = await upload(t, bytes, fileName, lang);
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return { status: res.statusCode, detail: res.json().detail as string };
}

describe('files the assistant cannot read', () => {
  it('says what is wrong, in German and in English', async () => {
    expect(await refused('', 'leer.csv')).toEqual({ status: 400, detail: 'Die Datei ist leer.' });
    expect(await refused('', 'leer.csv', 'en')).toEqual({ status: 400, detail: 'The file is empty.' });
    expect((await refused(ole('EncryptionInfo'), 'geheim.xlsx')).detail).toMatch(
      /^Die Excel-Datei ist mit einem Kennwort geschützt\./,
    );
    expect((await refused(ole('EncryptionInfo'), 'secret.xlsx', 'en')).detail).toMatch(
      /^The Excel file is protected by a password\./,
    );
    expect((await refused(ole('Workbook'), 'alt.xls')).detail).toMatch(
      /^Das alte Excel-Format \(\.xls\) wird nicht unterstützt\./,
    );
    expect(await refused(zip({ 'word/document.xml': '<w:document/>' }), 'brief.docx')).toEqual({
      status: 400,
      detail: 'Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).',
    });
    expect((await refused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'liste.pdf')).detail).toMatch(
      /^Dieses Dateiformat wird nicht unterstützt\./,
    );
    expect(await refused('Vorname;Nachname;E-Mail\r\n', 'nur-kopf.csv')).toEqual({
      status: 400,
      detail: 'Die Datei hat eine Kopfzeile, aber keine Datenzeilen.',
    });
    expect(
      (await refused('max@muster.de;Max;Muster\r\nerika@muster.de;Erika;Muster\r\n', 'ohne-kopf.csv')).detail,
    ).toMatch(/^Die erste Zeile ist keine Kopfzeile/);
    expect((await refused('BEGIN:VCARD\r\nVERSION:3.0\r\nN:Muster;Max\r\n', 'kaputt.vcf')).status).toBe(400);
    expect((await refused('Name\nMuster\n', 'karte.vcf')).detail).toBe(
      'Die Datei enthält keine vCard (BEGIN:VCARD … END:VCARD).',
    );
    const list = await t.request({ method: 'GET', url: '/api/v1/imports' });
    expect(list.json().items).toEqual([]);
  });

  it('never answers 500 to random bytes', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const bytes = noise(200 + seed * 97, seed);
      const res = await upload(t, bytes, seed % 2 ? 'zufall.csv' : 'zufall.xlsx');
      expect(res.statusCode, `seed ${seed}: ${res.body}`).toBeLessThan(500);
    }
    for (const prefix of ['PK\u0003\u0004', 'BEGIN:VCARD\r\n', '\uFEFF', 'Vorname;Nachname\r\n"']) {
      const res = await upload(t, Buffer.concat([Buffer.from(prefix), noise(3000, prefix.length)]), 'x.csv');
      expect(res.statusCode, res.body).toBeLessThan(500);
    }
  });

  it(`takes ${MAX_IMPORT_ROWS} rows and refuses one more`, async () => {
    const line = (i: number) => `Vorname ${i};Nachname ${i};person${i}@beispiel.de\n`;
    const header = 'Vorname;Nachname;E-Mail\n';
    const body = (n: number) => header + Array.from({ length: n }, (_, i) => line(i)).join('');
    const ok = await uploaded(t, body(MAX_IMPORT_ROWS), 'gross.csv');
    expect(ok.rowCount).toBe(MAX_IMPORT_ROWS);
    expect(await refused(body(MAX_IMPORT_ROWS + 1), 'zu-gross.csv')).toEqual({
      status: 400,
      detail: `Die Datei hat mehr als ${MAX_IMPORT_ROWS} Zeilen; bitte teilen Sie sie auf.`,
    });
  }, 120_000);

  it('refuses a file of 20 MB and one byte with 413', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    big.write('Name\n');
    expect(await refused(big, 'riesig.csv')).toEqual({
      status: 413,
      detail: 'Die Datei ist größer als 20 MB; bitte teilen Sie sie auf.',
    });
    expect((await refused(big, 'huge.csv', 'en')).detail).toBe('The file is larger than 20 MB; please split it.');
  });

  it('names the file name when it is missing, and refuses a JSON body', async () => {
    const noName = await t.request({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Name\nMuster\n'),
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().detail).toMatch(/^Dateiname:/);
    const json = await t.request({ method: 'POST', url: '/api/v1/imports?fileName=a.csv', payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
  });
});

describe('who may import, and whose imports', () => {
  it('is for CRM.Admin only; another tenant’s import is not found', async () => {
    const asSales = await t.request(
      {
        method: 'POST',
        url: '/api/v1/imports?fileName=a.csv',
        headers: { 'content-type': 'text/csv' },
        payload: 'Name\nMuster\n',
      },
      { roles: ['CRM.Sales'] },
    );
    expect(asSales.statusCode).toBe(403);
    const imp = await uploaded(t, 'Vorname;Nachname\nMax;Muster\n', 'a.csv');
    for (const url of [
      `/api/v1/imports/${imp.id}`,
      `/api/v1/imports/${imp.id}/rows`,
      `/api/v1/imports/${imp.id}/report.csv`,
    ]) {
      const other = await t.request({ method: 'GET', url }, { tenantId: TENANT_B });
      expect(other.statusCode, url).toBe(404);
      expect(other.json().detail).toBe('Diesen Import gibt es nicht (mehr).');
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/exports' }, { roles: ['CRM.Sales'] })).statusCode).toBe(403);
  });
});

describe('settings that do not fit', () => {
  it('names the field in every refusal and changes nothing', async () => {
    const imp = await uploaded(t, 'Vorname;Nachname;E-Mail\nMax;Muster;max@muster.de\n', 'a.csv');
    const patch = async (payload: Record<string, unknown>, ifMatch: string | null = `"${imp.version}"`) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/imports/${imp.id}`,
        headers: ifMatch ? { 'if-match': ifMatch } : {},
        payload,
      });
    expect((await patch({ sheet: 'Tabelle1' })).json().detail).toBe(
      'Tabellenblatt: Tabellenblätter gibt es nur bei Excel-Arbeitsmappen.',
    );
    expect((await patch({ mapping: ['firstName'] })).json().detail).toBe(
      'Spaltenzuordnung: Die Zuordnung braucht genau eine Angabe je Spalte (3).',
    );
    expect((await patch({ mapping: ['firstName', 'firstName', 'email'] })).json().detail).toBe(
      'Spaltenzuordnung: „Vorname“ ist mehreren Spalten zugeordnet; jedes Feld nur einer.',
    );
    expect((await patch({ mapping: ['firstName', 'lastName', 'telefon'] })).statusCode).toBe(400);
    expect((await patch({ encoding: 'utf-8' }, null)).statusCode).toBe(428);
    expect((await patch({ encoding: 'utf-8' }, '"7"')).statusCode).toBe(412);
    const noOwner = await patch({
      defaults: {
        kind: 'auto',
        relationships: [],
        tags: [],
        ownerId: 'niemand',
        onDuplicate: 'skip',
        onFileDuplicate: 'skip',
      },
    });
    expect(noOwner.json().detail).toMatch(/^Betreuer:/);
    expect((await getImport(t, imp.id)).version).toBe(imp.version);

    const nameless = await patch({ mapping: ['firstName', 'ignore', 'email'] });
    expect(nameless.statusCode).toBe(200);
    const run = await t.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/run`, payload: { dryRun: true } });
    expect(run.statusCode).toBe(400);
    expect(run.json().detail).toBe(
      'Spaltenzuordnung: Keine Spalte ist dem Namen zugeordnet. Bitte ordnen Sie „Nachname“, „Name (vollständig)“ oder „Firma“ zu.',
    );
    const cancel = await t.request({ method: 'POST', url: `/api/v1/imports/${imp.id}/cancel`, payload: {} });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().detail).toBe('Der Import läuft nicht.');
    const missingRow = await t.request({
      method: 'PUT',
      url: `/api/v1/imports/${imp.id}/rows/99/action`,
      payload: { action: 'skip' },
    });
    expect(missingRow.statusCode).toBe(404);
    expect(missingRow.json().detail).toBe('Eine Zeile 99 gibt es in dieser Datei nicht.');
    const deleted = await t.request({ method: 'DELETE', url: `/api/v1/imports/${imp.id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/v1/imports/${imp.id}` })).statusCode).toBe(404);
  });
});
