import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor, ErasureReason } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Storage of the erasure bookkeeping (issue 15), none of it personal data:
// - `erasureSchedule`: one document per contact waiting for erasure (`scheduled`, eraseOn) or
//   being erased (`erasing`, the steps' marker that a restarted job resumes); removed when done.
// - `erasureLog`: what an erasure left (contact number, kind, reason, counts); `_id` is the erased
//   contact's id, so a resumed erasure writes its entry once.
// - `privacyLeases`: the daily job's lease (one instance per deployment), like the mirror's; one
//   document for the whole deployment (no tenant), so it is written through the driver's
//   collection, not a tenant-led model (erasure-job.ts).

export interface ErasureScheduleDoc {
  _id: Types.ObjectId;
  tenantId: string;
  contactId: string;
  contactNumber: string;
  kind: 'company' | 'person';
  state: 'scheduled' | 'erasing';
  /** YYYY-MM-DD (Europe/Berlin): erasable from this day on. */
  eraseOn: string;
  reason: ErasureReason;
  requestId?: string;
  by: Actor;
  version: number;
}

export interface ErasureLogDoc {
  _id: Types.ObjectId;
  tenantId: string;
  contactNumber: string;
  kind: 'company' | 'person';
  reason: ErasureReason;
  requestId?: string;
  erasedAt: Date;
  erasedBy: Actor;
  removed: Record<string, number>;
}

export interface PrivacyLeaseDoc {
  _id: string;
  holder: string;
  until: number;
  /** The Berlin day of the last complete run (the job runs once a day). */
  lastRunOn?: string;
  version: number;
}

const options = (collection: string) => ({ strict: false, versionKey: false, minimize: false, collection }) as const;

const scheduleSchema = new Schema<ErasureScheduleDoc>(
  {
    tenantId: { type: String, required: true },
    contactId: { type: String, required: true },
    eraseOn: { type: String, required: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
  },
  options('erasureSchedule'),
);
scheduleSchema.index({ tenantId: 1, contactId: 1 }, { unique: true });
// The lists and the job read a tenant's schedule (small: contacts waiting for a period to end).
scheduleSchema.index({ tenantId: 1 });
// No tenant-scope plugin: the daily job asks which tenants have anything due (one cross-tenant
// `distinct`, like the mirror's lease list); every other read names the tenant.

const logSchema = new Schema<ErasureLogDoc>(
  { tenantId: { type: String, required: true }, erasedAt: { type: Date, required: true } },
  options('erasureLog'),
);
logSchema.index({ tenantId: 1, erasedAt: -1, _id: -1 });
logSchema.plugin(tenantScopePlugin);

export interface ErasureModels {
  schedule: Model<ErasureScheduleDoc>;
  log: Model<ErasureLogDoc>;
}

export function erasureModels(connection: Connection): ErasureModels {
  return {
    schedule:
      (connection.models.ErasureSchedule as Model<ErasureScheduleDoc>) ??
      connection.model<ErasureScheduleDoc>('ErasureSchedule', scheduleSchema),
    log:
      (connection.models.ErasureLog as Model<ErasureLogDoc>) ??
      connection.model<ErasureLogDoc>('ErasureLog', logSchema),
  };
}
