import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/config';
import { startEmbeddedPostgres } from '../../api/src/infra/embedded-postgres';
import { type EmbeddedMongo, startEmbeddedMongo } from '../../api/src/infra/embedded-mongo';
import { BINARY, isAlive, seconds, tempDataDir, waitUntil } from './support';

// Durability of the embedded engine (PostgreSQL + FerretDB) across restarts
// and crashes, on a real file system with the default (durable) settings.

const data = tempDataDir('kk-engine-restart-', true);
const unexpected: string[] = [];
const running = new Set<EmbeddedMongo>();

async function start(): Promise<EmbeddedMongo> {
  const engine = await startEmbeddedMongo({
    binary: BINARY,
    dataDir: data.dir,
    onUnexpectedExit: (m) => unexpected.push(m),
  });
  running.add(engine);
  return engine;
}

async function stop(engine: EmbeddedMongo): Promise<void> {
  running.delete(engine);
  await engine.stop();
}

async function withClient<T>(uri: string, f: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    return await f(client);
  } finally {
    await client.close();
  }
}

async function insert(uri: string, name: string): Promise<void> {
  await withClient(uri, (c) => c.db('engine_restart').collection('docs').insertOne({ name, version: 1 }));
}

async function names(uri: string): Promise<string[]> {
  return withClient(uri, async (c) => {
    const docs = await c.db('engine_restart').collection('docs').find({}).toArray();
    return docs.map((d) => d.name as string).sort();
  });
}

function kill9(pid: number): void {
  process.kill(pid, 'SIGKILL');
}

afterAll(async () => {
  for (const engine of running) await engine.stop().catch(() => {});
  data.remove();
});

describe('embedded engine restarts', () => {
  it('times initdb and PostgreSQL start on their own', async () => {
    const pgOnly = tempDataDir('kk-engine-pg-', true);
    try {
      let t = Date.now();
      const first = await startEmbeddedPostgres({ dataDir: pgOnly.dir });
      const firstMs = Date.now() - t;
      await first.stop();
      t = Date.now();
      const second = await startEmbeddedPostgres({ dataDir: pgOnly.dir });
      const restartMs = Date.now() - t;
      await second.stop();
      console.log(
        `[timing] PostgreSQL on disk: initdb + first start ${seconds(firstMs)}, restart ${seconds(restartMs)} (initdb ≈ ${seconds(firstMs - restartMs)})`,
      );
      const password = readFileSync(path.join(pgOnly.dir, 'pg-password'), 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
    } finally {
      pgOnly.remove();
    }
  });

  it('keeps data across a clean stop and start', async () => {
    let t = Date.now();
    const a = await start();
    console.log(`[timing] engine first start (initdb, PostgreSQL, database, FerretDB): ${seconds(Date.now() - t)}`);
    await insert(a.uri, 'clean');
    t = Date.now();
    await stop(a);
    console.log(`[timing] engine stop: ${seconds(Date.now() - t)}`);
    t = Date.now();
    const b = await start();
    console.log(`[timing] engine restart: ${seconds(Date.now() - t)}`);
    expect(await names(b.uri)).toEqual(['clean']);
    await stop(b);
  });

  it('recovers after kill -9 of PostgreSQL', async () => {
    const a = await start();
    await insert(a.uri, 'pg-killed');
    kill9(a.pids.postgres);
    await waitUntil(() => !isAlive(a.pids.postgres), 10_000, 'PostgreSQL to die');
    await waitUntil(() => unexpected.some((m) => m.includes('PostgreSQL exited')), 5_000, 'the exit report');
    await stop(a);
    const t = Date.now();
    const b = await start();
    console.log(`[timing] engine start after kill -9 of PostgreSQL (WAL recovery): ${seconds(Date.now() - t)}`);
    expect(await names(b.uri)).toEqual(['clean', 'pg-killed']);
    await stop(b);
  });

  it('recovers after kill -9 of FerretDB (PostgreSQL left running)', async () => {
    const a = await start();
    await insert(a.uri, 'ferret-killed');
    kill9(a.pids.ferretdb);
    await waitUntil(() => !isAlive(a.pids.ferretdb), 10_000, 'FerretDB to die');
    // a new start while the old PostgreSQL still holds postmaster.pid
    expect(isAlive(a.pids.postgres)).toBe(true);
    const t = Date.now();
    const b = await start();
    console.log(`[timing] engine start with a leftover PostgreSQL: ${seconds(Date.now() - t)}`);
    expect(isAlive(a.pids.postgres)).toBe(false);
    expect(await names(b.uri)).toEqual(['clean', 'ferret-killed', 'pg-killed']);
    running.delete(a);
    await stop(b);
  });

  it('recovers after kill -9 of both', async () => {
    const a = await start();
    await insert(a.uri, 'both-killed');
    kill9(a.pids.ferretdb);
    kill9(a.pids.postgres);
    await waitUntil(() => !isAlive(a.pids.postgres) && !isAlive(a.pids.ferretdb), 10_000, 'both to die');
    running.delete(a);
    const b = await start();
    expect(await names(b.uri)).toEqual(['both-killed', 'clean', 'ferret-killed', 'pg-killed']);
    await stop(b);
  });

  it('recovers after kill -9 of the API process (FerretDB exits, PostgreSQL is orphaned)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'tests/engine/fixtures/engine-child.ts'), BINARY, data.dir],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`engine child exited with ${code}`)));
    });
    const info = JSON.parse(line) as { uri: string; pids: { postgres: number; ferretdb: number } };
    await insert(info.uri, 'api-killed');
    // while that API lives, its data directory is not taken over
    await expect(start()).rejects.toThrow(/is in use: its PostgreSQL \(pid \d+\) belongs to the running process/);
    expect(isAlive(info.pids.postgres)).toBe(true);
    child.kill('SIGKILL');
    // FerretDB sees its stdin close and exits; PostgreSQL keeps running
    await waitUntil(() => !isAlive(info.pids.ferretdb), 10_000, 'FerretDB to exit on stdin EOF');
    expect(isAlive(info.pids.postgres)).toBe(true);
    const b = await start();
    expect(isAlive(info.pids.postgres)).toBe(false);
    expect(await names(b.uri)).toEqual(['api-killed', 'both-killed', 'clean', 'ferret-killed', 'pg-killed']);
    await stop(b);
  });
});
