import { type Static, Type } from 'typebox';
import { Actor, DateTime, Email, MultilineText, ObjectId, StrictObject, Text } from '../contacts/contact-common.schema';
import { MAX_MAIL_BODY_LENGTH } from './activity-limits';
import { TemplatePurpose } from '../templates/template.schema';

export { MAX_MAIL_BODY_LENGTH };

// Activities (Kontakthistorie): what happened with a contact — an e-mail, a call, a meeting, a
// letter or a note — who recorded it and when it happened. One activity links to every known
// participant (`contactIds`) and shows on each one's timeline and on their companies' timelines.

export const ACTIVITY_TYPES = ['email', 'call', 'meeting', 'letter', 'note'] as const;
export const ActivityType = Type.Enum(ACTIVITY_TYPES);
export type ActivityType = Static<typeof ActivityType>;

/** An e-mail's direction from our side: `in` received, `out` sent. */
export const MAIL_DIRECTIONS = ['in', 'out'] as const;
export const MailDirection = Type.Enum(MAIL_DIRECTIONS);
export type MailDirection = Static<typeof MailDirection>;

/** A mail or meeting participant as Outlook names it (display name may be empty). */
export const Participant = StrictObject({
  name: Text(300),
  email: Email,
});
export type Participant = Static<typeof Participant>;

/** A compose session's random key (a UUID), set by the compose pane in the item's session data. */
export const ComposeKey = Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9-]+$' });

/** The template a sent mail was made from: its id (absent once deleted), name and purpose. */
export const UsedTemplate = StrictObject({
  id: Type.Optional(ObjectId),
  name: Text(120),
  purpose: TemplatePurpose,
});
export type UsedTemplate = Static<typeof UsedTemplate>;

/**
 * The mail part of a logged e-mail: Graph's `internetMessageId` (RFC 5322 Message-ID, the key that
 * makes logging idempotent per tenant) and `conversationId`; from/to/cc as in the header; the body
 * only when the user ticked "Inhalt speichern" (plain text, at most `MAX_MAIL_BODY_LENGTH` characters).
 */
export const ActivityMail = StrictObject({
  /** Absent for a mail logged at send time, before Outlook gave it a Message-ID (see `composeKey`). */
  internetMessageId: Type.Optional(Type.String({ minLength: 3, maxLength: 998 })),
  /** The compose session's key of a mail logged at send time ("E-Mail protokollieren beim Senden"). */
  composeKey: Type.Optional(ComposeKey),
  /** The template the mail was written from, when one was inserted. */
  template: Type.Optional(UsedTemplate),
  conversationId: Type.Optional(Type.String({ maxLength: 500 })),
  direction: MailDirection,
  from: Type.Optional(Participant),
  to: Type.Array(Participant, { maxItems: 500 }),
  cc: Type.Array(Participant, { maxItems: 500 }),
  /** Blind copies of a mail logged at send time (only the sender knows them). */
  bcc: Type.Optional(Type.Array(Participant, { maxItems: 500 })),
  body: Type.Optional(MultilineText(MAX_MAIL_BODY_LENGTH)),
  bodyTruncated: Type.Optional(Type.Boolean()),
});
export type ActivityMail = Static<typeof ActivityMail>;

/** The meeting part of a logged appointment: Outlook's iCalUId (idempotency key), start/end, attendees. */
export const ActivityMeeting = StrictObject({
  iCalUId: Type.String({ minLength: 1, maxLength: 1000 }),
  start: DateTime,
  end: Type.Optional(DateTime),
  location: Type.Optional(Text(300)),
  /** Who sent the invitation (Outlook's `organizer`), when the host tells. */
  organizer: Type.Optional(Participant),
  attendees: Type.Array(Participant, { maxItems: 500 }),
});
export type ActivityMeeting = Static<typeof ActivityMeeting>;

export const Activity = StrictObject({
  id: ObjectId,
  type: ActivityType,
  /** When it happened (a mail's sent time, a call's time); the timeline's order, newest first. */
  occurredAt: DateTime,
  subject: Text(500),
  /** What was said or agreed (a call's notes, a note's text); empty for a plain logged mail. */
  text: Type.Optional(MultilineText(10_000)),
  /** Every known contact the activity belongs to (≥ 1). */
  contactIds: Type.Array(ObjectId, { minItems: 1, maxItems: 200 }),
  /** Display names of those contacts at logging time, in the order of `contactIds`. */
  contactNames: Type.Array(Text(300), { maxItems: 200 }),
  opportunityId: Type.Optional(ObjectId),
  mail: Type.Optional(ActivityMail),
  meeting: Type.Optional(ActivityMeeting),
  createdBy: Actor,
  createdAt: DateTime,
  /** Who changed subject, text or time last, and when (absent until the first change). */
  updatedBy: Type.Optional(Actor),
  updatedAt: Type.Optional(DateTime),
  version: Type.Integer({ minimum: 1 }),
});
export type Activity = Static<typeof Activity>;
