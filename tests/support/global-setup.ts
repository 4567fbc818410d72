import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmbeddedMongo, REPO_ROOT, startEmbeddedMongo } from '../../api/src/index';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

// One database engine for the whole run: MONGODB_URI when given (real
// MongoDB), else the embedded engine in a fresh temporary directory. Each
// test file then works in a database of its own.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongodbUri', external);
    return async () => {};
  }
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools/embedded-mongo/build.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the embedded database failed');

  const dataDir = mkdtempSync(path.join(process.platform === 'linux' ? '/dev/shm' : tmpdir(), 'kk-test-db-'));
  const engine: EmbeddedMongo = await startEmbeddedMongo({
    binary: path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo'),
    dataDir,
  });
  project.provide('mongodbUri', engine.uri);
  return async () => {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
