import {
  assertBuilt,
  DATABASE,
  type EmbeddedMongo,
  type EmbeddedMongoOptions,
  type FerretDB,
  startFerretDB,
  stopChild,
} from './embedded-mongo';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

// The embedded engine under supervision: when PostgreSQL or FerretDB dies (a crash, kill -9,
// the OOM killer), the API keeps running and answers 503 while the dead part is started again —
// PostgreSQL first (it recovers from its WAL; a stale postmaster.pid is its own business), then
// FerretDB on the port it had, so the MongoDB URI the app connected with stays valid. Attempts
// follow an exponential back-off; every attempt and outcome is logged (process states and
// error texts of the start, never FerretDB's stderr, which can hold documents).

/** The logger methods the supervisor uses (pino's, the app logger's). */
export interface EngineLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EngineStatus {
  readonly up: boolean;
  /** While down: after how many seconds a client should try again. */
  readonly retryAfterSeconds: number;
}

export interface EngineBackoff {
  /** Wait before the first restart attempt (ms); doubles with every failed attempt. */
  readonly initialMs?: number;
  /** Longest wait between attempts (ms). */
  readonly maxMs?: number;
  /** After this long without a crash (ms), the next crash starts the back-off anew. */
  readonly healthyMs?: number;
}

export interface SupervisedEngine extends EmbeddedMongo {
  /** Calls `listener` now and on every change between up and down; returns the unsubscribe. */
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** Logs through `log` from now on (the app's logger, once the app exists). */
  useLogger(log: EngineLogger): void;
}

export interface SupervisedEngineOptions extends Omit<EmbeddedMongoOptions, 'onUnexpectedExit'> {
  readonly backoff?: EngineBackoff;
  readonly log?: EngineLogger;
}

/** How long a restart of both parts typically takes (PostgreSQL's recovery, FerretDB's start), for Retry-After. */
const TYPICAL_START_MS = 2_000;

/**
 * Starts PostgreSQL and FerretDB like startEmbeddedMongo and restarts whichever dies. A failure
 * of the first start is thrown (nothing is restarted then); stop() ends supervision and both parts.
 */
export async function startSupervisedEngine(opts: SupervisedEngineOptions): Promise<SupervisedEngine> {
  assertBuilt(opts.binary);
  const supervisor = new Supervisor(opts);
  await supervisor.start();
  return supervisor;
}

class Supervisor implements SupervisedEngine {
  private pg: EmbeddedPostgres | undefined;
  private ferret: FerretDB | undefined;
  private pgDown = false;
  private ferretDown = false;
  private pgGeneration = 0;
  private stopping = false;
  private attempt = 0;
  private upSince = Date.now();
  private restarting: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private status: EngineStatus = { up: true, retryAfterSeconds: 0 };
  private readonly listeners = new Set<(status: EngineStatus) => void>();
  private log: EngineLogger;
  private listen: string;
  private firstUri = '';
  private readonly backoff: Required<EngineBackoff>;

  constructor(private readonly opts: SupervisedEngineOptions) {
    this.log = opts.log ?? consoleLogger;
    this.listen = opts.listen ?? '127.0.0.1:0';
    this.backoff = {
      initialMs: opts.backoff?.initialMs ?? 500,
      maxMs: opts.backoff?.maxMs ?? 30_000,
      healthyMs: opts.backoff?.healthyMs ?? 60_000,
    };
  }

  get uri(): string {
    return this.firstUri;
  }

  get postgresUrl(): string {
    return this.pg?.url(DATABASE) ?? '';
  }

  get pids(): { postgres: number; ferretdb: number } {
    return { postgres: this.pg?.pid ?? 0, ferretdb: this.ferret?.child.pid ?? 0 };
  }

