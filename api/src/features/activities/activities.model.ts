import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor } from '@klarkonform/shared';
import type { PendingAudit } from '../audit/audit.repository';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Storage shape of an activity (collection `activities`): the API's Activity fields plus the
// tenant, the Idempotency-Key and body hash of the creating request, and `logKey`, the
// tenant-wide key that makes a mail or meeting log happen once (`mail:<Message-ID>`,
// `meeting:<iCalUId>`; a hand-made entry carries `entry:<Idempotency-Key>`, unique as well).

export interface ActivityDoc {
  _id: Types.ObjectId;
  tenantId: string;
  type: string;
  occurredAt: Date;
  subject: string;
  text?: string;
  /** The contacts the activity belongs to (shown as its "with"). */
  contactIds: string[];
  /**
   * Lookup key of every timeline (QUERY-RULES.md rule 1): `contactIds` plus the companies of the
   * people among them at the time of recording, so a company's timeline — with its people's
   * entries — is one equality query, like a person's.
   */
  timelineKeys: string[];
  contactNames: string[];
  opportunityId?: string;
  mail?: Record<string, unknown>;
  meeting?: Record<string, unknown>;
  createdBy: Actor;
  createdAt: Date;
  updatedBy?: Actor;
  updatedAt?: Date;
  version: number;
  idempotencyKey: string;
  requestHash: string;
  logKey: string;
  /** The audit entry of the last change, written with it and then copied to the audit collection. */
  pendingAudit?: PendingAudit;
}

const activitySchema = new Schema<ActivityDoc>(
  {
    tenantId: { type: String, required: true },
    type: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    subject: { type: String, default: '' },
    text: { type: String },
    contactIds: { type: [String], required: true },
    timelineKeys: { type: [String], required: true },
    contactNames: { type: [String], required: true },
    opportunityId: { type: String },
    mail: { type: Schema.Types.Mixed },
    meeting: { type: Schema.Types.Mixed },
    createdBy: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedBy: { type: Schema.Types.Mixed },
    updatedAt: { type: Date },
    version: { type: Number, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    logKey: { type: String, required: true },
    pendingAudit: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false, collection: 'activities' },
);

// tenantId leads every index. Timelines are read by `timelineKeys` (one equality per contact or
// company; the time order is applied to its entries); creates are made unique by their
// Idempotency-Key and by `logKey`, so a mail logged twice — by anyone, at once — is stored once.
activitySchema.index({ tenantId: 1, timelineKeys: 1, occurredAt: -1, _id: -1 });
activitySchema.index({ tenantId: 1, idempotencyKey: 1 }, { unique: true });
activitySchema.index({ tenantId: 1, logKey: 1 }, { unique: true });
activitySchema.plugin(tenantScopePlugin);

export function activityModel(connection: Connection): Model<ActivityDoc> {
  return (
    (connection.models.Activity as Model<ActivityDoc>) ?? connection.model<ActivityDoc>('Activity', activitySchema)
  );
}
