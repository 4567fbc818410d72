import { type Connection, type QueryFilter, Types } from 'mongoose';
import type { ContactDoc, ContactModels } from './contacts.model';
import { contactModels } from './contacts.model';
import { isObjectId } from '../../infra/tenant-documents';
import { backoff, isStaleWrite } from '../../infra/write-races';
import { LIST_BUCKETS, type ListState, listKey } from './lookup-keys.rules';

// Data access for contacts. Every method takes the tenant from the caller's
// verified token and puts it into the filter; documents leave as plain
// objects. Nothing here knows HTTP. Every query follows QUERY-RULES.md: a
// conjunction of top-level equalities, alternatives as parallel queries.

export type ContactFilter = QueryFilter<ContactDoc>;

export class DuplicateKeyError extends Error {
  constructor() {
    super('duplicate key');
    this.name = 'DuplicateKeyError';
  }
}

/** Active contacts: neither archived nor merged away (conditions that follow a lookup key). */
export const LIVE = { archived: null, mergedInto: { $exists: false } } as const;

/** Orders contacts by sort name, then id: the order of every list. */
export function bySortName(a: ContactDoc, b: ContactDoc): number {
  const x = a.sortName;
  const y = b.sortName;
  if (x !== y) return x < y ? -1 : 1;
  return String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0;
}

export { isObjectId };

/** A new id for an entry inside a contact (consent event, note). */
export function newEntryId(): string {
  return new Types.ObjectId().toHexString();
}

/** An id condition for filters built outside this module (cursors, $in lists). */
export function idValue(id: string): Types.ObjectId {
  return new Types.ObjectId(id);
}

const COUNTER_RETRIES = 50;

export class ContactsRepository {
  private readonly m: ContactModels;
  constructor(connection: Connection) {
    this.m = contactModels(connection);
  }

  async findById(tenantId: string, id: string): Promise<ContactDoc | null> {
    if (!isObjectId(id)) return null;
    return this.m.contacts.findOne({ tenantId, _id: new Types.ObjectId(id) }).lean<ContactDoc>();
  }

  /** One equality lookup per id, in parallel (rule R22); unknown ids are left out. */
  async findByIds(tenantId: string, ids: readonly string[]): Promise<ContactDoc[]> {
    const docs = await Promise.all([...new Set(ids)].map((id) => this.findById(tenantId, id)));
    return docs.filter((d): d is ContactDoc => d !== null);
  }

  /** How many contacts match `filter` (a conjunction of equalities led by a lookup field, QUERY-RULES.md). */
  async count(tenantId: string, filter: ContactFilter): Promise<number> {
    return this.m.contacts.countDocuments({ ...filter, tenantId });
  }

  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<ContactDoc | null> {
    return this.m.contacts.findOne({ tenantId, idempotencyKey }).lean<ContactDoc>();
  }

  async find(tenantId: string, filter: ContactFilter, options: { sort?: Record<string, 1 | -1>; limit: number }) {
    const query = this.m.contacts.find({ ...filter, tenantId });
    if (options.sort) query.sort(options.sort);
    return query.limit(options.limit).lean<ContactDoc[]>();
  }

  /**
   * Several alternative filters (an "or") as parallel queries, merged without duplicates
   * (rule R22). With `sort`, each branch is sorted and limited the same way and the merge
   * keeps the first `limit` in that order, so keyset pages stay exact.
   */
  async findAny(
    tenantId: string,
    branches: readonly ContactFilter[],
    options: { sort?: 'sortName'; limit: number },
  ): Promise<ContactDoc[]> {
    const sort = options.sort === 'sortName' ? ({ sortName: 1, _id: 1 } as const) : undefined;
    const results = await Promise.all(
      branches.map((filter) => this.find(tenantId, filter, { ...(sort ? { sort } : {}), limit: options.limit })),
    );
    const byId = new Map<string, ContactDoc>();
    for (const doc of results.flat()) byId.set(String(doc._id), doc);
    const merged = [...byId.values()];
    if (sort) merged.sort(bySortName);
    return merged.slice(0, options.limit);
  }

