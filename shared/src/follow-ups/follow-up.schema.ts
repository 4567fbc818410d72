import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  IsoDate,
  Nullable,
  ObjectId,
  RequiredText,
  StrictObject,
  Text,
} from '../contacts/contact-common.schema';
import { UserId } from '../contacts/contact.schema';
import { DUE_BUCKETS } from './follow-up-due.rules';

// Follow-ups (Wiedervorlage): something a tenant user has to do about a contact by a date.

export const FOLLOW_UP_STATES = ['open', 'done'] as const;
export const FollowUpState = Type.Enum(FOLLOW_UP_STATES);
export type FollowUpState = Static<typeof FollowUpState>;

/** A time of day in the tenant's zone (Europe/Berlin), "HH:MM". */
export const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', minLength: 5, maxLength: 5 });

export const FollowUp = StrictObject({
  id: ObjectId,
  title: RequiredText(200),
  /** The due day (calendar date, Europe/Berlin) and, optionally, the time on that day. */
  dueDate: IsoDate,
  dueTime: Type.Optional(TimeOfDay),
  /** The tenant user who has to do it (Betreuer by default). */
  assigneeId: UserId,
  assigneeName: Type.Optional(Text(200)),
  contactId: ObjectId,
  contactName: Text(300),
  opportunityId: Type.Optional(ObjectId),
  state: FollowUpState,
  doneAt: Type.Optional(DateTime),
  doneBy: Type.Optional(Actor),
  createdBy: Actor,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer({ minimum: 1 }),
});
export type FollowUp = Static<typeof FollowUp>;

// ── Requests and answers of /api/v1/follow-ups (issue 12) ──────────────────────────────────

/** `POST /follow-ups`: the assignee defaults to the contact's Betreuer, else the caller. */
export const FollowUpCreate = StrictObject({
  title: RequiredText(200),
  dueDate: IsoDate,
  dueTime: Type.Optional(TimeOfDay),
  assigneeId: Type.Optional(UserId),
  contactId: ObjectId,
  opportunityId: Type.Optional(ObjectId),
});
export type FollowUpCreate = Static<typeof FollowUpCreate>;

/** `PATCH /follow-ups/:id` (If-Match): `dueTime: null` clears the time; `state` done/open completes or reopens. */
export const FollowUpPatch = StrictObject(
  {
    title: Type.Optional(RequiredText(200)),
    dueDate: Type.Optional(IsoDate),
    dueTime: Type.Optional(Nullable(TimeOfDay)),
    assigneeId: Type.Optional(UserId),
    state: Type.Optional(FollowUpState),
  },
  { minProperties: 1 },
);
export type FollowUpPatch = Static<typeof FollowUpPatch>;

/** Where an open follow-up stands on the reader's today (follow-up-due.rules.ts). */
export const DueBucketSchema = Type.Enum(DUE_BUCKETS);

/** Which due days a list shows: one bucket, or `due` (overdue, today and this week). */
export const DUE_RANGES = [...DUE_BUCKETS, 'due'] as const;
export const DueRange = Type.Enum(DUE_RANGES);
export type DueRange = Static<typeof DueRange>;

/** Open follow-ups one assignee may have (the bound of the list's equality bucket, QUERY-RULES R24). */
export const MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE = 2000;
export const MAX_FOLLOW_UPS_PAGE = 500;

/**
 * `GET /follow-ups`: "Meine Wiedervorlagen". `assignee`: `me` (default), a user id, or `all`
 * (every user of the tenant); `state`: open (default) or done (completed this and last month);
 * `range`: narrows open ones to a due bucket. Pages by `cursor` in due order.
 */
export const FollowUpListQuery = StrictObject({
  assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
  state: Type.Optional(FollowUpState),
  range: Type.Optional(DueRange),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FOLLOW_UPS_PAGE })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type FollowUpListQuery = Static<typeof FollowUpListQuery>;

export const FollowUpListItem = StrictObject({ ...FollowUp.properties, bucket: Type.Optional(DueBucketSchema) });
export type FollowUpListItem = Static<typeof FollowUpListItem>;

/** A page of follow-ups: open ones by due day and time, each with its bucket on `today` (Berlin). */
export const FollowUpListPage = StrictObject({
  today: IsoDate,
  /** The last day of "Diese Woche" (Sunday of today's ISO week). */
  weekEnd: IsoDate,
  items: Type.Array(FollowUpListItem, { maxItems: MAX_FOLLOW_UPS_PAGE }),
  nextCursor: Nullable(Type.String()),
});
export type FollowUpListPage = Static<typeof FollowUpListPage>;

/** `GET /contacts/:id/follow-ups`: all of the contact's, or open / done ones. */
export const ContactFollowUpsQuery = StrictObject({ state: Type.Optional(FollowUpState) });
export type ContactFollowUpsQuery = Static<typeof ContactFollowUpsQuery>;

export const FollowUpItems = StrictObject({ items: Type.Array(FollowUp) });
export type FollowUpItems = Static<typeof FollowUpItems>;
