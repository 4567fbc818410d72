import type { BlockedRecipient } from '@klarkonform/shared/send-check';

// The texts of the Smart Alerts dialog, German first, English for other Office display
// languages. Outlook shows at most 500 characters (title: the add-in's name); the Markdown
// variant (Mailbox 1.15) too. Kept here, not in the i18n catalogs, so that the handler's one
// script stays small (no i18next).

export type EventLanguage = 'de' | 'en';

/** German unless Office names another language ("en-US" → en; unknown → de). */
export function eventLanguage(displayLanguage: string): EventLanguage {
  return displayLanguage === '' || /^de\b/i.test(displayLanguage) ? 'de' : 'en';
}

/** Why the check could not decide: no answer in time, or no silent sign-in. */
export type UnavailableCause = 'offline' | 'signIn';

export interface SendCheckTexts {
  blockedIntro: string;
  blockedAdvice: string;
  more: (count: number) => string;
  optedOut: string;
  /** After a recipient whose address cannot be checked (reason `unresolvedAddress`). */
  unresolved: string;
  /** The name of a recipient with neither a display name nor an address. */
  noName: string;
  cancelLabel: string;
  unavailable: Record<UnavailableCause, string>;
  promptAdvice: string;
  blockAdvice: string;
}

export const SEND_CHECK_TEXTS: Record<EventLanguage, SendCheckTexts> = {
  de: {
    blockedIntro: 'Keine Einwilligung in Marketing-E-Mails',
    blockedAdvice: 'Entfernen Sie diese Empfänger oder senden Sie die E-Mail nicht als Werbung (UWG §7).',
    more: (n) => `und ${n} weitere`,
    optedOut: 'Widerspruch',
    unresolved: 'Adresse nicht prüfbar',
    noName: 'Empfänger ohne Adresse',
    cancelLabel: 'Empfänger prüfen',
    unavailable: {
      offline: 'KlarKonform konnte die Marketing-Einwilligung der Empfänger gerade nicht prüfen (keine Verbindung).',
      signIn:
        'KlarKonform konnte die Marketing-Einwilligung nicht prüfen: Sie sind nicht angemeldet. Öffnen Sie KlarKonform im Aufgabenbereich und melden Sie sich an.',
    },
    promptAdvice: 'Senden Sie nur, wenn jeder Empfänger in Werbung per E-Mail eingewilligt hat.',
    blockAdvice:
      'Diese Marketing-E-Mail wird erst nach der Prüfung gesendet. Versuchen Sie es in einer Minute erneut; ist sie keine Werbung, entfernen Sie die Marketing-Kategorie.',
  },
  en: {
    blockedIntro: 'No consent to marketing e-mail',
    blockedAdvice: 'Remove these recipients, or do not send this mail as marketing (UWG §7).',
    more: (n) => `and ${n} more`,
    optedOut: 'opted out',
    unresolved: 'address cannot be checked',
    noName: 'recipient without an address',
    cancelLabel: 'Review recipients',
    unavailable: {
      offline: "KlarKonform could not check the recipients' marketing consent just now (no connection).",
      signIn:
        'KlarKonform could not check marketing consent: you are not signed in. Open KlarKonform in the task pane and sign in.',
    },
    promptAdvice: 'Send only if every recipient has consented to marketing e-mail.',
    blockAdvice:
      'This marketing mail is sent only after the check. Try again in a minute; if it is not marketing, remove the marketing category.',
  },
};

/** The dialog's limit (Microsoft: errorMessage and errorMessageMarkdown, 500 characters each). */
export const MAX_MESSAGE_LENGTH = 500;

// "Nina Niemand <nina@ohne.de>", "… (Widerspruch)"; one whose address cannot be checked by its
// display name only ("Kunden-Verteiler (Adresse nicht prüfbar)"): an X.500 address says nothing.
const label = (b: BlockedRecipient, t: SendCheckTexts) => {
  if (b.reason === 'unresolvedAddress') return `${b.name || b.address || t.noName} (${t.unresolved})`;
  return `${b.name ? `${b.name} <${b.address}>` : b.address}${b.reason === 'optedOut' ? ` (${t.optedOut})` : ''}`;
};

/**
 * "Keine Einwilligung in Marketing-E-Mails: A <a@x.de>, B <b@y.de> und 3 weitere. Entfernen …":
 * as many recipients as fit into 500 characters, at least the first (shortened if need be).
 */
export function blockedMessage(blocked: readonly BlockedRecipient[], t: SendCheckTexts): string {
  const frame = `${t.blockedIntro}: . ${t.blockedAdvice}`;
  return `${t.blockedIntro}: ${fitList(
    blocked.map((b) => label(b, t)),
    MAX_MESSAGE_LENGTH - frame.length,
    ', ',
    t,
  )}. ${t.blockedAdvice}`;
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]()#+!|<>~-])/g, '\\$1');

/** The same in Markdown (Mailbox 1.15): the heading in bold and one recipient per line. */
export function blockedMarkdown(blocked: readonly BlockedRecipient[], t: SendCheckTexts): string {
  const head = `**${t.blockedIntro}**\n\n`;
  const tail = `\n\n${t.blockedAdvice}`;
  const lines = blocked.map((b) => `- ${escapeMarkdown(label(b, t))}`);
  return `${head}${fitList(lines, MAX_MESSAGE_LENGTH - head.length - tail.length, '\n', t, '- ')}${tail}`;
}

// The entries that fit into `budget` characters joined by `separator`, then "und N weitere".
function fitList(
  entries: readonly string[],
  budget: number,
  separator: string,
  t: SendCheckTexts,
  morePrefix = '',
): string {
  const shown: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const rest = entries.length - i - 1;
    const candidate = [...shown, entries[i] as string].join(separator);
    const tail = rest > 0 ? `${separator === '\n' ? '\n' : ' '}${morePrefix}${t.more(rest)}` : '';
    if (candidate.length + tail.length > budget) break;
    shown.push(entries[i] as string);
  }
  const hidden = entries.length - shown.length;
  if (shown.length === 0) {
    const more = hidden > 1 ? ` ${t.more(hidden - 1)}` : '';
    return `${(entries[0] ?? '').slice(0, Math.max(0, budget - more.length - 1))}…${more}`;
  }
  if (hidden === 0) return shown.join(separator);
  return `${shown.join(separator)}${separator === '\n' ? '\n' : ' '}${morePrefix}${t.more(hidden)}`;
}

/** The message when the check could not decide and the tenant's fallback holds the mail or asks. */
export function unavailableMessage(cause: UnavailableCause, fallback: 'prompt' | 'block', t: SendCheckTexts): string {
  return `${t.unavailable[cause]} ${fallback === 'prompt' ? t.promptAdvice : t.blockAdvice}`.slice(
    0,
    MAX_MESSAGE_LENGTH,
  );
}