  async start(): Promise<void> {
    await this.startPostgres();
    try {
      await this.startFerret();
    } catch (err) {
      await this.pg?.stop();
      throw err;
    }
    // Restarts listen where the first start did: the app's connection string names this port.
    this.listen = new URL(this.firstUri).host;
    this.upSince = Date.now();
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  useLogger(log: EngineLogger): void {
    this.log = log;
  }

  signalStop(): void {
    this.stopping = true;
    this.wake?.();
    this.ferret?.child.kill('SIGTERM');
    if (this.pg) {
      try {
        process.kill(this.pg.pid, 'SIGINT'); // PostgreSQL's fast shutdown runs on by itself
      } catch {
        // already gone
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.restarting;
    try {
      if (this.ferret) await stopChild(this.ferret.child);
    } finally {
      await this.pg?.stop();
    }
  }

  private async startPostgres(): Promise<void> {
    const generation = ++this.pgGeneration;
    this.pg = await startEmbeddedPostgres({
      dataDir: this.opts.dataDir,
      fastUnsafe: this.opts.fastUnsafe ?? false,
      ...(this.opts.startTimeoutMs === undefined ? {} : { startTimeoutMs: this.opts.startTimeoutMs }),
      // the same port as before, so that postgresUrl stays valid where it can
      ...(this.pg ? { port: this.pg.port } : {}),
      onUnexpectedExit: (message) => {
        if (generation === this.pgGeneration) this.failed('PostgreSQL', message, () => (this.pgDown = true));
      },
    });
  }

  private async startFerret(): Promise<void> {
    const ferret = await startFerretDB({ ...this.opts, listen: this.listen }, this.pg!.url(DATABASE));
    this.ferret = ferret;
    if (!this.firstUri) this.firstUri = ferret.uri;
    ferret.child.once('exit', (code, signal) => {
      if (this.ferret !== ferret) return; // stopped by us
      const message = `The embedded FerretDB exited unexpectedly (code ${code}, signal ${signal})`;
      this.failed('FerretDB', message, () => (this.ferretDown = true));
    });
  }

  private failed(part: string, detail: string, markDown: () => void): void {
    if (this.stopping) return;
    markDown();
    this.log.error(
      { detail, postgres: this.pgDown ? 'down' : 'up', ferretdb: this.ferretDown ? 'down' : 'up' },
      `the embedded database engine lost ${part}; the API answers 503 until it runs again`,
    );
    if (this.restarting) return;
    if (Date.now() - this.upSince >= this.backoff.healthyMs) this.attempt = 0;
    this.restarting = this.restartLoop().finally(() => {
      this.restarting = undefined;
    });
  }

  private async restartLoop(): Promise<void> {
    while (!this.stopping && (this.pgDown || this.ferretDown)) {
      const delayMs = Math.min(this.backoff.initialMs * 2 ** this.attempt, this.backoff.maxMs);
      this.attempt++;
      this.setStatus({ up: false, retryAfterSeconds: Math.ceil((delayMs + TYPICAL_START_MS) / 1000) });
      const parts = [this.pgDown ? 'PostgreSQL' : '', 'FerretDB'].filter(Boolean).join(' and ');
      this.log.warn({ attempt: this.attempt, delayMs }, `restarting ${parts} of the embedded database engine`);
      await this.sleep(delayMs);
      if (this.stopping) return;
      const started = Date.now();
      try {
        await this.restartParts();
        if (this.pgDown || this.ferretDown) continue; // died again while starting
        this.log.info(
          { attempt: this.attempt, ms: Date.now() - started, pids: this.pids },
          'the embedded database engine runs again',
        );
      } catch (err) {
        this.log.error(
          { attempt: this.attempt, reason: (err as Error).message.slice(0, 1000) },
          'restart of the embedded database engine failed',
        );
      }
    }
    if (this.stopping) return;
    this.upSince = Date.now();
    this.setStatus({ up: true, retryAfterSeconds: 0 });
  }

  /** PostgreSQL first when it died (FerretDB's connections went with it), then FerretDB. */
  private async restartParts(): Promise<void> {
    if (this.pgDown) {
      const ferret = this.ferret;
      this.ferret = undefined;
      this.ferretDown = true;
      // FerretDB keeps nothing of its own, and on SIGTERM it would wait ~2 s for its
      // connections to the dead server: kill it at once.
      if (ferret) await stopChild(ferret.child, 0);
      await this.startPostgres();
      this.pgDown = false;
    }
    if (this.stopping) return;
    if (this.ferretDown && !this.pgDown) {
      await this.startFerret();
      this.ferretDown = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private setStatus(status: EngineStatus): void {
    const changed = status.up !== this.status.up || status.retryAfterSeconds !== this.status.retryAfterSeconds;
    this.status = status;
    if (changed) for (const listener of this.listeners) listener(status);
  }
}

const consoleLogger: EngineLogger = {
  info: (obj, msg) => console.log(`${msg} ${JSON.stringify(obj)}`),
  warn: (obj, msg) => console.warn(`${msg} ${JSON.stringify(obj)}`),
  error: (obj, msg) => console.error(`${msg} ${JSON.stringify(obj)}`),
};
