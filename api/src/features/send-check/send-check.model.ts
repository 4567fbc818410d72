import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor, SendCheckMode, UnavailableFallback } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { PendingAudit } from '../audit/audit.repository';

// Storage shape of a tenant's send-check settings (Smart Alerts, issue 14): one document per
// tenant, found by `tenantId` alone (unique), versioned like every other changeable record.

export interface SendCheckSettingsDoc {
  _id: Types.ObjectId;
  tenantId: string;
  enabled: boolean;
  mode: SendCheckMode;
  marketingCategories: string[];
  whenUnavailable: UnavailableFallback;
  /** 1 after the first save; a tenant without a document reads as version 0 (the defaults). */
  version: number;
  updatedAt: string;
  updatedBy: Actor;
  /** The audit entry of the last change, until it is stored in the audit trail. */
  pendingAudit?: PendingAudit;
}

const sendCheckSettingsSchema = new Schema<SendCheckSettingsDoc>(
  {
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'sendCheckSettings' },
);

// The tenant is the lookup (QUERY-RULES.md rule 1: "where the tenant itself is the lookup").
sendCheckSettingsSchema.index({ tenantId: 1 }, { unique: true });
sendCheckSettingsSchema.plugin(tenantScopePlugin);

export function sendCheckSettingsModel(connection: Connection): Model<SendCheckSettingsDoc> {
  return (
    (connection.models.SendCheckSettings as Model<SendCheckSettingsDoc>) ??
    connection.model<SendCheckSettingsDoc>('SendCheckSettings', sendCheckSettingsSchema)
  );
}
