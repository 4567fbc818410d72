import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { childProcessEnv } from '../config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

// The embedded database engine: an embedded PostgreSQL 17 (see
// embedded-postgres.ts) under <dataDir>, and our FerretDB program
// (tools/embedded-mongo) on top of it as a second child process, whose one
// stdout line `MONGODB_URI=…` says it listens. The FerretDB child exits when
// our stdin pipe closes, so a crashed API never leaves it behind; a PostgreSQL
// left behind by a killed API is stopped at the next start.

export interface EmbeddedMongo {
  readonly uri: string;
  /** The PostgreSQL database FerretDB stores in (with its password): for maintenance and plan checks, never logged. */
  readonly postgresUrl: string;
  /** Process ids of the two children (for diagnostics and crash tests). */
  readonly pids: { readonly postgres: number; readonly ferretdb: number };
  stop(): Promise<void>;
  /** Sends both processes their stop signal without waiting (for a forced exit of the API). */
  signalStop(): void;
}

export interface EmbeddedMongoOptions {
  readonly binary: string;
  /** Holds PostgreSQL's cluster (`pg/`), its password file and its log. */
  readonly dataDir: string;
  readonly listen?: string;
  /** Per process (PostgreSQL, then FerretDB). */
  readonly startTimeoutMs?: number;
  /** Trade durability for speed (fsync off etc.): tests only. */
  readonly fastUnsafe?: boolean;
  /** Called when either process exits while running; the default logs to stderr. */
  readonly onUnexpectedExit?: (message: string) => void;
}

export { STALE_WRITE } from './write-races';

/** The PostgreSQL database FerretDB keeps its data in. */
export const DATABASE = 'ferretdb';

/** A running FerretDB child: its process, the URI (with the login) and the end of its stderr (for errors only). */
export interface FerretDB {
  readonly child: ChildProcess;
  readonly uri: string;
  stderrTail(): string;
}

/** Throws when the embedded database program has not been built. */
export function assertBuilt(binary: string): void {
  if (!existsSync(binary)) {
    throw new Error(
      `The embedded database program is not built (${binary}). Run "npm run build:db", or set MONGODB_URI to use a MongoDB server.`,
    );
  }
}

export async function startEmbeddedMongo(opts: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  assertBuilt(opts.binary);
  const onUnexpectedExit = opts.onUnexpectedExit ?? ((message: string) => console.error(message));
  const postgres: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: opts.dataDir,
    fastUnsafe: opts.fastUnsafe ?? false,
    ...(opts.startTimeoutMs === undefined ? {} : { startTimeoutMs: opts.startTimeoutMs }),
    onUnexpectedExit,
  });

  let ferret: FerretDB;
  try {
    ferret = await startFerretDB(opts, postgres.url(DATABASE));
  } catch (err) {
    await postgres.stop();
    throw err;
  }

  let stopping = false;
  ferret.child.once('exit', (code, signal) => {
    if (!stopping) {
      onUnexpectedExit(
        `The embedded FerretDB exited unexpectedly (code ${code}, signal ${signal}): ${ferret.stderrTail().trim()}`,
      );
    }
  });

  return {
    uri: ferret.uri,
    postgresUrl: postgres.url(DATABASE),
    pids: { postgres: postgres.pid, ferretdb: ferret.child.pid ?? 0 },
    signalStop: () => {
      stopping = true;
      ferret.child.kill('SIGTERM');
      try {
        process.kill(postgres.pid, 'SIGINT'); // PostgreSQL's fast shutdown runs on by itself
      } catch {
        // already gone
      }
    },
    stop: async () => {
      stopping = true;
      try {
        await stopChild(ferret.child);
      } finally {
        await postgres.stop();
      }
    },
  };
}

/** Starts FerretDB on `opts.listen` (a free port by default) and waits for its `MONGODB_URI=` line. */
export async function startFerretDB(
  opts: Pick<EmbeddedMongoOptions, 'binary' | 'listen' | 'startTimeoutMs'>,
  postgresqlUrl: string,
): Promise<FerretDB> {
  // The URL holds the password: pass it in the environment, not in argv
  // (which `ps` shows to every user).
  const child = spawn(opts.binary, ['-listen', opts.listen ?? '127.0.0.1:0', '-exit-on-stdin-eof'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: childProcessEnv({ EMBEDDED_MONGO_POSTGRESQL_URL: postgresqlUrl }),
    // Its own process group: a terminal's Ctrl-C must reach only the API,
    // which then stops this child itself.
    detached: true,
  });
  let stderr = '';
  // Kept for error messages, never passed on: FerretDB logs every failed
  // query (a duplicate key, a refusal of the version guard) with the
  // document, and every command a driver sends that it lacks (endSessions).
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const timeoutMs = opts.startTimeoutMs ?? 60_000;

  try {
    const uri = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`The embedded FerretDB did not start within ${timeoutMs} ms. ${redact(stderr, postgresqlUrl)}`),
        );
      }, timeoutMs);
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const match = /^MONGODB_URI=(\S+)$/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The embedded FerretDB exited with code ${code}: ${redact(stderr.trim(), postgresqlUrl)}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    return { child, uri: withLogin(uri, postgresqlUrl), stderrTail: () => redact(stderr, postgresqlUrl) };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

/**
 * The MongoDB URI with the PostgreSQL user's login: FerretDB passes a PLAIN login on to
 * PostgreSQL and has no other credentials, so only who knows the password reaches the data.
 */
function withLogin(mongodbUri: string, postgresqlUrl: string): string {
  const pg = new URL(postgresqlUrl);
  const uri = new URL(mongodbUri);
  uri.username = pg.username;
  uri.password = pg.password;
  uri.searchParams.set('authMechanism', 'PLAIN');
  return uri.toString();
}

function redact(text: string, url: string): string {
  const password = new URL(url).password;
  return password ? text.split(decodeURIComponent(password)).join('***') : text;
}

/** SIGTERM, and SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
