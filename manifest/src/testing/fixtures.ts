import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ICONS_DIR } from '../paths';
import { MANIFEST_FILE, type RenderedApp, renderManifest } from '../render';
import type { PackageContents, WebRoot } from '../validate/index';

// Test fixtures: a throw-away "web root" with the pages the front-end builds
// emit and a copy of the icons, so validator tests never depend on (or
// modify) the real builds.

export interface WebFixture {
  readonly dir: string;
  readonly webRoots: readonly WebRoot[];
  readonly iconsDir: string;
  cleanup(): Promise<void>;
}

const PAGES = { addin: ['taskpane.html', 'demo.html', 'events.html'], teams: ['tab.html'] } as const;

/** A stand-in for the built event handler: it associates both actions, as addin/dist/events.js does. */
export const EVENTS_SCRIPT =
  'Office.actions.associate("onMessageSendHandler",a);Office.actions.associate("onMessageRecipientsChangedHandler",b);';

export async function createWebFixture(): Promise<WebFixture> {
  const dir = await mkdtemp(path.join(tmpdir(), 'klarkonform-manifest-'));
  const addin = path.join(dir, 'addin-dist');
  const teams = path.join(dir, 'teams-dist');
  const iconsDir = path.join(dir, 'icons');
  await mkdir(addin, { recursive: true });
  await mkdir(teams, { recursive: true });
  for (const page of PAGES.addin) await writeFile(path.join(addin, page), '<!doctype html><title>pane</title>');
  for (const page of PAGES.teams) await writeFile(path.join(teams, page), '<!doctype html><title>tab</title>');
  await writeFile(path.join(addin, 'events.js'), EVENTS_SCRIPT);
  await cp(ICONS_DIR, iconsDir, { recursive: true });
  return {
    dir,
    iconsDir,
    webRoots: [
      { urlPrefix: '/addin/', directory: addin },
      { urlPrefix: '/teams/', directory: teams },
      { urlPrefix: '/icons/', directory: iconsDir },
    ],
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The committed dev settings, rendered with the fixture's copy of the icons. */
export function renderDev(fixture: WebFixture): Promise<RenderedApp> {
  return renderManifest('dev', { iconsDir: fixture.iconsDir });
}

function setAtPath(root: unknown, fieldPath: string, value: unknown): void {
  const parts = (fieldPath.match(/[^.[\]]+|\[\d+\]/g) ?? []).map((p) =>
    p.startsWith('[') ? Number(p.slice(1, -1)) : p,
  );
  let current = root as Record<string | number, unknown>;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (typeof next !== 'object' || next === null)
      throw new Error(`fixture path ${fieldPath} does not exist at "${part}"`);
    current = next as Record<string | number, unknown>;
  }
  const last = parts.at(-1);
  if (last === undefined) throw new Error('empty fixture path');
  if (value === undefined) delete current[last];
  else current[last] = value;
}

/** A copy of the package whose manifest.json has the given paths set (undefined deletes). */
export function withManifest(app: PackageContents, changes: Readonly<Record<string, unknown>>): PackageContents {
  const manifest: unknown = JSON.parse(app.files.get(MANIFEST_FILE)?.toString('utf8') ?? '{}');
  for (const [fieldPath, value] of Object.entries(changes)) setAtPath(manifest, fieldPath, value);
  const files = new Map(app.files);
  files.set(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest)));
  return { files, ...(app.xmlManifest === undefined ? {} : { xmlManifest: app.xmlManifest }) };
}

/** A copy of the package with one file replaced or (data undefined) removed. */
export function withFile(app: PackageContents, name: string, data: Buffer | undefined): PackageContents {
  const files = new Map(app.files);
  if (data === undefined) files.delete(name);
  else files.set(name, data);
  return { files, ...(app.xmlManifest === undefined ? {} : { xmlManifest: app.xmlManifest }) };
}

export function withXml(app: PackageContents, edit: (xml: string) => string): PackageContents {
  return { files: app.files, xmlManifest: edit(app.xmlManifest ?? '') };
}
