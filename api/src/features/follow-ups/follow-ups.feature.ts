import type { Connection } from 'mongoose';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { UsersRepository } from '../users/users.repository';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import type { FollowUpTimeline } from './follow-ups.timeline';

/** The follow-ups feature's parts for one app instance. */
export interface FollowUpsFeature {
  repo: FollowUpsRepository;
  service: FollowUpsService;
}

/**
 * Wires the follow-ups feature: it reads contacts through the contacts service, assignees through
 * the users repository, and writes its audit entries into the shared audit trail. `timeline`
 * records the entry of a completed follow-up (the activities feature); `onError` hears of an
 * entry that could not be recorded yet (it stays owed).
 */
export function createFollowUpsFeature(
  connection: Connection,
  contacts: ContactsFeature,
  users: UsersRepository,
  options: { timeline?: FollowUpTimeline; onError?: (err: unknown) => void } = {},
): FollowUpsFeature {
  const repo = new FollowUpsRepository(connection);
  return {
    repo,
    service: new FollowUpsService(repo, contacts.audit, contacts.contacts, users, options.timeline, options.onError),
  };
}
