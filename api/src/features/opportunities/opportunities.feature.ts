import type { Connection } from 'mongoose';
import { AuditRepository } from '../audit/audit.repository';
import type { ContactsService } from '../contacts/contacts.service';
import type { UsersRepository } from '../users/users.repository';
import { OpportunityWriter } from './opportunity-writer';
import { OpportunitiesRepository } from './opportunities.repository';
import { OpportunitiesService } from './opportunities.service';

// Wires the opportunities feature's parts for one app instance.
export interface OpportunitiesFeature {
  repo: OpportunitiesRepository;
  service: OpportunitiesService;
}

export function createOpportunitiesFeature(
  connection: Connection,
  contacts: ContactsService,
  users: UsersRepository,
): OpportunitiesFeature {
  const repo = new OpportunitiesRepository(connection);
  const audit = new AuditRepository(connection);
  const writer = new OpportunityWriter(repo, audit);
  return { repo, service: new OpportunitiesService(repo, writer, audit, contacts, users) };
}
