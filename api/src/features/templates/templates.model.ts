import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Template } from '@klarkonform/shared';
import type { PendingAudit } from '../audit/audit.repository';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Storage shape of a template (Vorlage): the API's Template fields (validated by the shared
// TypeBox schemas, the body sanitised, before they get here) plus the tenant, the create's
// Idempotency-Key and the folded name that keeps names unique per tenant.

export type TemplateDoc = Omit<Template, 'id'> & {
  _id: Types.ObjectId;
  tenantId: string;
  idempotencyKey: string;
  requestHash: string;
  /** The name trimmed, inner spaces collapsed, NFC, lower case: unique per tenant (templateNameKey). */
  nameKey: string;
  /** The audit entry of the last change, written atomically with it and then copied to the audit collection. */
  pendingAudit?: PendingAudit;
};

const templateSchema = new Schema<TemplateDoc>(
  {
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    nameKey: { type: String, required: true },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'templates' },
);

// The list reads the tenant's templates (at most MAX_TEMPLATES_PER_TENANT) by tenantId alone.
templateSchema.index({ tenantId: 1 });
templateSchema.index({ tenantId: 1, idempotencyKey: 1 }, { unique: true });
templateSchema.index({ tenantId: 1, nameKey: 1 }, { unique: true });
templateSchema.plugin(tenantScopePlugin);

export function templateModel(connection: Connection): Model<TemplateDoc> {
  return (
    (connection.models.Template as Model<TemplateDoc>) ?? connection.model<TemplateDoc>('Template', templateSchema)
  );
}

/** The uniqueness key of a template name: "  Angebot   Nachfassen " and "angebot nachfassen" are one name. */
export function templateNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').normalize('NFC').toLowerCase();
}
