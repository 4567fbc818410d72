import type { ConsentCache, ConsentCheckResult, SendCheckSettings, UnavailableFallback } from './send-check.schema';
import { hasVisibleText, normalizeLine } from '../text/text.rules';
import { CONSENT_CACHE_MAX_AGE_MS } from './send-check.keys';

// Pure rules of the send-time consent check (Smart Alerts, issue 14), shared by the API (the
// defaults) and the event handler (what the mail is, which cached answers count, whom to name).
// Nothing here does I/O; `now` is passed in.

/** A tenant's settings before its admin saved any: on, softBlock, no categories, ask the user. */
export const DEFAULT_SEND_CHECK_SETTINGS: SendCheckSettings = Object.freeze({
  enabled: true,
  mode: 'softBlock',
  marketingCategories: [],
  whenUnavailable: 'prompt',
  version: 0,
}) as SendCheckSettings;

/** The key of an address in the cache and in the API's answer: trimmed, lower case. */
export function recipientKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Whether a mail counts as marketing: the compose pane marked it (`kk.purpose` = 'marketing', an
 * inserted marketing template), or it carries an Outlook category the admin named a marketing
 * category (compared case-insensitively, trimmed). A transactional or personal template with a
 * marketing category is marketing: the category is the user's own later mark.
 */
export function isMarketingMail(
  purpose: string | undefined,
  categories: readonly string[],
  marketingCategories: readonly string[],
): boolean {
  if (purpose === 'marketing') return true;
  const named = new Set(marketingCategories.map((c) => c.trim().toLowerCase()));
  return categories.some((c) => named.has(c.trim().toLowerCase()));
}

/** The cache in session data, or undefined when it is absent or not a cache (another version, damage). */
export function parseConsentCache(json: string | null | undefined): ConsentCache | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<ConsentCache>;
    if (typeof value !== 'object' || value === null) return undefined;
    if (typeof value.checkedAt !== 'string' || typeof value.recipients !== 'object' || value.recipients === null) {
      return undefined;
    }
    const s = value.settings;
    if (!s || typeof s.enabled !== 'boolean' || !Array.isArray(s.marketingCategories)) return undefined;
    return value as ConsentCache;
  } catch {
    return undefined;
  }
}

/** The longest entry POST /send-check/consent takes (RecipientAddress); longer ones are not asked about. */
const MAX_ADDRESS_LENGTH = 320;
const REFUSED_IN_A_LINE = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

/**
 * Whether the API takes `key` as it is: 1–320 characters, visible, no control character or line
 * break, already in the form the API's text rules give it (text.rules.ts `normalizeLine`) — so its
 * answer comes back under the same key. Any other recipient is one that cannot be checked.
 */
function checkable(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= MAX_ADDRESS_LENGTH &&
    !REFUSED_IN_A_LINE.test(key) &&
    normalizeLine(key) === key &&
    hasVisibleText(key)
  );
}

/**
 * The keys worth asking the API about, once each, in the mail's order: every non-empty address up
 * to 320 characters the API takes as it is, whether or not it looks like an e-mail address (the
 * API answers an X.500 address or an unresolved name with `unresolvedAddress`). A recipient without
 * such an address (an unexpanded group) is not asked about: `blockedRecipients` names it by its
 * display name.
 */
export function checkableAddresses(recipients: readonly MailRecipient[]): string[] {
  const keys = recipients.map((r) => recipientKey(r.emailAddress));
  return [...new Set(keys.filter(checkable))];
}

/**
 * The addresses (keys) without an answer younger than `maxAgeMs` (default CONSENT_CACHE_MAX_AGE_MS),
 * in order, once each. An answer dated in the future counts as missing.
 */
