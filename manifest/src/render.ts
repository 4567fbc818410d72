import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord, records, text } from './json';
import { ICONS_DIR, TEMPLATE_DIR } from './paths';
import { type EnvSettings, loadSettings } from './settings';

// Fills the manifest templates from one environment's settings. The unified
// manifest is filled value by value after parsing (so no value can break the
// JSON); the XML manifest is filled as text with XML escaping.

export const MANIFEST_FILE = 'manifest.json';
export const XML_MANIFEST_FILE = 'outlook-addin.xml';

export interface RenderOptions {
  readonly templateDir?: string;
  readonly iconsDir?: string;
}

export interface RenderedApp {
  readonly settings: EnvSettings;
  /** The unified manifest as an object, exactly as written to manifest.json. */
  readonly manifest: Readonly<Record<string, unknown>>;
  /** Everything that goes into the app package zip, by path inside the zip. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The add-in-only manifest (uploaded separately, not part of the zip). */
  readonly xmlManifest: string;
}

export class RenderError extends Error {
  override readonly name = 'RenderError';
}

export function placeholderValues(settings: EnvSettings): Readonly<Record<string, string>> {
  return {
    APP_ID: settings.appId,
    XML_ADDIN_ID: settings.xmlAddinId,
    ENTRA_CLIENT_ID: settings.entraClientId,
    PUBLIC_BASE_URL: settings.publicBaseUrl,
    // Host with port: what validDomains, api:// resources and brk-multihub:// expect.
    PUBLIC_HOST: new URL(settings.publicBaseUrl).host,
    VERSION: settings.version,
    // The XML manifest's Version has four parts.
    XML_VERSION: `${settings.version}.0`,
    APP_NAME: settings.appName,
    DEVELOPER_NAME: settings.developer.name,
    DEVELOPER_WEBSITE_URL: settings.developer.websiteUrl,
    DEVELOPER_PRIVACY_URL: settings.developer.privacyUrl,
    DEVELOPER_TERMS_URL: settings.developer.termsOfUseUrl,
    SEND_MODE: settings.sendMode,
    // The XML manifest spells it with a capital: SoftBlock, PromptUser, Block.
    XML_SEND_MODE: settings.sendMode.charAt(0).toUpperCase() + settings.sendMode.slice(1),
  };
}

const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

function fill(
  template: string,
  values: Readonly<Record<string, string>>,
  encode: (v: string) => string,
  unknown: Set<string>,
): string {
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return match;
    }
    return encode(value);
  });
}

function fillJson(value: unknown, values: Readonly<Record<string, string>>, unknown: Set<string>): unknown {
  if (typeof value === 'string') return fill(value, values, (v) => v, unknown);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values, unknown));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, values, unknown)]));
  }
  return value;
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

async function readJsonTemplate(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new RenderError(`cannot read template ${file}: ${(err as Error).message}`);
  }
}

/** The localization file template for "en-us.json" is "en-us.template.json". */
function localizationTemplate(file: string): string {
  return file.replace(/\.json$/, '.template.json');
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    // A missing icon is reported by validatePackage with the manifest field that names it.
    return undefined;
  }
}

export async function renderManifest(env: string | EnvSettings, options: RenderOptions = {}): Promise<RenderedApp> {
  const settings = typeof env === 'string' ? await loadSettings(env) : env;
  const templateDir = options.templateDir ?? TEMPLATE_DIR;
  const iconsDir = options.iconsDir ?? ICONS_DIR;
  const values = placeholderValues(settings);
  const unknown = new Set<string>();

  const manifest = fillJson(await readJsonTemplate(path.join(templateDir, 'manifest.template.json')), values, unknown);
  if (!isRecord(manifest)) throw new RenderError('manifest.template.json must contain a JSON object');
  const files = new Map<string, Buffer>([[MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);

  for (const language of records(
    isRecord(manifest.localizationInfo) ? manifest.localizationInfo.additionalLanguages : [],
  )) {
    const file = text(language.file);
    if (!file) continue;
    const localized = fillJson(
      await readJsonTemplate(path.join(templateDir, localizationTemplate(file))),
      values,
      unknown,
    );
    files.set(file, Buffer.from(`${JSON.stringify(localized, null, 2)}\n`));
  }

  const icons = isRecord(manifest.icons) ? manifest.icons : {};
  for (const key of ['color', 'outline', 'color32x32']) {
    const file = text(icons[key]);
    const data = file ? await readOptional(path.join(iconsDir, file)) : undefined;
    if (file && data) files.set(file, data);
  }

  const xmlTemplate = await readFile(path.join(templateDir, 'outlook-addin.template.xml'), 'utf8');
  const xmlManifest = fill(xmlTemplate, values, escapeXml, unknown);

  if (unknown.size > 0) {
    throw new RenderError(
      `the templates use unknown placeholders: ${[...unknown].map((n) => `{{${n}}}`).join(', ')} ` +
        `(known: ${Object.keys(values).join(', ')})`,
    );
  }
  return { settings, manifest, files, xmlManifest };
}
