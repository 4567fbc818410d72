import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { berlinDayOf } from '@klarkonform/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Connection } from 'mongoose';
import { problem } from '../../infra/http-error';
import { isStaleWrite } from '../../infra/write-races';
import type { PrivacyLeaseDoc } from './erasure.model';
import type { ErasureService } from './erasure.service';

// The daily retention job (issue 15): once a day (Europe/Berlin) it erases what is due in every
// tenant. One instance per deployment runs it, through the lease document `privacyLeases/erasure-job`
// (DESIGN.md "Background jobs take a lease document"): a write guarded by the version it read, so
// two instances racing for an expired lease cannot both win. A run that dies (kill -9) leaves the
// lease to expire and its erasures marked `erasing`; the next run resumes them (erasure.service.ts).

const LEASE_ID = 'erasure-job';
/** How long a run holds the lease before another instance may take over (a dead holder's run). */
const LEASE_MS = 15 * 60_000;
/** How often an instance looks whether today's run is still to do. */
const CHECK_MS = 60 * 60_000;
/** The first look after start (the API answers first). */
const FIRST_CHECK_MS = 60_000;

export class ErasureJob {
  private readonly leases: Collection<PrivacyLeaseDoc>;
  private readonly holder = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    connection: Connection,
    private readonly erasure: ErasureService,
    private readonly clock: () => Date,
    private readonly log: FastifyBaseLogger,
  ) {
    this.leases = connection.collection<PrivacyLeaseDoc>('privacyLeases');
  }

  /** Starts the daily checks (unref'd timers: they never keep the process alive). */
  start(): void {
    const tick = () => {
      this.running = this.daily().catch((err: unknown) =>
        this.log.warn({ err }, 'retention job failed; retried later'),
      );
      this.timer = setTimeout(tick, CHECK_MS);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, FIRST_CHECK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Today's run over every tenant, unless done today or another instance holds the lease. */
  async daily(): Promise<void> {
    const today = berlinDayOf(this.clock());
    const lease = await this.acquire();
    if (!lease) return;
    try {
      if ((lease.lastRunOn ?? '') >= today) return;
      for (const tenantId of await this.erasure.tenantsWithSchedule()) await this.erasure.runDue(tenantId);
      await this.release(lease.version, { lastRunOn: today });
      lease.version = -1;
    } finally {
      if (lease.version >= 0) await this.release(lease.version, {});
    }
  }

  /** POST /privacy/erasures/run: the tenant's due erasures now, under the job's lease (409 while it runs). */
  async runTenant(tenantId: string): Promise<{ erased: number; held: number }> {
    const lease = await this.acquire();
    if (!lease) throw problem(409, 'conflict', 'erasureJobBusy', {}, { retryAfterSeconds: 30 });
    try {
      return await this.erasure.runDue(tenantId);
    } finally {
      await this.release(lease.version, {});
    }
  }

  private async acquire(): Promise<PrivacyLeaseDoc | null> {
    const now = Date.now();
    let doc = await this.leases.findOne({ _id: LEASE_ID });
    if (!doc) {
      await this.leases.insertOne({ _id: LEASE_ID, holder: '', until: 0, version: 1 }).catch((err: unknown) => {
        if ((err as { code?: number }).code !== 11000) throw err;
      });
      doc = await this.leases.findOne({ _id: LEASE_ID });
      if (!doc) return null;
    }
    if (doc.holder !== this.holder && doc.until > now) return null;
    const next = { holder: this.holder, until: now + LEASE_MS, version: doc.version + 1 };
    return (await this.write(doc.version, next)) ? { ...doc, ...next } : null;
  }

  private async release(version: number, set: Partial<PrivacyLeaseDoc>): Promise<void> {
    await this.write(version, { ...set, until: 0, version: version + 1 });
  }

  private async write(version: number, set: Partial<PrivacyLeaseDoc>): Promise<boolean> {
    try {
      return (await this.leases.updateOne({ _id: LEASE_ID, version }, { $set: set })).matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }
}
