import { type Static, Type } from 'typebox';
import { DateTime, Email, ObjectId, RequiredText, StrictObject, Text } from '../contacts/contact-common.schema';
import { SyncStatus } from '../contacts/contact-enums.schema';
import { ContactSummary } from '../contacts/contact.schema';
import { MirrorProblem } from './mirror-problem.schema';

export { MIRROR_PROBLEM_CODES, MirrorProblem, MirrorProblemCode } from './mirror-problem.schema';

// The Microsoft 365 contacts mirror (issue 13): CRM contacts with an e-mail address are mirrored as
// Outlook contacts into a contact folder of one or more target mailboxes, through Microsoft Graph
// with app-only access (client credentials). Microsoft 365 owns names, e-mails, phones, company
// name, job title, department and business address; KlarKonform owns relationship, roles, consent,
// notes, tags, lead data and owner (DESIGN.md "Data ownership in the M365 mirror").
// Graph facts: shared/reference/m365-tech.md §2.5, §3.

/** One target: a mailbox (shared mailbox or user, by SMTP address) and the contact folder in it. */
export const MirrorTarget = StrictObject({
  mailbox: Email,
  /** Display name of the contact folder, created when missing (default "KlarKonform CRM"). */
  folderName: RequiredText(255),
});
export type MirrorTarget = Static<typeof MirrorTarget>;

export const MAX_MIRROR_TARGETS = 10;
export const DEFAULT_MIRROR_FOLDER = 'KlarKonform CRM';

/** The tenant's mirror settings (CRM.Admin; version 0 and disabled until first saved). */
export const MirrorSettings = StrictObject({
  enabled: Type.Boolean(),
  targets: Type.Array(MirrorTarget, { maxItems: MAX_MIRROR_TARGETS }),
  version: Type.Integer({ minimum: 0 }),
});
export type MirrorSettings = Static<typeof MirrorSettings>;

/**
 * PUT /api/v1/mirror/settings (If-Match: the version; 0 before the first save). Mailboxes are
 * unique (case-insensitively); enabling needs at least one target. Removing a target stops
 * mirroring into it; the contacts already there stay (the admin deletes the folder in Outlook).
 */
export const MirrorSettingsUpdate = StrictObject({
  enabled: Type.Boolean(),
  targets: Type.Array(MirrorTarget, { maxItems: MAX_MIRROR_TARGETS }),
});
export type MirrorSettingsUpdate = Static<typeof MirrorSettingsUpdate>;

const Count = Type.Integer({ minimum: 0 });

/** Contacts per sync status (every live contact of the tenant counts once). */
export const MirrorCounts = StrictObject({
  synced: Count,
  pending: Count,
  error: Count,
  noEmail: Count,
  disabled: Count,
});
export type MirrorCounts = Static<typeof MirrorCounts>;

export const MIRROR_RUN_TRIGGERS = ['change', 'schedule', 'manual', 'start'] as const;
export const MirrorRunTrigger = Type.Enum(MIRROR_RUN_TRIGGERS);
export type MirrorRunTrigger = Static<typeof MirrorRunTrigger>;

/** One sync run of the tenant: what it pushed to and pulled from Outlook. */
export const MirrorRun = StrictObject({
  trigger: MirrorRunTrigger,
  startedAt: DateTime,
  finishedAt: Type.Optional(DateTime),
  /** Outlook contacts created, updated or deleted. */
  pushed: Count,
  /** Changes from Outlook applied to CRM contacts (incl. contacts created from Outlook). */
  pulled: Count,
  /** Contacts that failed in this run. */
  failed: Count,
  problem: Type.Optional(MirrorProblem),
});
export type MirrorRun = Static<typeof MirrorRun>;

/** A target mailbox as the last run left it. */
export const MirrorTargetState = StrictObject({
  mailbox: Email,
  folderName: RequiredText(255),
  /** Set once the folder was found or created. */
  folderReady: Type.Boolean(),
  lastPulledAt: Type.Optional(DateTime),
  problem: Type.Optional(MirrorProblem),
});
export type MirrorTargetState = Static<typeof MirrorTargetState>;

/** A contact the mirror could not sync, with its problem. */
export const MirrorContactError = StrictObject({
  contactId: ObjectId,
  displayName: Text(300),
  problem: MirrorProblem,
});
export type MirrorContactError = Static<typeof MirrorContactError>;

/** GET /api/v1/mirror/status — the admin's overview ("Microsoft 365-Sync" in the Teams tab). */
export const MirrorStatus = StrictObject({
  /** Whether the server has app credentials (GRAPH_CLIENT_ID plus a secret or a certificate). */
  configured: Type.Boolean(),
  enabled: Type.Boolean(),
  /** A run holds the tenant's lease right now (on this or another API instance). */
  running: Type.Boolean(),
  counts: MirrorCounts,
  lastRun: Type.Optional(MirrorRun),
  nextRunAt: Type.Optional(DateTime),
  /** A problem that stops the whole tenant's mirror (credentials, sign-in). */
  problem: Type.Optional(MirrorProblem),
  targets: Type.Array(MirrorTargetState, { maxItems: MAX_MIRROR_TARGETS }),
  /** The first contacts in error (most recent first); `counts.error` says how many there are. */
  errors: Type.Array(MirrorContactError, { maxItems: 50 }),
  /** Contacts created from Outlook and not yet reviewed ("aus Outlook — prüfen"). */
  reviewCount: Count,
});
export type MirrorStatus = Static<typeof MirrorStatus>;

/** Which mirror worklist of data care: contacts in sync error, or created from Outlook to review. */
export const MIRROR_LISTS = ['error', 'review'] as const;
export const MirrorList = Type.Enum(MIRROR_LISTS);
export type MirrorList = Static<typeof MirrorList>;

/** GET /api/v1/mirror/contacts?list=error|review&limit=&cursor= (data care, quality:read). */
export const MirrorContactsQuery = StrictObject({
  list: MirrorList,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Text(200)),
});
export type MirrorContactsQuery = Static<typeof MirrorContactsQuery>;

export const MirrorContactItem = StrictObject({
  contact: ContactSummary,
  syncStatus: SyncStatus,
  problem: Type.Optional(MirrorProblem),
  /** For `review`: the mailbox whose folder the contact was created in, and when. */
  fromMailbox: Type.Optional(Email),
  createdFromOutlookAt: Type.Optional(DateTime),
});
export type MirrorContactItem = Static<typeof MirrorContactItem>;

export const MirrorContactPage = StrictObject({
  items: Type.Array(MirrorContactItem, { maxItems: 200 }),
  nextCursor: Type.Optional(Text(200)),
});
export type MirrorContactPage = Static<typeof MirrorContactPage>;
