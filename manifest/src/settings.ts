import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENV_DIR } from './paths';

// The per-environment values that fill the manifest templates
// (manifest/env/<name>.json). Checked here with messages an admin can act on,
// before the much less readable schema errors could fire.

export interface DeveloperInfo {
  readonly name: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

export interface EnvSettings {
  /** Id of the Microsoft 365 app (unified manifest). */
  readonly appId: string;
  /** Id of the add-in-only (XML) manifest; must differ from appId. */
  readonly xmlAddinId: string;
  /** Application (client) id of the Entra app registration. */
  readonly entraClientId: string;
  /** Origin the API serves everything from, e.g. https://crm.example.de (no path, no trailing slash). */
  readonly publicBaseUrl: string;
  /** n.n.n, each part at most five digits. */
  readonly version: string;
  readonly appName: string;
  readonly developer: DeveloperInfo;
  /**
   * Smart Alerts send mode of the consent check (OnMessageSend): `softBlock` (default) or
   * `promptUser`; `block` only here, for admin-deployed installs (Marketplace rejects it).
   */
  readonly sendMode: SendMode;
}

/** The send modes Outlook knows (Microsoft: Smart Alerts, onmessagesend-onappointmentsend-events). */
export const SEND_MODES = ['softBlock', 'promptUser', 'block'] as const;
export type SendMode = (typeof SEND_MODES)[number];
export const DEFAULT_SEND_MODE: SendMode = 'softBlock';

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid manifest settings in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const DEFAULT_APP_NAME = 'KlarKonform';
export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** Office add-ins accept only n.n.n with up to five digits per part, no pre-release tag. */
export const ADDIN_VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TOP_KEYS = [
  '$comment',
  'appId',
  'xmlAddinId',
  'entraClientId',
  'publicBaseUrl',
  'version',
  'appName',
  'developer',
  'sendMode',
];
const DEVELOPER_KEYS = ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function httpsUrl(value: unknown, field: string, problems: string[]): string {
  if (typeof value !== 'string') {
    problems.push(`${field} is required (an https URL)`);
    return '';
  }
  try {
    if (new URL(value).protocol !== 'https:') throw new Error('not https');
  } catch {
    problems.push(`${field} "${value}" must be an absolute https URL`);
  }
  return value;
}

export function parseSettings(raw: unknown, source: string): EnvSettings {
  const problems: string[] = [];
  if (!isRecord(raw)) throw new SettingsError(source, ['the file must contain a JSON object']);
  for (const key of Object.keys(raw)) if (!TOP_KEYS.includes(key)) problems.push(`unknown setting "${key}"`);

  const guid = (field: 'appId' | 'xmlAddinId' | 'entraClientId'): string => {
    const value = raw[field];
    if (typeof value !== 'string' || !GUID.test(value)) {
      problems.push(
        `${field} must be a GUID such as 6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b (got ${JSON.stringify(value)})`,
      );
      return '';
    }
    return value.toLowerCase();
  };
  const appId = guid('appId');
  const xmlAddinId = guid('xmlAddinId');
  const entraClientId = guid('entraClientId');
  if (appId && appId === xmlAddinId) {
    problems.push('xmlAddinId must differ from appId: Microsoft requires separate ids for the two manifest versions');
  }
  if (entraClientId && (entraClientId === appId || entraClientId === xmlAddinId)) {
    problems.push('entraClientId is the Entra app registration id and must not reuse appId or xmlAddinId');
  }

  let publicBaseUrl = httpsUrl(raw.publicBaseUrl, 'publicBaseUrl', problems);
  if (publicBaseUrl && !problems.some((p) => p.startsWith('publicBaseUrl'))) {
    const url = new URL(publicBaseUrl);
    if (url.pathname !== '/' || url.search || url.hash) {
      problems.push(`publicBaseUrl "${publicBaseUrl}" must be an origin only, e.g. ${url.origin}`);
    }
    publicBaseUrl = url.origin;
  } else if (typeof raw.publicBaseUrl === 'string' && raw.publicBaseUrl.startsWith('http://')) {
    problems.push(
      'Outlook and Teams load add-in pages only over https, even on localhost: use https://localhost:3000 for development',
    );
  }

  const version = typeof raw.version === 'string' ? raw.version : '';
  if (!ADDIN_VERSION.test(version)) {
    problems.push(
      `version must look like 1.0.0 (three numbers of at most five digits, no suffix), got ${JSON.stringify(raw.version)}`,
    );
  }

  const appName = raw.appName === undefined ? DEFAULT_APP_NAME : raw.appName;
  if (typeof appName !== 'string' || appName.trim() === '' || appName.length > 30) {
    problems.push('appName must be a non-empty text of at most 30 characters (it is the tab and task pane title)');
  }

  const developer = isRecord(raw.developer) ? raw.developer : {};
  if (!isRecord(raw.developer)) problems.push('developer is required: { name, websiteUrl, privacyUrl, termsOfUseUrl }');
  for (const key of Object.keys(developer)) {
    if (!(DEVELOPER_KEYS as readonly string[]).includes(key)) problems.push(`unknown setting "developer.${key}"`);
  }
  const developerName = developer.name;
  if (typeof developerName !== 'string' || developerName.trim() === '' || developerName.length > 32) {
    problems.push('developer.name must be a non-empty text of at most 32 characters');
  }
  const websiteUrl = httpsUrl(developer.websiteUrl, 'developer.websiteUrl', problems);
  const privacyUrl = httpsUrl(developer.privacyUrl, 'developer.privacyUrl', problems);
  const termsOfUseUrl = httpsUrl(developer.termsOfUseUrl, 'developer.termsOfUseUrl', problems);

  const sendMode = raw.sendMode === undefined ? DEFAULT_SEND_MODE : raw.sendMode;
  if (!(SEND_MODES as readonly unknown[]).includes(sendMode)) {
    problems.push(`sendMode must be one of ${SEND_MODES.join(', ')} (got ${JSON.stringify(raw.sendMode)})`);
  }

  if (problems.length > 0) throw new SettingsError(source, problems);
  return Object.freeze({
    appId,
    xmlAddinId,
    entraClientId,
    publicBaseUrl,
    version,
    appName: String(appName),
    developer: Object.freeze({ name: String(developerName), websiteUrl, privacyUrl, termsOfUseUrl }),
    sendMode: sendMode as SendMode,
  });
}

export function settingsFile(envName: string, envDir = ENV_DIR): string {
  if (!ENV_NAME.test(envName)) {
    throw new SettingsError(envName, [
      `environment name "${envName}" may contain only letters, digits, ".", "_" and "-"`,
    ]);
  }
  return path.join(envDir, `${envName}.json`);
}

export async function loadSettings(envName: string, envDir = ENV_DIR): Promise<EnvSettings> {
  const file = settingsFile(envName, envDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SettingsError(file, [
      `no settings for environment "${envName}": create ${file} (see env/example.production.json)`,
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SettingsError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseSettings(raw, file);
}
