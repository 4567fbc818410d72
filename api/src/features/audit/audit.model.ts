import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { AuditAction, AuditChange } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';

export interface AuditDoc {
  _id: Types.ObjectId;
  tenantId: string;
  contactId: string;
  action: AuditAction;
  at: Date;
  actor: { id: string; name: string };
  changes: AuditChange[];
  /** Hash of the request body, on the entries that record an idempotent request. */
  requestHash?: string;
  /** Set when the entry is about another record than a contact (its id is then in `contactId`). */
  entity?: string;
  /** The activity an entry is about (activityCreate/Update/Delete); `contactId` is its first contact. */
  activityId?: string;
  /** The follow-up an entry is about (followUpCreate/Update); `contactId` is its contact. */
  followUpId?: string;
}

const auditSchema = new Schema<AuditDoc>(
  {
    tenantId: { type: String, required: true },
    contactId: { type: String, required: true },
    action: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
    changes: { type: Schema.Types.Mixed, required: true },
    requestHash: { type: String },
    entity: { type: String },
    activityId: { type: String },
    followUpId: { type: String },
  },
  { versionKey: false, minimize: false, collection: 'audit' },
);
auditSchema.index({ tenantId: 1, contactId: 1, at: -1, _id: -1 });
// A follow-up's own trail (GET /follow-ups/:id/history).
auditSchema.index({ tenantId: 1, followUpId: 1 });
auditSchema.plugin(tenantScopePlugin);

export function auditModel(connection: Connection): Model<AuditDoc> {
  return (connection.models.Audit as Model<AuditDoc>) ?? connection.model<AuditDoc>('Audit', auditSchema);
}
