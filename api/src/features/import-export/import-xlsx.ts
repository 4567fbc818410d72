import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import type { ReadTable } from './import-table';

// Excel workbooks (.xlsx, Office Open XML) read with exceljs: the sheet names, and one sheet's
// rows as text the way Excel shows them (dates as JJJJ-MM-TT, numbers without grouping, a
// hyperlink's or formula's shown value).

export interface Workbook {
  sheets: string[];
  read(sheet: string): ReadTable;
}

type CellValue = ExcelJS.CellValue;

/** What a cell shows, as text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const iso = value.toISOString();
    // Excel stores a day as midnight UTC; a time of day is kept.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('hyperlink' in value) return cellText((value as { text?: CellValue }).text ?? String(value.hyperlink));
    if ('result' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('error' in value) return '';
  }
  return '';
}

/** Opens a workbook; 400 fileNotXlsx for a zip (or anything) that is not one. */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw problem(400, 'badRequest', 'fileNotXlsx');
  }
  const sheets = workbook.worksheets.map((sheet) => sheet.name);
  if (sheets.length === 0) throw problem(400, 'badRequest', 'fileNotXlsx');
  return {
    sheets,
    read(name) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw problem(400, 'badRequest', 'sheetNotFound', { name });
      // Checked before reading: a sheet of a million rows is refused without building them all.
      if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
        throw problem(400, 'badRequest', 'fileTooManyRows', { max: MAX_IMPORT_ROWS });
      }
      const rows: { row: number; cells: string[] }[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        rows.push({ row: rowNumber, cells: Array.from(values, (value) => cellText(value as CellValue).trim()) });
      });
      const [header, ...data] = rows;
      return { header: header?.cells ?? [], rows: data };
    },
  };
}
