import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '@klarkonform/shared';
import {
  type EmbeddedMongo,
  type FerretDB,
  startEmbeddedMongo,
  startFerretDB,
} from '../../api/src/infra/embedded-mongo';
import type { EngineStatus, SupervisedEngine } from '../../api/src/infra/embedded-mongo-supervisor';
import type { ServerApp } from '../../api/src/start';
import { BINARY, isAlive, seconds, tempDataDir, waitUntil } from './support';
import { call, create, read, type Served, serve } from './served-app';

// The database dies under a running API: requests that need it answer 503 problem+json with
// Retry-After at once, the embedded engine's supervisor restarts the dead part, and the API
// serves again without a restart, with every write made before the crash still there. Then the
// same with an external MongoDB (MONGODB_URI; here an unsupervised engine): no restart, but the
// same 503 and recovery once the server is back.

/** "At once": well under mongoose's 7–10 s of server selection or buffering. */
const AT_ONCE_MS = 3_000;
const RECOVERY_MS = 60_000;

function expectUnavailable(res: LightMyRequestResponse, lang: 'de' | 'en'): void {
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  const body = res.json();
  expect(body.code).toBe('serviceUnavailable');
  expect(body.detail).toBe(createTranslator(lang)('problem.serviceUnavailable.detail'));
}

