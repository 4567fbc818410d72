import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  Email,
  IsoDate,
  MultilineText,
  Nullable,
  ObjectId,
  RequiredMultilineText,
  RequiredText,
  StrictObject,
  Text,
} from '../contacts/contact-common.schema';
import { ConsentChannel } from '../contacts/contact-enums.schema';

// The DSGVO lifecycle (issue 15): data-subject requests (Art. 15–21), the access/portability export,
// restriction (Art. 18), objection to direct marketing (Art. 21), retention-aware erasure (Art. 17
// with HGB §257 / AO §147), legal hold, double opt-in confirmation links and the records of
// processing (Art. 30). Routes under /api/v1/privacy (permission `privacy:manage`: CRM.Admin and
// CRM.DataProtection) plus the public DOI link under /api/v1/public/doi. The design and the split
// of the work: api/src/features/privacy/README.md.

const Count = Type.Integer({ minimum: 0 });

// ---------------------------------------------------------------------------------------------
// Requests register (Betroffenenanfragen)
// ---------------------------------------------------------------------------------------------

/** Art. 15 access, 16 rectification, 17 erasure, 18 restriction, 20 portability, 21 objection. */
export const PRIVACY_REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
] as const;
export const PrivacyRequestType = Type.Enum(PRIVACY_REQUEST_TYPES);
export type PrivacyRequestType = Static<typeof PrivacyRequestType>;

/** `open` → `inProgress` → `done` | `rejected` (a closed request may be reopened to `inProgress`). */
export const PRIVACY_REQUEST_STATUSES = ['open', 'inProgress', 'done', 'rejected'] as const;
export const PrivacyRequestStatus = Type.Enum(PRIVACY_REQUEST_STATUSES);
export type PrivacyRequestStatus = Static<typeof PrivacyRequestStatus>;

/** How the request reached us. */
export const PRIVACY_REQUEST_CHANNELS = ['email', 'letter', 'phone', 'inPerson', 'form'] as const;
export const PrivacyRequestChannel = Type.Enum(PRIVACY_REQUEST_CHANNELS);
export type PrivacyRequestChannel = Static<typeof PrivacyRequestChannel>;

/** Who asked (the data subject as they named themselves; linked contacts are `contactIds`). */
export const PrivacyRequester = StrictObject({
  name: RequiredText(200),
  email: Type.Optional(Email),
  channel: PrivacyRequestChannel,
});
export type PrivacyRequester = Static<typeof PrivacyRequester>;

/**
 * Art. 12(3) DSGVO: the answer is due one month after receipt; "where necessary" extendable by two
 * further months, the data subject told within the first month with the reasons. `months` is the
 * total extension (1 or 2).
 */
export const PrivacyRequestExtension = StrictObject({
  months: Type.Integer({ minimum: 1, maximum: 2 }),
  reason: RequiredMultilineText(1000),
  at: DateTime,
  by: Actor,
});
export type PrivacyRequestExtension = Static<typeof PrivacyRequestExtension>;

export const MAX_REQUEST_CONTACTS = 20;

export const PrivacyRequest = StrictObject({
  id: ObjectId,
  /** Per tenant, sequential: "DS-2026-0007" (year of receipt, number within the tenant). */
  reference: Text(20),
  type: PrivacyRequestType,
  status: PrivacyRequestStatus,
  requester: PrivacyRequester,
  /** The contacts the request is about (may be empty while the person is not identified yet). */
  contactIds: Type.Array(ObjectId, { maxItems: MAX_REQUEST_CONTACTS, uniqueItems: true }),
  /** Date of receipt (Europe/Berlin calendar day). */
  receivedOn: IsoDate,
  /** receivedOn + 1 month (+ extension months), Art. 12(3); the same day number, or the month's last day. */
  dueOn: IsoDate,
  extension: Type.Optional(PrivacyRequestExtension),
  /** true while open/inProgress and dueOn is before today (Europe/Berlin). */
  overdue: Type.Boolean(),
  description: Type.Optional(MultilineText(4000)),
  /** What was done / answered (required to close). */
  outcome: Type.Optional(MultilineText(4000)),
  handledBy: Type.Optional(Actor),
  closedAt: Type.Optional(DateTime),
  version: Type.Integer({ minimum: 0 }),
  createdAt: DateTime,
  createdBy: Actor,
  updatedAt: DateTime,
  updatedBy: Actor,
});
export type PrivacyRequest = Static<typeof PrivacyRequest>;

