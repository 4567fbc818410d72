import type { Connection, Model } from 'mongoose';
import type { Actor, AuditAction, AuditChange, AuditEntry } from '@klarkonform/shared';
import { type AuditDoc, auditModel } from './audit.model';

export class AuditRepository {
  private readonly model: Model<AuditDoc>;
  constructor(connection: Connection) {
    this.model = auditModel(connection);
  }

  async record(
    tenantId: string,
    contactId: string,
    action: AuditAction,
    actor: Actor,
    changes: AuditChange[],
    at = new Date(),
  ): Promise<void> {
    await this.model.create({ tenantId, contactId, action, actor, changes, at });
  }

  async list(tenantId: string, contactId: string, limit = 100): Promise<AuditEntry[]> {
    const docs = await this.model.find({ tenantId, contactId }).sort({ at: -1, _id: -1 }).limit(limit).lean();
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
