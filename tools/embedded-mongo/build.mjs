// Builds the embedded database program into bin/ (git-ignored), and only when
// its sources changed since the last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const binary = path.join(dir, 'bin', 'embedded-mongo');
const stampFile = path.join(dir, 'bin', '.source-hash');

// The build tags are part of the stamp: changing them rebuilds.
const tags = 'ferretdb_no_sqlite';
const sources = readdirSync(dir)
  .filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go') || f.endsWith('.sql'))
  .sort();
const hash = createHash('sha256');
hash.update(`tags=${tags}\n`);
for (const file of sources) hash.update(`${file}\n`).update(readFileSync(path.join(dir, file)));
const sourceHash = hash.digest('hex');

if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sourceHash) {
  process.exit(0);
}

console.log(
  'Building the embedded database (FerretDB for the embedded PostgreSQL); the first build takes a few minutes…',
);
const started = Date.now();
const result = spawnSync('go', ['build', '-trimpath', '-tags', tags, '-ldflags=-s -w', '-o', binary, '.'], {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-mod=readonly' },
});
if (result.error) {
  console.error(
    `Could not run "go" (${result.error.message}). Install Go 1.24 or newer, or set MONGODB_URI to use a MongoDB server.`,
  );
  process.exit(1);
}
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, sourceHash);
console.log(`Embedded database built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
