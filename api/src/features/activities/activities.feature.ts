import type { Connection } from 'mongoose';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';

// Wires the activities feature (Kontakthistorie) for one app instance: it reads contacts and
// records audit entries through the contacts feature.
export interface ActivitiesFeature {
  repo: ActivitiesRepository;
  activities: ActivitiesService;
}

export function createActivitiesFeature(connection: Connection, contacts: ContactsFeature): ActivitiesFeature {
  const repo = new ActivitiesRepository(connection);
  return { repo, activities: new ActivitiesService(repo, contacts) };
}
