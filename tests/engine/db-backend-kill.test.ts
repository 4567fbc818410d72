import { randomUUID } from 'node:crypto';
import { chmodSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerApp } from '../../api/src/start';
import { call, create, read, type Served, serve } from './served-app';
import { seconds, tempDataDir } from './support';

// One PostgreSQL backend process dies under a query (the OOM killer, a kill -9 of a worker): the
// postmaster survives but ends every other backend and recovers, so FerretDB's connections break
// ("unexpected EOF", "in recovery mode"). The API must answer 503, never 500, and serve again by
// itself, with no write lost or doubled (found by the attack run of issue 9: a 500 before).

const RECOVERY_MS = 30_000;

describe('a PostgreSQL backend dies under a running API', () => {
  const data = tempDataDir('kk-engine-backend-');
  chmodSync(data.dir, 0o755);
  let server: ServerApp & Served;

  beforeAll(async () => {
    server = await serve(data.dir);
  }, 120_000);

  afterAll(async () => {
    await server?.app.close();
    data.remove();
  });

  async function ferretBackends(): Promise<number[]> {
    const client = new pg.Client({ connectionString: server.engine!.postgresUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      return rows.map((r) => r.pid);
    } finally {
      await client.end();
    }
  }

  it('answers 200/201 or 503 while PostgreSQL recovers, then serves again without a restart', async () => {
    const before = await create(server, randomUUID(), 'Vor dem Ausfall GmbH');
    expect(before.res.statusCode).toBe(201);
    const backends = await ferretBackends();
    expect(backends.length).toBeGreaterThan(0);
    const postmaster = server.engine!.pids.postgres;

    // Writers keep creating (each retries its own key) while one backend is killed.
    const keys = Array.from({ length: 5 }, () => randomUUID());
    const statuses: number[] = [];
    const killedAt = Date.now();
    for (const pid of backends) process.kill(pid, 'SIGKILL');
    const done = new Set<string>();
    while (done.size < keys.length) {
      if (Date.now() - killedAt > RECOVERY_MS) throw new Error('not back within 30 s');
      for (const key of keys.filter((k) => !done.has(k))) {
        const { res } = await create(server, key, `Während des Ausfalls ${key.slice(0, 4)} GmbH`);
        statuses.push(res.statusCode);
        if (res.statusCode === 201 || res.statusCode === 200) done.add(key);
      }
      await sleep(50);
    }
    console.log(
      `[timing] kill -9 of ${backends.length} backend(s) → all creates stored after ${seconds(Date.now() - killedAt)}`,
    );
    expect(statuses.filter((s) => s !== 201 && s !== 200 && s !== 503)).toEqual([]);
    // The postmaster survived: nothing was restarted, PostgreSQL recovered by itself.
    expect(server.engine!.pids.postgres).toBe(postmaster);

    // Each key stored exactly once, and the earlier contact is still there.
    for (const key of keys) {
      expect((await create(server, key, `Während des Ausfalls ${key.slice(0, 4)} GmbH`)).res.statusCode).toBe(200);
    }
    const list = await call(server, { method: 'GET', url: '/api/v1/contacts?limit=100' });
    expect(list.res.json().items).toHaveLength(keys.length + 1);
    expect((await read(server, before.res.json().id)).res.statusCode).toBe(200);
  }, 60_000);
});
