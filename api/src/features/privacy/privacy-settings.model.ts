import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor, PrivacySettingsUpdate } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { PendingAudit } from '../audit/audit.repository';

// Storage of a tenant's DSGVO settings (issue 15): one document per tenant (`privacySettings`),
// found by `tenantId` alone (unique), versioned like the send-check settings.

export type PrivacySettingsDoc = PrivacySettingsUpdate & {
  _id: Types.ObjectId;
  tenantId: string;
  /** 1 after the first save; a tenant without a document reads as version 0 (the defaults). */
  version: number;
  updatedAt: string;
  updatedBy: Actor;
  /** The audit entry of the last change, until it is stored in the audit trail. */
  pendingAudit?: PendingAudit;
};

const privacySettingsSchema = new Schema<PrivacySettingsDoc>(
  { tenantId: { type: String, required: true }, version: { type: Number, required: true } },
  { strict: false, versionKey: false, minimize: false, collection: 'privacySettings' },
);
// The tenant is the lookup (QUERY-RULES.md rule 1).
privacySettingsSchema.index({ tenantId: 1 }, { unique: true });
privacySettingsSchema.plugin(tenantScopePlugin);

export function privacySettingsModel(connection: Connection): Model<PrivacySettingsDoc> {
  return (
    (connection.models.PrivacySettings as Model<PrivacySettingsDoc>) ??
    connection.model<PrivacySettingsDoc>('PrivacySettings', privacySettingsSchema)
  );
}