export function staleRecipients(
  cache: ConsentCache | undefined,
  addresses: readonly string[],
  now: Date,
  maxAgeMs: number = CONSENT_CACHE_MAX_AGE_MS,
): string[] {
  const out: string[] = [];
  for (const key of new Set(addresses.map(recipientKey))) {
    const entry = cache?.recipients[key];
    const age = entry ? now.getTime() - Date.parse(entry.fetchedAt) : Number.POSITIVE_INFINITY;
    if (!(age >= 0 && age <= maxAgeMs)) out.push(key);
  }
  return out;
}

const FALLBACK_STRICTNESS: Record<UnavailableFallback, number> = { allow: 0, prompt: 1, block: 2 };

/**
 * The stricter of two fallbacks (allow < prompt < block). Settings too old to act on may only make
 * the handler stricter: `stricterFallback(stale.whenUnavailable, 'prompt')`.
 */
export function stricterFallback(a: UnavailableFallback, b: UnavailableFallback): UnavailableFallback {
  return FALLBACK_STRICTNESS[a] >= FALLBACK_STRICTNESS[b] ? a : b;
}

/** Whether the cached settings are young enough to act on (the same age as an answer). */
export function settingsFresh(
  cache: ConsentCache | undefined,
  now: Date,
  maxAgeMs: number = CONSENT_CACHE_MAX_AGE_MS,
): boolean {
  if (!cache) return false;
  const age = now.getTime() - Date.parse(cache.checkedAt);
  return age >= 0 && age <= maxAgeMs;
}

/**
 * The cache with the API's answer merged in: its settings replace the cached ones, its recipients
 * replace theirs; entries of addresses no longer on the mail are dropped when `keep` is given
 * (session data holds at most 50,000 characters per add-in).
 */
export function mergeConsent(
  cache: ConsentCache | undefined,
  result: ConsentCheckResult,
  now: Date,
  keep?: readonly string[],
): ConsentCache {
  const fetchedAt = now.toISOString();
  const recipients: ConsentCache['recipients'] = { ...(cache?.recipients ?? {}) };
  for (const r of result.recipients) {
    recipients[recipientKey(r.email)] = {
      allowed: r.allowed,
      reason: r.reason,
      fetchedAt,
      ...(r.name ? { name: r.name } : {}),
    };
  }
  if (keep) {
    const wanted = new Set(keep.map(recipientKey));
    for (const key of Object.keys(recipients)) if (!wanted.has(key)) delete recipients[key];
  }
  return { checkedAt: fetchedAt, settings: result.settings, recipients };
}

/** A recipient as Outlook gives it (EmailAddressDetails). */
export interface MailRecipient {
  emailAddress: string;
  displayName?: string;
}

/** A recipient the check holds the mail for, with the name to show. */
export interface BlockedRecipient {
  address: string;
  name: string;
  reason: string;
}

/**
 * The recipients a marketing mail must not go to: every one whose cached answer is "not allowed"
 * or who has no answer at all (nothing known is no consent), and every one without a checkable
 * address (empty — an unexpanded group —, too long, control characters): `unresolvedAddress`, named by
 * the display name. Once each, in the mail's order; the name is Outlook's display name, else the
 * CRM's, else the address.
 */
export function blockedRecipients(
  cache: ConsentCache | undefined,
  recipients: readonly MailRecipient[],
): BlockedRecipient[] {
  const seen = new Set<string>();
  const out: BlockedRecipient[] = [];
  for (const r of recipients) {
    const key = recipientKey(r.emailAddress);
    const displayName = r.displayName?.trim() ?? '';
    if (!checkable(key)) {
      const id = `name:${displayName.toLowerCase()}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ address: r.emailAddress.trim(), name: displayName, reason: 'unresolvedAddress' });
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = cache?.recipients[key];
    if (entry?.allowed) continue;
    const shown = displayName && recipientKey(displayName) !== key ? displayName : entry?.name;
    out.push({ address: r.emailAddress.trim(), name: shown ?? '', reason: entry?.reason ?? 'noConsent' });
  }
  return out;
}
