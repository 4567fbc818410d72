import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { PrivacyRequest } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { PendingAudit } from '../audit/audit.repository';

// Storage shape of the requests register (Betroffenenanfragen, issue 15) and of its per-tenant,
// per-year reference counter. `state` ('open' for open/inProgress, 'closed' otherwise) is the
// top-level lookup key of the register's lists (QUERY-RULES.md rule 1); `contactIds` finds the
// requests naming a contact (an array matches its elements).

export type PrivacyRequestDoc = Omit<PrivacyRequest, 'id' | 'overdue'> & {
  _id: Types.ObjectId;
  tenantId: string;
  state: 'open' | 'closed';
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
