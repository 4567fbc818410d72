import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import {
  type Contact,
  csvSafe,
  type ExportCell,
  type ExportSubject,
  exportCells,
  exportHeader,
  formatGermanDate,
  type VCardVersion,
} from '@klarkonform/shared';

// The three export formats, each written a batch of contacts at a time into a stream:
// - CSV for German Excel: ";" between cells, CRLF, UTF-8 with BOM, dates TT.MM.JJJJ;
// - .xlsx (exceljs' streaming writer): one sheet "Kontakte", dates as date cells (TT.MM.JJJJ);
// - vCard 3.0 (RFC 2426; Outlook imports 2.1/3.0) or 4.0 (RFC 6350), one card per contact.

export interface ExportWriter {
  readonly contentType: string;
  readonly extension: string;
  write(batch: readonly ExportSubject[]): Promise<void>;
  end(): Promise<void>;
}

/** Waits until `out` takes more, so that a slow disk or client holds the export back. */
async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

const csvText = (cell: ExportCell) => (typeof cell === 'string' ? csvSafe(cell) : (formatGermanDate(cell.day) ?? ''));

export function csvWriter(out: Writable, now: Date): ExportWriter {
  let started = false;
  return {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    async write(batch) {
      const rows = batch.map((subject) => exportCells(subject, now).map(csvText));
      if (!started) rows.unshift(exportHeader());
      const text = stringify(rows, { delimiter: ';', record_delimiter: 'windows', quoted_match: /[;"\r\n]/ });
      await put(out, started ? text : `\uFEFF${text}`);
      started = true;
    },
    async end() {
      if (!started)
        await put(out, `\uFEFF${stringify([exportHeader()], { delimiter: ';', record_delimiter: 'windows' })}`);
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

export function xlsxWriter(out: Writable, now: Date): ExportWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Kontakte');
  const header = exportHeader();
  sheet.columns = header.map((title) => ({ header: title, key: title, width: Math.max(12, title.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    async write(batch) {
      for (const subject of batch) {
        const row = sheet.addRow(
          exportCells(subject, now).map((cell) =>
            typeof cell === 'string' ? cell : new Date(`${cell.day}T00:00:00Z`),
          ),
        );
        row.eachCell((cell) => {
          if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
        });
        row.commit();
      }
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

function card(subject: ExportSubject, version: VCardVersion): string {
  const c: Contact = subject.contact;
  const v3 = version === '3.0';
  const vcard = new ICAL.Component('vcard');
  const add = (name: string, value: unknown, types?: string[], pref = false) => {
    const property = new ICAL.Property(name, vcard);
    if (Array.isArray(value) && name !== 'categories') property.setValue(value as never);
    else if (Array.isArray(value)) property.setValues(value);
    else property.setValue(value as string);
    if (types?.length)
      property.setParameter('type', v3 ? [...types, ...(pref ? ['PREF'] : [])] : types.map((t) => t.toLowerCase()));
    if (pref && !v3) property.setParameter('pref', '1');
    vcard.addProperty(property);
  };
  add('version', version);
  add('fn', c.displayName);
  if (c.kind === 'person') {
    add('n', [
      c.lastName,
      c.firstName ?? '',
      '',
      [c.salutation === 'none' ? '' : c.salutation, c.title ?? ''].filter(Boolean).join(' '),
      '',
    ]);
    if (subject.companyName || c.department)
      add('org', [subject.companyName ?? '', ...(c.department ? [c.department] : [])]);
    if (c.position) add('title', c.position);
  } else {
    add('n', [c.name, '', '', '', '']);
    add('org', [c.name]);
    if (v3) add('x-abshowas', 'COMPANY');
    else add('kind', 'org');
  }
  for (const e of c.emails) add('email', e.address, v3 ? ['INTERNET', 'WORK'] : ['work'], e.primary);
  for (const phone of c.businessPhones) add('tel', phone, ['WORK', 'VOICE']);
  if (c.mobilePhone) add('tel', c.mobilePhone, ['CELL', 'VOICE']);
  for (const phone of c.homePhones) add('tel', phone, ['HOME', 'VOICE']);
  if (c.address) {
    const a = c.address;
    add('adr', ['', '', a.street ?? '', a.city ?? '', '', a.postcode ?? '', a.country ?? ''], ['WORK']);
  }
  if (c.website) add('url', c.website);
  if (c.tags.length > 0) add('categories', c.tags);
  if (c.notes.specifics) add('note', c.notes.specifics);
  add('uid', `urn:klarkonform:${c.id}`);
  add('rev', c.updatedAt.replace(/\.\d+Z$/, 'Z'));
  return `${vcard.toString()}\r\n`;
}

export function vcardWriter(out: Writable, version: VCardVersion): ExportWriter {
  return {
    contentType: `text/vcard; charset=utf-8; version=${version}`,
    extension: 'vcf',
    async write(batch) {
      await put(out, batch.map((subject) => card(subject, version)).join(''));
    },
    async end() {
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}
