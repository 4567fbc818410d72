import { type Static, Type } from 'typebox';
import { Actor, DateTime, Nullable, ObjectId, RequiredText, StrictObject, Text } from './contact-common.schema';
import {
  AuditAction,
  ContactKind,
  DUPLICATE_REASONS,
  DuplicateReason,
  LeadStatus,
  QualityCode,
  Relationship,
  Role,
  Severity,
} from './contact-enums.schema';
import { companyCreateFields, personCreateFields } from './contact-input.schema';
import { ContactSummary, UserId } from './contact.schema';

// Omitting `archived` lists active contacts only: archived ones are looked up on purpose.
export const ContactListQuery = StrictObject({
  q: Type.Optional(Text(200)),
  kind: Type.Optional(ContactKind),
  relationship: Type.Optional(Relationship),
  tag: Type.Optional(Text(50)),
  role: Type.Optional(Role),
  leadStatus: Type.Optional(LeadStatus),
  // A user id, or "me" for the caller ("Meine Kontakte").
  owner: Type.Optional(UserId),
  archived: Type.Optional(Type.Boolean({ default: false })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  cursor: Type.Optional(Text(200)),
});
export type ContactListQuery = Static<typeof ContactListQuery>;

/**
 * How a search hit matched the words typed, best first: `exact` (every word is a whole name
 * word, the whole address, the contact number or the domain), `prefix` (names or addresses
 * beginning with them), `phonetic` (a word sounds alike by Kölner Phonetik: "Meier" → Meyer;
 * the UI marks these "ähnlich geschrieben"). Search results come in this order.
 */
export const SEARCH_MATCHES = ['exact', 'prefix', 'phonetic'] as const;
export const SearchMatch = Type.Enum(SEARCH_MATCHES);
export type SearchMatch = Static<typeof SearchMatch>;

/** A contact of a list; with a search text (`q`), also how it matched. */
export const ContactListItem = StrictObject({
  ...ContactSummary.properties,
  match: Type.Optional(SearchMatch),
});
export type ContactListItem = Static<typeof ContactListItem>;

// With `q`, the items come ranked (exact, then prefix, then phonetic matches, each tier in name
// order) and `nextCursor` continues in that order; without `q`, in name order.
export const ContactListPage = StrictObject({
  items: Type.Array(ContactListItem, { maxItems: 100 }),
  nextCursor: Nullable(Type.String({ maxLength: 200 })),
});
export type ContactListPage = Static<typeof ContactListPage>;

// The candidate as it would be created; `excludeId` skips the contact being edited.
const excludeId = Type.Optional(ObjectId);
export const DuplicateCheckRequest = Type.Union([
  StrictObject({ ...companyCreateFields, excludeId }),
  StrictObject({ ...personCreateFields, excludeId }),
]);
export type DuplicateCheckRequest = Static<typeof DuplicateCheckRequest>;

export const DuplicateCandidate = StrictObject({
  contact: ContactSummary,
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  reasons: Type.Array(DuplicateReason, {
    minItems: 1,
    maxItems: DUPLICATE_REASONS.length,
    uniqueItems: true,
  }),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;

export const DuplicateCheckResult = StrictObject({
  candidates: Type.Array(DuplicateCandidate, { maxItems: 20 }),
});
export type DuplicateCheckResult = Static<typeof DuplicateCheckResult>;

export const MergeRequest = StrictObject({
  survivorId: ObjectId,
  duplicateId: ObjectId,
});
export type MergeRequest = Static<typeof MergeRequest>;

export const QualityFinding = StrictObject({
  code: QualityCode,
  severity: Severity,
  field: Type.Optional(Text(100)),
  messageKey: Text(100),
});
export type QualityFinding = Static<typeof QualityFinding>;

// `before`/`after` are JSON values; an absent one means the field did not exist on that side.
export const AuditChange = StrictObject({
  field: RequiredText(100),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
export type AuditChange = Static<typeof AuditChange>;

export const AuditEntry = StrictObject({
  id: ObjectId,
  contactId: ObjectId,
  action: AuditAction,
  at: DateTime,
  actor: Actor,
  changes: Type.Array(AuditChange, { maxItems: 200 }),
});
export type AuditEntry = Static<typeof AuditEntry>;
