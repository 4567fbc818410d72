import {
  blockedRecipients,
  COMPOSE_SESSION_KEYS as KEYS,
  type ConsentCache,
  isMarketingMail,
  mergeConsent,
  parseConsentCache,
  type SendCheckSettings,
  settingsFresh,
  staleRecipients,
  type UnavailableFallback,
} from '@klarkonform/shared/send-check';
import { type CompletableEvent, type CompletedOptions, guardCompletion } from './completion';
import { apiOrigin, eventApi } from './event-api';
import { logSentMail } from './log-on-send';
import {
  categoriesOf,
  composeItem,
  displayLanguage,
  recipientsOf,
  sessionValue,
  setSessionValue,
  supportsMailbox,
} from './office-item';
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
// consent or with an opt-out, and names them; never holds transactional or personal mail.
// Answers from the cache the recipients-changed handler filled; only missing or stale answers
// are fetched, within a short budget. Whatever happens, the event completes exactly once, at the
// latest by the watchdog, with the tenant's `whenUnavailable` fallback.

/** The watchdog: Outlook shows its "taking longer" dialog at 5 s (ms). */
export const SEND_WATCHDOG_MS = 4000;
/** At most this long for the consent request at send time (ms). */
export const SEND_FETCH_BUDGET_MS = 2500;
/** The ID of the task pane action the dialog's button opens (manifest: ShowComposeCard). */
export const COMPOSE_COMMAND_ID = 'ShowComposeCard';

const ALLOW: CompletedOptions = { allowEvent: true };

class Unavailable extends Error {
  constructor(readonly reason: UnavailableCause) {
    super(reason);
  }
}

export function onMessageSend(event: CompletableEvent): void {
  const started = Date.now();
  const t = SEND_CHECK_TEXTS[eventLanguage(displayLanguage())];
  let known: SendCheckSettings | undefined;
  const guard = guardCompletion(
    event,
    () => fallbackOutcome(known?.whenUnavailable ?? 'prompt', 'offline', t),
    SEND_WATCHDOG_MS,
  );
  const remaining = () => SEND_WATCHDOG_MS - (Date.now() - started) - 250;
  decide(t, remaining, (settings) => {
    known = settings;
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
      guard.complete(fallbackOutcome(known?.whenUnavailable ?? 'prompt', cause, t));
    },
  );
}

async function decide(
  t: SendCheckTexts,
  remaining: () => number,
  learn: (settings: SendCheckSettings) => void,
): Promise<CompletedOptions> {
  const item = composeItem();
  if (!item) return ALLOW;
  const [purpose, cached] = await Promise.all([
    sessionValue(item, KEYS.purpose),
    sessionValue(item, KEYS.consentCache),
  ]);
  let cache = parseConsentCache(cached);
  if (cache) learn(cache.settings);
  if (cache && !cache.settings.enabled) return ALLOW;
  let marketing = purpose === 'marketing';
  if (!marketing) {
    const categories = await categoriesOf(item);
    // No category, no marketing: decided without the network.
    if (categories.length === 0) return ALLOW;
    cache ??= await fetchConsent(item, undefined, [], remaining);
    learn(cache.settings);
    marketing = isMarketingMail(purpose, categories, cache.settings.marketingCategories);
  }
  if (!marketing) return ALLOW;
  const recipients = await recipientsOf(item);
  const addresses = recipients.map((r) => r.emailAddress).filter((a) => a.trim() !== '');
  if (addresses.length === 0) return ALLOW;
  const now = new Date();
  let missing = staleRecipients(cache, addresses, now);
  // Old settings are refreshed with the answers (the admin may have changed them).
  if (missing.length === 0 && !settingsFresh(cache, now)) missing = addresses;
  if (missing.length > 0) cache = await fetchConsent(item, cache, missing, remaining, addresses);
  const current = cache as ConsentCache;
  learn(current.settings);
  if (!current.settings.enabled) return ALLOW;
  const blocked = blockedRecipients(current, recipients);
  if (blocked.length === 0) return ALLOW;
  const options: Office.SmartAlertsEventCompletedOptions = {
    allowEvent: false,
    errorMessage: blockedMessage(blocked, t),
  };
  if (supportsMailbox('1.15')) options.errorMessageMarkdown = blockedMarkdown(blocked, t);
  if (supportsMailbox('1.14')) {
    options.cancelLabel = t.cancelLabel;
    options.commandId = COMPOSE_COMMAND_ID;
    if (current.settings.mode === 'promptUser') {
      options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
    }
  }
  return options;
}

/**
 * Asks the API for `emails` (the settings come with the answer; with no address it asks for the
 * settings alone) within what is left of the budget, and stores the merged cache on the item.
 */
async function fetchConsent(
  item: Office.MessageCompose,
  cache: ConsentCache | undefined,
  emails: readonly string[],
  remaining: () => number,
  keep?: readonly string[],
): Promise<ConsentCache> {
  const budget = Math.min(SEND_FETCH_BUDGET_MS, remaining());
  if (budget <= 0) throw new Unavailable('offline');
  const origin = apiOrigin();
  if (!origin) throw new Unavailable('offline');
  const lang = eventLanguage(displayLanguage());
  const api = eventApi(origin, () => lang);
  const signal = AbortSignal.timeout(budget);
  try {
    if (emails.length === 0) {
      const settings = await withSignal(api.sendCheckSettings(signal), signal);
      return { checkedAt: new Date(0).toISOString(), settings, recipients: cache?.recipients ?? {} };
    }
    const result = await withSignal(api.checkConsent(emails, signal), signal);
    const merged = mergeConsent(cache, result, new Date(), keep);
    void setSessionValue(item, KEYS.consentCache, JSON.stringify(merged));
    return merged;
  } catch (err) {
    const name = (err as { name?: string }).name;
    throw new Unavailable(name === 'AuthRequiredError' ? 'signIn' : 'offline');
  }
}

// The token request is not covered by the client's signal: the deadline covers it too.
function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Unavailable('offline'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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
