import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

// When we run as root, PostgreSQL runs as the `postgres` system user: who that is, and whether
// it can reach a directory.

export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

export const USER = 'postgres';

/** When we are root: the `postgres` system user (created if missing), as PostgreSQL refuses to run as root. */
export function unprivilegedUser(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  let ids = lookupUser(USER);
  if (!ids) {
    try {
      execFileSync('groupadd', ['--system', USER], { stdio: 'pipe' });
    } catch {
      // the group may exist without the user
    }
    try {
      execFileSync('useradd', ['--system', '-g', USER, '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', USER], {
        stdio: 'pipe',
      });
    } catch (err) {
      throw new Error(`Could not create the system user "${USER}" to run PostgreSQL as: ${(err as Error).message}`);
    }
    ids = lookupUser(USER);
    if (!ids) throw new Error(`The system user "${USER}" was created but cannot be looked up`);
  }
  return ids;
}

/**
 * PostgreSQL runs as another user than we do: every directory above `dir`
 * must let it pass (x for its uid or gid, which is all it has: Node drops
 * supplementary groups when it spawns with a uid).
 */
export function checkReachable(dir: string, runAs: RunAs, what: string): void {
  const blocked = unreachableDir(dir, runAs);
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as the user "${USER}" (uid ${runAs.uid}) because we run as root, and it cannot reach ${what}: ${blocked.dir} is not accessible to it (mode ${blocked.mode.toString(8)}). Set DATA_DIR to a directory outside it, e.g. DATA_DIR=/var/lib/klarkonform, or run KlarKonform as an ordinary user.`,
    );
  }
}

/**
 * The problem with `dataDir` for the embedded PostgreSQL, if any: when we run as root, the
 * `postgres` user it runs as must be able to pass every directory above it. For the start
 * command's first check, before anything is built; creates nothing.
 */
export function dataDirProblem(dataDir: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const runAs = lookupUser(USER);
  if (!runAs) return undefined; // created at start, with access as its own
  try {
    checkReachable(path.dirname(path.resolve(dataDir)), runAs, 'the data directory');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The first directory on the way to `dir` that `runAs` may not pass, if any. */
export function unreachableDir(dir: string, runAs: RunAs): { dir: string; mode: number } | undefined {
  let current = path.resolve(dir);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of chain) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(d);
    } catch {
      return undefined; // not there yet: created by us below a reachable parent
    }
    const mode = Number(st.mode);
    const ok =
      (st.uid === runAs.uid && (mode & 0o100) !== 0) ||
      (st.uid !== runAs.uid && st.gid === runAs.gid && (mode & 0o010) !== 0) ||
      (st.uid !== runAs.uid && st.gid !== runAs.gid && (mode & 0o001) !== 0);
    if (!ok) return { dir: d, mode: mode & 0o777 };
  }
  return undefined;
}

export function lookupUser(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}
