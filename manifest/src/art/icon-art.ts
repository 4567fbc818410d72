import type { RgbaImage } from '../png';

// The KlarKonform mark, drawn from geometry so every size is crisp and the
// files can be regenerated: a white "K" on a teal tile. The add-in-only (XML)
// version uses a slate tile, because Microsoft asks for different icons when
// both versions of an add-in exist. Shapes live in a unit square and are
// anti-aliased by supersampling.

export const BRAND_TEAL = '#0E7C86';
export const CLASSIC_SLATE = '#34495E';
const WHITE = '#FFFFFF';

type Inside = (x: number, y: number) => boolean;

interface Layer {
  readonly color: string;
  readonly inside: Inside;
}

function parseHex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function roundedSquare(inset: number, radius: number): Inside {
  const lo = inset;
  const hi = 1 - inset;
  return (x, y) => {
    if (x < lo || x > hi || y < lo || y > hi) return false;
    const cx = Math.min(Math.max(x, lo + radius), hi - radius);
    const cy = Math.min(Math.max(y, lo + radius), hi - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** A band between y0 and y1 whose left edge moves linearly from xTop to xBottom. */
function slantedBand(y0: number, y1: number, xTop: number, xBottom: number, width: number): Inside {
  return (x, y) => {
    if (y < y0 || y > y1) return false;
    const left = xTop + ((y - y0) / (y1 - y0)) * (xBottom - xTop);
    return x >= left && x <= left + width;
  };
}

/** The letter K inside the box [left, left + size]²: stem, upper arm, lower leg. */
function letterK(left: number, top: number, size: number): Inside {
  const stem = slantedBand(0.16, 0.84, 0.2, 0.2, 0.19);
  const arm = slantedBand(0.16, 0.6, 0.6, 0.3, 0.22);
  const leg = slantedBand(0.44, 0.84, 0.4, 0.61, 0.22);
  return (x, y) => {
    const u = (x - left) / size;
    const v = (y - top) / size;
    return stem(u, v) || arm(u, v) || leg(u, v);
  };
}

function rasterize(size: number, layers: readonly Layer[]): RgbaImage {
  // More samples for small icons, where a single pixel is a large part of a stroke.
  const samples = size <= 32 ? 8 : 4;
  const pixels = new Uint8Array(size * size * 4);
  const parsed = layers.map((layer) => ({ rgb: parseHex(layer.color), inside: layer.inside }));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // The topmost layer that covers the sample wins; layers are opaque.
          for (let i = parsed.length - 1; i >= 0; i--) {
            const layer = parsed[i];
            if (layer?.inside(x, y)) {
              r += layer.rgb[0];
              g += layer.rgb[1];
              b += layer.rgb[2];
              a += 1;
              break;
            }
          }
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) {
        // Straight (non-premultiplied) alpha: colour is the mean of covered samples.
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
        pixels[at + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return { width: size, height: size, pixels };
}

/** 192×192 full-colour app icon: a full-bleed tile (Teams rounds the corners itself). */
export function drawColorIcon(size = 192): RgbaImage {
  return rasterize(size, [
    { color: BRAND_TEAL, inside: () => true },
    { color: WHITE, inside: letterK(0.24, 0.24, 0.52) },
  ]);
}

/** 32×32 outline icon: white only, on a fully transparent background. */
export function drawOutlineIcon(size = 32): RgbaImage {
  return rasterize(size, [{ color: WHITE, inside: letterK(0.06, 0.06, 0.88) }]);
}

/** Ribbon and add-in icons: a rounded tile with transparent corners. */
export function drawTileIcon(size: number, variant: 'unified' | 'classic' = 'unified'): RgbaImage {
  return rasterize(size, [
    { color: variant === 'unified' ? BRAND_TEAL : CLASSIC_SLATE, inside: roundedSquare(0.03, 0.2) },
    { color: WHITE, inside: letterK(0.16, 0.16, 0.68) },
  ]);
}
