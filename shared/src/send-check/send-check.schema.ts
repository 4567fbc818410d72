import { type Static, Type } from 'typebox';
import { ObjectId, StrictObject, Text } from '../contacts/contact-common.schema';
import { ConsentReason, Relationship } from '../contacts/contact-enums.schema';
import type { TemplatePurpose } from '../templates/template.schema';

// The send-time consent check (Smart Alerts OnMessageSend, issue 14): a marketing mail must not
// reach anyone without e-mail marketing consent or with an opt-out (UWG §7 Abs. 2 Nr. 2, Abs. 3).
// The decision per recipient is the server's `mayContact(contact, 'email', 'marketing')` — the same
// rule as the card's "Marketing-E-Mail erlaubt?" (see `marketingEmailDecision`).

/**
 * How a blocked marketing mail is held back (Microsoft: Smart Alerts send modes). The manifest
 * declares `softBlock`; `promptUser` relaxes it per tenant through `sendModeOverride` (Mailbox 1.14),
 * letting the user "Trotzdem senden". `block` needs a manifest rendered with `sendMode: block`
 * (admin deployment only) and is not a tenant setting.
 */
export const SEND_CHECK_MODES = ['softBlock', 'promptUser'] as const;
export const SendCheckMode = Type.Enum(SEND_CHECK_MODES);
export type SendCheckMode = Static<typeof SendCheckMode>;

/**
 * What the handler does when it cannot decide for a marketing mail (API down or slower than the
 * handler's budget, sign-in missing): `allow` sends, `prompt` asks the user (Send anyway),
 * `block` holds the mail with a message saying why.
 */
export const UNAVAILABLE_FALLBACKS = ['allow', 'prompt', 'block'] as const;
export const UnavailableFallback = Type.Enum(UNAVAILABLE_FALLBACKS);
export type UnavailableFallback = Static<typeof UnavailableFallback>;

/** The tenant's send-check settings (CRM.Admin; defaults when never saved: enabled, softBlock, no categories, prompt). */
export const SendCheckSettings = StrictObject({
  enabled: Type.Boolean(),
  mode: SendCheckMode,
  /** Outlook categories that make a mail marketing even without a marketing template (compared case-insensitively). */
  marketingCategories: Type.Array(Type.String({ minLength: 1, maxLength: 255, pattern: '\\S' }), {
    maxItems: 20,
    uniqueItems: true,
  }),
  whenUnavailable: UnavailableFallback,
  version: Type.Integer({ minimum: 0 }),
});
export type SendCheckSettings = Static<typeof SendCheckSettings>;

/** PUT /api/v1/send-check/settings (If-Match: the version; 0 before the first save). */
export const SendCheckSettingsUpdate = StrictObject({
  enabled: Type.Boolean(),
  mode: SendCheckMode,
  marketingCategories: SendCheckSettings.properties.marketingCategories,
  whenUnavailable: UnavailableFallback,
});
export type SendCheckSettingsUpdate = Static<typeof SendCheckSettingsUpdate>;

/**
 * A recipient's address as Outlook gives it (1–320 characters). Not necessarily an e-mail address:
 * Exchange X.500 addresses (`/o=ExchangeLabs/…/cn=…`) and unresolved names (`Verteiler Kunden`)
 * come too; the answer for such an entry is `unresolvedAddress`, so one of them never fails the
 * whole check. 320 = 64 (local part) + 1 + 255 (domain), RFC 5321 §4.5.3.1.
 */
export const RecipientAddress = Type.String({ minLength: 1, maxLength: 320 });

/** POST /api/v1/send-check/consent — the recipients of one mail (to, cc and bcc together). */
export const ConsentCheckRequest = StrictObject({
  emails: Type.Array(RecipientAddress, { minItems: 1, maxItems: 500 }),
});
export type ConsentCheckRequest = Static<typeof ConsentCheckRequest>;

/**
 * One recipient's answer. `known` false: no live contact has the address — no consent on record, so
 * marketing is not allowed (`reason: 'noConsent'`); an entry that is no e-mail address cannot be
 * looked up at all (`reason: 'unresolvedAddress'`). `allowed`/`reason` is the e-mail marketing
 * decision. `email` is the entry trimmed and lower-cased (`recipientKey`).
 */
export const RecipientConsent = StrictObject({
  email: Type.String({ maxLength: 320 }),
  known: Type.Boolean(),
  contactId: Type.Optional(ObjectId),
  name: Type.Optional(Text(300)),
  relationships: Type.Optional(Type.Array(Relationship, { maxItems: 4 })),
  allowed: Type.Boolean(),
  reason: ConsentReason,
});
export type RecipientConsent = Static<typeof RecipientConsent>;

export const ConsentCheckResult = StrictObject({
  checkedAt: Type.String({ format: 'date-time', maxLength: 35 }),
  settings: SendCheckSettings,
  /** In the order of the request, one per distinct address (lower-cased). */
  recipients: Type.Array(RecipientConsent, { maxItems: 500 }),
});
export type ConsentCheckResult = Static<typeof ConsentCheckResult>;

// --- The compose item's session data: how the compose pane tells the event handler what the mail is.
// Outlook `item.sessionData` (Mailbox 1.11, compose only): string values, ≤ 50,000 characters per add-in.

export {
  COMPOSE_KEY_HEADER,
  COMPOSE_SESSION_KEYS,
  CONSENT_CACHE_MAX_AGE_MS,
  CONSENT_FRESH_MS,
} from './send-check.keys';

/** What `kk.consent` holds: the last answer per lower-cased address, and the settings it came with. */
export interface ConsentCache {
  /** ISO time of the newest fetch. */
  checkedAt: string;
  settings: SendCheckSettings;
  recipients: Record<string, { allowed: boolean; reason: string; name?: string; fetchedAt: string }>;
}

/** The purpose a compose item declares, or undefined when the pane set none. */
export type ComposePurpose = TemplatePurpose;