/** POST /api/v1/privacy/requests (Idempotency-Key required). */
export const PrivacyRequestCreate = StrictObject({
  type: PrivacyRequestType,
  requester: PrivacyRequester,
  contactIds: Type.Optional(Type.Array(ObjectId, { maxItems: MAX_REQUEST_CONTACTS, uniqueItems: true })),
  /** Defaults to today; not in the future. */
  receivedOn: Type.Optional(IsoDate),
  description: Type.Optional(MultilineText(4000)),
});
export type PrivacyRequestCreate = Static<typeof PrivacyRequestCreate>;

/**
 * PATCH /api/v1/privacy/requests/:id (If-Match). Closing (`done`/`rejected`) needs an `outcome`;
 * `extension` may be set once, while the request is open and not yet overdue.
 */
export const PrivacyRequestPatch = StrictObject({
  status: Type.Optional(PrivacyRequestStatus),
  requester: Type.Optional(PrivacyRequester),
  contactIds: Type.Optional(Type.Array(ObjectId, { maxItems: MAX_REQUEST_CONTACTS, uniqueItems: true })),
  description: Type.Optional(MultilineText(4000)),
  outcome: Type.Optional(MultilineText(4000)),
  extension: Type.Optional(
    StrictObject({ months: Type.Integer({ minimum: 1, maximum: 2 }), reason: RequiredMultilineText(1000) }),
  ),
});
export type PrivacyRequestPatch = Static<typeof PrivacyRequestPatch>;

/** GET /api/v1/privacy/requests?list=…&cursor=… — `open` (open + inProgress, due first), `overdue`, `closed` (newest first). */
export const PRIVACY_REQUEST_LISTS = ['open', 'overdue', 'closed'] as const;
export const PrivacyRequestList = Type.Enum(PRIVACY_REQUEST_LISTS);
export type PrivacyRequestList = Static<typeof PrivacyRequestList>;

export const PrivacyRequestPage = StrictObject({
  items: Type.Array(PrivacyRequest),
  nextCursor: Type.Optional(Text(200)),
  /** Open requests past their due date (also a data-care worklist entry). */
  overdueCount: Count,
});
export type PrivacyRequestPage = Static<typeof PrivacyRequestPage>;

// ---------------------------------------------------------------------------------------------
// Restriction (Art. 18), legal hold, objection (Art. 21)
// ---------------------------------------------------------------------------------------------

/**
 * "Löschanfrage nach Art. 17 DSGVO" (`request`), "Kundenbeziehung beendet, Fristen abgelaufen"
 * (`relationshipEnded`), "Einwilligung widerrufen" (`consentWithdrawn`, Art. 17(1)(b)).
 */
export const ERASURE_REASONS = ['request', 'relationshipEnded', 'consentWithdrawn'] as const;
export const ErasureReason = Type.Enum(ERASURE_REASONS);
export type ErasureReason = Static<typeof ErasureReason>;

/**
 * Why a contact is restricted: the data subject asked (Art. 18(1)), or erasure waits for a
 * retention period to run out (Art. 17(3)(b) with HGB §257 / AO §147: "Sperrvermerk").
 */
export const RESTRICTION_REASONS = ['request', 'retention'] as const;
export const RestrictionReason = Type.Enum(RESTRICTION_REASONS);
export type RestrictionReason = Static<typeof RestrictionReason>;

