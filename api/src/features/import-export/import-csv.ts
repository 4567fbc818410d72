import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { CsvDelimiter, ImportEncoding } from '@klarkonform/shared';
import type { ReadTable } from './import-table';

// CSV as Excel and Outlook write it: ";" (German Excel), "," (Outlook, English Excel) or tab
// ("Unicode-Text"), UTF-8 with or without BOM, Windows-1252 (Outlook's and Excel's "CSV (Trennzeichen-
// getrennt)" on a German Windows), UTF-16 LE with BOM. Decoding by iconv-lite, detection by
// chardet where the bytes are not UTF-8, parsing by csv-parse.

const DELIMITERS: Record<CsvDelimiter, string> = { semicolon: ';', comma: ',', tab: '\t' };
/** Text read to detect the delimiter (the first lines are enough). */
const SAMPLE_CHARS = 64 * 1024;

/** How the bytes are to be read: the encoding in effect, whether a BOM was there, and what was detected. */
export interface CsvEncoding {
  detected: ImportEncoding;
  bom: boolean;
}

/**
 * The character set of CSV bytes: a BOM decides; bytes that are valid UTF-8 are UTF-8; otherwise
 * chardet's guess among the single-byte sets we read (ISO-8859-1 is read as its superset
 * Windows-1252, which Windows writes), Windows-1252 when it guesses something else.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { detected: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { detected: 'utf-16le', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { detected: 'utf-8', bom: false };
  } catch {
    // not UTF-8: ask chardet below
  }
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  if (guess === 'iso-8859-15') return { detected: 'iso-8859-15', bom: false };
  if (guess === 'utf-16le') return { detected: 'utf-16le', bom: false };
  return { detected: 'windows-1252', bom: false };
}

/** The text of CSV bytes in `encoding`, without a BOM. */
export function decodeCsv(bytes: Uint8Array, encoding: ImportEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

function records(text: string, delimiter: CsvDelimiter, toLine?: number): string[][] {
  return parse(text, {
    delimiter: DELIMITERS[delimiter],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
}

/**
 * The delimiter that splits the first lines most consistently: the most rows with as many cells as
 * the header, then the most columns; ";" when none splits anything (a one-column file).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample =
    text.length > SAMPLE_CHARS ? text.slice(0, text.lastIndexOf('\n', SAMPLE_CHARS) + 1 || SAMPLE_CHARS) : text;
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: 'semicolon', score: 0 };
  for (const delimiter of ['semicolon', 'comma', 'tab'] as const) {
    let rows: string[][];
    try {
      rows = records(sample, delimiter, 50);
    } catch {
      continue;
    }
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = rows.filter((row) => row.length === width).length / rows.length;
    const score = consistent * 1000 + Math.min(width, 200);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** The rows of CSV text: the first is the header; numbers as Excel counts them (header = 1). */
export function readCsv(text: string, delimiter: CsvDelimiter): ReadTable {
  const all = records(text, delimiter);
  return {
    header: all[0] ?? [],
    rows: all.slice(1).map((cells, i) => ({ row: i + 2, cells })),
  };
}
