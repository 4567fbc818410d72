import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  IsoDate,
  ObjectId,
  RequiredText,
  StrictObject,
  Text,
} from '../contacts/contact-common.schema';
import { UserId } from '../contacts/contact.schema';

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
