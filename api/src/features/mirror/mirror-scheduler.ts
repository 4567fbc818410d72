import type { MirrorRun, MirrorRunTrigger } from '@klarkonform/shared';
import type { HeldLease, MirrorLeaseRepository } from './mirror-lease.repository';
import type { RunOutcome } from './mirror-run.service';

// When the mirror runs (issue 13): shortly after contacts change (debounced), periodically, at
// once on "Jetzt synchronisieren" and at start-up (resuming whatever a stopped instance left).
// A run holds the tenant's lease document, so exactly one API instance syncs a tenant at a time;
// a change or manual request that finds the lease taken bumps the lease's `requested` count and
// the holder runs again when it is done.

/** How long a lease lasts without renewal (ms) and how often a running run renews it. */
export const LEASE_MS = 30_000;
export const RENEW_MS = 10_000;
/** Most tenants one instance syncs at the same time. */
const CONCURRENT_RUNS = 2;
/** How often the scheduler looks for tenants whose periodic run is due (at most). */
const TICK_MS = 60_000;

/** One run of one tenant while holding its lease; resolves with what it did. */
export type MirrorRunner = (
  tenantId: string,
  trigger: MirrorRunTrigger,
  lease: HeldLease,
  signal: AbortSignal,
) => Promise<RunOutcome>;

/** After a run that found a contact write still in flight, the next one follows after this long (ms). */
const AGAIN_MS = 2_000;

export interface SchedulerOptions {
  /** This instance's name in the lease documents. */
  instanceId: string;
  leases: MirrorLeaseRepository;
  runner: MirrorRunner;
  /** Whether the tenant's mirror is switched on: changes of a tenant without it start no run. */
  isOn: (tenantId: string) => Promise<boolean>;
  intervalMs: number;
  debounceMs: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export class MirrorScheduler {
  private readonly debounce = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<MirrorRun | undefined>>();
  private readonly again = new Set<string>();
  /** The error of a tenant's last run that failed (for runNow). */
  private readonly failed = new Map<string, unknown>();
  private readonly controllers = new Set<AbortController>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;
  private tick: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: SchedulerOptions) {}

  /** Starts the periodic runs and resumes every active tenant once (trigger `start`). */
  start(): void {
    if (this.stopped || this.tick) return;
    void this.sweep('start');
    this.tick = setInterval(() => void this.sweep('schedule'), Math.min(TICK_MS, this.o.intervalMs));
    this.tick.unref();
  }

  /**
   * Asks for a run of `tenantId`: after the debounce for `change` (every change within it joins
   * the same run), at once otherwise. Never throws; failures are logged.
   */
  request(tenantId: string, trigger: MirrorRunTrigger): void {
    if (this.stopped) return;
    if (trigger !== 'change' || this.o.debounceMs === 0) {
      clearTimeout(this.debounce.get(tenantId));
      this.debounce.delete(tenantId);
      void this.execute(tenantId, trigger, true);
      return;
    }
    if (this.debounce.has(tenantId)) return;
    const timer = setTimeout(() => {
      this.debounce.delete(tenantId);
      void this.execute(tenantId, 'change', true);
    }, this.o.debounceMs);
    timer.unref();
    this.debounce.set(tenantId, timer);
  }

