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
