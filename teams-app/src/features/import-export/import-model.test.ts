import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_TARGETS, type ImportTarget } from '@klarkonform/shared';
import {
  doubleMapped,
  extensionOf,
  fileProblemOf,
  mapsAName,
  MAX_FILE_BYTES,
  parseTags,
  pollDelay,
  progressOf,
  stepOf,
} from './import-model';

describe('import model', () => {
  it('refuses what the name and size tell: old Excel, unknown types, empty and too large files', () => {
    expect(fileProblemOf({ name: 'kontakte.csv', size: 120 })).toBeUndefined();
    expect(fileProblemOf({ name: 'Kontakte.XLSX', size: 120 })).toBeUndefined();
    expect(fileProblemOf({ name: 'karte.vcf', size: 120 })).toBeUndefined();
    expect(fileProblemOf({ name: 'export.txt', size: 120 })).toBeUndefined();
    expect(fileProblemOf({ name: 'alt.xls', size: 120 })).toBe('xls');
    expect(fileProblemOf({ name: 'bild.png', size: 120 })).toBe('unknownType');
    expect(fileProblemOf({ name: 'ohne-endung', size: 120 })).toBe('unknownType');
    expect(fileProblemOf({ name: 'leer.csv', size: 0 })).toBe('empty');
    expect(fileProblemOf({ name: 'gross.csv', size: MAX_FILE_BYTES })).toBeUndefined();
    expect(fileProblemOf({ name: 'gross.csv', size: MAX_FILE_BYTES + 1 })).toBe('tooLarge');
    expect(extensionOf('a.b.CSV')).toBe('csv');
  });

  it('opens an import where it stands', () => {
    const run = (mode: 'dryRun' | 'import') => ({ mode }) as never;
    expect(stepOf({ status: 'ready' })).toBe('mapping');
    expect(stepOf({ status: 'running', run: run('dryRun') })).toBe('preview');
    expect(stepOf({ status: 'ready', run: run('dryRun') })).toBe('preview');
    expect(stepOf({ status: 'queued', run: run('import') })).toBe('run');
    expect(stepOf({ status: 'running', run: run('import') })).toBe('run');
    expect(stepOf({ status: 'done', run: run('import') })).toBe('result');
    expect(stepOf({ status: 'cancelled', run: run('import') })).toBe('result');
    expect(stepOf({ status: 'failed', run: run('import') })).toBe('result');
  });

  it('marks every column of a field mapped twice, never "ignore"', () => {
    const mapping: ImportTarget[] = ['firstName', 'ignore', 'email', 'ignore', 'email', 'lastName'];
    expect([...doubleMapped(mapping)].sort()).toEqual([2, 4]);
    expect(doubleMapped(['ignore', 'ignore']).size).toBe(0);
    // Property: a mapping without repeated fields has no doubles; one repeat marks exactly its columns.
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...IMPORT_TARGETS.filter((t) => t !== 'ignore'))), (targets) => {
        expect(doubleMapped(targets).size).toBe(0);
        if (targets.length > 0) {
          const repeated = [...targets, targets[0] as ImportTarget];
          expect([...doubleMapped(repeated)].sort((a, b) => a - b)).toEqual([0, targets.length]);
        }
      }),
    );
  });

  it('needs a last name, a full name or a company to name a contact', () => {
    expect(mapsAName(['firstName', 'email'])).toBe(false);
    expect(mapsAName(['firstName', 'lastName'])).toBe(true);
    expect(mapsAName(['fullName'])).toBe(true);
    expect(mapsAName(['companyName', 'email'])).toBe(true);
  });

  it('splits tags at commas and semicolons, once each, whatever the case', () => {
    expect(parseTags(' Messe 2026, Newsletter;messe 2026 ,, ')).toEqual(['Messe 2026', 'Newsletter']);
    expect(parseTags('')).toEqual([]);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const tags = parseTags(text);
        for (const tag of tags) {
          expect(tag).toBe(tag.trim());
          expect(tag).not.toMatch(/[,;]/);
          expect(tag).not.toBe('');
        }
        expect(new Set(tags.map((tag) => tag.toLowerCase())).size).toBe(tags.length);
      }),
    );
  });

  it('tells the progress as a fraction and polls fast first, then every 2 s', () => {
    expect(progressOf(undefined)).toBe(0);
    expect(progressOf({ done: 0, total: 0 })).toBe(0);
    expect(progressOf({ done: 25, total: 100 })).toBe(0.25);
    expect(progressOf({ done: 120, total: 100 })).toBe(1);
    expect(pollDelay(0)).toBe(1000);
    expect(pollDelay(10)).toBe(2000);
  });
});
