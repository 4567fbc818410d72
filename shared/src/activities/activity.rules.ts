import { normalizeEmail } from '../contacts/normalize.rules';

// Pure rules of the activity timeline and of logging mail and meetings from Outlook.

/** How far ahead an entry's time may lie: one day (a call noted for "tomorrow morning" is a typo). */
export const ACTIVITY_FUTURE_LIMIT_MS = 24 * 60 * 60 * 1000;

/** True when `occurredAt` lies more than a day after `now` (quick entries and edits refuse that). */
export function isTooFarAhead(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > ACTIVITY_FUTURE_LIMIT_MS;
}

/**
 * The tenant-wide key of a logged mail: its Internet message id (RFC 5322 Message-ID) without
 * surrounding blanks and angle brackets, case kept (ids are case-sensitive). The same mail has the
 * same id in every mailbox, so anyone logging it on any device finds the first log.
 */
export function mailLogKey(internetMessageId: string): string {
  return `mail:${internetMessageId.trim().replace(/^<+/, '').replace(/>+$/, '').trim()}`;
}

/**
 * The tenant-wide key of a mail logged from a compose session ("E-Mail protokollieren beim Senden"):
 * the session's random key. The sent copy names it in its `x-klarkonform-compose-key` header, so a
 * later log of that copy finds this entry.
 */
export function composeLogKey(composeKey: string): string {
  return `compose:${composeKey.trim()}`;
}

/** The tenant-wide key of a logged meeting: its iCalUId (or the add-in's stand-in key), trimmed. */
export function meetingLogKey(iCalUId: string): string {
  return `meeting:${iCalUId.trim()}`;
}

/**
 * The distinct normalised addresses of a mail's or meeting's participants, in the order given
 * (sender first), without `own` (the logging user's address) and without values that are not
 * addresses (Exchange X.500 names). At most `max`.
 */
export function participantAddresses(
  participants: readonly { email: string }[],
  own: readonly string[] = [],
  max = 200,
): string[] {
  const skip = new Set(own.map((a) => normalizeEmail(a)).filter((a): a is string => a !== null));
  const out: string[] = [];
  for (const p of participants) {
    const key = normalizeEmail(p.email);
    if (key === null || skip.has(key) || out.includes(key)) continue;
    out.push(key);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * A mail body cut to `max` characters (code points kept whole); `truncated` tells whether
 * anything was cut off.
 */
export function truncateBody(body: string, max: number): { body: string; truncated: boolean } {
  if (body.length <= max) return { body, truncated: false };
  let end = max;
  const code = body.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { body: body.slice(0, end), truncated: true };
}

/** A position in a timeline: the last entry of a page (time and id). */
export interface TimelinePosition {
  occurredAt: string;
  id: string;
}

/** Newest first; equal times by id, higher first (ids grow with creation). */
export function compareTimeline(a: TimelinePosition, b: TimelinePosition): number {
  const ta = Date.parse(a.occurredAt);
  const tb = Date.parse(b.occurredAt);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The opaque cursor of a timeline page: base64url of "<ms>.<id>". */
export function encodeTimelineCursor(position: TimelinePosition): string {
  const text = `${Date.parse(position.occurredAt)}.${position.id}`;
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeTimelineCursor(cursor: string): TimelinePosition | null {
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = /^(-?\d{1,15})\.([0-9a-f]{24})$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const ms = Number(match[1]);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  return { occurredAt: date.toISOString(), id: match[2] };
}
