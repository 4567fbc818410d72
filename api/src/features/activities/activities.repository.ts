import { type Connection, type Model, type QueryFilter, Types } from 'mongoose';
import type { TimelinePosition } from '@klarkonform/shared';
import { isStaleWrite } from '../../infra/write-races';
import { type ActivityDoc, activityModel } from './activities.model';

// Data access for activities. Every method takes the tenant from the caller's verified token;
// documents leave as plain objects. Queries follow QUERY-RULES.md: a timeline is one equality on
// `timelineKeys` per contact or company (the time order and the keyset cursor narrow what that
// index found), several contacts are parallel queries merged here.

export class DuplicateActivityError extends Error {
  constructor() {
    super('duplicate activity key');
    this.name = 'DuplicateActivityError';
  }
}

const isObjectId = (id: string) => /^[0-9a-f]{24}$/.test(id);

/** Newest first, then by id (the timeline's order), for documents. */
export function byTimeline(a: ActivityDoc, b: ActivityDoc): number {
  const d = b.occurredAt.getTime() - a.occurredAt.getTime();
  if (d !== 0) return d;
  const x = String(a._id);
  const y = String(b._id);
  return x < y ? 1 : x > y ? -1 : 0;
}

/** Entries strictly after `position` in the timeline's order (older, or as old with a lower id). */
function after(position: TimelinePosition): QueryFilter<ActivityDoc> {
  const at = new Date(position.occurredAt);
  return {
    $or: [{ occurredAt: { $lt: at } }, { occurredAt: at, _id: { $lt: new Types.ObjectId(position.id) } }],
  };
}

export class ActivitiesRepository {
  private readonly model: Model<ActivityDoc>;
  constructor(connection: Connection) {
    this.model = activityModel(connection);
  }

  async findById(tenantId: string, id: string): Promise<ActivityDoc | null> {
    if (!isObjectId(id)) return null;
    return this.model.findOne({ tenantId, _id: new Types.ObjectId(id) }).lean<ActivityDoc>();
  }

  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<ActivityDoc | null> {
    return this.model.findOne({ tenantId, idempotencyKey }).lean<ActivityDoc>();
  }

  async findByLogKey(tenantId: string, logKey: string): Promise<ActivityDoc | null> {
    return this.model.findOne({ tenantId, logKey }).lean<ActivityDoc>();
  }

  /**
   * One contact's timeline after `position` (from the start without), newest first, at most
   * `limit`: its own entries and, for a company, those of its people (`timelineKeys`).
   */
  async forContact(
    tenantId: string,
    contactId: string,
    limit: number,
    position?: TimelinePosition,
  ): Promise<ActivityDoc[]> {
    return this.model
      .find({ tenantId, timelineKeys: contactId, ...(position ? after(position) : {}) })
      .sort({ occurredAt: -1, _id: -1 })
      .limit(limit)
      .lean<ActivityDoc[]>();
  }

  /**
   * The entries of several contacts as one timeline: one query per contact in parallel (rule R22),
   * each sorted and limited alike, merged without duplicates (an entry linked to several of them),
   * the first `limit` in timeline order — so keyset pages stay exact.
   */
  async forContacts(
    tenantId: string,
    contactIds: readonly string[],
    limit: number,
    position?: TimelinePosition,
  ): Promise<ActivityDoc[]> {
    const branches = await Promise.all(
      [...new Set(contactIds)].map((id) => this.forContact(tenantId, id, limit, position)),
    );
    const byId = new Map<string, ActivityDoc>();
    for (const doc of branches.flat()) byId.set(String(doc._id), doc);
    return [...byId.values()].sort(byTimeline).slice(0, limit);
  }

  async insert(doc: Omit<ActivityDoc, '_id'>): Promise<ActivityDoc> {
    try {
      const created = await this.model.create(doc);
      return created.toObject() as ActivityDoc;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new DuplicateActivityError();
      throw err;
    }
  }

  /** Many at once, for seeding benchmarks and demos (no idempotency beyond the unique keys). */
  async insertMany(docs: readonly Omit<ActivityDoc, '_id'>[]): Promise<void> {
    await this.model.insertMany(docs, { ordered: false, lean: true });
  }

  /**
   * Sets fields of one activity if it still has `expectedVersion` (the update must advance
   * `version`). False when the version moved on or the activity is gone.
   */
  async updateIfVersion(
    tenantId: string,
    id: string,
    expectedVersion: number,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: set };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    try {
      const result = await this.model.updateOne(
        { tenantId, _id: new Types.ObjectId(id), version: expectedVersion },
        update,
      );
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }

  /** Deletes one activity if it still has `expectedVersion`; false when it moved on or is gone. */
  async deleteIfVersion(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.model.deleteOne({ tenantId, _id: new Types.ObjectId(id), version: expectedVersion });
    return result.deletedCount === 1;
  }

  /** Every activity of the tenant: only for the demo tenant's reset. */
  async deleteTenantData(tenantId: string): Promise<number> {
    return (await this.model.deleteMany({ tenantId })).deletedCount;
  }
}
