import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Opportunity } from '@klarkonform/shared';
import type { PendingAudit } from '../audit/audit.repository';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Storage shape of an opportunity: the API's Opportunity fields (validated by the shared TypeBox
// schemas before they get here) plus the tenant, the idempotency key of the create and the
// derived lookup keys (QUERY-RULES.md): every list, board column and forecast figure is served
// by a top-level equality on one of them.

/** The lookup keys derived on every write (opportunity-keys.ts). */
export interface OpportunityKeys {
  /** The contact and its company: "the opportunities of X" for a person or a company. */
  contactKeys: string[];
  /** "YYYY-MM" of the expected close date, or "none". */
  closeMonth: string;
  /** "YYYY-MM" (Europe/Berlin) of closedAt, or "open". */
  closedMonth: string;
  /** Whether the stage is open (the five stages before won, lost and later). */
  open: boolean;
  /** Order of lists: close date (undated last), folded title. */
  listSort: string;
}

export type OpportunityDoc = Omit<Opportunity, 'id'> &
  OpportunityKeys & {
    _id: Types.ObjectId;
    tenantId: string;
    idempotencyKey: string;
    requestHash: string;
    /** The audit entry of the last change, written atomically with it and then copied to the audit collection. */
    pendingAudit?: PendingAudit;
  };

const opportunitySchema = new Schema<OpportunityDoc>(
  {
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    stage: { type: String, required: true },
    ownerId: { type: String, required: true },
    contactKeys: { type: [String], required: true },
    closeMonth: { type: String, required: true },
    closedMonth: { type: String, required: true },
    open: { type: Boolean, required: true },
    listSort: { type: String, required: true },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'opportunities' },
);

// tenantId leads every index; each lookup key gets its own (a GIN twin on the embedded engine).
opportunitySchema.index({ tenantId: 1, idempotencyKey: 1 }, { unique: true });
for (const field of ['stage', 'ownerId', 'contactKeys', 'closeMonth', 'closedMonth'] as const) {
  opportunitySchema.index({ tenantId: 1, [field]: 1 });
}
opportunitySchema.plugin(tenantScopePlugin);

export function opportunityModel(connection: Connection): Model<OpportunityDoc> {
  return (
    (connection.models.Opportunity as Model<OpportunityDoc>) ??
    connection.model<OpportunityDoc>('Opportunity', opportunitySchema)
  );
}
