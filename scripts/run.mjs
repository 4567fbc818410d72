// Small helpers shared by the project scripts: run a command, fail loudly.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

export function runOrExit(label, command, args, options) {
  const { status, seconds } = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${status})`);
    process.exit(status);
  }
  console.log(`✓ ${label} (${seconds.toFixed(1)} s)`);
}

export const npx = (bin) => path.join(ROOT, 'node_modules', '.bin', bin);
