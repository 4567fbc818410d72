import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ConnectionString from 'mongodb-connection-string-url';
import { APP_ROLES, type AppRole } from '@klarkonform/shared';

// The only module that reads process.env. Every variable is declared once
// here: its parser doubles as validation, and the README's configuration
// table mirrors this list.

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  readonly host: string;
  readonly port: number;
  readonly publicBaseUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly prettyLogs: boolean;
  readonly mongodbUri: string | undefined;
  readonly mongodbDb: string;
  readonly mongodbAutoIndex: boolean;
  readonly dataDir: string;
  readonly embeddedMongoBin: string;
  readonly auth: {
    readonly audience: string;
    readonly allowedTenants: readonly string[] | '*';
    readonly localIssuer: boolean;
    readonly localIssuerKeyFile: string;
    readonly entraJwksUrl: string;
    readonly issuerTemplate: string;
    readonly defaultRoles: readonly AppRole[];
  };
  readonly corsOrigins: readonly string[];
  readonly rateLimitPerMinute: number;
  /** Requests without a valid token per client address and minute (counted before verifying). */
  readonly rateLimitUnauthenticatedPerMinute: number;
  readonly trustProxy: boolean;
  readonly seedDemo: boolean;
  readonly staticRoots: { readonly addin: string; readonly teams: string; readonly icons: string };
  /** Microsoft Graph app-only access for the contacts mirror (issue 13); `credential` unset: not configured. */
  readonly graph: GraphConfig;
  /** The contacts mirror's scheduler. */
  readonly mirror: { readonly intervalSeconds: number; readonly debounceSeconds: number };
}

/**
 * How the API signs in to Entra ID as an application (client credentials): a client secret, or a
 * certificate (PEM private key in PKCS#8 and the SHA-256 thumbprint Entra ID knows it by).
 */
export type GraphCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'certificate'; readonly privateKey: string; readonly thumbprintSha256: string };

export interface GraphConfig {
  readonly clientId: string | undefined;
  readonly credential: GraphCredential | undefined;
  /** Entra ID's host, e.g. https://login.microsoftonline.com (the tenant is appended per tenant). */
  readonly authorityHost: string;
  /** Graph's root, e.g. https://graph.microsoft.com (requests go to `<baseUrl>/v1.0/…`). */
  readonly baseUrl: string;
  /** Extra trusted CA certificates (PEM) for both hosts: a TLS-inspecting proxy, the tests' fake. */
  readonly ca: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const ENTRA_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tid}/v2.0';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.problems.push(`${name}="${v}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(v);
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name}="${v}" must be true or false`);
    return fallback;
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if ((values as readonly string[]).includes(v)) return v as T;
    this.problems.push(`${name}="${v}" must be one of: ${values.join(', ')}`);
    return fallback;
  }

  url(name: string, fallback: string): string {
    const v = this.raw(name) ?? fallback;
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return v.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name}="${v}" must be an absolute http(s) URL`);
      return fallback;
    }
  }

  list(name: string, fallback: readonly string[]): string[] {
    const v = this.raw(name);
    if (v === undefined) return [...fallback];
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

/** True for a loopback name or address: `localhost`, 127.0.0.0/8, `::1` (RFC 5735 §3, RFC 4291 §2.5.3). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(h)) return true;
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127(?:\.\d{1,3}){3}$/.test(h);
}

function isLocalhost(url: string): boolean {
  return isLoopbackHost(new URL(url).hostname);
}

export interface DatabaseConfig {
  readonly mongodbUri: string | undefined;
  readonly mongodbDb: string;
  /** Where the embedded engine keeps its data (`<DATA_DIR>/db`) when MONGODB_URI is unset. */
  readonly embeddedDataDir: string;
  readonly embeddedMongoBin: string;
}

function readDatabase(r: Reader): DatabaseConfig {
  const mongodbUri = r.raw('MONGODB_URI');
  if (mongodbUri !== undefined) {
    try {
      new ConnectionString(mongodbUri);
    } catch (err) {
      r.problems.push(
        `MONGODB_URI is not a valid MongoDB connection string (mongodb:// or mongodb+srv://): ${(err as Error).message}`,
      );
    }
  }
  const mongodbDb = r.string('MONGODB_DB', 'klarkonform');
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(mongodbDb)) {
    r.problems.push(`MONGODB_DB="${mongodbDb}" may contain only letters, digits, _ and - (at most 63)`);
  }
  return {
    mongodbUri,
    mongodbDb,
    embeddedDataDir: path.join(path.resolve(REPO_ROOT, r.string('DATA_DIR', '.data')), 'db'),
    embeddedMongoBin: path.resolve(
      REPO_ROOT,
      r.string('EMBEDDED_MONGO_BIN', 'tools/embedded-mongo/bin/embedded-mongo'),
    ),
  };
}

