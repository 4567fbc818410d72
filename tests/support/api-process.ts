import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLocalIssuer, loadConfig, loadOrCreateIssuerKey, REPO_ROOT } from '../../api/src/index';
import { TENANT_A } from './test-app';

// The API as its own process (`api/src/server.ts`), for tests that kill it with SIGKILL or run
// two of them on one database. Tokens come from the local issuer's key in its DATA_DIR.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ApiProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** What it printed (stdout and stderr). */
  log(): string;
  /** A token of an admin of tenant A (Sales + Admin). */
  token(): Promise<string>;
  /** SIGKILL: no shutdown, no lease released, requests cut off. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** Starts the API with `env` (PORT is chosen here) and waits until /health/live answers. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const full = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NO_COLOR: '1',
    LOCAL_ISSUER: 'true',
    ALLOWED_TENANTS: TENANT_A,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
    PORT: String(port),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: full,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited:\n${output}`);
    if ((await fetch(`${baseUrl}/health/live`).catch(() => undefined))?.ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not start:\n${output}`);
    }
    await sleep(200);
  }
  const config = loadConfig(full);
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
    );
  return {
    baseUrl,
    child,
    log: () => output,
    async token() {
      const key = await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile);
      const issuer = createLocalIssuer(key, config.auth.issuerTemplate, config.auth.audience);
      return issuer.mint({
        tenantId: TENANT_A,
        userId: 'user-a',
        roles: ['CRM.Sales', 'CRM.Admin'],
        name: 'Test User',
      });
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
  };
}
