import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../config';

// Where dev tools (npm run dev-token) find the API servers of this checkout that run with the
// local issuer, whatever PORT and DATA_DIR they were started with: each such server writes a
// small file named after its process id and removes it when it stops. A file left by a server
// that died is ignored (its process is gone) and removed by the next reader.

/** One running API server with the local issuer. */
export interface LocalServerEntry {
  /** Where it listens, e.g. http://127.0.0.1:3100: the address a local tool reaches it at. */
  readonly url: string;
  /** Its PUBLIC_BASE_URL, which names the issuer of its tokens. */
  readonly publicBaseUrl: string;
  /** Its DATA_DIR (absolute), where the issuer's key lives. */
  readonly dataDir: string;
  readonly pid: number;
  /** ISO date-time. */
  readonly startedAt: string;
}

/** Per checkout, beside other tools' caches, so two checkouts on one machine do not meet. */
export const LOCAL_SERVER_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'klarkonform', 'local-servers');

/** Records a running server; the returned function removes the record (call it on shutdown). */
export async function announceLocalServer(
  entry: Omit<LocalServerEntry, 'pid' | 'startedAt'>,
  dir: string = LOCAL_SERVER_DIR,
): Promise<() => Promise<void>> {
  const file = path.join(dir, `${process.pid}.json`);
  const record: LocalServerEntry = { ...entry, pid: process.pid, startedAt: new Date().toISOString() };
  await mkdir(dir, { recursive: true });
  await writeFile(file, JSON.stringify(record), { mode: 0o600 });
  return () => rm(file, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The servers whose process still runs, oldest first; records of dead processes are removed. */
export async function runningLocalServers(dir: string = LOCAL_SERVER_DIR): Promise<LocalServerEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /^\d+\.json$/.test(name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: LocalServerEntry[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let entry: LocalServerEntry;
    try {
      entry = JSON.parse(await readFile(file, 'utf8')) as LocalServerEntry;
    } catch {
      continue; // being written, or removed meanwhile
    }
    if (alive(entry.pid)) entries.push(entry);
    else await rm(file, { force: true });
  }
  return entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
