import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';

// The table every reader (CSV, xlsx, vCard) hands on: a header row and the data rows, each with the
// number the user finds it under in the file. The checks every format shares are here.

export interface ReadRow {
  /** Excel's row number (the header is row 1), or the card's number. */
  row: number;
  cells: string[];
}

export interface ReadTable {
  header: string[];
  rows: ReadRow[];
}

/** A header cell that is data, not a column name: an address, a phone number, a date, an amount. */
const DATA_LIKE = [
  /@/,
  /^\+?[\d\s/().-]{6,}$/,
  /^\d{1,2}\.\d{1,2}\.\d{2,4}$/,
  /^\d{4}-\d{2}-\d{2}/,
  /^-?\d+([.,]\d+)?$/,
];

/**
 * The table without blank rows and trailing empty columns, checked: a header row of names (400
 * fileNoHeader otherwise), at least one data row (fileNoRows), at most MAX_IMPORT_ROWS rows and
 * MAX_IMPORT_COLUMNS columns.
 */
export function checkedTable(table: ReadTable): ReadTable {
  const header = table.header.map((cell) => cell.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const named = header.filter((cell) => cell !== '');
  if (named.length === 0 || named.some((cell) => DATA_LIKE.some((pattern) => pattern.test(cell)))) {
    throw problem(400, 'badRequest', 'fileNoHeader');
  }
  if (header.length > MAX_IMPORT_COLUMNS) {
    throw problem(400, 'badRequest', 'fileTooManyColumns', { max: MAX_IMPORT_COLUMNS });
  }
  const rows = table.rows
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''))
    .map((r) => ({ row: r.row, cells: header.map((_, i) => r.cells[i] ?? '') }));
  if (rows.length === 0) throw problem(400, 'badRequest', 'fileNoRows');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw problem(400, 'badRequest', 'fileTooManyRows', { max: MAX_IMPORT_ROWS });
  }
  return { header, rows };
}