/**
 * A restricted contact (`Contact.restriction`): stored and shown, nothing else — no marketing
 * (consent answers `restricted`), no Outlook mirror (the copy is deleted, sync status `disabled`),
 * no edits but lifting the restriction, no new activities, follow-ups or opportunities for it.
 */
export const Restriction = StrictObject({
  reason: RestrictionReason,
  note: Type.Optional(MultilineText(1000)),
  at: DateTime,
  by: Actor,
  requestId: Type.Optional(ObjectId),
  /** reason `retention`: the day the last retention period covering the contact's records ends. */
  eraseOn: Type.Optional(IsoDate),
  /** reason `retention`: the erasure reason recorded when it was asked for. */
  erasureReason: Type.Optional(ErasureReason),
});
export type Restriction = Static<typeof Restriction>;

/** POST /api/v1/privacy/contacts/:id/restriction (If-Match: the contact's version). */
export const RestrictionCreate = StrictObject({
  note: Type.Optional(MultilineText(1000)),
  requestId: Type.Optional(ObjectId),
});
export type RestrictionCreate = Static<typeof RestrictionCreate>;

/** A legal hold (`Contact.legalHold`): blocks erasure (litigation, an authority's order, an audit). */
export const LegalHold = StrictObject({
  reason: RequiredMultilineText(1000),
  at: DateTime,
  by: Actor,
});
export type LegalHold = Static<typeof LegalHold>;

/** PUT /api/v1/privacy/contacts/:id/legal-hold (If-Match); DELETE lifts it. */
export const LegalHoldSet = StrictObject({ reason: RequiredMultilineText(1000) });
export type LegalHoldSet = Static<typeof LegalHoldSet>;

/**
 * POST /api/v1/privacy/contacts/:id/objection (If-Match): objection to direct marketing
 * (Art. 21(2)/(3)): an `optOut` event on every consent channel, effective at once.
 */
export const ObjectionCreate = StrictObject({
  source: RequiredText(200),
  proof: Type.Optional(MultilineText(1000)),
  requestId: Type.Optional(ObjectId),
});
export type ObjectionCreate = Static<typeof ObjectionCreate>;

// ---------------------------------------------------------------------------------------------
// Retention and erasure
// ---------------------------------------------------------------------------------------------

/**
 * Record types the CRM holds that a retention period may cover. `businessLetter`: logged e-mails
 * and letters (activities `email`, `letter`) and won opportunities (the accepted offer / order
 * confirmation) — Handels- und Geschäftsbriefe, HGB §257(1) Nr. 2–3, AO §147(1) Nr. 2–3, 6 years.
 * `bookingVoucher`: Buchungsbelege, HGB §257(1) Nr. 4, 8 years since 2025 (BEG IV). `books`:
 * Bücher, Inventare, Jahresabschlüsse, 10 years (HGB §257(1) Nr. 1). The CRM itself holds no
 * books or vouchers today; the periods are configurable for records a tenant tags so.
 * Periods count from the end of the calendar year in which the record was made (HGB §257(5)).
 */
export const RETENTION_RECORD_TYPES = ['businessLetter', 'bookingVoucher', 'books'] as const;
export const RetentionRecordType = Type.Enum(RETENTION_RECORD_TYPES);
export type RetentionRecordType = Static<typeof RetentionRecordType>;

export const DEFAULT_RETENTION_YEARS: Readonly<Record<RetentionRecordType, number>> = {
  businessLetter: 6,
  bookingVoucher: 8,
  books: 10,
};

/** POST /api/v1/privacy/contacts/:id/erasure (If-Match). A company: its people are not erased with it. */
export const ErasureCreate = StrictObject({
  reason: ErasureReason,
  requestId: Type.Optional(ObjectId),
  note: Type.Optional(MultilineText(1000)),
});
export type ErasureCreate = Static<typeof ErasureCreate>;

