import { randomUUID } from 'node:crypto';
import { type Connection, type Model, Schema } from 'mongoose';
import { problem } from '../../infra/http-error';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// A merge changes several contacts one after another (the survivor, the duplicate's people, the
// duplicate) without a transaction. Two merges that share a contact — A←B and B←A at once, or
// A←B and B←C — would each see the other's contacts as not yet merged and both go through,
// leaving contacts merged into each other. So a merge first takes a lease on both contacts: one
// document per contact under a unique index, inserted by the merge that gets there first. A
// lease ends with its merge; one left behind by a crash ends after LEASE_MS, and the merge can
// then be repeated (it is idempotent).

/** How long a lease left by a stopped API blocks its contacts (ms). */
export const LEASE_MS = 60_000;

interface MergeLockDoc {
  tenantId: string;
  contactId: string;
  mergeId: string;
  at: Date;
}

const mergeLockSchema = new Schema<MergeLockDoc>(
  {
    tenantId: { type: String, required: true },
    contactId: { type: String, required: true },
    mergeId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'merge_locks' },
);
mergeLockSchema.index({ tenantId: 1, contactId: 1 }, { unique: true });
// tenantId's own lookup index on the embedded engine (QUERY-RULES.md).
mergeLockSchema.index({ tenantId: 1 });
mergeLockSchema.plugin(tenantScopePlugin);

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** The merge leases' model on `connection` (made once per connection). */
export function mergeLockModel(connection: Connection): Model<MergeLockDoc> {
  return (
    (connection.models.MergeLock as Model<MergeLockDoc>) ?? connection.model<MergeLockDoc>('MergeLock', mergeLockSchema)
  );
}

export class MergeLocks {
  private readonly model: Model<MergeLockDoc>;

  constructor(connection: Connection) {
    this.model = mergeLockModel(connection);
  }

  /**
   * Runs `task` while holding the leases of `contactIds`; throws 409 (with Retry-After) when
   * another merge holds one of them.
   */
  async withLeases<T>(tenantId: string, contactIds: readonly string[], task: () => Promise<T>): Promise<T> {
    const mergeId = randomUUID();
    const taken: string[] = [];
    try {
      for (const contactId of [...new Set(contactIds)].sort()) {
        await this.take(tenantId, contactId, mergeId);
        taken.push(contactId);
      }
      return await task();
    } finally {
      if (taken.length > 0) {
        await this.model.deleteMany({ tenantId, mergeId }).catch(() => undefined); // else the lease runs out
      }
    }
  }

  private async take(tenantId: string, contactId: string, mergeId: string): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.model.create({ tenantId, contactId, mergeId, at: new Date() });
        return;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const held = await this.model.findOne({ tenantId, contactId }).lean<MergeLockDoc & { _id: unknown }>();
      if (held && Date.now() - held.at.getTime() < LEASE_MS) break;
      // Left behind by a stopped merge: remove exactly that lease and try once more.
      if (held) await this.model.deleteOne({ tenantId, _id: held._id, at: held.at });
    }
    throw problem(409, 'conflict', 'mergeInProgress', {}, { retryAfterSeconds: 2 });
  }
}