  /**
   * The contacts of one list bucket (a letter of the sort name) in one state, optionally of one
   * relationship: the bounded slice that lists and tenant-wide scans read one after another.
   */
  async findInBucket(
    tenantId: string,
    state: ListState,
    bucket: string,
    filter: ContactFilter = {},
    relationship?: string,
    ownerId?: string,
  ): Promise<ContactDoc[]> {
    return this.m.contacts
      .find({ ...filter, tenantId, listKeys: listKey(state, bucket, relationship, ownerId) })
      .lean<ContactDoc[]>();
  }

  /** Every contact of a state, one list bucket at a time, for tenant-wide checks. */
  async *scan(tenantId: string, state: ListState): AsyncGenerator<ContactDoc[]> {
    for (const bucket of LIST_BUCKETS) {
      const docs = await this.findInBucket(tenantId, state, bucket);
      if (docs.length > 0) yield docs;
    }
  }

  /** The ids of the contacts in `state`, one list bucket at a time (only `_id` is read: the mirror's backfill). */
  async *scanIds(tenantId: string, state: ListState): AsyncGenerator<string[]> {
    for (const bucket of LIST_BUCKETS) {
      const docs = await this.m.contacts
        .find({ tenantId, listKeys: listKey(state, bucket) }, { _id: 1 })
        .lean<Array<{ _id: unknown }>>();
      if (docs.length > 0) yield docs.map((d) => String(d._id));
    }
  }

  /**
   * The next contact number of the tenant; numbers only grow, so none is ever reused. The
   * counter carries a `version` that every increment advances, so on the embedded engine a
   * lost concurrent increment is refused and drawn again instead of handing a number out twice.
   */
  async nextContactNumber(tenantId: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await this.m.counters.findOneAndUpdate(
          { tenantId, name: 'contactNumber' },
          { $inc: { seq: 1, version: 1 } },
          { upsert: true, returnDocument: 'after', lean: true },
        );
        return counter?.seq ?? 1;
      } catch (err) {
        // The first draw of a tenant races on the upsert (11000); later draws on the version.
        const raced = isStaleWrite(err) || (err as { code?: number }).code === 11000;
        if (!raced || attempt >= COUNTER_RETRIES) throw err;
        await backoff(attempt);
      }
    }
  }

  /** Raises the counter to at least `seq` (after an import or a restore left it behind). */
  async bumpContactNumber(tenantId: string, seq: number): Promise<void> {
    try {
      await this.m.counters.updateOne(
        { tenantId, name: 'contactNumber' },
        { $max: { seq }, $inc: { version: 1 } },
        { upsert: true },
      );
    } catch (err) {
      // A concurrent draw moved the counter on, which is what this wanted.
      if (!isStaleWrite(err) && (err as { code?: number }).code !== 11000) throw err;
    }
  }

  /**
   * Returns the number `seq` drawn for a contact that was not stored, if it is still the last
   * one drawn (else another draw came after it and the gap stays; numbers are never reused).
   */
  async giveBackContactNumber(tenantId: string, seq: number): Promise<void> {
    try {
      await this.m.counters.updateOne({ tenantId, name: 'contactNumber', seq }, { $inc: { seq: -1, version: 1 } });
    } catch (err) {
      // A concurrent draw moved the counter on: the number stays a gap.
      if (!isStaleWrite(err)) throw err;
    }
  }

  /**
   * Deletes every contact of the tenant and its contact-number counter, so numbering starts at
   * C00001 again. Only for the demo tenant's reset (features/demo): a real tenant's contacts are
   * erased one by one, with their retention periods. Returns how many contacts there were.
   */
  async deleteTenantData(tenantId: string): Promise<number> {
    const { deletedCount } = await this.m.contacts.deleteMany({ tenantId });
    await this.m.counters.deleteMany({ tenantId });
    return deletedCount;
  }

  async insert(doc: Omit<ContactDoc, '_id'> & { _id?: Types.ObjectId }): Promise<ContactDoc> {
    try {
      const created = await this.m.contacts.create(doc);
      return created.toObject() as ContactDoc;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new DuplicateKeyError();
      throw err;
    }
  }

  /**
   * Replaces the stored fields of one contact if it still has `expectedVersion`.
   * Returns false when the version moved on (or the contact is gone).
   */
  async replaceIfVersion(
    tenantId: string,
    id: string,
    expectedVersion: number,
    set: Record<string, unknown>,
    unset: readonly string[],
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: set };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    try {
      const result = await this.m.contacts.updateOne(
        { tenantId, _id: new Types.ObjectId(id), version: expectedVersion },
        update,
      );
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }
}
