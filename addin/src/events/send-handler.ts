import {
  blockedRecipients,
  CONSENT_FRESH_MS,
  checkableAddresses,
  COMPOSE_SESSION_KEYS as KEYS,
  type ConsentCache,
  isMarketingMail,
  type MailRecipient,
  parseConsentCache,
  recipientKey,
  type SendCheckSettings,
  settingsFresh,
  staleRecipients,
  stricterFallback,
  type UnavailableFallback,
} from '@klarkonform/shared/send-check';
import { type CompletableEvent, type CompletedOptions, guardCompletion } from './completion';
import { fetchConsent, fetchSettings, Unavailable } from './consent-fetch';
import { logSentMail } from './log-on-send';
import { categoriesOf, composeItem, displayLanguage, recipientsOf, sessionValue, supportsMailbox } from './office-item';
import {
  blockedMarkdown,
  blockedMessage,
  eventLanguage,
  SEND_CHECK_TEXTS,
  type SendCheckTexts,
  type UnavailableCause,
  unavailableMessage,
} from './send-check-messages';

// OnMessageSend (Smart Alerts): holds back a MARKETING mail to anyone without e-mail marketing
// consent, with an opt-out, or without an address that can be checked (an unexpanded group, an
// unresolved name, an X.500 address: what cannot be checked blocks — the safe side), and names
// them; never holds transactional or personal mail. Answers from the cache the recipients-changed
// handler filled:
// - settings older than CONSENT_CACHE_MAX_AGE_MS decide nothing before they are fetched again; if
//   that fails they may only make the fallback stricter (never allow by a stale `enabled: false`
//   or stale categories);
// - a cached "not allowed" blocks at once; "allowed" answers younger than CONSENT_FRESH_MS count
//   as they are, older ones are revalidated within REVALIDATE_BUDGET_MS and only used when that
//   fails; missing ones (or older than the max age) are fetched within SEND_FETCH_BUDGET_MS;
// - when the consent request fails and no current settings are known, GET /send-check/settings
//   is tried for the admin's `whenUnavailable`; only when no settings can be known at all does
//   the default (`prompt`) apply.
// Whatever happens, the event completes exactly once, at the latest by the watchdog.

/** The watchdog: Outlook shows its "taking longer" dialog at 5 s (ms). */
export const SEND_WATCHDOG_MS = 4000;
/** At most this long for a consent request the decision needs at send time (ms). */
export const SEND_FETCH_BUDGET_MS = 2500;
/** At most this long for revalidating cached "allowed" answers older than CONSENT_FRESH_MS (ms). */
export const REVALIDATE_BUDGET_MS = 800;
/** The ID of the task pane action the dialog's button opens (manifest: ShowComposeCard). */
export const COMPOSE_COMMAND_ID = 'ShowComposeCard';

const ALLOW: CompletedOptions = { allowEvent: true };

export function onMessageSend(event: CompletableEvent): void {
  const started = Date.now();
  const t = SEND_CHECK_TEXTS[eventLanguage(displayLanguage())];
  let fallback: UnavailableFallback = 'prompt';
  const guard = guardCompletion(event, () => fallbackOutcome(fallback, 'offline', t), SEND_WATCHDOG_MS);
  const remaining = () => SEND_WATCHDOG_MS - (Date.now() - started) - 250;
  decide(t, remaining, (next) => {
    fallback = next;
  }).then(
    async (outcome) => {
      if (outcome?.allowEvent !== false) {
        // Allowed: the decision stands even if logging runs into the watchdog.
        guard.setFallback(() => ALLOW);
        await logSentMail(Math.min(1500, remaining())).catch(() => undefined);
      }
      guard.complete(outcome);
    },
    (err: unknown) => {
      const cause = err instanceof Unavailable ? err.reason : 'offline';
      guard.complete(fallbackOutcome(fallback, cause, t));
    },
  );
}

interface Context {
  item: Office.MessageCompose;
  remaining: () => number;
  /** What the handler falls back to from now on (the watchdog too). */
  setFallback: (fallback: UnavailableFallback) => void;
}

