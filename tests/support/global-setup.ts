import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmbeddedMongo, REPO_ROOT, startEmbeddedMongo } from '../../api/src/index';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    /** Only on the embedded engine: its PostgreSQL database, for plan checks. */
    postgresUrl: string;
  }
}

// One database engine for the whole run: MONGODB_URI when given (real
// MongoDB), else the embedded engine in a fresh temporary directory. Each
// test file then works in a database of its own.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongodbUri', external);
    project.provide('postgresUrl', '');
    return async () => {};
  }
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools/embedded-mongo/build.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the embedded database failed');

  // Under /dev/shm (tmpfs) on Linux; when we run as root, the engine hands
  // the directory to the `postgres` user PostgreSQL runs as.
  const dataDir = mkdtempSync(path.join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'kk-test-db-'));
  let engine: EmbeddedMongo;
  try {
    engine = await startEmbeddedMongo({
      binary: path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo'),
      dataDir,
      fastUnsafe: true,
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('mongodbUri', engine.uri);
  project.provide('postgresUrl', engine.postgresUrl);
  return async () => {
    try {
      await engine.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
