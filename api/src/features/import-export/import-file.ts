import type { CsvDelimiter, ImportEncoding, ImportFormat } from '@klarkonform/shared';
import { problem } from '../../infra/http-error';
import { decodeCsv, detectDelimiter, detectEncoding, readCsv } from './import-csv';
import { checkedTable, type ReadTable } from './import-table';
import { openWorkbook } from './import-xlsx';
import { readVcards } from './import-vcard';

// What an uploaded file is, by its first bytes (its name only breaks a tie between CSV and vCard
// text), and its table. Every way a file can be wrong ends in a 400 with a catalog text; nothing
// here throws anything else for any input.

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];
/** Magic numbers of files people upload by mistake (PDF, PNG, JPEG, GIF, gzip, 7z, RAR). */
const OTHER_MAGIC = [
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** An OLE compound file holding an encrypted OOXML package has an "EncryptionInfo" stream (MS-OFFCRYPTO §2.3.4). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** Text files have no NUL bytes (UTF-16 aside) and few control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= sample.length / 100;
}

/** The format of the bytes; 400 for empty, old Excel, encrypted workbooks and anything unknown. */
export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  if (bytes.length === 0) throw problem(400, 'badRequest', 'fileEmpty');
  if (startsWith(bytes, OLE_MAGIC)) {
    throw problem(400, 'badRequest', isEncryptedPackage(bytes) ? 'fileEncrypted' : 'fileXls');
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (OTHER_MAGIC.some((magic) => startsWith(bytes, magic)) || !looksLikeText(bytes)) {
    throw problem(400, 'badRequest', 'fileTypeUnknown');
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (/^\s*BEGIN:VCARD/i.test(head) || /\.vcf$/i.test(fileName)) return 'vcard';
  return 'csv';
}

/** How to read: CSV encoding and delimiter, the workbook's sheet (each detected when not given). */
export interface ReadOptions {
  encoding?: ImportEncoding | undefined;
  delimiter?: CsvDelimiter | undefined;
  sheet?: string | undefined;
}

export interface ReadFile {
  format: ImportFormat;
  table: ReadTable;
  detectedEncoding?: ImportEncoding;
  encoding?: ImportEncoding;
  bom?: boolean;
  detectedDelimiter?: CsvDelimiter;
  delimiter?: CsvDelimiter;
  sheets?: string[];
  sheet?: string;
}

/** Reads an uploaded file into its checked table (import-table.ts) with what was detected and chosen. */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadFile> {
  const format = detectFormat(bytes, fileName);
  if (format === 'xlsx') {
    const workbook = await openWorkbook(bytes);
    const sheet = options.sheet ?? workbook.sheets[0] ?? '';
    return { format, table: checkedTable(workbook.read(sheet)), sheets: workbook.sheets, sheet };
  }
  const { detected, bom } = detectEncoding(bytes);
  const encoding = options.encoding ?? detected;
  const text = decodeCsv(bytes, encoding);
  if (format === 'vcard') return { format, table: checkedTable(readVcards(text)) };
  const detectedDelimiter = detectDelimiter(text);
  const delimiter = options.delimiter ?? detectedDelimiter;
  let table: ReadTable;
  try {
    table = readCsv(text, delimiter);
  } catch (err) {
    const reason = err instanceof Error ? err.message.slice(0, 200) : 'CSV';
    throw problem(400, 'badRequest', 'fileUnreadable', { reason });
  }
  return {
    format,
    table: checkedTable(table),
    detectedEncoding: detected,
    encoding,
    bom,
    detectedDelimiter,
    delimiter,
  };
}
