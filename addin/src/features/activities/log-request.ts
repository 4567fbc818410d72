import { MAX_MAIL_BODY_LENGTH, type MailLogCreate, type MeetingLogCreate } from '@klarkonform/shared/ui';
import type { EmailAddress, MailItem } from '../../office/mailbox-host';

// What "E-Mail protokollieren" and "Termin protokollieren" send, built from the selected item.
// The server finds the known participants and stores the item once per tenant.

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const SUBJECT_MAX = 500;
const NAME_MAX = 300;

/** SMTP addresses only (Exchange X.500 names of colleagues are left out), names cut to the API's limit. */
function participants(list: readonly EmailAddress[]): { name: string; email: string }[] {
  return list
    .filter((p) => ADDRESS.test(p.email.trim()) && p.email.trim().length <= 254)
    .map((p) => ({ name: oneLine(p.name).slice(0, NAME_MAX), email: p.email.trim() }));
}

/** One line without control characters (the API refuses them in single-line text). */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/**
 * A mail body as the API stores it: control characters other than tab and line breaks removed,
 * cut to MAX_MAIL_BODY_LENGTH characters (the API would cut it too; cutting here keeps the request
 * under its size limit).
 */
export function storableBody(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  if (clean.length <= MAX_MAIL_BODY_LENGTH) return clean;
  const code = clean.charCodeAt(MAX_MAIL_BODY_LENGTH - 1);
  return clean.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_MAIL_BODY_LENGTH - 1 : MAX_MAIL_BODY_LENGTH);
}

/**
 * The log request of a message: `out` when the signed-in user sent it, else `in`; the sent time
 * (or `now` when the host does not tell). Null for an item that is no message or has no
 * Internet message id (a draft).
 */
export function mailLogRequest(
  item: MailItem,
  userEmail: string | undefined,
  body?: string,
  now: Date = new Date(),
  composeKey?: string,
): MailLogCreate | null {
  if (item.kind !== 'message' || !item.internetMessageId) return null;
  const own = userEmail?.trim().toLowerCase();
  const from = item.from ? participants([item.from])[0] : undefined;
  return {
    internetMessageId: item.internetMessageId.slice(0, 998),
    ...(item.conversationId ? { conversationId: item.conversationId.slice(0, 500) } : {}),
    subject: oneLine(item.subject).slice(0, SUBJECT_MAX),
    occurredAt: item.sentAt ?? now.toISOString(),
    direction: own && from?.email.toLowerCase() === own ? 'out' : 'in',
    ...(from ? { from } : {}),
    to: participants(item.to).slice(0, 500),
    cc: participants(item.cc).slice(0, 500),
    ...(body !== undefined && body.trim() !== '' ? { body: storableBody(body) } : {}),
    ...(composeKey && isComposeKey(composeKey) ? { composeKey } : {}),
  };
}

/** A compose key as the API takes it (ComposeKey: 8–100 letters, digits and dashes); a header may hold anything. */
export function isComposeKey(value: string): boolean {
  return /^[A-Za-z0-9-]{8,100}$/.test(value);
}

/**
 * The key of an appointment: its iCalUId where the host tells it; otherwise one derived from what
 * every attendee's copy shares — organizer, start and subject (Office.js has no iCalUId in read
 * mode, and the item id differs per mailbox). A meeting moved or renamed after logging counts as
 * a new one.
 */
export function meetingKey(item: MailItem): string | null {
  if (item.iCalUId) return item.iCalUId;
  if (!item.start) return null;
  const organizer = item.organizer?.email.trim().toLowerCase() ?? '';
  return `outlook:${organizer}|${item.start}|${oneLine(item.subject)}`.slice(0, 1000);
}

/** The log request of an appointment; null for a message or an appointment without a start. */
export function meetingLogRequest(item: MailItem): MeetingLogCreate | null {
  const key = meetingKey(item);
  if (item.kind !== 'appointment' || !key || !item.start) return null;
  const organizer = item.organizer ? participants([item.organizer])[0] : undefined;
  return {
    iCalUId: key,
    subject: oneLine(item.subject).slice(0, SUBJECT_MAX),
    start: item.start,
    ...(item.end ? { end: item.end } : {}),
    ...(item.location ? { location: oneLine(item.location).slice(0, 300) } : {}),
    ...(organizer ? { organizer } : {}),
    attendees: participants([...item.requiredAttendees, ...item.optionalAttendees]).slice(0, 500),
  };
}
