// The send check's entry for the Outlook event handler (addin/src/events): rules, keys and types
// only, nothing that builds TypeBox schemas at load (the handler is one small classic script).
export type {
  ComposePurpose,
  ConsentCache,
  ConsentCheckResult,
  RecipientConsent,
  SendCheckSettings,
  UnavailableFallback,
} from './send-check.schema';
export {
  COMPOSE_KEY_HEADER,
  COMPOSE_SESSION_KEYS,
  CONSENT_CACHE_MAX_AGE_MS,
  CONSENT_FRESH_MS,
} from './send-check.keys';
export {
  type BlockedRecipient,
  blockedRecipients,
  checkableAddresses,
  DEFAULT_SEND_CHECK_SETTINGS,
  isMarketingMail,
  type MailRecipient,
  mergeConsent,
  parseConsentCache,
  recipientKey,
  settingsFresh,
  staleRecipients,
  stricterFallback,
} from './send-check.rules';
