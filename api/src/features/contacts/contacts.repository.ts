import { type Connection, type QueryFilter, Types } from 'mongoose';
import type { ContactDoc, ContactModels } from './contacts.model';
import { contactModels } from './contacts.model';

// Data access for contacts. Every method takes the tenant from the caller's
// verified token and puts it into the filter; documents leave as plain
// objects. Nothing here knows HTTP.

export type ContactFilter = QueryFilter<ContactDoc>;

export class DuplicateKeyError extends Error {
  constructor() {
    super('duplicate key');
    this.name = 'DuplicateKeyError';
  }
}

export function isObjectId(id: string): boolean {
  return /^[0-9a-f]{24}$/.test(id);
}

/** A new id for an entry inside a contact (consent event, note). */
export function newEntryId(): string {
  return new Types.ObjectId().toHexString();
}

/** An id condition for filters built outside this module (cursors, $in lists). */
export function idValue(id: string): Types.ObjectId {
  return new Types.ObjectId(id);
}

export class ContactsRepository {
  private readonly m: ContactModels;
  constructor(connection: Connection) {
    this.m = contactModels(connection);
  }

  async findById(tenantId: string, id: string): Promise<ContactDoc | null> {
    if (!isObjectId(id)) return null;
    return this.m.contacts.findOne({ tenantId, _id: new Types.ObjectId(id) }).lean<ContactDoc>();
  }

  async findByIds(tenantId: string, ids: readonly string[]): Promise<ContactDoc[]> {
    const valid = [...new Set(ids)].filter(isObjectId).map((id) => new Types.ObjectId(id));
    if (valid.length === 0) return [];
    return this.m.contacts.find({ tenantId, _id: { $in: valid } }).lean<ContactDoc[]>();
  }

  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<ContactDoc | null> {
    return this.m.contacts.findOne({ tenantId, idempotencyKey }).lean<ContactDoc>();
  }

  async find(tenantId: string, filter: ContactFilter, options: { sort?: Record<string, 1 | -1>; limit: number }) {
    const query = this.m.contacts.find({ ...filter, tenantId });
    if (options.sort) query.sort(options.sort);
    return query.limit(options.limit).lean<ContactDoc[]>();
  }

  /** Batched scan in _id order, for tenant-wide checks. */
  async *scan(tenantId: string, filter: ContactFilter, batchSize = 500): AsyncGenerator<ContactDoc[]> {
    let after: Types.ObjectId | undefined;
    for (;;) {
      const page = await this.m.contacts
        .find({ ...filter, tenantId, ...(after ? { _id: { $gt: after } } : {}) })
        .sort({ _id: 1 })
        .limit(batchSize)
        .lean<ContactDoc[]>();
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]?._id;
      if (page.length < batchSize) return;
    }
  }

  /** The next contact number of the tenant; numbers only grow, so none is ever reused. */
  async nextContactNumber(tenantId: string): Promise<number> {
    const counter = await this.m.counters.findOneAndUpdate(
      { tenantId, name: 'contactNumber' },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after', lean: true },
    );
    return counter?.seq ?? 1;
  }

  /** Raises the counter to at least `seq` (after a lost race left it behind). */
  async bumpContactNumber(tenantId: string, seq: number): Promise<void> {
    await this.m.counters.updateOne({ tenantId, name: 'contactNumber' }, { $max: { seq } }, { upsert: true });
  }

  async highestContactNumber(tenantId: string): Promise<number> {
    const [last] = await this.m.contacts
      .find({ tenantId })
      .sort({ contactNumber: -1 })
      .limit(1)
      .select({ contactNumber: 1 })
      .lean<Pick<ContactDoc, 'contactNumber'>[]>();
    return last ? Number(last.contactNumber.slice(1)) : 0;
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
    const result = await this.m.contacts.updateOne(
      { tenantId, _id: new Types.ObjectId(id), version: expectedVersion },
      update,
    );
    return result.matchedCount === 1;
  }
}
