import { type Connection, type Model, Schema } from 'mongoose';
import type { SearchKeys } from '@klarkonform/shared';
import type { PendingAudit } from '../audit/audit.repository';
import type { LookupKeys } from './lookup-keys.rules';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Storage shape of a contact: the API's Contact fields (validated by the
// shared TypeBox schemas before they get here) plus the tenant, the
// lookup fields and the idempotency key of the create. Only what is
// queried or indexed is typed here; the rest is kept as given (strict: false),
// so the shape is written once, in shared/.

/** The shared search keys plus the sort key of lists (derived, not stored: the lookup fields are). */
export type SearchKeysDoc = SearchKeys & { sortName: string };

export interface ContactDoc extends LookupKeys {
  _id: import('mongoose').Types.ObjectId;
  tenantId: string;
  kind: 'company' | 'person';
  contactNumber: string;
  version: number;
  idempotencyKey: string;
  requestHash: string;
  companyId?: string;
  /** The audit entry of the last change, written atomically with it and then copied to the audit collection. */
  pendingAudit?: PendingAudit;
  [field: string]: unknown;
}

const contactSchema = new Schema<ContactDoc>(
  {
    tenantId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['company', 'person'] },
    contactNumber: { type: String, required: true },
    version: { type: Number, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    companyId: { type: String },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'contacts' },
);

// tenantId leads every index: it is the shard-key prefix and every query has it. Lookups go
// through the top-level lookup fields only (QUERY-RULES.md), one index each; on the embedded
// engine each indexed field also gets a GIN index, which is what serves the lookups there.
contactSchema.index({ tenantId: 1, contactNumber: 1 }, { unique: true });
contactSchema.index({ tenantId: 1, idempotencyKey: 1 }, { unique: true });
// The duplicates merged into a contact (erasure removes them with it, issue 15).
contactSchema.index({ tenantId: 1, mergedInto: 1 });
const LOOKUP_INDEXES = [
  'emailKeys',
  'emailPrefixes',
  'emailDomainKeys',
  'companyDomainKeys',
  'phoneKeys',
  'phonePrefixes',
  'namePrefixes',
  'nameWords',
  'phoneticKeys',
  'matchKeys',
  'companyId',
  'tags',
  'roles',
  'leadStatus',
  'listKeys',
] as const;
for (const field of LOOKUP_INDEXES) contactSchema.index({ tenantId: 1, [field]: 1 });
contactSchema.plugin(tenantScopePlugin);

interface CounterDoc {
  tenantId: string;
  name: string;
  seq: number;
  /** Advanced by every write, so the embedded engine refuses a lost concurrent increment. */
  version: number;
}
const counterSchema = new Schema<CounterDoc>(
  {
    tenantId: { type: String, required: true },
    name: { type: String, required: true },
    seq: { type: Number, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'counters' },
);
counterSchema.index({ tenantId: 1, name: 1 }, { unique: true });
// Counters are looked up by tenant (one document per tenant and counter): the single-field index
// gives tenantId its own lookup index on the embedded engine, where a compound index's leading
// key gets none (QUERY-RULES.md).
counterSchema.index({ tenantId: 1 });
counterSchema.plugin(tenantScopePlugin);

export interface ContactModels {
  contacts: Model<ContactDoc>;
  counters: Model<CounterDoc>;
}

export function contactModels(connection: Connection): ContactModels {
  return {
    contacts:
      (connection.models.Contact as Model<ContactDoc>) ?? connection.model<ContactDoc>('Contact', contactSchema),
    counters:
      (connection.models.Counter as Model<CounterDoc>) ?? connection.model<CounterDoc>('Counter', counterSchema),
  };
}
