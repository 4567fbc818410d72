import type { FollowUp } from '@klarkonform/shared';
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