async function decide(
  t: SendCheckTexts,
  remaining: () => number,
  setFallback: (fallback: UnavailableFallback) => void,
): Promise<CompletedOptions> {
  const item = composeItem();
  if (!item) return ALLOW;
  const ctx: Context = { item, remaining, setFallback };
  const [purpose, stored] = await Promise.all([
    sessionValue(item, KEYS.purpose),
    sessionValue(item, KEYS.consentCache),
  ]);
  const cache = parseConsentCache(stored);
  // Settings decide only while fresh; stale ones can only make the fallback stricter.
  let settings = cache && settingsFresh(cache, new Date()) ? cache.settings : undefined;
  if (settings) setFallback(settings.whenUnavailable);
  else if (cache) setFallback(stricterFallback(cache.settings.whenUnavailable, 'prompt'));
  // A cached "off" or category list lets a mail go unchecked, so, like a cached "allowed" answer, it
  // counts only while recent (CONSENT_FRESH_MS); older, it is asked again (the admin may have changed it).
  const recent = settingsFresh(cache, new Date(), CONSENT_FRESH_MS);
  if (settings && !settings.enabled) {
    if (recent) return ALLOW;
    settings = undefined;
  }
  let categories: string[] = [];
  if (purpose !== 'marketing') {
    categories = await categoriesOf(item);
    // No category, no marketing: decided without the network.
    if (categories.length === 0) return ALLOW;
    if (!settings || !recent) {
      settings = await fetchSettings(Math.min(SEND_FETCH_BUDGET_MS, remaining()));
      setFallback(settings.whenUnavailable);
      if (!settings.enabled) return ALLOW;
    }
    if (!isMarketingMail(purpose, categories, settings.marketingCategories)) return ALLOW;
  }
  const recipients = await recipientsOf(item);
  if (recipients.length === 0) return ALLOW;
  let answers: Answers;
  try {
    answers = await currentAnswers(ctx, cache, settings, recipients);
  } catch (err) {
    if (settings || !(err instanceof Unavailable) || err.reason !== 'offline') throw err;
    // No current settings: the admin's fallback (and whether the check is on) may still be known.
    const fetched = await fetchSettings(remaining()).catch(() => undefined);
    if (!fetched) throw err;
    setFallback(fetched.whenUnavailable);
    if (!fetched.enabled) return ALLOW;
    if (purpose !== 'marketing' && !isMarketingMail(purpose, categories, fetched.marketingCategories)) return ALLOW;
    throw err;
  }
  setFallback(answers.cache.settings.whenUnavailable);
  if (!answers.cache.settings.enabled) return ALLOW;
  const blocked = blockedRecipients(answers.cache, answers.judged);
  return blocked.length === 0 ? ALLOW : blockedOutcome(blocked, answers.cache.settings, t);
}

/** The answers to decide from, and the recipients they judge (all, unless a fetch failed). */
interface Answers {
  cache: ConsentCache;
  judged: readonly MailRecipient[];
}

async function currentAnswers(
  ctx: Context,
  cache: ConsentCache | undefined,
  settings: SendCheckSettings | undefined,
  recipients: readonly MailRecipient[],
): Promise<Answers> {
  const keys = checkableAddresses(recipients);
  const required = (emails: readonly string[]) =>
    fetchConsent(ctx.item, cache, emails, Math.min(SEND_FETCH_BUDGET_MS, ctx.remaining()), keys);
  if (!settings || !cache) {
    // Nothing current to act on: every answer and the settings come fresh.
    if (keys.length > 0) return { cache: await required(keys), judged: recipients };
    const fetched = await fetchSettings(Math.min(SEND_FETCH_BUDGET_MS, ctx.remaining()));
    return { cache: { checkedAt: new Date().toISOString(), settings: fetched, recipients: {} }, judged: recipients };
  }
  const now = new Date();
  const missing = staleRecipients(cache, keys, now);
  if (missing.length > 0) {
    try {
      return { cache: await required(missing), judged: recipients };
    } catch (err) {
      // The answers still current may hold the mail on their own (stricter than any fallback).
      const gone = new Set(missing);
      const known = recipients.filter((r) => !gone.has(recipientKey(r.emailAddress)));
      if (blockedRecipients(cache, known).length > 0) return { cache, judged: known };
      throw err;
    }
  }
  // A cached "not allowed" (or an address that cannot be checked) blocks at once.
  if (blockedRecipients(cache, recipients).length > 0) return { cache, judged: recipients };
  if (staleRecipients(cache, keys, now, CONSENT_FRESH_MS).length === 0) return { cache, judged: recipients };
  // Everyone allowed, but not all of it just now: an opt-out may have been recorded meanwhile.
  try {
    const budget = Math.min(REVALIDATE_BUDGET_MS, ctx.remaining());
    return { cache: await fetchConsent(ctx.item, cache, keys, budget, keys), judged: recipients };
  } catch {
    return { cache, judged: recipients };
  }
}

function blockedOutcome(
  blocked: ReturnType<typeof blockedRecipients>,
  settings: SendCheckSettings,
  t: SendCheckTexts,
): CompletedOptions {
  const options: Office.SmartAlertsEventCompletedOptions = {
    allowEvent: false,
    errorMessage: blockedMessage(blocked, t),
  };
  if (supportsMailbox('1.15')) options.errorMessageMarkdown = blockedMarkdown(blocked, t);
  if (supportsMailbox('1.14')) {
    options.cancelLabel = t.cancelLabel;
    options.commandId = COMPOSE_COMMAND_ID;
    if (settings.mode === 'promptUser') {
      options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
    }
  }
  return options;
}

/** What the handler answers when it cannot decide for a marketing mail (the tenant's setting). */
function fallbackOutcome(fallback: UnavailableFallback, cause: UnavailableCause, t: SendCheckTexts): CompletedOptions {
  if (fallback === 'allow') return ALLOW;
  const prompt = fallback === 'prompt';
  // Without sendModeOverride (Mailbox < 1.14) Outlook cannot offer "Send anyway": a prompt then
  // lets the mail go, as Outlook itself does when a softBlock add-in is unavailable.
  if (prompt && !supportsMailbox('1.14')) return ALLOW;
  const options: Office.SmartAlertsEventCompletedOptions = {
    allowEvent: false,
    errorMessage: unavailableMessage(cause, prompt ? 'prompt' : 'block', t),
  };
  if (prompt) options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
  if (cause === 'signIn' && supportsMailbox('1.14')) {
    options.cancelLabel = t.cancelLabel;
    options.commandId = COMPOSE_COMMAND_ID;
  }
  return options;
}
