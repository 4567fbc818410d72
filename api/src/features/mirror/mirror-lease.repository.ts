import type { Connection, Model } from 'mongoose';
import { backoff, isStaleWrite } from '../../infra/write-races';
import { type MirrorLeaseDoc, mirrorModels } from './mirror.model';

// The lease that lets exactly one API instance run a tenant's mirror at a time (DESIGN.md
// "Background jobs take a lease document"), and the run bookkeeping kept with it. Every write is
// guarded by the version the writer read, so two instances racing for an expired lease cannot
// both win, on MongoDB (the filter) and on the embedded engine (its version guard).

const RETRIES = 20;

/** A lease held: the version the holder last wrote (its renewals and releases are guarded by it). */
export interface HeldLease {
  readonly tenantId: string;
  readonly holder: string;
  version: number;
  /** The document's `requested` count when the lease was taken: a higher one later asks for another run. */
  readonly requested: number;
  /** The settings' backfill number last done. */
  readonly backfilled: number;
}

export class MirrorLeaseRepository {
  private readonly model: Model<MirrorLeaseDoc>;
  constructor(connection: Connection) {
    this.model = mirrorModels(connection).leases;
  }

  async find(tenantId: string): Promise<MirrorLeaseDoc | null> {
    return this.model.findOne({ tenantId }).lean<MirrorLeaseDoc>();
  }

  /**
   * The tenants whose mirror is on, across all tenants: the periodic scheduler's one
   * cross-tenant read (one document per tenant that ever saved mirror settings).
   */
  async listActive(): Promise<string[]> {
    const docs = await this.model.find({ active: true }, { tenantId: 1 }).lean<Pick<MirrorLeaseDoc, 'tenantId'>[]>();
    return docs.map((d) => d.tenantId);
  }

  /** Takes the lease for `ms` if it is free or expired (or already `holder`'s); null when another holds it. */
  async acquire(tenantId: string, holder: string, ms: number, now = Date.now()): Promise<HeldLease | null> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const doc = await this.find(tenantId);
      if (!doc) {
        await this.create(tenantId, { active: false });
        continue;
      }
      if (doc.holder !== holder && doc.until > now) return null;
      if (await this.write(doc.tenantId, doc.version, { holder, until: now + ms })) {
        return {
          tenantId,
          holder,
          version: doc.version + 1,
          requested: doc.requested ?? 0,
          backfilled: doc.backfilled ?? 0,
        };
      }
    }
    return null;
  }

  /** Extends a held lease; false when it was lost (another instance took it over after expiry). */
  async renew(lease: HeldLease, ms: number, set: Partial<MirrorLeaseDoc> = {}): Promise<boolean> {
    return this.writeHeld(lease, () => ({ ...set, holder: lease.holder, until: Date.now() + ms }));
  }

  /** Gives the lease up, writing `set` (the run's outcome) with it. */
  async release(lease: HeldLease, set: Partial<MirrorLeaseDoc> = {}): Promise<boolean> {
    return this.writeHeld(lease, () => ({ ...set, until: 0 }));
  }

  /**
   * Writes as the holder. Others may advance the version meanwhile without taking the lease (a
   * run requested, the settings saved): then the holder re-reads and writes on the new version,
   * as long as the lease is still its own.
   */
  private async writeHeld(lease: HeldLease, set: () => Partial<MirrorLeaseDoc>): Promise<boolean> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if (await this.write(lease.tenantId, lease.version, set())) {
        lease.version++;
        return true;
      }
      const doc = await this.find(lease.tenantId);
      if (doc?.holder !== lease.holder) return false;
      lease.version = doc.version;
    }
    return false;
  }

  /** Applies `change` to the lease document whoever holds it (settings, requests, schedule). */
  async modify(tenantId: string, change: (doc: MirrorLeaseDoc) => Partial<MirrorLeaseDoc> | null): Promise<void> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const doc = await this.find(tenantId);
      if (!doc) {
        await this.create(tenantId, { active: false });
        continue;
      }
      const set = change(doc);
      if (!set || (await this.write(tenantId, doc.version, set))) return;
    }
    throw new Error('the mirror lease keeps changing');
  }

  private async create(tenantId: string, set: Partial<MirrorLeaseDoc>): Promise<void> {
    try {
      await this.model.create({ tenantId, until: 0, requested: 0, backfilled: 0, version: 1, ...set });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }

  private async write(tenantId: string, version: number, set: Partial<MirrorLeaseDoc>): Promise<boolean> {
    try {
      const result = await this.model.updateOne({ tenantId, version }, { $set: { ...set, version: version + 1 } });
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }
}
