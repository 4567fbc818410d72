import {
  type Import,
  type ImportRun,
  type ImportStatus,
  type ImportTarget,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
} from '@klarkonform/shared';
import type { ImportStep } from './import-steps';

// The assistant's rules that need no API: what the file picker can refuse before uploading,
// which step an import belongs to, whether the mapping names someone, and the progress.

/** The contract's limits (import.schema.ts): 20 MB, 50,000 rows. */
export const MAX_FILE_BYTES = MAX_IMPORT_BYTES;
export const MAX_FILE_ROWS = MAX_IMPORT_ROWS;

/** What the file input offers: CSV (also .txt/.tsv as Excel saves them), Excel workbooks, vCards. */
export const ACCEPTED_FILES = '.csv,.txt,.tsv,.xlsx,.vcf,.vcard,text/csv,text/vcard';

/** Why a picked file is refused before it is sent (the API checks the same and more, e.g. encrypted xlsx). */
export type FileProblem = 'empty' | 'tooLarge' | 'xls' | 'unknownType';

const EXTENSIONS = ['csv', 'txt', 'tsv', 'xlsx', 'vcf', 'vcard'];

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** What is wrong with a picked file that can be told from its name and size alone. */
export function fileProblemOf(file: { name: string; size: number }): FileProblem | undefined {
  const extension = extensionOf(file.name);
  if (extension === 'xls') return 'xls';
  if (!EXTENSIONS.includes(extension)) return 'unknownType';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'tooLarge';
  return undefined;
}

/** A queued or running run: the view polls the import and offers "Abbrechen". */
export const isActive = (status: ImportStatus) => status === 'queued' || status === 'running';

/** A finished import run: nothing more to change, only the result and its report. */
export const isFinal = (imp: Pick<Import, 'status' | 'run'>) => imp.status === 'done' && imp.run?.mode === 'import';

/**
 * Where the assistant opens an import: a running (or finished, cancelled, failed) import run at
 * "Import" / "Ergebnis", one with a dry run (running or done) at the preview it fills, one that
 * never ran at the mapping.
 */
export function stepOf(imp: Pick<Import, 'status' | 'run'>): ImportStep {
  const mode = imp.run?.mode;
  if (mode === 'import') return isActive(imp.status) ? 'run' : 'result';
  if (mode === 'dryRun') return 'preview';
  return 'mapping';
}

/** Rows done of the run as a fraction 0…1 (0 while the total is not known yet). */
export function progressOf(run: Pick<ImportRun, 'done' | 'total'> | undefined): number {
  if (!run || run.total <= 0) return 0;
  return Math.min(1, Math.max(0, run.done / run.total));
}

/** The targets a person or company can be named by: at least one must be mapped. */
const NAME_TARGETS: readonly ImportTarget[] = ['lastName', 'fullName', 'companyName'];

export const mapsAName = (mapping: readonly ImportTarget[]) => mapping.some((target) => NAME_TARGETS.includes(target));

/** Column indexes whose target another column has too (each field takes one column; `ignore` any number). */
export function doubleMapped(mapping: readonly ImportTarget[]): Set<number> {
  const first = new Map<ImportTarget, number>();
  const doubles = new Set<number>();
  mapping.forEach((target, index) => {
    if (target === 'ignore') return;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, index);
    else doubles.add(earlier).add(index);
  });
  return doubles;
}

/** "Messe 2026, Newsletter" → ['Messe 2026', 'Newsletter']: split at commas and semicolons, trimmed, once each. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const tag = part.trim();
    if (tag !== '' && !tags.some((known) => known.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}

/** How long the view waits before asking for the progress again (ms): fast at first, then every 2 s. */
export function pollDelay(polls: number): number {
  return polls < 5 ? 1000 : 2000;
}
