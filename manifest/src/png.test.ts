import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconSet } from './art/icon-set';
import { ICONS_DIR } from './paths';
import { PngError, decodeRgbaPng, encodePng, readPngHeader } from './png';

describe('png', () => {
  it('round-trips RGBA pixels', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng({ width: 3, height: 2, pixels });
    expect(readPngHeader(png)).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 6, interlaced: false });
    expect(decodeRgbaPng(png).pixels).toEqual(pixels);
  });

  it('detects corruption', () => {
    const png = encodePng({ width: 1, height: 1, pixels: new Uint8Array(4) });
    png[40] = (png[40] ?? 0) ^ 0xff;
    expect(() => decodeRgbaPng(png)).toThrowError(PngError);
    expect(() => readPngHeader(Buffer.from('not a png at all, really not one'))).toThrow('not a PNG file');
  });

  it('the committed icons are exactly what the generator draws', async () => {
    for (const [file, draw] of iconSet()) {
      const image = draw();
      const onDisk = decodeRgbaPng(await readFile(path.join(ICONS_DIR, file)));
      expect({ file, width: onDisk.width, height: onDisk.height }).toEqual({
        file,
        width: image.width,
        height: image.height,
      });
      expect(
        Buffer.from(onDisk.pixels).equals(Buffer.from(image.pixels)),
        `${file}: run npx tsx manifest/src/cli/generate-icons.ts`,
      ).toBe(true);
    }
  });
});
