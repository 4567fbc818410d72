import {
  CONSENT_FRESH_MS,
  checkableAddresses,
  COMPOSE_SESSION_KEYS as KEYS,
  mergeConsent,
  parseConsentCache,
  settingsFresh,
  staleRecipients,
} from '@klarkonform/shared/send-check';
import { type CompletableEvent, guardCompletion } from './completion';
import { apiOrigin, eventApi } from './event-api';
import { composeItem, displayLanguage, recipientsOf, sessionValue, setSessionValue } from './office-item';
import { eventLanguage } from './send-check-messages';

// OnMessageRecipientsChanged: fetches the consent answers of recipients the cache lacks (or holds
// longer than CONSENT_FRESH_MS) and stores the cache in the item's session data (`kk.consent`), so the send handler
// usually decides without the network. It changes nothing on the mail and always completes.

/** The recipients-changed event completes by itself after this long at the latest (ms). */
export const PREFETCH_WATCHDOG_MS = 4000;

export function onMessageRecipientsChanged(event: CompletableEvent): void {
  const guard = guardCompletion(event, () => undefined, PREFETCH_WATCHDOG_MS);
  prefetch(PREFETCH_WATCHDOG_MS - 300).then(
    () => guard.complete(undefined),
    () => guard.complete(undefined),
  );
}

async function prefetch(budgetMs: number): Promise<void> {
  const item = composeItem();
  if (!item) return;
  const [recipients, stored] = await Promise.all([recipientsOf(item), sessionValue(item, KEYS.consentCache)]);
  // Every non-empty address, e-mail or not (the API answers an X.500 address on its own).
  const addresses = checkableAddresses(recipients);
  if (addresses.length === 0) return;
  const cache = parseConsentCache(stored);
  const now = new Date();
  // Answers older than CONSENT_FRESH_MS are renewed now, so that the send handler need not.
  let missing = staleRecipients(cache, addresses, now, CONSENT_FRESH_MS);
  if (missing.length === 0 && !settingsFresh(cache, now)) missing = addresses;
  if (missing.length === 0) return;
  const origin = apiOrigin();
  if (!origin) return;
  const lang = eventLanguage(displayLanguage());
  const result = await eventApi(origin, () => lang).checkConsent(missing, AbortSignal.timeout(budgetMs));
  await setSessionValue(item, KEYS.consentCache, JSON.stringify(mergeConsent(cache, result, new Date(), addresses)));
}