  /**
   * Runs the tenant's mirror now and resolves when that run has ended (after waiting for a run
   * in progress here or on another instance). For tests, benchmarks and tools.
   */
  async runNow(tenantId: string, timeoutMs = 5 * 60_000): Promise<MirrorRun> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.stopped) throw new Error('the mirror scheduler is stopped');
      await this.running.get(tenantId)?.catch(() => undefined);
      this.failed.delete(tenantId);
      const run = await this.execute(tenantId, 'manual', false);
      if (run) return run;
      const failure = this.failed.get(tenantId);
      if (failure !== undefined) throw failure;
      if (Date.now() > deadline) throw new Error(`no mirror run of ${tenantId} within ${timeoutMs} ms`);
      // The lease is held elsewhere: wait until it is given up or runs out.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Stops timers, aborts the runs in progress (they stop before their next write) and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.tick);
    for (const timer of this.debounce.values()) clearTimeout(timer);
    this.debounce.clear();
    for (const controller of this.controllers) controller.abort(new Error('the API is shutting down'));
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.allSettled([...this.running.values()]);
  }

  private async sweep(trigger: 'start' | 'schedule'): Promise<void> {
    try {
      const tenants = await this.o.leases.listActive();
      for (const tenantId of tenants) {
        if (this.stopped) return;
        const lease = await this.o.leases.find(tenantId);
        const next = lease?.nextRunAt ? Date.parse(lease.nextRunAt) : 0;
        if (trigger === 'start' || next <= Date.now()) void this.execute(tenantId, trigger, false);
      }
    } catch (err) {
      this.o.log.warn({ err }, 'the contacts mirror could not list its tenants; it tries again later');
    }
  }

  /**
   * Runs the tenant once unless a run is in progress here (then it runs again afterwards when
   * `ask`), or the lease is held elsewhere (then `ask` bumps the lease's request count).
   */
  private execute(tenantId: string, trigger: MirrorRunTrigger, ask: boolean): Promise<MirrorRun | undefined> {
    const current = this.running.get(tenantId);
    if (current) {
      if (ask) this.again.add(tenantId);
      return current.then(() => undefined);
    }
    const run = this.runLeased(tenantId, trigger, ask).finally(() => {
      this.running.delete(tenantId);
      if (this.again.delete(tenantId) && !this.stopped) void this.execute(tenantId, 'change', true);
    });
    this.running.set(tenantId, run);
    return run;
  }

  private async runLeased(tenantId: string, trigger: MirrorRunTrigger, ask: boolean): Promise<MirrorRun | undefined> {
    await this.slot();
    const controller = new AbortController();
    this.controllers.add(controller);
    try {
      if (this.stopped) return undefined;
      if (trigger === 'change' && !(await this.o.isOn(tenantId))) return undefined;
      const lease = await this.o.leases.acquire(tenantId, this.o.instanceId, LEASE_MS);
      if (!lease) {
        if (ask) await this.o.leases.modify(tenantId, (doc) => ({ requested: (doc.requested ?? 0) + 1 }));
        return undefined;
      }
      const renew = setInterval(() => {
        void this.o.leases.renew(lease, LEASE_MS).then(
          (held) => {
            if (!held) controller.abort(new Error('the mirror lease was lost'));
          },
          (err: unknown) => controller.abort(err),
        );
      }, RENEW_MS);
      renew.unref();
      let run: MirrorRun | undefined;
      try {
        const outcome = await this.o.runner(tenantId, trigger, lease, controller.signal);
        run = outcome.run;
        if (outcome.again) this.later(tenantId);
        return run;
      } finally {
        clearInterval(renew);
        const finished = Date.now();
        const released = await this.o.leases
          .release(lease, {
            ...(run ? { lastRun: run } : {}),
            nextRunAt: new Date(finished + this.o.intervalMs).toISOString(),
            ...(run ? { problem: run.problem ?? null } : {}),
          })
          .catch(() => false);
        if (!released) this.o.log.warn({ tenantId }, 'the contacts mirror lease was lost before the run ended');
        const after = await this.o.leases.find(tenantId).catch(() => null);
        if (after && (after.requested ?? 0) > lease.requested) this.again.add(tenantId);
      }
    } catch (err) {
      this.failed.set(tenantId, err);
      if (!this.stopped) this.o.log.error({ err, tenantId }, 'a contacts mirror run failed; the next run resumes it');
      return undefined;
    } finally {
      this.controllers.delete(controller);
      this.release();
    }
  }

  /** Asks for a run after AGAIN_MS (joins a pending debounce). */
  private later(tenantId: string): void {
    if (this.stopped || this.debounce.has(tenantId)) return;
    const timer = setTimeout(
      () => {
        this.debounce.delete(tenantId);
        void this.execute(tenantId, 'change', true);
      },
      Math.max(AGAIN_MS, this.o.debounceMs),
    );
    timer.unref();
    this.debounce.set(tenantId, timer);
  }

  private async slot(): Promise<void> {
    while (this.active >= CONCURRENT_RUNS && !this.stopped) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
