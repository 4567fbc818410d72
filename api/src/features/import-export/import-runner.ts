import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { isDatabaseUnreachableError } from '../../infra/db-availability';
import type { ImportJobs } from './import-jobs';
import type { ImportDoc } from './imports.model';
import type { ImportsRepository } from './imports.repository';

// Runs imports in the background, one instance per import: an instance takes the import's lease
// (a version-checked write of `leaseHolder`/`leaseUntil` on the import) and renews it at every
// checkpoint; an import whose lease ran out (its instance stopped or died) is taken up by the next
// scan of any instance and resumes at its checkpoint. Scans run at start and every SCAN_MS.

/** How long a lease holds without renewal (ms); a killed instance's import resumes after it. */
export const LEASE_MS = 15_000;
const SCAN_MS = 5_000;
/** Imports one instance runs at once. */
const MAX_PARALLEL = 2;

/** Why a running job stopped early: asked to cancel, the instance is closing, or the lease went elsewhere. */
export type StopReason = 'cancel' | 'shutdown' | 'leaseLost';

export interface JobControl {
  holder: string;
  signal: AbortSignal;
  /** Set by the job's checkpoint when the import says cancel, or by `cancel()` in this process. */
  stopReason(): StopReason | undefined;
  requestStop(reason: StopReason): void;
}

/** Carries out one import's run from its checkpoint; resolves when it ended or stopped. */
export type RunJob = (doc: ImportDoc, control: JobControl) => Promise<void>;

export class ImportRunner {
  readonly holder = randomUUID();
  private readonly running = new Map<string, { control: JobControl; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private stopped = false;
  private again = false;

  constructor(
    private readonly jobs: ImportJobs,
    private readonly repo: ImportsRepository,
    private readonly runJob: RunJob,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), SCAN_MS);
    this.timer.unref();
    this.kick();
  }

  /** Stops scanning and asks running jobs to stop at their next row; they resume at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const { control } of this.running.values()) control.requestStop('shutdown');
    await this.scanning;
    await Promise.all([...this.running.values()].map((job) => job.done));
  }

  /** Records that `importId` has a run to do and looks for work at once. */
  async enqueue(tenantId: string, importId: string): Promise<void> {
    await this.jobs.add(tenantId, importId);
    this.kick();
  }

  /** Stops the import's job in this process at its next row (other instances see the import's flag). */
  cancel(importId: string): void {
    this.running.get(importId)?.control.requestStop('cancel');
  }

  /** Resolves when this process no longer runs `importId` (tests and shutdown). */
  async idle(importId: string): Promise<void> {
    await this.running.get(importId)?.done;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.scanning) {
      // Work arrived during a scan that may have passed it: look again when this one ends.
      this.again = true;
      return;
    }
    this.again = false;
    this.scanning = this.scan()
      .catch((err: unknown) => {
        if (!isDatabaseUnreachableError(err)) this.log.warn({ err }, 'import scan failed');
      })
      .finally(() => {
        this.scanning = undefined;
        if (this.again) this.kick();
      });
  }

  private async scan(): Promise<void> {
    for (const job of await this.jobs.list()) {
      if (this.stopped || this.running.size >= MAX_PARALLEL) return;
      if (this.running.has(job._id)) continue;
      const doc = await this.repo.find(job.tenantId, job._id);
      if (!doc || (doc.status !== 'queued' && doc.status !== 'running')) {
        await this.jobs.remove(job._id);
        continue;
      }
      const leased = await this.take(doc);
      if (leased) this.launch(leased);
    }
  }

  /** Takes the import's lease when nobody holds it; the import as written, or undefined. */
  private async take(doc: ImportDoc): Promise<ImportDoc | undefined> {
    const now = Date.now();
    if (doc.leaseHolder && doc.leaseHolder !== this.holder && doc.leaseUntil && doc.leaseUntil.getTime() > now) {
      return undefined;
    }
    const set = {
      leaseHolder: this.holder,
      leaseUntil: new Date(now + LEASE_MS),
      status: 'running' as const,
      version: doc.version + 1,
      updatedAt: new Date(now).toISOString(),
    };
    const ok = await this.repo.replaceIfVersion(doc.tenantId, String(doc._id), doc.version, set);
    return ok ? { ...doc, ...set } : undefined;
  }

  private launch(doc: ImportDoc): void {
    const id = String(doc._id);
    const abort = new AbortController();
    let reason: StopReason | undefined;
    const control: JobControl = {
      holder: this.holder,
      signal: abort.signal,
      stopReason: () => reason,
      requestStop: (why) => {
        reason ??= why;
        abort.abort();
      },
    };
    const done = this.runJob(doc, control)
      .catch((err: unknown) => this.log.error({ err, importId: id }, 'import job stopped by an error'))
      .finally(() => {
        this.running.delete(id);
        // Work may be waiting (another import queued while both places were taken).
        if (!this.stopped) this.kick();
      });
    this.running.set(id, { control, done });
  }
}