/** Resolves with the time of the engine's next report that it is `up` (or down). */
function nextStatus(engine: SupervisedEngine, up: boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let subscribed = false;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`the engine did not report ${up ? 'up' : 'down'} within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = engine.onStatus((status) => {
      if (!subscribed || status.up !== up) return; // the first call is the current state
      clearTimeout(timer);
      unsubscribe();
      resolve(Date.now());
    });
    subscribed = true;
  });
}

/**
 * Kills one part of the engine with SIGKILL and checks what a client sees: 503s at once while
 * the supervisor restarts it (before that perhaps a last answer, never a 500), then the create
 * it retried with its Idempotency-Key succeeds once the database is back, exactly once, and the
 * older data is there.
 */
async function survivesKill(
  s: ServerApp & Served,
  part: 'postgres' | 'ferretdb',
  what: string,
  before: string[],
): Promise<string[]> {
  const engine = s.engine!;
  const created = await create(s, randomUUID(), `Vor dem Absturz ${what}`);
  expect(created.res.statusCode).toBe(201);
  const ids = [...before, created.res.json().id as string];

  const down = nextStatus(engine, false, 10_000);
  const killedAt = Date.now();
  process.kill(engine.pids[part], 'SIGKILL');
  // A request racing the kill is served (the driver may retry a read until the part is back)
  // or answered 503; never a 500, never after a long wait.
  const racing = read(s, ids[0]!);
  await down;
  // The supervisor knows now, and waits at least its first back-off step (0.5 s) before the
  // restart: everything that needs the database answers 503 at once meanwhile.
  const german = await read(s, ids[0]!);
  const firstUnavailableMs = Date.now() - killedAt;
  expect(german.ms).toBeLessThan(AT_ONCE_MS);
  expectUnavailable(german.res, 'de');
  const english = await read(s, ids[0]!, 'en');
  expectUnavailable(english.res, 'en');
  const ready = await s.app.inject({ method: 'GET', url: '/health/ready' });
  expect(ready.statusCode).toBe(503);
  expect(Number(ready.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  const raced = await racing;
  expect([200, 503]).toContain(raced.res.statusCode);
  expect(raced.ms).toBeLessThan(AT_ONCE_MS);

  // A client retrying its create with the same key until it succeeds.
  const key = randomUUID();
  const statuses = new Set<number>();
  let done: LightMyRequestResponse | undefined;
  while (!done) {
    const { res, ms } = await create(s, key, `Nach dem Absturz ${what}`);
    statuses.add(res.statusCode);
    if (res.statusCode === 503) {
      expect(ms).toBeLessThan(AT_ONCE_MS);
      if (Date.now() - killedAt > RECOVERY_MS) throw new Error(`${what}: not back within ${RECOVERY_MS} ms`);
      await sleep(100);
    } else {
      done = res;
    }
  }
  const backMs = Date.now() - killedAt;
  expect(done.statusCode).toBe(201);
  expect([...statuses].every((status) => status === 201 || status === 503)).toBe(true);
  console.log(
    `[timing] kill -9 of ${what} → first 503 after ${seconds(firstUnavailableMs)}; a create succeeds after ${seconds(backMs)}`,
  );

  const replay = await create(s, key, `Nach dem Absturz ${what}`);
  expect(replay.res.statusCode).toBe(200);
  expect(replay.res.json().id).toBe(done.json().id);
  ids.push(done.json().id as string);
  for (const id of ids) expect((await read(s, id)).res.statusCode).toBe(200);
  const list = await call(s, { method: 'GET', url: '/api/v1/contacts?limit=100' });
  expect((list.res.json().items as { id: string }[]).map((c) => c.id).sort()).toEqual([...ids].sort());
  expect((await s.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  return ids;
}

describe('the embedded engine dies under the running API', () => {
  const data = tempDataDir('kk-engine-outage-');
  // as root, PostgreSQL runs as `postgres` and must pass through this directory to <dir>/db
  chmodSync(data.dir, 0o755);
  let server: ServerApp & Served;
  const statuses: EngineStatus[] = [];
  let ids: string[] = [];

  beforeAll(async () => {
    server = await serve(data.dir);
    server.engine!.onStatus((status) => statuses.push(status));
  }, 120_000);

  afterAll(async () => {
    await server?.app.close();
    data.remove();
  });

  it('answers 503 at once after kill -9 of PostgreSQL, restarts it and loses nothing', async () => {
    const engine = server.engine!;
    const { postgres, ferretdb } = engine.pids;
    ids = await survivesKill(server, 'postgres', 'PostgreSQL', ids);
    expect(statuses.some((s) => !s.up && s.retryAfterSeconds >= 1)).toBe(true);
    expect(statuses.at(-1)?.up).toBe(true);
    // both are new processes: FerretDB was restarted after PostgreSQL, on the same address
    expect(engine.pids.postgres).not.toBe(postgres);
    expect(engine.pids.ferretdb).not.toBe(ferretdb);
    expect(isAlive(engine.pids.postgres)).toBe(true);
    expect(isAlive(ferretdb)).toBe(false);
  }, 120_000);

  it('answers 503 at once after kill -9 of FerretDB, restarts it on the same port and loses nothing', async () => {
    const engine = server.engine!;
    const { postgres, ferretdb } = engine.pids;
    statuses.length = 0;
    ids = await survivesKill(server, 'ferretdb', 'FerretDB', ids);
    expect(statuses[0]?.up).toBe(false);
    expect(statuses.at(-1)?.up).toBe(true);
    expect(engine.pids.postgres).toBe(postgres);
    expect(engine.pids.ferretdb).not.toBe(ferretdb);
    expect(isAlive(engine.pids.ferretdb)).toBe(true);
  }, 120_000);
  it('retries with a growing back-off while FerretDB cannot start (its port is taken), then serves again', async () => {
    const engine = server.engine!;
    const created = await create(server, randomUUID(), 'Vor dem belegten Port');
    expect(created.res.statusCode).toBe(201);
    const id = created.res.json().id as string;
    const port = Number(new URL(engine.uri).port);
    const reports: EngineStatus[] = [];
    const unsubscribe = engine.onStatus((status) => reports.push(status));
    // accepts and drops every connection, like a foreign program on the port
    const blocker = createServer((socket) => socket.destroy());
    try {
      process.kill(engine.pids.ferretdb, 'SIGKILL');
      await waitUntil(() => reports.some((r) => !r.up), 5_000, 'the down report');
      await new Promise<void>((resolve, reject) => {
        blocker.once('error', reject);
        blocker.listen(port, '127.0.0.1', resolve);
      });
      await waitUntil(() => reports.filter((r) => !r.up).length >= 2, 30_000, 'a failed restart attempt');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const unavailable = await read(server, id);
    expectUnavailable(unavailable.res, 'de');
    await waitUntil(() => reports.at(-1)?.up === true, RECOVERY_MS, 'the engine to run again');
    unsubscribe();
    const waits = reports.filter((r) => !r.up).map((r) => r.retryAfterSeconds);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    // the same port as before: the app's connection string still holds
    expect(new URL(engine.uri).port).toBe(String(port));
    const deadline = Date.now() + RECOVERY_MS;
    let res = (await read(server, id)).res;
    while (res.statusCode !== 200 && Date.now() < deadline) {
      expectUnavailable(res, 'de');
      await sleep(100);
      res = (await read(server, id)).res;
    }
    expect(res.statusCode).toBe(200);
  }, 120_000);
});

describe('an external database (MONGODB_URI) goes away', () => {
  const data = tempDataDir('kk-engine-outage-ext-');
  chmodSync(data.dir, 0o755);
  let engine: EmbeddedMongo;
  let server: ServerApp & Served;
  let replacement: FerretDB | undefined;

  beforeAll(async () => {
    engine = await startEmbeddedMongo({ binary: BINARY, dataDir: `${data.dir}/db`, onUnexpectedExit: () => {} });
    server = await serve(`${data.dir}/api`, { MONGODB_URI: engine.uri });
  }, 120_000);

  afterAll(async () => {
    await server?.app.close();
    replacement?.child.kill('SIGKILL');
    await engine?.stop();
    data.remove();
  });

  it('answers 503 (not 500, not after 10 s) while the server is down, and serves again when it is back', async () => {
    expect(server.engine).toBeUndefined();
    const ferretdb = engine.pids.ferretdb;
    const created = await create(server, randomUUID(), 'Extern GmbH');
    expect(created.res.statusCode).toBe(201);
    const id = created.res.json().id as string;

    const killedAt = Date.now();
    process.kill(ferretdb, 'SIGKILL');
    await waitUntil(() => !isAlive(ferretdb), 5_000, 'FerretDB to die');
    for (let i = 0; i < 5; i++) {
      const { res, ms } = await read(server, id);
      expect(ms).toBeLessThan(AT_ONCE_MS);
      expectUnavailable(res, 'de');
    }
    console.log(`[timing] external server killed → five 503s within ${seconds(Date.now() - killedAt)}`);

    // the "server" comes back where it was
    replacement = await startFerretDB({ binary: BINARY, listen: new URL(engine.uri).host }, engine.postgresUrl);
    const backAt = Date.now();
    for (;;) {
      const { res, ms } = await read(server, id);
      expect(ms).toBeLessThan(AT_ONCE_MS);
      if (res.statusCode === 200) break;
      expectUnavailable(res, 'de');
      if (Date.now() - backAt > 30_000) throw new Error('the API did not reconnect within 30 s');
      await sleep(100);
    }
    console.log(`[timing] external server back → the API serves again after ${seconds(Date.now() - backAt)}`);
  }, 120_000);
});
