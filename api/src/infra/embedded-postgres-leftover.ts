import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// A PostgreSQL left running by an API that was killed (kill -9): found by its pid file, stopped
// before a new one starts on the same cluster.

/** How long a fast shutdown (SIGINT) may take before harder signals follow (ms). */
export const STOP_TIMEOUT_MS = 10_000;

/**
 * If our parent was killed (kill -9), its PostgreSQL keeps running and holds
 * postmaster.pid; stop it before starting anew. A PostgreSQL whose parent is
 * another live process (a second API on the same data directory) is not
 * touched. A pid file of a dead process is PostgreSQL's own business (it
 * replaces it).
 */
export async function stopLeftoverServer(clusterDir: string): Promise<void> {
  const lines = readPidFile(clusterDir);
  const pid = Number(lines?.[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) return;
  const parent = parentPid(pid);
  if (parent !== undefined && parent > 1 && parent !== process.pid && isNode(parent)) {
    throw new Error(
      `The database in ${clusterDir} is in use: its PostgreSQL (pid ${pid}) belongs to the running process ${parent}. Stop that process first, or use another data directory.`,
    );
  }
  console.warn(`Stopping a PostgreSQL left running on ${clusterDir} (pid ${pid})`);
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', STOP_TIMEOUT_MS],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await sleep(50);
    }
  }
  throw new Error(`A PostgreSQL (pid ${pid}) still runs on ${clusterDir} and does not stop`);
}

export function readPidFile(clusterDir: string): string[] | undefined {
  try {
    return readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Guards against a pid reused by an unrelated process (Linux only; elsewhere we trust the pid file). */
export function isPostgres(pid: number): boolean {
  if (process.platform !== 'linux') return true;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return false;
  }
}

/** The parent of a process (Linux only). */
export function parentPid(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // "pid (comm) state ppid …"; comm may contain spaces and parentheses
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Is the process a Node.js process (an API or test runner that owns its PostgreSQL)? */
export function isNode(pid: number): boolean {
  try {
    const exe = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return path.basename(exe) === 'node' || path.basename(exe).startsWith('node');
  } catch {
    return false;
  }
}
