import type { Connection } from 'mongoose';
import { AuditRepository } from '../audit/audit.repository';
import type { ContactsService } from '../contacts/contacts.service';
import type { UsersRepository } from '../users/users.repository';
import { TemplateStore } from './template-store';
import { TemplatesRepository } from './templates.repository';
import { TemplatesService } from './templates.service';

// Wires the templates feature's parts for one app instance.
export interface TemplatesFeature {
  repo: TemplatesRepository;
  service: TemplatesService;
}

export function createTemplatesFeature(
  connection: Connection,
  contacts: ContactsService,
  users: UsersRepository,
): TemplatesFeature {
  const repo = new TemplatesRepository(connection);
  const store = new TemplateStore(repo, new AuditRepository(connection));
  return { repo, service: new TemplatesService(store, contacts, users) };
}
