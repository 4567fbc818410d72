// Plain constants of the compose session, in a module without TypeBox so that the event handler's
// bundle (addin/dist/events.js) stays small; send-check.schema.ts re-exports them.

/** Keys in `Office.context.mailbox.item.sessionData`. */
export const COMPOSE_SESSION_KEYS = {
  /**
   * The mail's purpose (`marketing` | `transactional` | `personal`): the strictest of the inserted
   * templates' purposes, or what the user chose with "Zweck ändern". The send check reads it.
   */
  purpose: 'kk.purpose',
  /** The last inserted template's id, name and own purpose (for the log entry). */
  templateId: 'kk.templateId',
  templateName: 'kk.templateName',
  templatePurpose: 'kk.templatePurpose',
  /** '1' when "E-Mail protokollieren beim Senden" is on; absent or '0' when off. */
  logOnSend: 'kk.logOnSend',
  /** A random id (UUID) of this compose session: the key of the sent-mail log entry. */
  composeKey: 'kk.composeKey',
  /** JSON of `ConsentCache`, written by the recipients-changed handler, read at send time. */
  consentCache: 'kk.consent',
} as const;

/** The internet header the send handler puts on a mail it logs, so its sent copy is recognised in read mode. */
export const COMPOSE_KEY_HEADER = 'x-klarkonform-compose-key';

/**
 * A cached answer (and the settings it came with) counts for at most this long; older entries are
 * fetched again at send time before they decide anything (ms).
 */
export const CONSENT_CACHE_MAX_AGE_MS = 10 * 60_000;

/**
 * A cached "allowed" answer younger than this is used at send time without asking again; an
 * older one is revalidated first (an opt-out may have been recorded meanwhile), and used only
 * when that revalidation fails or is too slow (ms). A cached "not allowed" blocks at once.
 */
export const CONSENT_FRESH_MS = 60_000;
