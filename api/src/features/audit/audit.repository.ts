import { type Connection, type Model, Types } from 'mongoose';
import type { Actor, AuditAction, AuditChange, AuditEntry } from '@klarkonform/shared';
import { type AuditDoc, auditModel } from './audit.model';

/** An audit entry written into the contact together with the change it describes. */
export interface PendingAudit {
  id: string;
  action: AuditAction;
  at: string;
  actor: Actor;
  changes: AuditChange[];
  /** Hash of the request body whose record this entry is (idempotent requests only). */
  requestHash?: string;
  /** What the entry is about when not a contact: its id is then in the entry's `contactId`. */
  entity?: AuditEntity;
}

/** Records other than contacts that keep their audit trail here (the subject id goes in `contactId`). */
export type AuditEntity = 'opportunity' | 'template' | 'export' | 'privacyRequest';

export function newAuditId(): string {
  return new Types.ObjectId().toHexString();
}

export class AuditRepository {
  private readonly model: Model<AuditDoc>;
  constructor(connection: Connection) {
    this.model = auditModel(connection);
  }

  /**
   * Stores one audit entry under the id it was given when the change was written. Storing it
   * again is a no-op, so a pending entry can be flushed as often as needed. `fresh`: the entry
   * was written just now, so it is inserted without looking first.
   */
  async record(
    tenantId: string,
    contactId: string,
    entry: PendingAudit,
    fresh = false,
    about: { activityId?: string; followUpId?: string } = {},
  ): Promise<void> {
    const _id = new Types.ObjectId(entry.id);
    // A pending entry found on a contact is usually stored already (the change that wrote it
    // flushed it): a lookup is cheaper than an insert that fails, and leaves no error in the log.
    if (!fresh && (await this.model.exists({ tenantId, _id }))) return;
    try {
      await this.model.create({
        _id,
        tenantId,
        contactId,
        action: entry.action,
        actor: entry.actor,
        changes: entry.changes,
        at: new Date(entry.at),
        ...(entry.requestHash ? { requestHash: entry.requestHash } : {}),
        ...(entry.entity ? { entity: entry.entity } : {}),
        ...(about.activityId ? { activityId: about.activityId } : {}),
        ...(about.followUpId ? { followUpId: about.followUpId } : {}),
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }

  /** The request hash stored with entry `id`, '' for an entry without one; undefined when there is no such entry. */
  async requestHashOf(tenantId: string, id: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ tenantId, _id: new Types.ObjectId(id) }, { requestHash: 1 }).lean();
    return doc ? (doc.requestHash ?? '') : undefined;
  }

  /** Deletes the tenant's whole audit trail: only for the demo tenant's reset (features/demo). */
  async deleteTenant(tenantId: string): Promise<number> {
    return (await this.model.deleteMany({ tenantId })).deletedCount;
  }

  async list(tenantId: string, contactId: string, limit = 100): Promise<AuditEntry[]> {
    return this.entries(tenantId, { contactId }, limit);
  }

  /**
   * One page of the entries about contact `contactId`, newest first, after the entry `before`
   * (its time and id, from the previous page): an equality on contactId, narrowed by the keyset
   * (the DSGVO access export reads a person's whole trail page by page, issue 15).
   */
  async pageFor(
    tenantId: string,
    contactId: string,
    limit: number,
    before?: { at: string; id: string },
  ): Promise<AuditEntry[]> {
    const keyset = before
      ? {
          $or: [
            { at: { $lt: new Date(before.at) } },
            { at: new Date(before.at), _id: { $lt: new Types.ObjectId(before.id) } },
          ],
        }
      : {};
    const docs = await this.model
      .find({ tenantId, contactId, ...keyset })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean();
    return docs.map((d) => ({
      id: String(d._id),
      contactId: d.contactId,
      action: d.action,
      at: d.at.toISOString(),
      actor: d.actor,
      changes: d.changes,
    }));
  }

  /** The entries about one follow-up (its own trail), newest first. */
  async listForFollowUp(tenantId: string, followUpId: string, limit = 100): Promise<AuditEntry[]> {
    return this.entries(tenantId, { followUpId }, limit);
  }

  private async entries(
    tenantId: string,
    key: { contactId: string } | { followUpId: string },
    limit: number,
  ): Promise<AuditEntry[]> {
    const docs = await this.model
      .find({ tenantId, ...key })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean();
    return docs.map((d) => ({
      id: String(d._id),
      contactId: d.contactId,
      action: d.action,
      at: d.at.toISOString(),
      actor: d.actor,
      changes: d.changes,
    }));
  }
}
