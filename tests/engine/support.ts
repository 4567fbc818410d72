import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../api/src/config';

// Shared by the engine tests: each test file runs its own embedded engine in
// a temporary directory (the global setup's engine is not used here).

export const BINARY = path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo');

/** A fresh directory; `onDisk` puts it on a real file system rather than tmpfs. */
export function tempDataDir(prefix: string, onDisk = false): { dir: string; remove(): void } {
  const base = onDisk || process.platform !== 'linux' ? tmpdir() : '/dev/shm';
  const dir = mkdtempSync(path.join(base, prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export { isAlive } from '../../api/src/infra/embedded-postgres-leftover';

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
