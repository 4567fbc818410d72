import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { record, records, text } from './json';
import { DIST_DIR } from './paths';
import { MANIFEST_FILE, type RenderOptions, XML_MANIFEST_FILE, renderManifest } from './render';
import type { EnvSettings } from './settings';
import { PackageValidationError, type PackageContents, type WebRoot, validatePackage } from './validate/index';
import { readZip, writeZip } from './zip';

// Renders one environment, zips it, reads the zip back and validates what is
// actually in it. Nothing is written unless it passes, so a file in
// manifest/dist is always ready for upload.

export interface BuildOptions extends RenderOptions {
  readonly outDir?: string;
  readonly webRoots?: readonly WebRoot[];
  /** Names the output files when settings are passed directly instead of an env name. */
  readonly label?: string;
}

export interface BuiltPackage {
  readonly zipFile: string;
  readonly xmlFile: string;
  /** manifest.json plus its files, unzipped: what office-addin-debugging sideloads. */
  readonly unpackedManifest: string;
  readonly manifest: Readonly<Record<string, unknown>>;
}

export async function buildPackage(env: string | EnvSettings, options: BuildOptions = {}): Promise<BuiltPackage> {
  const label = typeof env === 'string' ? env : (options.label ?? 'custom');
  const rendered = await renderManifest(env, options);
  const zip = await writeZip(rendered.files);
  const contents: PackageContents = { files: readZip(zip), xmlManifest: rendered.xmlManifest };
  const problems = await validatePackage(contents, {
    publicBaseUrl: rendered.settings.publicBaseUrl,
    ...(options.webRoots ? { webRoots: options.webRoots } : {}),
  });
  if (problems.length > 0) throw new PackageValidationError(`The app package for "${label}"`, problems);

  const outDir = options.outDir ?? DIST_DIR;
  const unpackedDir = path.join(outDir, label);
  await rm(unpackedDir, { recursive: true, force: true });
  await mkdir(unpackedDir, { recursive: true });
  for (const [name, data] of rendered.files) {
    await mkdir(path.dirname(path.join(unpackedDir, name)), { recursive: true });
    await writeFile(path.join(unpackedDir, name), data);
  }
  const zipFile = path.join(outDir, `klarkonform-${label}.zip`);
  const xmlFile = path.join(outDir, `klarkonform-${label}-${XML_MANIFEST_FILE}`);
  await writeFile(zipFile, zip);
  await writeFile(xmlFile, rendered.xmlManifest);
  return { zipFile, xmlFile, unpackedManifest: path.join(unpackedDir, MANIFEST_FILE), manifest: rendered.manifest };
}

/** Reads a built zip (and optionally the XML manifest) for validatePackage. */
export async function readPackageFiles(zipFile: string, xmlFile?: string): Promise<PackageContents> {
  const files = readZip(await readFile(zipFile));
  return xmlFile === undefined ? { files } : { files, xmlManifest: await readFile(xmlFile, 'utf8') };
}

/** One line per surface the package declares, for the CLI's summary. */
export function describeApp(manifest: unknown): string[] {
  const app = record(manifest);
  const lines = records(app.staticTabs).map(
    (tab) => `Teams/M365 personal tab "${text(tab.name)}" → ${text(tab.contentUrl)}`,
  );
  for (const tab of records(app.configurableTabs)) {
    const contexts = Array.isArray(tab.context) ? tab.context.join(', ') : '';
    lines.push(`Teams meeting tab (${contexts}) → ${text(tab.configurationUrl)}`);
  }
  for (const extension of records(app.extensions)) {
    const pages = new Map<string, string>();
    for (const runtime of records(extension.runtimes)) {
      for (const action of records(runtime.actions)) {
        const pinnable = action.pinnable === true ? ', pinnable' : '';
        pages.set(text(action.id) ?? '', `${text(record(runtime.code).page)} (${text(action.type)}${pinnable})`);
      }
    }
    for (const ribbon of records(extension.ribbons)) {
      const contexts = Array.isArray(ribbon.contexts) ? ribbon.contexts.join(', ') : '';
      for (const tab of records(ribbon.tabs)) {
        for (const group of records(tab.groups)) {
          for (const control of records(group.controls)) {
            const target = pages.get(text(control.actionId) ?? '') ?? '?';
            lines.push(`Outlook ${contexts}: button "${text(control.label)}" → ${target}`);
          }
        }
      }
    }
    for (const entry of records(extension.autoRunEvents)) {
      for (const event of records(entry.events)) {
        const mode = text(record(event.options).sendMode);
        const script = pages.get(text(event.actionId) ?? '') ?? '?';
        lines.push(
          `Outlook event ${text(event.type)}${mode ? ` (${mode})` : ''} → ${text(event.actionId)} in ${script}`,
        );
      }
    }
    for (const alternate of records(extension.alternates)) {
      const hidden = text(record(record(alternate.hide).customOfficeAddin).officeAddinId);
      if (hidden) lines.push(`hides the add-in-only (XML) manifest ${hidden} where the unified app runs`);
    }
  }
  return lines;
}
