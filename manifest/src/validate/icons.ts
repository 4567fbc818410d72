import { isRecord, record, text } from '../json';
import { PngError, decodeRgbaPng, readPngHeader } from '../png';
import { type ValidationProblem, problem } from './problem';
import type { WebFiles } from './web-files';

// Icons must exist and be PNGs of exactly the size their slot requires:
// the app icons inside the zip (colour 192×192, outline 32×32 white on
// transparent), and the ribbon icons the manifests load by URL.

const PACKAGE_ICONS = [
  { key: 'color', size: 192 },
  { key: 'outline', size: 32 },
  { key: 'color32x32', size: 32 },
] as const;

/** Checks one PNG against the pixel size its slot requires. */
export function checkPngSize(where: string, name: string, data: Buffer, size: number): ValidationProblem[] {
  try {
    const { width, height } = readPngHeader(data);
    return width === size && height === size
      ? []
      : [problem('icons', where, `${name} is ${width}×${height} pixels; this slot needs ${size}×${size}`)];
  } catch (err) {
    return [problem('icons', where, `${name} is not a valid PNG (${(err as Error).message})`)];
  }
}

/** Microsoft requires the outline icon to be white (#FFFFFF) on a fully transparent background. */
function checkOutlinePixels(where: string, name: string, data: Buffer): ValidationProblem[] {
  let image: ReturnType<typeof decodeRgbaPng>;
  try {
    image = decodeRgbaPng(data);
  } catch (err) {
    const reason = err instanceof PngError ? err.message : String(err);
    return [problem('icons', where, `${name} must be an RGBA PNG so its transparency can be checked (${reason})`)];
  }
  const { width, pixels } = image;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
      const x = (i / 4) % width;
      const y = Math.floor(i / 4 / width);
      const hex = [r, g, b]
        .map((c) => (c ?? 0).toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase();
      return [
        problem(
          'icons',
          where,
          `${name} must be white on a transparent background, but pixel (${x}, ${y}) is #${hex} with alpha ${a}`,
        ),
      ];
    }
  }
  return [];
}

export function checkPackageIcons(manifest: unknown, files: ReadonlyMap<string, Buffer>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const icons = record(record(manifest).icons);
  for (const { key, size } of PACKAGE_ICONS) {
    const name = text(icons[key]);
    if (name === undefined) continue;
    const where = `icons.${key}`;
    const data = files.get(name);
    if (!data) {
      problems.push(
        problem(
          'icons',
          where,
          `${name} is not in the app package (expected a ${size}×${size} PNG at that path in the zip)`,
        ),
      );
      continue;
    }
    const sizeProblems = checkPngSize(where, name, data, size);
    problems.push(...sizeProblems);
    if (key === 'outline' && sizeProblems.length === 0) problems.push(...checkOutlinePixels(where, name, data));
  }
  return problems;
}

/** Icons referenced by URL ({ size, url, scale? } objects in extensions) must have that pixel size. */
export function checkUrlIcons(manifest: unknown, web: WebFiles): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${where}[${i}]`);
      return;
    }
    if (!isRecord(value)) return;
    const url = text(value.url);
    if (typeof value.size === 'number' && url !== undefined) {
      const pixels = value.size * (typeof value.scale === 'number' ? value.scale : 1);
      const located = web.locate(url);
      if (located.kind === 'file') problems.push(...checkPngSize(`${where}.url`, url, located.data, pixels));
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${where}.${key}`);
  };
  visit(record(manifest).extensions, 'extensions');
  return problems;
}
