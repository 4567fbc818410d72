import { parseArgs } from 'node:util';
import { type AppRole, isAppRole } from '@klarkonform/shared';
import { type AppConfig, ConfigError, loadConfigWithOverrides, setInEnvironment } from '../config';
import { DEMO_TENANT_ID, DEMO_USER } from '../features/demo/demo-tenant';
import { createLocalIssuer, loadOrCreateIssuerKey } from '../infra/local-issuer';
import { type LocalServerEntry, runningLocalServers } from '../infra/local-server-registry';
import { DEV_ENV } from './dev-env';

// Prints a bearer token (stdout, nothing else there) that the running API accepts, and says on
// stderr where it came from. The token's issuer names the server's PUBLIC_BASE_URL (from PORT)
// and the signing key lives in its DATA_DIR, so the tool asks the server itself for the token
// (POST /local-issuer/token, loopback only) instead of guessing its settings.

const USAGE = `Usage: npm run -s dev-token -- [--roles CRM.Sales,CRM.Admin] [--tenant <id>] [--user <id>]
         [--name "Max Mustermann"] [--email max@muster.de] [--hours 8] [--server <url>] [--data-dir <dir>]

Asks the running API (started with the local issuer, e.g. by npm start) for a token, so it fits
that server whatever PORT, PUBLIC_BASE_URL and DATA_DIR it runs with. The server is --server <url>;
else PORT or PUBLIC_BASE_URL from the environment; else the one server of this checkout that runs;
else http://localhost:3000. When no server answers there, the token is signed here with the key in
DATA_DIR (--data-dir) for that address's issuer, and the tool says so.`;

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** The server to ask, and why that one (for the message on stderr). */
interface Target {
  url: string;
  why: string;
  entry?: LocalServerEntry;
}

interface TokenRequest {
  tenantId: string;
  userId: string;
  roles: AppRole[];
  name?: string;
  email?: string;
  expiresInSeconds: number;
}

const note = (line: string) => process.stderr.write(`dev-token: ${line}\n`);

async function chooseServer(flag: string | undefined, config: AppConfig): Promise<Target> {
  if (flag) return { url: config.publicBaseUrl, why: '--server' };
  const fromEnv = setInEnvironment(['PORT', 'PUBLIC_BASE_URL']);
  if (fromEnv.length > 0) return { url: config.publicBaseUrl, why: `${fromEnv.join(' and ')} from the environment` };
  const running = await runningLocalServers();
  if (running.length > 1) {
    const list = running.map((s) => `  ${s.url} (PUBLIC_BASE_URL ${s.publicBaseUrl}, DATA_DIR ${s.dataDir})`);
    throw new Error(`several servers of this checkout run; choose one with --server <url>:\n${list.join('\n')}`);
  }
  const [entry] = running;
  if (entry) return { url: entry.url, why: `the running server of this checkout, process ${entry.pid}`, entry };
  return {
    url: config.publicBaseUrl,
    why: 'the default: no server of this checkout runs, and PORT and PUBLIC_BASE_URL are not set',
  };
}

/** The server's token, or undefined when nothing listens at `url`. */
async function askServer(url: string, request: TokenRequest): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(`${url}/local-issuer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL') return undefined;
    throw new Error(`no answer from ${url}: ${(err as Error).message}${code ? ` (${code})` : ''}`);
  }
  if (response.status === 404) {
    throw new Error(
      `the server at ${url} has no local issuer (it runs without LOCAL_ISSUER=true, so its tokens come from Microsoft Entra ID), or it is no KlarKonform API`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as { accessToken?: string; detail?: string };
  if (!response.ok || !body.accessToken) {
    throw new Error(`the server at ${url} refused: HTTP ${response.status} ${body.detail ?? ''}`.trim());
  }
  return body.accessToken;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: DEMO_TENANT_ID },
      user: { type: 'string', default: DEMO_USER.id },
      roles: { type: 'string', default: 'CRM.Sales' },
      name: { type: 'string' },
      email: { type: 'string' },
      hours: { type: 'string', default: '8' },
      server: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const roles = values.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !isAppRole(r));
  if (unknown.length > 0) throw new Error(`unknown role(s) ${unknown.join(', ')}`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours * 3600 < 60 || hours > 24 * 30)
    throw new Error('--hours must be from 0.02 to 720');
  if (!TENANT_ID.test(values.tenant)) throw new Error('--tenant must be letters, digits and dashes (at most 64)');
  if (values.user.length === 0 || values.user.length > 64) throw new Error('--user must be 1 to 64 characters');

  const flags = {
    ...(values.server ? { PUBLIC_BASE_URL: values.server } : {}),
    ...(values['data-dir'] ? { DATA_DIR: values['data-dir'] } : {}),
  };
  const target = await chooseServer(values.server, loadConfigWithOverrides(flags, DEV_ENV));
  // A found server's own settings decide the issuer and the key if it must be signed here.
  const config = loadConfigWithOverrides(
    target.entry ? { PUBLIC_BASE_URL: target.entry.publicBaseUrl, DATA_DIR: target.entry.dataDir, ...flags } : flags,
    DEV_ENV,
  );
  if (!config.auth.localIssuer) {
    throw new Error('the local issuer is off (LOCAL_ISSUER=false): tokens come from Microsoft Entra ID');
  }
  const request: TokenRequest = {
    tenantId: values.tenant,
    userId: values.user,
    roles: roles as AppRole[],
    ...(values.name ? { name: values.name } : {}),
    ...(values.email ? { email: values.email } : {}),
    expiresInSeconds: Math.round(hours * 3600),
  };

  const token = await askServer(target.url, request);
  if (token) {
    const settings = target.entry
      ? `; PUBLIC_BASE_URL ${target.entry.publicBaseUrl}, DATA_DIR ${target.entry.dataDir}`
      : '';
    note(`token from the server at ${target.url} (${target.why}${settings}). Another server: --server <url>.`);
    process.stdout.write(`${token}\n`);
    return;
  }

  const key = await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile);
  const issuer = createLocalIssuer(key, config.auth.issuerTemplate, config.auth.audience);
  const { expiresInSeconds, ...claims } = request;
  const signed = await issuer.mint({ ...claims, expiresInSeconds });
  note(`no server answered at ${target.url} (${target.why}).`);
  note(
    `signed here with the key in ${config.auth.localIssuerKeyFile} for the issuer ${config.auth.issuerTemplate.replace('{tid}', values.tenant)}.`,
  );
  note(
    'a server started with another PORT, PUBLIC_BASE_URL or DATA_DIR refuses this token: start the server first, or pass --server <url> and --data-dir <dir> (or set PORT, PUBLIC_BASE_URL, DATA_DIR) as for the server.',
  );
  process.stdout.write(`${signed}\n`);
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err);
  console.error(`dev-token: ${message}\n\n${USAGE}`);
  process.exit(1);
});
