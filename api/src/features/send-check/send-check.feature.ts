import type { Connection } from 'mongoose';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { SendCheckSettingsRepository } from './send-check.repository';
import { SendCheckService } from './send-check.service';

/** The send-check feature's parts for one app instance. */
export interface SendCheckFeature {
  service: SendCheckService;
}

/** Wires the send check: it reads contacts by address and writes into the shared audit trail. */
export function createSendCheckFeature(connection: Connection, contacts: ContactsFeature): SendCheckFeature {
  return { service: new SendCheckService(new SendCheckSettingsRepository(connection), contacts.repo, contacts.audit) };
}
