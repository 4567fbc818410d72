import { deflateSync, inflateSync } from 'node:zlib';

// Just enough PNG to write our icons and to check icons we ship: the header
// (size, colour type) for every icon, and RGBA pixels for the outline icon,
// which Microsoft requires to be white on a transparent background.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** Row-major, 4 bytes (R, G, B, A) per pixel. */
  readonly pixels: Uint8Array;
}

export class PngError extends Error {
  override readonly name = 'PngError';
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new PngError(`expected ${width * height * 4} bytes of RGBA`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, COLOR_TYPE_RGBA, 0, 0, 0], 8);
  // Filter type 0 ("None") on every row: icons are tiny, deflate does the rest.
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}

function* chunks(file: Buffer): Generator<Chunk> {
  let at = SIGNATURE.length;
  while (at + 12 <= file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const end = at + 8 + length;
    if (end + 4 > file.length) throw new PngError(`chunk ${type} runs past the end of the file`);
    if (file.readUInt32BE(end) !== crc32(file.subarray(at + 4, end))) throw new PngError(`chunk ${type} has a bad CRC`);
    yield { type, data: file.subarray(at + 8, end) };
    at = end + 4;
  }
}

export function readPngHeader(file: Buffer): PngHeader {
  if (file.length < 33 || !file.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file');
  if (file.toString('latin1', 12, 16) !== 'IHDR') throw new PngError('PNG does not start with an IHDR chunk');
  return {
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
    bitDepth: file.readUInt8(24),
    colorType: file.readUInt8(25),
    interlaced: file.readUInt8(28) !== 0,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes 8-bit RGBA, non-interlaced PNGs (what transparency checks need). */
export function decodeRgbaPng(file: Buffer): RgbaImage {
  const header = readPngHeader(file);
  if (header.colorType !== COLOR_TYPE_RGBA || header.bitDepth !== 8 || header.interlaced) {
    throw new PngError(
      `expected an 8-bit RGBA non-interlaced PNG, got colour type ${header.colorType}, bit depth ${header.bitDepth}` +
        (header.interlaced ? ', interlaced' : ''),
    );
  }
  const idat: Buffer[] = [];
  for (const c of chunks(file)) if (c.type === 'IDAT') idat.push(c.data);
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = header;
  const stride = width * 4;
  if (raw.length !== height * (stride + 1)) throw new PngError('image data has the wrong length');
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new PngError(`row ${y} uses unknown filter type ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}
