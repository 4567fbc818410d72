import { describe, expect, it } from 'vitest';
import { ZipError, readZip, writeZip } from './zip';

describe('zip', () => {
  const entries = new Map([
    ['manifest.json', Buffer.from('{"a":1}')],
    ['assets/color.png', Buffer.alloc(5000, 7)],
  ]);

  it('reads back what it wrote, folders included', async () => {
    expect(readZip(await writeZip(entries))).toEqual(entries);
  });

  it('writes byte-identical archives for identical input', async () => {
    expect((await writeZip(entries)).equals(await writeZip(entries))).toBe(true);
  });

  it('rejects data that is not a zip', () => {
    expect(() => readZip(Buffer.alloc(100))).toThrowError(ZipError);
  });
});
