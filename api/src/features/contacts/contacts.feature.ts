import type { Connection } from 'mongoose';
import { AuditRepository } from '../audit/audit.repository';
import { CardsService } from './cards.service';
import { ContactNotesService } from './contact-notes.service';
import { ContactWriter } from './contact-writer';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { DuplicatesService } from './duplicates.service';
import { LeadStatusService } from './lead-status.service';
import { MergeLocks } from './merge-locks.repository';
import { QualityService } from './quality.service';
import type { UsersRepository } from '../users/users.repository';

// Wires the contacts feature's parts for one app instance.
export interface ContactsFeature {
  repo: ContactsRepository;
  audit: AuditRepository;
  writer: ContactWriter;
  contacts: ContactsService;
  notes: ContactNotesService;
  cards: CardsService;
  duplicates: DuplicatesService;
  quality: QualityService;
  leads: LeadStatusService;
}

export function createContactsFeature(connection: Connection, users: UsersRepository): ContactsFeature {
  const repo = new ContactsRepository(connection);
  const audit = new AuditRepository(connection);
  const writer = new ContactWriter(repo, audit);
  const quality = new QualityService(repo);
  return {
    repo,
    audit,
    writer,
    contacts: new ContactsService(repo, writer, audit, users),
    notes: new ContactNotesService(writer, audit),
    cards: new CardsService(repo, quality, users),
    duplicates: new DuplicatesService(repo, writer, new MergeLocks(connection)),
    quality,
    leads: new LeadStatusService(repo, writer),
  };
}
