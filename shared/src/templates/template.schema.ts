import { type Static, Type } from 'typebox';
import { Actor, DateTime, ObjectId, RequiredText, StrictObject, Text } from '../contacts/contact-common.schema';
import { AuditEntry } from '../contacts/contact-query.schema';

// Templates (Vorlagen, the guide's "Outputmanagement"): recurring e-mails whose placeholders are
// filled from a contact. Managed in the Teams tab by CRM.Admin and CRM.Marketing
// (`templates:manage`), inserted by everyone who reads contacts (compose pane, issue 14).

/**
 * What a mail made from the template is for. `marketing` mail needs e-mail marketing consent at send
 * time (UWG §7, the send-time check); `transactional` (offers, invoices, appointments) and `personal`
 * mail is never blocked by it.
 */
export const TEMPLATE_PURPOSES = ['marketing', 'transactional', 'personal'] as const;
export const TemplatePurpose = Type.Enum(TEMPLATE_PURPOSES);
export type TemplatePurpose = Static<typeof TemplatePurpose>;

/** The language a template is written in; it decides the salutation's language too. */
export const TEMPLATE_LANGUAGES = ['de', 'en'] as const;
export const TemplateLanguage = Type.Enum(TEMPLATE_LANGUAGES);
export type TemplateLanguage = Static<typeof TemplateLanguage>;

/**
 * The placeholders a template may use, written `{{name}}` (German names, as the users write them):
 * - `briefanrede` the formal salutation with its comma ("Sehr geehrte Frau Dr. Müller," /
 *   "Sehr geehrter Herr Mustermann," / "Sehr geehrte Damen und Herren," when unknown; English in an
 *   English template), built by `letterSalutation` (contacts/display-name.rules.ts);
 * - `anrede` Herr/Frau (Mr/Ms), `titel` the academic title, `vorname`, `nachname`;
 * - `firma` the person's company (or the company itself), `position`, `abteilung`;
 * - `betreuer` the contact's owner's display name; `kontaktnummer` (C00123).
 * Any other `{{…}}` is refused when saving (`unknownPlaceholder`); tags and filters are not
 * placeholders and are refused too. Template text is never evaluated as code.
 */
export const TEMPLATE_PLACEHOLDERS = [
  'briefanrede',
  'anrede',
  'titel',
  'vorname',
  'nachname',
  'firma',
  'position',
  'abteilung',
  'betreuer',
  'kontaktnummer',
] as const;
export const TemplatePlaceholder = Type.Enum(TEMPLATE_PLACEHOLDERS);
export type TemplatePlaceholder = Static<typeof TemplatePlaceholder>;

/** Longest body in characters of (sanitised) HTML. */
export const MAX_TEMPLATE_BODY_LENGTH = 100_000;
/** Most templates one tenant keeps (the list is answered in one page). */
export const MAX_TEMPLATES_PER_TENANT = 500;

/** Body HTML: sanitised on the server (allowed: p, br, strong/b, em/i, u, s, ul/ol/li, a[href http(s)/mailto], h2–h4, blockquote, span). */
export const TemplateHtml = Type.String({ maxLength: MAX_TEMPLATE_BODY_LENGTH });

export const Template = StrictObject({
  id: ObjectId,
  name: RequiredText(120),
  /** The mail's subject; may hold placeholders. */
  subject: Text(500),
  bodyHtml: TemplateHtml,
  language: TemplateLanguage,
  purpose: TemplatePurpose,
  /** The placeholders the subject and body use, in order of first use (derived by the server). */
  placeholders: Type.Array(TemplatePlaceholder, { maxItems: TEMPLATE_PLACEHOLDERS.length }),
  createdBy: Actor,
  createdAt: DateTime,
  updatedBy: Type.Optional(Actor),
  updatedAt: DateTime,
  version: Type.Integer({ minimum: 1 }),
});
export type Template = Static<typeof Template>;

/** POST /api/v1/templates (Idempotency-Key). Names are unique per tenant (case-insensitive). */
export const TemplateCreate = StrictObject({
  name: RequiredText(120),
  subject: Text(500),
  bodyHtml: TemplateHtml,
  language: TemplateLanguage,
  purpose: TemplatePurpose,
});
export type TemplateCreate = Static<typeof TemplateCreate>;

/** PATCH /api/v1/templates/{id} (If-Match): any of the create fields. */
export const TemplatePatch = StrictObject(
  {
    name: Type.Optional(RequiredText(120)),
    subject: Type.Optional(Text(500)),
    bodyHtml: Type.Optional(TemplateHtml),
    language: Type.Optional(TemplateLanguage),
    purpose: Type.Optional(TemplatePurpose),
  },
  { minProperties: 1 },
);
export type TemplatePatch = Static<typeof TemplatePatch>;

/** GET /api/v1/templates?purpose=&language= — all of the tenant's templates, by name. */
export const TemplateListQuery = StrictObject({
  purpose: Type.Optional(TemplatePurpose),
  language: Type.Optional(TemplateLanguage),
});
export const TemplateSummary = StrictObject({
  id: ObjectId,
  name: RequiredText(120),
  subject: Text(500),
  language: TemplateLanguage,
  purpose: TemplatePurpose,
  placeholders: Type.Array(TemplatePlaceholder, { maxItems: TEMPLATE_PLACEHOLDERS.length }),
  updatedAt: DateTime,
  version: Type.Integer({ minimum: 1 }),
});
export type TemplateSummary = Static<typeof TemplateSummary>;
export const TemplateList = StrictObject({ items: Type.Array(TemplateSummary) });
export type TemplateList = Static<typeof TemplateList>;

/** POST /api/v1/templates/{id}/render — fill a saved template for one contact ("Vorlage einfügen"). */
export const TemplateRenderRequest = StrictObject({ contactId: ObjectId });
export type TemplateRenderRequest = Static<typeof TemplateRenderRequest>;

/**
 * POST /api/v1/templates/preview — fill an unsaved draft (the editor's preview) for a chosen contact,
 * or for a built-in sample person when `contactId` is left out. Refuses unknown placeholders like a save.
 */
export const TemplatePreviewRequest = StrictObject({
  subject: Text(500),
  bodyHtml: TemplateHtml,
  language: TemplateLanguage,
  purpose: Type.Optional(TemplatePurpose),
  contactId: Type.Optional(ObjectId),
});
export type TemplatePreviewRequest = Static<typeof TemplatePreviewRequest>;

/**
 * A template filled for one contact. Values are HTML-escaped in `bodyHtml` and plain in `subject`.
 * `emptyPlaceholders` lists the placeholders that had no value for this contact (e.g. no company),
 * so the UI can say so; they were filled with the empty string.
 */
export const RenderedTemplate = StrictObject({
  templateId: Type.Optional(ObjectId),
  templateName: Type.Optional(Text(120)),
  purpose: TemplatePurpose,
  language: TemplateLanguage,
  subject: Text(1000),
  bodyHtml: Type.String({ maxLength: MAX_TEMPLATE_BODY_LENGTH * 2 }),
  contactId: Type.Optional(ObjectId),
  emptyPlaceholders: Type.Array(TemplatePlaceholder, { maxItems: TEMPLATE_PLACEHOLDERS.length }),
});
export type RenderedTemplate = Static<typeof RenderedTemplate>;

/** GET /api/v1/templates/{id}/history — the template's audit trail, newest first (at most 100). */
export const TemplateHistory = StrictObject({ items: Type.Array(AuditEntry) });
export type TemplateHistory = Static<typeof TemplateHistory>;
