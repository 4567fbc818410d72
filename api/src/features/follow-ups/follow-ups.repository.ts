import { type Connection, type Model, Types } from 'mongoose';
import { isStaleWrite } from '../../infra/write-races';
import { type FollowUpDoc, followUpModel } from './follow-ups.model';

// Data access for follow-ups. Every method takes the tenant from the caller's verified token;
// every query is a conjunction of top-level equalities on an indexed key (QUERY-RULES.md):
// `_id`, `idempotencyKey`, `contactId` or `assigneeState`. Documents leave as plain objects.

export class DuplicateFollowUpError extends Error {
  constructor() {
    super('duplicate idempotency key');
    this.name = 'DuplicateFollowUpError';
  }
}

const isObjectId = (id: string) => /^[0-9a-f]{24}$/.test(id);

/** Follow-ups read per contact at most (a contact has a handful; the bound keeps a read small). */
export const MAX_PER_CONTACT = 1000;

export class FollowUpsRepository {
  private readonly model: Model<FollowUpDoc>;
  constructor(connection: Connection) {
    this.model = followUpModel(connection);
  }

  async findById(tenantId: string, id: string): Promise<FollowUpDoc | null> {
    if (!isObjectId(id)) return null;
    return this.model.findOne({ tenantId, _id: new Types.ObjectId(id) }).lean<FollowUpDoc>();
  }

  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<FollowUpDoc | null> {
    return this.model.findOne({ tenantId, idempotencyKey }).lean<FollowUpDoc>();
  }

  /** The contact's follow-ups, optionally of one state (the state only narrows the contact's rows). */
  async findByContact(tenantId: string, contactId: string, state?: 'open' | 'done'): Promise<FollowUpDoc[]> {
    return this.model
      .find({ tenantId, contactId, ...(state ? { state } : {}) })
      .limit(MAX_PER_CONTACT)
      .lean<FollowUpDoc[]>();
  }

  /** One list bucket (`<assignee>:open`, `<assignee>:done:<month>`), at most `limit` documents. */
  async findByAssigneeState(tenantId: string, assigneeState: string, limit: number): Promise<FollowUpDoc[]> {
    return this.model.find({ tenantId, assigneeState }).limit(limit).lean<FollowUpDoc[]>();
  }

  async countByAssigneeState(tenantId: string, assigneeState: string): Promise<number> {
    return this.model.countDocuments({ tenantId, assigneeState });
  }

  async insert(doc: Omit<FollowUpDoc, '_id'>): Promise<FollowUpDoc> {
    try {
      const created = await this.model.create(doc);
      return created.toObject() as FollowUpDoc;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new DuplicateFollowUpError();
      throw err;
    }
  }

  /** Replaces the stored fields if the follow-up still has `expectedVersion`; false when it moved on. */
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

  /** Deletes every follow-up of the tenant: only for the demo tenant's reset (features/demo). */
  async deleteTenantData(tenantId: string): Promise<number> {
    return (await this.model.deleteMany({ tenantId })).deletedCount;
  }
}
