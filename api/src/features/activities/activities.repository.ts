import { type Connection, type QueryFilter, Types } from 'mongoose';
import type { TimelinePosition } from '@klarkonform/shared';
import { TenantDocuments } from '../../infra/tenant-documents';
import { type ActivityDoc, activityModel } from './activities.model';

// Data access for activities. Every method takes the tenant from the caller's verified token;
// documents leave as plain objects. Queries follow QUERY-RULES.md: a timeline is one equality on
// `timelineKeys` per contact or company (the time order and the keyset cursor narrow what that
// index found), several contacts are parallel queries merged here.

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

export class ActivitiesRepository extends TenantDocuments<ActivityDoc> {
  constructor(connection: Connection) {
    super(activityModel(connection));
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

  /** Many at once, for seeding benchmarks and demos (no idempotency beyond the unique keys). */
  async insertMany(docs: readonly Omit<ActivityDoc, '_id'>[]): Promise<void> {
    await this.model.insertMany(docs, { ordered: false, lean: true });
  }

  /** Deletes one activity if it still has `expectedVersion`; false when it moved on or is gone. */
  async deleteIfVersion(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.model.deleteOne({ tenantId, _id: new Types.ObjectId(id), version: expectedVersion });
    return result.deletedCount === 1;
  }
}
