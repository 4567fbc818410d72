import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { PrivacyRequest } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { PendingAudit } from '../audit/audit.repository';

// Storage shape of the requests register (Betroffenenanfragen, issue 15) and of its per-tenant,
// per-year reference counter. Lookup keys (QUERY-RULES.md rule 1): `openKey` (the tenant id while
// the request is open or in progress, absent once closed) serves the open/overdue lists and data
// care — selective, where a two-valued `state` would not be (the embedded engine scans then);
// `state` ('open' | 'closed') serves the closed list; `contactIds` finds a contact's requests.

export type PrivacyRequestDoc = Omit<PrivacyRequest, 'id' | 'overdue'> & {
  _id: Types.ObjectId;
  tenantId: string;
  state: 'open' | 'closed';
  /** The tenant id while open (open, inProgress); absent when closed. */
  openKey?: string;
  idempotencyKey: string;
  requestHash: string;
  /** The audit entry of the last change, written with it and then copied to the audit trail. */
  pendingAudit?: PendingAudit;
};

const requestSchema = new Schema<PrivacyRequestDoc>(
  {
    tenantId: { type: String, required: true },
    version: { type: Number, required: true },
    state: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'privacyRequests' },
);
requestSchema.index({ tenantId: 1, openKey: 1 });
requestSchema.index({ tenantId: 1, state: 1 });
requestSchema.index({ tenantId: 1, contactIds: 1 });
requestSchema.index({ tenantId: 1, idempotencyKey: 1 }, { unique: true });
requestSchema.index({ tenantId: 1, reference: 1 }, { unique: true });
requestSchema.plugin(tenantScopePlugin);

export function privacyRequestModel(connection: Connection): Model<PrivacyRequestDoc> {
  return (
    (connection.models.PrivacyRequest as Model<PrivacyRequestDoc>) ??
    connection.model<PrivacyRequestDoc>('PrivacyRequest', requestSchema)
  );
}

/** A tenant's counter `name` (`privacyRequest:<year>`): `seq` is the last number drawn. */
export interface PrivacyCounterDoc {
  _id: Types.ObjectId;
  tenantId: string;
  name: string;
  seq: number;
  version: number;
}

const counterSchema = new Schema<PrivacyCounterDoc>(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    seq: { type: Number, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'privacyCounters' },
);
counterSchema.index({ tenantId: 1, name: 1 }, { unique: true });
counterSchema.plugin(tenantScopePlugin);

export function privacyCounterModel(connection: Connection): Model<PrivacyCounterDoc> {
  return (
    (connection.models.PrivacyCounter as Model<PrivacyCounterDoc>) ??
    connection.model<PrivacyCounterDoc>('PrivacyCounter', counterSchema)
  );
}
