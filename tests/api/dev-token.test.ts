import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/config';
import { runningLocalServers } from '../../api/src/infra/local-server-registry';

// `npm run dev-token` against a real API process started with a PORT and a DATA_DIR other than
// the defaults: the token comes from that server (found without being told where it runs) and
// GET /api/v1/me accepts it. Without a server, the tool signs the token itself and says which
// address and data directory it assumed; a server started with those accepts it, another refuses.

const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' };

function freePort(): Promise<number> {
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

interface Run {
  code: number;
  token: string;
  stderr: string;
}

function devToken(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'api/src/cli/dev-token.ts', ...args],
      { cwd: REPO_ROOT, env: { ...base, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, token: stdout.trim(), stderr });
      },
    );
  });
}

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

const me = (url: string, token: string) => fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

let port: number;
let dataDir: string;
let server: ChildProcess | undefined;
let serverLog = '';
const url = () => `http://localhost:${port}`;

beforeAll(async () => {
  port = await freePort();
  if (port === 3000) port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'kk-dev-token-'));
});
afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...base,
      LOCAL_ISSUER: 'true',
      PORT: String(port),
      DATA_DIR: dataDir,
      MONGODB_URI: inject('mongodbUri'),
      MONGODB_DB: `devtoken_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => {
    serverLog += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    serverLog += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${serverLog}`);
    const ready = (await runningLocalServers()).some((s) => s.pid === server?.pid);
    if (ready && (await fetch(`${url()}/health/live`).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not start:\n${serverLog}`);
}

describe('npm run dev-token', () => {
  it('mints a token the running server accepts whatever PORT and DATA_DIR it runs with, and says what it assumed', async () => {
    // No server yet: signed here, for the settings given, and said so.
    const early = await devToken(['--roles', 'CRM.Sales'], { PORT: String(port), DATA_DIR: dataDir });
    expect(early.code, early.stderr).toBe(0);
    expect(early.stderr).toContain(`no server answered at ${url()} (PORT from the environment)`);
    expect(early.stderr).toContain(path.join(dataDir, 'local-issuer-key.json'));
    expect(early.stderr).toContain(`issuer ${url()}/local-issuer/`);

    await startServer();

    // Neither PORT nor DATA_DIR given: the tool finds the server and asks it.
    const found = await devToken(['--roles', 'CRM.Sales,CRM.Admin', '--name', 'Erika Muster', '--hours', '2']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stderr).toContain(`token from the server at http://127.0.0.1:${port}`);
    expect(found.stderr).toContain(`DATA_DIR ${dataDir}`);
    const response = await me(url(), found.token);
    expect(response.status).toBe(200);
    const token = claims(found.token);
    expect(token.iss).toBe(`${url()}/local-issuer/${token.tid}/v2.0`);
    expect(token.roles).toEqual(['CRM.Sales', 'CRM.Admin']);
    expect(token.name).toBe('Erika Muster');
    expect(Number(token.exp) - Number(token.iat)).toBe(7200);

    // --server names it just as well; the token signed before the start is accepted too (same key).
    const named = await devToken(['--server', url()]);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toContain(`token from the server at ${url()} (--server)`);
    expect((await me(url(), named.token)).status).toBe(200);
    expect((await me(url(), early.token)).status).toBe(200);

    // Signed for another address and data directory (nothing listens there): said so, and refused.
    const otherDir = mkdtempSync(path.join(tmpdir(), 'kk-dev-token-other-'));
    try {
      const elsewhere = `http://localhost:${await freePort()}`;
      const wrong = await devToken(['--server', elsewhere, '--data-dir', otherDir]);
      expect(wrong.code, wrong.stderr).toBe(0);
      expect(wrong.stderr).toContain(`no server answered at ${elsewhere} (--server)`);
      expect(wrong.stderr).toContain(
        'a server started with another PORT, PUBLIC_BASE_URL or DATA_DIR refuses this token',
      );
      expect((await me(url(), wrong.token)).status).toBe(401);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }

    // A stopped server is no longer found.
    const pid = server?.pid;
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server?.kill('SIGTERM');
    await exited;
    expect((await runningLocalServers()).map((s) => s.pid)).not.toContain(pid);
  }, 180_000);

  it('stops with a clear message for bad input, before asking anyone', async () => {
    const run = await devToken(['--roles', 'CRM.Boss']);
    expect(run.code).toBe(1);
    expect(run.token).toBe('');
    expect(run.stderr).toContain('unknown role(s) CRM.Boss');
  }, 60_000);
});
