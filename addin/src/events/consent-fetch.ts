import {
  COMPOSE_SESSION_KEYS as KEYS,
  type ConsentCache,
  mergeConsent,
  type SendCheckSettings,
} from '@klarkonform/shared/send-check';
import { apiOrigin, eventApi } from './event-api';
import { displayLanguage, setSessionValue } from './office-item';
import { eventLanguage, type UnavailableCause } from './send-check-messages';

// The send handler's two requests, each bounded by a deadline that also covers the silent
// sign-in: the consent answers (with the settings they came with), stored on the item, and the
// settings alone. Any failure is an `Unavailable` saying why.

/** The check could not get an answer: no connection / too slow ('offline'), or no silent sign-in. */
export class Unavailable extends Error {
  constructor(readonly reason: UnavailableCause) {
    super(reason);
  }
}

function client() {
  const origin = apiOrigin();
  if (!origin) throw new Unavailable('offline');
  const lang = eventLanguage(displayLanguage());
  return eventApi(origin, () => lang);
}

const unavailable = (err: unknown) =>
  err instanceof Unavailable
    ? err
    : new Unavailable((err as { name?: string }).name === 'AuthRequiredError' ? 'signIn' : 'offline');

/**
 * Asks POST /send-check/consent for `emails` (keys; at least one) within `budgetMs` (ms), merges
 * the answer into `cache` (keeping only `keep`'s entries) and stores it on the item.
 */
export async function fetchConsent(
  item: Office.MessageCompose,
  cache: ConsentCache | undefined,
  emails: readonly string[],
  budgetMs: number,
  keep: readonly string[],
): Promise<ConsentCache> {
  if (budgetMs <= 0) throw new Unavailable('offline');
  try {
    const signal = AbortSignal.timeout(budgetMs);
    const result = await withSignal(client().checkConsent(emails, signal), signal);
    const merged = mergeConsent(cache, result, new Date(), keep);
    void setSessionValue(item, KEYS.consentCache, JSON.stringify(merged));
    return merged;
  } catch (err) {
    throw unavailable(err);
  }
}

/** GET /send-check/settings within `budgetMs` (ms). */
export async function fetchSettings(budgetMs: number): Promise<SendCheckSettings> {
  if (budgetMs <= 0) throw new Unavailable('offline');
  try {
    const signal = AbortSignal.timeout(budgetMs);
    return await withSignal(client().sendCheckSettings(signal), signal);
  } catch (err) {
    throw unavailable(err);
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
