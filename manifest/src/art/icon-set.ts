import type { RgbaImage } from '../png';
import { drawColorIcon, drawOutlineIcon, drawTileIcon } from './icon-art';

// Every icon file the manifests reference, by file name under manifest/icons/.
// Ribbon buttons need 16/32/80 px; Outlook mobile needs 25/32/48 px at scales
// 1–3 (hence 50, 64, 75, 96, 144); the add-in-only manifest's own icons
// (IconUrl 64, HighResolutionIconUrl 128) use the "classic" tile.

const TILE_SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144] as const;
const CLASSIC_SIZES = [64, 128] as const;

export function iconSet(): ReadonlyMap<string, () => RgbaImage> {
  const set = new Map<string, () => RgbaImage>([
    ['color.png', () => drawColorIcon(192)],
    ['outline.png', () => drawOutlineIcon(32)],
  ]);
  for (const size of TILE_SIZES) set.set(`icon-${size}.png`, () => drawTileIcon(size));
  for (const size of CLASSIC_SIZES) set.set(`classic-${size}.png`, () => drawTileIcon(size, 'classic'));
  return set;
}
