import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { iconSet } from '../art/icon-set';
import { MANIFEST_ROOT } from '../paths';
import { encodePng } from '../png';

// Regenerates manifest/icons/*.png from the drawing code. The PNGs are
// committed, so this runs only when the mark changes:
//   npx tsx manifest/src/cli/generate-icons.ts

const outDir = path.join(MANIFEST_ROOT, 'icons');
await mkdir(outDir, { recursive: true });
for (const [file, draw] of iconSet()) {
  const png = encodePng(draw());
  await writeFile(path.join(outDir, file), png);
  console.log(`${file.padEnd(16)} ${String(png.length).padStart(6)} bytes`);
}