function readFileOrProblem(r: Reader, name: string, file: string): string | undefined {
  try {
    return readFileSync(path.resolve(REPO_ROOT, file), 'utf8');
  } catch (err) {
    r.problems.push(`${name}="${file}" cannot be read: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * The certificate credential from a PEM file holding the private key and the certificate: the
 * key as PKCS#8 (what msal-node expects) and the certificate's SHA-256 thumbprint (hex, as the
 * Entra app registration shows it under "Certificates & secrets").
 */
function readCertificate(r: Reader, file: string): GraphCredential | undefined {
  const name = 'GRAPH_CLIENT_CERTIFICATE_FILE';
  const pem = readFileOrProblem(r, name, file);
  if (pem === undefined) return undefined;
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const keyPem =
    /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(
      pem,
    )?.[0];
  if (!certPem || !keyPem) {
    r.problems.push(
      `${name}="${file}" must hold the private key and the certificate in PEM (BEGIN PRIVATE KEY, BEGIN CERTIFICATE)`,
    );
    return undefined;
  }
  try {
    const cert = new X509Certificate(certPem);
    const key = createPrivateKey(keyPem);
    if (!cert.checkPrivateKey(key)) {
      r.problems.push(`${name}="${file}": the private key does not belong to the certificate`);
      return undefined;
    }
    return {
      kind: 'certificate',
      privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      thumbprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    };
  } catch (err) {
    r.problems.push(`${name}="${file}" is not a usable key and certificate: ${(err as Error).message}`);
    return undefined;
  }
}

function readGraph(r: Reader): GraphConfig {
  const clientId = r.raw('GRAPH_CLIENT_ID');
  const secret = r.raw('GRAPH_CLIENT_SECRET');
  const certificateFile = r.raw('GRAPH_CLIENT_CERTIFICATE_FILE');
  if (clientId !== undefined && !/^[0-9a-fA-F-]{36}$/.test(clientId)) {
    r.problems.push(`GRAPH_CLIENT_ID="${clientId}" must be the application (client) id, a GUID`);
  }
  if (secret !== undefined && certificateFile !== undefined) {
    r.problems.push('Set either GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_FILE, not both');
  }
  if (clientId === undefined && (secret !== undefined || certificateFile !== undefined)) {
    r.problems.push('GRAPH_CLIENT_ID is required with GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_FILE');
  }
  if (clientId !== undefined && secret === undefined && certificateFile === undefined) {
    r.problems.push('GRAPH_CLIENT_ID needs GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_FILE');
  }
  const credential: GraphCredential | undefined =
    certificateFile !== undefined
      ? readCertificate(r, certificateFile)
      : secret !== undefined
        ? { kind: 'secret', secret }
        : undefined;
  const caFile = r.raw('GRAPH_CA_FILE');
  const ca = caFile === undefined ? undefined : readFileOrProblem(r, 'GRAPH_CA_FILE', caFile);
  if (ca !== undefined && !ca.includes('-----BEGIN CERTIFICATE-----')) {
    r.problems.push(`GRAPH_CA_FILE="${caFile}" must hold PEM certificates (BEGIN CERTIFICATE)`);
  }
  // Bearer tokens and client secrets travel to these hosts: https only (the Graph client also
  // refuses to send its token anywhere else, m365-tech.md §3.7).
  const httpsUrl = (name: string, fallback: string) => {
    const url = r.url(name, fallback);
    if (!url.startsWith('https://')) r.problems.push(`${name}="${url}" must be an https:// URL`);
    return url;
  };
  return {
    clientId,
    credential: clientId === undefined ? undefined : credential,
    authorityHost: httpsUrl('GRAPH_AUTHORITY_HOST', 'https://login.microsoftonline.com'),
    baseUrl: httpsUrl('GRAPH_BASE_URL', 'https://graph.microsoft.com'),
    ca,
  };
}

/** Only the database settings, for maintenance commands such as db:indexes and db:export. */
export function loadDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const r = new Reader(env);
  const db = readDatabase(r);
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return db;
}

