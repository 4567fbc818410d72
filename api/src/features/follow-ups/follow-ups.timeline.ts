import type { ActivityCreate, FollowUp } from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { PendingTimeline } from './follow-ups.model';

/**
 * Where a completed follow-up leaves its trace: the contact's timeline (activities feature).
 * `recordDone` must be idempotent by `owed.key` (the same key never makes a second entry), as it
 * runs again whenever the entry may not have been stored yet.
 */
export interface FollowUpTimeline {
  recordDone(auth: AuthContext, owed: PendingTimeline, followUp: FollowUp): Promise<void>;
}

/** The subject of the timeline entry of a completed follow-up (stored text, German like the UI's default). */
export function doneSubject(followUp: Pick<FollowUp, 'title'>): string {
  return `Wiedervorlage erledigt: ${followUp.title}`.slice(0, 500);
}

/** The caller as the one who completed it (a re-flush by another reader keeps the original actor). */
export function completerAuth(auth: AuthContext, owed: PendingTimeline): AuthContext {
  return { ...auth, userId: owed.actor.id, name: owed.actor.name };
}

/** What the activities feature offers other features (ActivitiesService.record). */
export interface ActivityRecorder {
  record(auth: AuthContext, idempotencyKey: string, input: ActivityCreate): Promise<unknown>;
}

/**
 * The timeline entry of a completed follow-up as an activity: a note "Wiedervorlage erledigt:
 * <title>" at the time it was completed, on the follow-up's contact (and opportunity). A 409 for
 * the key means the entry is there already (recorded from the follow-up as it was then).
 */
export function activitiesTimeline(activities: ActivityRecorder): FollowUpTimeline {
  return {
    async recordDone(auth, owed, followUp) {
      const [year, month, day] = followUp.dueDate.split('-');
      const input: ActivityCreate = {
        type: 'note',
        subject: doneSubject(followUp),
        text: `Fällig am ${day}.${month}.${year}${followUp.dueTime ? `, ${followUp.dueTime} Uhr` : ''}`,
        occurredAt: owed.occurredAt,
        contactIds: [followUp.contactId],
        ...(followUp.opportunityId ? { opportunityId: followUp.opportunityId } : {}),
      };
      try {
        await activities.record(completerAuth(auth, owed), owed.key, input);
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 409 && err.code === 'conflict') return;
        throw err;
      }
    },
  };
}
