import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppRole, Contact, ContactListPage, Import } from '@klarkonform/shared';
import { createLocalIssuer, loadConfig, loadOrCreateIssuerKey, REPO_ROOT } from '../../api/src/index';
import { TENANT_A } from '../support/test-app';

// Issue 16: an import survives `kill -9` of the API mid-run. The API runs as a child process; it is
// killed while the import is under way, started again on the same database, takes the import up
// when the dead instance's lease has run out, and finishes it — every row's contact exactly once,
// each company once, the counts those of one uninterrupted run.

const ROWS = 900;
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

let port: number;
let dataDir: string;
let env: Record<string, string>;
let server: ChildProcess | undefined;
let log = '';
let token: string;

const url = (p: string) => `http://127.0.0.1:${port}${p}`;
const api = async <T>(p: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
  const res = await fetch(url(p), { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
};

async function start(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    if ((await fetch(url('/health/live')).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not start:\n${log}`);
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server?.once('exit', resolve));
  server.kill(signal);
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'kk-import-kill-'));
  env = {
    LOCAL_ISSUER: 'true',
    ALLOWED_TENANTS: TENANT_A,
    PORT: String(port),
    DATA_DIR: dataDir,
    MONGODB_URI: inject('mongodbUri'),
    MONGODB_DB: `kill_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  const config = loadConfig(env);
  const issuer = createLocalIssuer(
    await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile),
    config.auth.issuerTemplate,
    config.auth.audience,
  );
  token = await issuer.mint({
    tenantId: TENANT_A,
    userId: 'admin-1',
    name: 'Ada Admin',
    roles: ['CRM.Admin'] as AppRole[],
  });
});

afterAll(async () => {
  await stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 in the middle of an import', () => {
  it('resumes after a restart and creates every contact exactly once', async () => {
    await start();
    // Ten people per company, with family names that do not sound alike (else they are duplicates).
    const names = [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Wagner',
      'Becker',
      'Hoffmann',
      'Koch',
      'Richter',
    ];
    const lines = ['Vorname;Nachname;Firma;E-Mail;Telefon'];
    for (let i = 0; i < ROWS; i++) {
      const firm = Math.floor(i / 10);
      lines.push(`Vorname${i};${names[i % 10]};Firma ${firm} GmbH;person${i}@firma${firm}.de;030 ${100000 + i}`);
    }
    const uploadRes = await api<Import>('/api/v1/imports?fileName=gross.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `${lines.join('\n')}\n`,
    });
    expect(uploadRes.status).toBe(201);
    const id = uploadRes.body.id;
    expect(
      (
        await api<Import>(`/api/v1/imports/${id}/run`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"dryRun":false}',
        })
      ).status,
    ).toBe(202);

    // Kill it while it works: some rows done, most not.
    let before: Import | undefined;
    for (let i = 0; i < 600; i++) {
      before = (await api<Import>(`/api/v1/imports/${id}`)).body;
      if ((before.run?.done ?? 0) >= 100) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stop('SIGKILL');
    expect(before?.status).toBe('running');
    expect(before?.run?.done).toBeGreaterThanOrEqual(100);
    expect(before?.run?.done).toBeLessThan(ROWS);

    await start();
    let after: Import | undefined;
    for (let i = 0; i < 1800; i++) {
      after = (await api<Import>(`/api/v1/imports/${id}`)).body;
      if (after.status !== 'running' && after.status !== 'queued') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after?.status, log).toBe('done');
    expect(after?.run?.done).toBe(ROWS);
    expect(after?.run?.counts).toEqual({ created: ROWS, merged: 0, skipped: 0, failed: 0 });

    const contacts: Contact[] = [];
    for (const kind of ['person', 'company']) {
      let cursor: string | null = null;
      do {
        const page: ContactListPage = (
          await api<ContactListPage>(`/api/v1/contacts?kind=${kind}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        contacts.push(...(page.items as unknown as Contact[]));
        cursor = page.nextCursor;
      } while (cursor);
    }
    const people = contacts.filter((c) => c.kind === 'person');
    const companies = contacts.filter((c) => c.kind === 'company');
    expect(people).toHaveLength(ROWS);
    expect(new Set(people.map((p) => p.displayName)).size).toBe(ROWS);
    expect(companies).toHaveLength(ROWS / 10);
    expect(new Set(companies.map((c) => c.displayName)).size).toBe(ROWS / 10);
    expect(new Set(contacts.map((c) => c.contactNumber)).size).toBe(contacts.length);
  }, 600_000);
});