export function loadConfig(env: Env = process.env, defaults: Env = {}): AppConfig {
  const r = new Reader({ ...defaults, ...env });
  const port = r.int('PORT', 3000, 0, 65535);
  const publicBaseUrl = r.url('PUBLIC_BASE_URL', `http://localhost:${port || 3000}`);
  const dataDir = path.resolve(REPO_ROOT, r.string('DATA_DIR', '.data'));
  const { mongodbUri, mongodbDb } = readDatabase(r);

  const localIssuer = r.bool('LOCAL_ISSUER', false);
  if (localIssuer && !r.problems.some((p) => p.startsWith('PUBLIC_BASE_URL')) && !isLocalhost(publicBaseUrl)) {
    r.problems.push(
      `LOCAL_ISSUER=true is only allowed when PUBLIC_BASE_URL is localhost (it is ${publicBaseUrl}); use Microsoft Entra ID in production`,
    );
  }
  const host = r.string('HOST', '127.0.0.1');
  // The local issuer mints admin tokens for any tenant without a login: it must never be reachable
  // from the network, whatever the public URL says.
  if (localIssuer && !isLoopbackHost(host)) {
    r.problems.push(
      `LOCAL_ISSUER=true is only allowed when HOST is a loopback address such as 127.0.0.1 (it is ${host}); listening on the network would let anyone mint tokens — use Microsoft Entra ID there`,
    );
  }
  const audience = r.raw('AUTH_AUDIENCE') ?? (localIssuer ? 'klarkonform-local-api' : undefined);
  if (audience === undefined) {
    r.problems.push('AUTH_AUDIENCE is required: the Entra application (client) id of the KlarKonform API');
  }
  const tenants = r.list('ALLOWED_TENANTS', localIssuer ? ['*'] : []);
  if (!localIssuer && tenants.length === 0) {
    r.problems.push('ALLOWED_TENANTS is required: comma-separated Entra tenant ids allowed to use this API');
  }
  const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
  for (const t of tenants) {
    if (t !== '*' && !tenantPattern.test(t)) r.problems.push(`ALLOWED_TENANTS contains an invalid tenant id "${t}"`);
  }
  if (tenants.includes('*') && !localIssuer) {
    r.problems.push('ALLOWED_TENANTS="*" is only allowed with LOCAL_ISSUER=true; list the tenant ids explicitly');
  }
  const defaultRoles = r.list('DEFAULT_ROLES', []);
  for (const role of defaultRoles) {
    if (!(APP_ROLES as readonly string[]).includes(role)) {
      r.problems.push(`DEFAULT_ROLES contains unknown role "${role}" (known: ${APP_ROLES.join(', ')})`);
    }
  }

  const config: AppConfig = {
    host,
    port,
    publicBaseUrl,
    logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    prettyLogs: r.bool('LOG_PRETTY', false),
    mongodbUri,
    mongodbDb,
    mongodbAutoIndex: r.bool('MONGODB_AUTO_INDEX', true),
    dataDir,
    embeddedMongoBin: path.resolve(
      REPO_ROOT,
      r.string('EMBEDDED_MONGO_BIN', 'tools/embedded-mongo/bin/embedded-mongo'),
    ),
    auth: {
      audience: audience ?? '',
      allowedTenants: tenants.includes('*') ? '*' : tenants,
      localIssuer,
      localIssuerKeyFile: path.resolve(dataDir, r.string('LOCAL_ISSUER_KEY_FILE', 'local-issuer-key.json')),
      entraJwksUrl: r.url('ENTRA_JWKS_URL', 'https://login.microsoftonline.com/common/discovery/v2.0/keys'),
      issuerTemplate: localIssuer ? `${publicBaseUrl}/local-issuer/{tid}/v2.0` : ENTRA_ISSUER_TEMPLATE,
      defaultRoles: defaultRoles as AppRole[],
    },
    corsOrigins: r.list('CORS_ORIGINS', [publicBaseUrl]),
    rateLimitPerMinute: r.int('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    rateLimitUnauthenticatedPerMinute: r.int('RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', 120, 1, 1_000_000),
    trustProxy: r.bool('TRUST_PROXY', false),
    seedDemo: r.bool('SEED_DEMO', false),
    staticRoots: {
      addin: path.join(REPO_ROOT, 'addin/dist'),
      teams: path.join(REPO_ROOT, 'teams-app/dist'),
      icons: path.join(REPO_ROOT, 'manifest/icons'),
    },
    graph: readGraph(r),
    mirror: {
      intervalSeconds: r.int('MIRROR_INTERVAL_SECONDS', 300, 10, 86_400),
      debounceSeconds: r.int('MIRROR_DEBOUNCE_SECONDS', 5, 0, 3_600),
    },
  };

  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return Object.freeze(config);
}

/**
 * The environment the embedded engine's processes (PostgreSQL, FerretDB) inherit: the API's own,
 * without PG* variables (PGHOST, PGPASSWORD, PGOPTIONS …), which libpq, PostgreSQL and pgx would
 * read and which would change what they connect to or how they behave; plus `extra`.
 */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, ...extra };
}

/** The configuration with `overrides` (a command's flags) taking precedence over the environment, and `defaults` under both. */
export function loadConfigWithOverrides(overrides: Env, defaults: Env = {}, env: Env = process.env): AppConfig {
  return loadConfig({ ...env, ...overrides }, defaults);
}

/** Which of `names` the environment sets (non-empty): a dev tool says whether it followed them or its defaults. */
export function setInEnvironment(names: readonly string[], env: Env = process.env): string[] {
  return names.filter((name) => (env[name] ?? '').trim() !== '');
}