/** One record that a retention period still covers. */
export const RetentionCover = StrictObject({
  recordType: RetentionRecordType,
  /** activity | opportunity */
  record: Type.Enum(['activity', 'opportunity'] as const),
  recordId: ObjectId,
  /** When the record was made (activity time, opportunity closed). */
  madeOn: IsoDate,
  /** The period's last day (31.12. of madeOn's year + years). */
  keepUntil: IsoDate,
});
export type RetentionCover = Static<typeof RetentionCover>;

/**
 * The answer to an erasure: `erased` at once (nothing covered), `restricted` until `eraseOn`
 * (records still covered — the contact is restricted with reason `retention`, and the daily job
 * erases it when due), or `held` (a legal hold blocks it; nothing changed but the request noted).
 */
export const ErasureOutcome = StrictObject({
  outcome: Type.Enum(['erased', 'restricted', 'held'] as const),
  eraseOn: Type.Optional(IsoDate),
  /** The covering records, longest first (at most 50). */
  coveredBy: Type.Array(RetentionCover, { maxItems: 50 }),
});
export type ErasureOutcome = Static<typeof ErasureOutcome>;

/** A restricted contact waiting for erasure ("Löschung fällig" list). */
export const ErasureDueItem = StrictObject({
  contactId: ObjectId,
  displayName: Text(300),
  contactNumber: Text(20),
  eraseOn: IsoDate,
  erasureReason: ErasureReason,
  /** A legal hold stops it. */
  held: Type.Boolean(),
  /** eraseOn ≤ today (Europe/Berlin). */
  due: Type.Boolean(),
});
export type ErasureDueItem = Static<typeof ErasureDueItem>;

/** GET /api/v1/privacy/erasures?list=due|scheduled&cursor=… */
export const ErasureDuePage = StrictObject({
  items: Type.Array(ErasureDueItem),
  nextCursor: Type.Optional(Text(200)),
  dueCount: Count,
});
export type ErasureDuePage = Static<typeof ErasureDuePage>;

/**
 * What an erased contact leaves: no personal data — the contact number, the kind, when and why,
 * who asked for it, how many records of each collection were removed or redacted.
 * GET /api/v1/privacy/erasures/log?cursor=…
 */
export const ErasureLogEntry = StrictObject({
  id: ObjectId,
  contactNumber: Text(20),
  kind: Type.Enum(['company', 'person'] as const),
  reason: ErasureReason,
  requestId: Type.Optional(ObjectId),
  erasedAt: DateTime,
  /** The user who asked, or the retention job ("Aufbewahrungsfristen (automatisch)"). */
  erasedBy: Actor,
  removed: Type.Record(Type.String({ maxLength: 40 }), Count),
});
export type ErasureLogEntry = Static<typeof ErasureLogEntry>;

// ---------------------------------------------------------------------------------------------
// Settings, records of processing (Art. 30), double opt-in
// ---------------------------------------------------------------------------------------------

/** One processing activity of the records of processing (Art. 30(1)(b)–(g)). */
export const ProcessingActivity = StrictObject({
  name: RequiredText(200),
  purposes: RequiredMultilineText(2000),
  legalBasis: RequiredText(300),
  dataSubjects: RequiredMultilineText(1000),
  dataCategories: RequiredMultilineText(1000),
  recipients: RequiredMultilineText(1000),
  thirdCountryTransfers: MultilineText(1000),
  retention: RequiredMultilineText(1000),
});
export type ProcessingActivity = Static<typeof ProcessingActivity>;

/**
 * GET/PUT /api/v1/privacy/settings (If-Match; version 0 = the defaults, never saved). The records
 * of processing are generated from `controller`, `activities` and the retention periods; defaults
 * describe KlarKonform's own processing (CRM, Outlook mirror with Microsoft as processor, Art. 28).
 */
