import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor, MirrorProblem, MirrorRun } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { PendingAudit } from '../audit/audit.repository';
import type { GraphFields } from './contact-mapping.rules';

// Storage of the Microsoft 365 contacts mirror (README.md "Storage"). Every document carries a
// `version` that every write advances (QUERY-RULES.md rule 6); lookups are top-level equalities
// led by `tenantId`.

/** A tenant's mirror settings (one document, found by tenantId). */
export interface MirrorSettingsDoc {
  _id: Types.ObjectId;
  tenantId: string;
  enabled: boolean;
  /** Mailboxes stored in lower case. */
  targets: { mailbox: string; folderName: string }[];
  /** 1 after the first save; a tenant without a document reads as version 0 (disabled). */
  version: number;
  /**
   * Raised by every save that turns the mirror on or adds a target: the next run enqueues every
   * contact of the tenant once (the lease document remembers which number it did).
   */
  backfill: number;
  updatedAt: string;
  updatedBy: Actor;
  pendingAudit?: PendingAudit;
}

/** One mailbox the contact lives in: the Outlook contact and what was last written or read there. */
export interface MirrorLink {
  mailbox: string;
  /** The folder the link belongs to; a link into another folder (recreated, renamed) is void. */
  folderId: string;
  /** Graph's immutable id of the Outlook contact. */
  outlookId: string;
  /** The Microsoft-365-owned fields as last written to or read from Outlook: the merge's base. */
  pushed: GraphFields;
  at: string;
  /** False until our contact id is written on the Outlook contact (one created in Outlook and linked). */
  tagged?: boolean;
}

export const ENTRY_STATUSES = ['pending', 'synced', 'error', 'noEmail', 'gone'] as const;
/** `gone`: archived, merged or erased and removed from every mailbox (not counted). */
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** The outbox entry and mirror state of one contact (README.md "Nothing lost, nothing doubled"). */
export interface MirrorEntryDoc {
  _id: Types.ObjectId;
  tenantId: string;
  contactId: string;
  version: number;
  /** Raised by every enqueue; a push marks the entry done only if it is still the one it read. */
  seq: number;
  /** The contact version the last enqueue announced (written right after the enqueue). */
  want: number;
  enqueuedAt: Date;
  /** Set (to `bucket`) while the contact waits for a push; absent when done. */
  due?: string;
  /** One of 16 slices of the tenant (the contact id's last hex digit): bounded tenant-wide reads. */
  bucket: string;
  status: EntryStatus;
  problem?: MirrorProblem;
  /** Consecutive runs that failed on this contact with a transient error. */
  failures?: number;
  syncedAt?: string;
  links: MirrorLink[];
  /** The links' Outlook ids, for the pull's lookup by id. */
  outlookIds: string[];
  /** Created (or linked) from Outlook and not reviewed yet: `true`, absent otherwise. */
  review?: boolean;
  origin?: { mailbox: string; at: string };
  /** Why the contact is on the review list besides its origin: a change in Outlook the CRM refused. */
  reviewProblem?: MirrorProblem;
  /** The contact was erased (hard delete): its Outlook copies go, then the entry. */
  forgotten?: boolean;
}

/** A target mailbox's state: its folder, the delta link and the last problem. */
export interface MirrorTargetDoc {
  _id: Types.ObjectId;
  tenantId: string;
  mailbox: string;
  folderName: string;
  folderId?: string;
  /** The whole `@odata.deltaLink` of the folder's contacts (m365-tech.md §3.2). */
  deltaLink?: string;
  lastPulledAt?: string;
  problem?: MirrorProblem;
  /** Creates were sent and their results may not be stored: reconcile before creating again. */
  createsInFlight?: boolean;
  version: number;
}

/**
 * The tenant's lease and run bookkeeping. Found by tenantId; the scheduler also lists the active
 * ones across tenants (the one cross-tenant read, hence no tenant-scope guard on this model).
 */
export interface MirrorLeaseDoc {
  _id: Types.ObjectId;
  tenantId: string;
  /** The mirror is on: the periodic scheduler looks at this tenant. */
  active: boolean;
  holder?: string;
  /** Epoch ms until which `holder` may run; 0 when released. */
  until: number;
  lastRun?: MirrorRun;
  nextRunAt?: string;
  /** A tenant-level problem of the last run (credentials, sign-in); null after a run without one. */
  problem?: MirrorProblem | null;
  /** Raised by instances that asked for a run while another held the lease. */
  requested: number;
  /** The settings' `backfill` number the last completed backfill enqueued. */
  backfilled: number;
  version: number;
}

const common = { strict: false, versionKey: false, minimize: false } as const;

const settingsSchema = new Schema<MirrorSettingsDoc>(
  { tenantId: { type: String, required: true }, version: { type: Number, required: true } },
  { ...common, collection: 'mirrorSettings' },
);
settingsSchema.index({ tenantId: 1 }, { unique: true });
settingsSchema.plugin(tenantScopePlugin);

const entrySchema = new Schema<MirrorEntryDoc>(
  {
    tenantId: { type: String, required: true },
    contactId: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { ...common, collection: 'mirrorEntries' },
);
entrySchema.index({ tenantId: 1, contactId: 1 }, { unique: true });
for (const field of ['due', 'status', 'outlookIds', 'review', 'bucket'] as const) {
  entrySchema.index({ tenantId: 1, [field]: 1 });
}
entrySchema.plugin(tenantScopePlugin);

const targetSchema = new Schema<MirrorTargetDoc>(
  {
    tenantId: { type: String, required: true },
    mailbox: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { ...common, collection: 'mirrorTargets' },
);
targetSchema.index({ tenantId: 1, mailbox: 1 }, { unique: true });
targetSchema.index({ tenantId: 1 });
targetSchema.plugin(tenantScopePlugin);

const leaseSchema = new Schema<MirrorLeaseDoc>(
  { tenantId: { type: String, required: true }, version: { type: Number, required: true } },
  { ...common, collection: 'mirrorLeases' },
);
leaseSchema.index({ tenantId: 1 }, { unique: true });

/** The mirror's models on `connection` (made once per connection). */
export interface MirrorModels {
  settings: Model<MirrorSettingsDoc>;
  entries: Model<MirrorEntryDoc>;
  targets: Model<MirrorTargetDoc>;
  leases: Model<MirrorLeaseDoc>;
}

function modelOf<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T>) ?? connection.model<T>(name, schema);
}

export function mirrorModels(connection: Connection): MirrorModels {
  return {
    settings: modelOf(connection, 'MirrorSettings', settingsSchema),
    entries: modelOf(connection, 'MirrorEntry', entrySchema),
    targets: modelOf(connection, 'MirrorTarget', targetSchema),
    leases: modelOf(connection, 'MirrorLease', leaseSchema),
  };
}

/** The slice of contact `contactId` (its last hex digit). */
export function bucketOf(contactId: string): string {
  return contactId.slice(-1).toLowerCase();
}

export const ENTRY_BUCKETS: readonly string[] = [...'0123456789abcdef'];
