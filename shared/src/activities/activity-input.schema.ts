import { type Static, Type } from 'typebox';
import { DateTime, MultilineText, ObjectId, RequiredText, StrictObject, Text } from '../contacts/contact-common.schema';
import { Activity, ActivityType, ComposeKey, MailDirection, Participant, UsedTemplate } from './activity.schema';

// What the activity routes take and answer (api/src/features/activities/activities.routes.ts).

/** Activities a user enters by hand: every type except a logged e-mail's own fields. */
export const ActivityCreate = StrictObject({
  type: ActivityType,
  subject: RequiredText(500),
  text: Type.Optional(MultilineText(10_000)),
  /** When it happened; the server's now when left out, at most one day ahead (ACTIVITY_FUTURE_LIMIT_MS). */
  occurredAt: Type.Optional(DateTime),
  /** The known, live contacts of the tenant it belongs to (1–50, no repeats). */
  contactIds: Type.Array(ObjectId, { minItems: 1, maxItems: 50, uniqueItems: true }),
  opportunityId: Type.Optional(ObjectId),
});
export type ActivityCreate = Static<typeof ActivityCreate>;

/**
 * Longest mail body the API takes in characters: it stores at most `MAX_MAIL_BODY_LENGTH` of it
 * and marks the rest cut off (`bodyTruncated`); the request's byte limit (256 KB) may end it first,
 * so the pane cuts the body to `MAX_MAIL_BODY_LENGTH` before sending.
 */
export const MAX_MAIL_BODY_INPUT = 250_000;

/** "E-Mail protokollieren": the mail as Outlook shows it; the server finds the known participants. */
export const MailLogCreate = StrictObject({
  internetMessageId: Type.String({ minLength: 3, maxLength: 998, pattern: '\\S' }),
  conversationId: Type.Optional(Type.String({ maxLength: 500 })),
  subject: Text(500),
  /** The sent time (Outlook's `dateTimeCreated` of a received mail). */
  occurredAt: DateTime,
  /** `out` when the user sent it (their address is the sender), else `in`; decided by the client. */
  direction: MailDirection,
  from: Type.Optional(Participant),
  to: Type.Array(Participant, { maxItems: 500 }),
  cc: Type.Optional(Type.Array(Participant, { maxItems: 500 })),
  /** Plain-text body, only when the user ticked "Inhalt speichern". */
  body: Type.Optional(MultilineText(MAX_MAIL_BODY_INPUT)),
  opportunityId: Type.Optional(ObjectId),
  /**
   * The compose session's key when the mail carries one (a sent copy's `x-klarkonform-compose-key`
   * header): the log is then keyed `compose:<composeKey>`, so a mail logged at send time answers
   * `alreadyLogged` here.
   */
  composeKey: Type.Optional(ComposeKey),
});
export type MailLogCreate = Static<typeof MailLogCreate>;

/**
 * "E-Mail protokollieren beim Senden": logged by the send handler (Smart Alerts) as the mail leaves,
 * keyed by the compose session (`logKey` `compose:<composeKey>`, idempotent per tenant); the sent time
 * is the server's now when left out. The same key on a later read-mode log (the sent copy carries it in
 * the `x-klarkonform-compose-key` header) answers `alreadyLogged`.
 */
export const SentMailLogCreate = StrictObject({
  composeKey: ComposeKey,
  subject: Text(500),
  occurredAt: Type.Optional(DateTime),
  from: Type.Optional(Participant),
  to: Type.Array(Participant, { maxItems: 500 }),
  cc: Type.Optional(Type.Array(Participant, { maxItems: 500 })),
  bcc: Type.Optional(Type.Array(Participant, { maxItems: 500 })),
  template: Type.Optional(UsedTemplate),
});
export type SentMailLogCreate = Static<typeof SentMailLogCreate>;

/** "Termin protokollieren": an appointment, keyed by its iCalUId (or the add-in's stand-in key). */
export const MeetingLogCreate = StrictObject({
  iCalUId: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
  subject: Text(500),
  start: DateTime,
  end: Type.Optional(DateTime),
  location: Type.Optional(Text(300)),
  organizer: Type.Optional(Participant),
  attendees: Type.Array(Participant, { maxItems: 500 }),
  text: Type.Optional(MultilineText(10_000)),
  opportunityId: Type.Optional(ObjectId),
});
export type MeetingLogCreate = Static<typeof MeetingLogCreate>;

/**
 * The answer to a mail or meeting log: the activity, and whether it had been logged before (by
 * anyone, on any device) — then nothing new was stored and the answer is 200.
 */
export const LogResult = StrictObject({ activity: Activity, alreadyLogged: Type.Boolean() });
export type LogResult = Static<typeof LogResult>;

/** Whether a mail (or meeting) is logged already, and the activity if so. */
export const LogStatus = StrictObject({ logged: Type.Boolean(), activity: Type.Optional(Activity) });
export type LogStatus = Static<typeof LogStatus>;

/** Exactly one of the two (the service answers 400 oneMailKey otherwise): a compose key wins for a sent copy. */
export const MailStatusQuery = StrictObject({
  internetMessageId: Type.Optional(Type.String({ minLength: 3, maxLength: 998, pattern: '\\S' })),
  composeKey: Type.Optional(ComposeKey),
});
export const MeetingStatusQuery = StrictObject({
  iCalUId: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
});

/** A change of a hand-made entry (call, meeting, letter, note): subject, text, time. */
export const ActivityPatch = StrictObject(
  {
    subject: Type.Optional(RequiredText(500)),
    text: Type.Optional(MultilineText(10_000)),
    occurredAt: Type.Optional(DateTime),
  },
  { minProperties: 1 },
);
export type ActivityPatch = Static<typeof ActivityPatch>;

export const DEFAULT_TIMELINE_LIMIT = 20;
export const MAX_TIMELINE_LIMIT = 100;

export const TimelineQuery = StrictObject({
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_TIMELINE_LIMIT, default: DEFAULT_TIMELINE_LIMIT })),
});
export type TimelineQuery = Static<typeof TimelineQuery>;

/** One page of a timeline, newest first; `nextCursor` reads on (null on the last page). */
export const ActivityPage = StrictObject({
  items: Type.Array(Activity),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type ActivityPage = Static<typeof ActivityPage>;