export const PrivacySettings = StrictObject({
  retentionYears: StrictObject({
    businessLetter: Type.Integer({ minimum: 0, maximum: 30 }),
    bookingVoucher: Type.Integer({ minimum: 0, maximum: 30 }),
    books: Type.Integer({ minimum: 0, maximum: 30 }),
  }),
  /** Consents older than this many months are listed for the yearly review (default 12). */
  consentReviewMonths: Type.Integer({ minimum: 1, maximum: 60 }),
  /** How long a double opt-in link stays valid, hours (default 72). */
  doubleOptInValidHours: Type.Integer({ minimum: 1, maximum: 720 }),
  controller: StrictObject({
    name: Text(200),
    address: MultilineText(500),
    representative: Text(200),
    dpoContact: MultilineText(500),
  }),
  activities: Type.Array(ProcessingActivity, { maxItems: 30 }),
  technicalMeasures: MultilineText(4000),
  version: Type.Integer({ minimum: 0 }),
});
export type PrivacySettings = Static<typeof PrivacySettings>;

export const PrivacySettingsUpdate = StrictObject({
  retentionYears: PrivacySettings.properties.retentionYears,
  consentReviewMonths: PrivacySettings.properties.consentReviewMonths,
  doubleOptInValidHours: PrivacySettings.properties.doubleOptInValidHours,
  controller: PrivacySettings.properties.controller,
  activities: PrivacySettings.properties.activities,
  technicalMeasures: PrivacySettings.properties.technicalMeasures,
});
export type PrivacySettingsUpdate = Static<typeof PrivacySettingsUpdate>;

/**
 * POST /api/v1/privacy/contacts/:id/double-opt-in: records `doubleOptInRequested` on the channel and
 * answers the confirmation link to put into the mail (signed token, valid `doubleOptInValidHours`,
 * single use). The link opens a public page (no login) whose button confirms; the confirmation is
 * recorded as `doubleOptInConfirmed` with its proof (time, token id, the requesting IP's hash, user agent).
 */
export const DoubleOptInCreate = StrictObject({
  channel: Type.Enum(['email', 'newsletter'] as const),
  source: RequiredText(200),
});
export type DoubleOptInCreate = Static<typeof DoubleOptInCreate>;

export const DoubleOptInLink = StrictObject({
  url: Text(2000),
  expiresAt: DateTime,
  channel: ConsentChannel,
});
export type DoubleOptInLink = Static<typeof DoubleOptInLink>;

/** A consent listed for the yearly check: granted longer ago than `consentReviewMonths`. */
export const ConsentReviewItem = StrictObject({
  contactId: ObjectId,
  displayName: Text(300),
  channel: ConsentChannel,
  grantedAt: DateTime,
  eventType: Text(40),
});
export type ConsentReviewItem = Static<typeof ConsentReviewItem>;

/** GET /api/v1/privacy/consent-review?cursor=… */
export const ConsentReviewPage = StrictObject({
  items: Type.Array(ConsentReviewItem),
  nextCursor: Type.Optional(Text(200)),
});
export type ConsentReviewPage = Static<typeof ConsentReviewPage>;

/** `format` of GET /api/v1/privacy/contacts/:id/export and GET /api/v1/privacy/records-of-processing. */
export const PRIVACY_DOCUMENT_FORMATS = ['json', 'pdf'] as const;
export const PrivacyDocumentFormat = Type.Enum(PRIVACY_DOCUMENT_FORMATS);
export type PrivacyDocumentFormat = Static<typeof PrivacyDocumentFormat>;

/** The contact's DSGVO state, for the Datenschutz view's contact panel (GET /privacy/contacts/:id). */
export const PrivacyContactState = StrictObject({
  contactId: ObjectId,
  version: Type.Integer({ minimum: 0 }),
  displayName: Text(300),
  restriction: Nullable(Restriction),
  legalHold: Nullable(LegalHold),
  /** What erasing now would do (computed, nothing changed). */
  erasurePreview: ErasureOutcome,
  /** Requests naming this contact, newest first (at most 20). */
  requests: Type.Array(PrivacyRequest, { maxItems: 20 }),
});
export type PrivacyContactState = Static<typeof PrivacyContactState>;
