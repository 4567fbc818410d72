import { type Static, Type } from 'typebox';
import { Actor, DateTime, ObjectId, StrictObject, Text } from '../contacts/contact-common.schema';
import { ContactKind, LeadStatus, Relationship, Role } from '../contacts/contact-enums.schema';
import { UserId } from '../contacts/contact.schema';

// Export of contacts (issue 16): a search or filter result, a selection, or everything, as CSV for
// German Excel (";", UTF-8 with BOM, German headers, dates TT.MM.JJJJ), .xlsx, or vCard. Consent
// state per channel and tags are columns. Every export is audited (who, which filter, how many).

export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export const ExportFormat = Type.Enum(EXPORT_FORMATS);
export type ExportFormat = Static<typeof ExportFormat>;

/**
 * vCard 3.0 (RFC 2426) is what Outlook imports best (it reads 2.1/3.0, not 4.0); 4.0 (RFC 6350)
 * for other programs. Default 3.0.
 */
export const VCARD_VERSIONS = ['3.0', '4.0'] as const;
export const VCardVersion = Type.Enum(VCARD_VERSIONS);
export type VCardVersion = Static<typeof VCardVersion>;

/** The most contacts a selection (`ids`) may name. */
export const MAX_EXPORT_IDS = 1000;

/**
 * POST /api/v1/exports: the filters of the contact list (GET /api/v1/contacts) without paging, or
 * `ids` (a selection; the filters are then ignored). Neither: every active contact of the tenant.
 * The answer is the file itself (Content-Disposition: attachment; x-export-count: contacts in it).
 */
export const ExportRequest = StrictObject({
  format: ExportFormat,
  vcardVersion: Type.Optional(VCardVersion),
  ids: Type.Optional(Type.Array(ObjectId, { minItems: 1, maxItems: MAX_EXPORT_IDS, uniqueItems: true })),
  q: Type.Optional(Text(200)),
  kind: Type.Optional(ContactKind),
  relationship: Type.Optional(Relationship),
  tag: Type.Optional(Text(50)),
  role: Type.Optional(Role),
  leadStatus: Type.Optional(LeadStatus),
  /** A user id, or "me". */
  owner: Type.Optional(UserId),
  /** true: archived contacts only (like the list); false or absent: active ones. */
  archived: Type.Optional(Type.Boolean()),
});
export type ExportRequest = Static<typeof ExportRequest>;

/** One audited export ("Letzte Exporte", GET /api/v1/exports, newest first, at most 50). */
export const ExportRecord = StrictObject({
  id: ObjectId,
  at: DateTime,
  actor: Actor,
  format: ExportFormat,
  /** The filter as sent (without `format`), or `{ ids: n }` for a selection of n contacts. */
  filter: Type.Record(Type.String(), Type.Unknown()),
  count: Type.Integer({ minimum: 0 }),
});
export type ExportRecord = Static<typeof ExportRecord>;

export const ExportList = StrictObject({ items: Type.Array(ExportRecord, { maxItems: 50 }) });
export type ExportList = Static<typeof ExportList>;
