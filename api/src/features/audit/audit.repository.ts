import type { Connection, Model } from 'mongoose';
import type { Actor, AuditAction, AuditChange, AuditEntry } from '@klarkonform/shared';
import { type AuditDoc, auditModel } from './audit.model';

const FIELD_LIMIT = 200;

// Field-level differences between two versions of a record, top-level
// fields compared as JSON. Server-maintained stamps are left out.
export function diffFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  ignore: readonly string[] = ['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy'],
): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: AuditChange[] = [];
  for (const field of [...fields].sort()) {
    if (ignore.includes(field)) continue;
    const b = before?.[field];
    const a = after[field];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const change: AuditChange = { field };
    if (b !== undefined) change.before = b;
    if (a !== undefined) change.after = a;
    changes.push(change);
  }
  return changes.slice(0, FIELD_LIMIT);
}

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
