import { type Model, type QueryFilter, Types } from 'mongoose';
import { isStaleWrite } from './write-races';

// The data access every versioned, tenant-scoped collection shares (activities, follow-ups,
// opportunities): lookups by id and by Idempotency-Key, a create that reports a taken unique key,
// a write that only lands on the version it was computed from (QUERY-RULES.md rule 6), and the
// demo tenant's wipe. Every query names the tenant from the caller's verified token.

/** A create hit a unique key (its Idempotency-Key, a mail's log key) already stored: replay or retry. */
export class DuplicateDocumentKeyError extends Error {
  constructor() {
    super('duplicate key');
    this.name = 'DuplicateDocumentKeyError';
  }
}

/** An id as the API renders ObjectIds (24 lowercase hex digits); anything else finds nothing. */
export function isObjectId(id: string): boolean {
  return /^[0-9a-f]{24}$/.test(id);
}

/** Base of the repositories of versioned documents carrying `tenantId`, `idempotencyKey` and `version`. */
export class TenantDocuments<TDoc extends { _id: Types.ObjectId }> {
  constructor(protected readonly model: Model<TDoc>) {}

  async findById(tenantId: string, id: string): Promise<TDoc | null> {
    if (!isObjectId(id)) return null;
    return this.model.findOne({ tenantId, _id: new Types.ObjectId(id) } as QueryFilter<TDoc>).lean<TDoc>();
  }

  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<TDoc | null> {
    return this.model.findOne({ tenantId, idempotencyKey } as QueryFilter<TDoc>).lean<TDoc>();
  }

  /** Stores a new document; DuplicateDocumentKeyError when one of its unique keys is taken. */
  async insert(doc: Omit<TDoc, '_id'>): Promise<TDoc> {
    try {
      // mongoose's create() typing does not follow a generic document; the value is a TDoc without _id.
      const created = (await this.model.create(doc as never)) as unknown as { toObject: () => TDoc };
      return created.toObject();
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new DuplicateDocumentKeyError();
      throw err;
    }
  }

  /**
   * Sets (and unsets) fields if the document still has `expectedVersion`; `set` must advance
   * `version`. False when the version moved on or the document is gone (a lost race, never silent).
   */
  async replaceIfVersion(
    tenantId: string,
    id: string,
    expectedVersion: number,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: set };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    try {
      const filter = { tenantId, _id: new Types.ObjectId(id), version: expectedVersion } as QueryFilter<TDoc>;
      const result = await this.model.updateOne(filter, update);
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }

  /** Deletes every document of the tenant: only for the demo tenant's reset. */
  async deleteTenantData(tenantId: string): Promise<number> {
    return (await this.model.deleteMany({ tenantId } as QueryFilter<TDoc>)).deletedCount;
  }
}

/** Attempts at one document's rewrite that keeps losing races before it gives up. */
const REWRITE_ATTEMPTS = 20;

/**
 * Rewrites document `doc` with the fields `change` computes from its stored state, on the version it
 * was read at (advancing it); a lost race reads it again and recomputes. `change` answers null when
 * nothing is to be done (so repeating a rewrite is harmless). True when a write landed.
 */
export async function rewriteDocument<TDoc extends { _id: Types.ObjectId; version: number }>(
  repo: TenantDocuments<TDoc>,
  tenantId: string,
  doc: TDoc,
  change: (doc: TDoc) => Record<string, unknown> | null,
): Promise<boolean> {
  let current: TDoc | null = doc;
  for (let attempt = 0; current && attempt < REWRITE_ATTEMPTS; attempt++) {
    const set = change(current);
    if (!set) return false;
    const id = String(current._id);
    if (await repo.replaceIfVersion(tenantId, id, current.version, { ...set, version: current.version + 1 })) {
      return true;
    }
    current = await repo.findById(tenantId, id);
  }
  return false;
}
