import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { PendingAudit } from '../audit/audit.repository';

// Storage shape of a follow-up (Wiedervorlage): the API's FollowUp fields plus the tenant, the
// lookup key of "Meine Wiedervorlagen", the idempotency key of the create, and the records that
// are written together with a change and copied out after it (audit entry, timeline entry).

/** A timeline entry a change owes (completing a follow-up), recorded by its idempotency key. */
export interface PendingTimeline {
  /** Derived from the follow-up's id and the version that completed it: a retry records nothing twice. */
  key: string;
  actor: Actor;
  occurredAt: string;
}

export interface FollowUpDoc {
  _id: Types.ObjectId;
  tenantId: string;
  title: string;
  dueDate: string;
  dueTime?: string;
  assigneeId: string;
  assigneeName?: string;
  contactId: string;
  contactName: string;
  opportunityId?: string;
  state: 'open' | 'done';
  doneAt?: string;
  doneBy?: Actor;
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
  updatedBy?: Actor;
  version: number;
  /**
   * The list key (QUERY-RULES R21/R24): `<assigneeId>:open` while open, `<assigneeId>:done:<YYYY-MM>`
   * (the Berlin month it was completed in) once done, so every equality bucket stays bounded.
   */
  assigneeState: string;
  idempotencyKey: string;
  requestHash: string;
  pendingAudit?: PendingAudit;
  pendingTimeline?: PendingTimeline;
}

const followUpSchema = new Schema<FollowUpDoc>(
  {
    tenantId: { type: String, required: true },
    contactId: { type: String, required: true },
    assigneeState: { type: String, required: true },
    state: { type: String, required: true, enum: ['open', 'done'] },
    version: { type: Number, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'followUps' },
);

// tenantId leads every index; the lookups are top-level equalities on these keys (QUERY-RULES.md).
followUpSchema.index({ tenantId: 1, idempotencyKey: 1 }, { unique: true });
followUpSchema.index({ tenantId: 1, contactId: 1 });
followUpSchema.index({ tenantId: 1, assigneeState: 1 });
followUpSchema.plugin(tenantScopePlugin);

export function followUpModel(connection: Connection): Model<FollowUpDoc> {
  return (
    (connection.models.FollowUp as Model<FollowUpDoc>) ?? connection.model<FollowUpDoc>('FollowUp', followUpSchema)
  );
}
