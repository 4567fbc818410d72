import type { FastifyBaseLogger } from 'fastify';
import type { Connection } from 'mongoose';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { ErasureJob } from './erasure-job';
import { ErasureService } from './erasure.service';
import { LegalHoldService } from './legal-hold.service';
import { PrivacyContactService } from './privacy-contact.service';
import { PrivacySettingsService } from './privacy-settings.service';
import { RestrictionService } from './restriction.service';
import { RetentionService } from './retention.service';

/** Part B of the DSGVO lifecycle (issue 15): settings, restriction, legal hold, erasure and its job, Art. 30. */
export interface PrivacyBFeature {
  settings: PrivacySettingsService;
  retention: RetentionService;
  restriction: RestrictionService;
  legalHold: LegalHoldService;
  erasure: ErasureService;
  job: ErasureJob;
  contact: PrivacyContactService;
}

/**
 * Wires Part B. `forgetMirrored` is the mirror's hook for a hard delete (`app.mirror.forget`);
 * `clock` is `app.clock` (tests move it years ahead).
 */
export function createPrivacyBFeature(
  connection: Connection,
  contacts: ContactsFeature,
  forgetMirrored: (tenantId: string, contactId: string) => Promise<void>,
  clock: () => Date,
  log: FastifyBaseLogger,
): PrivacyBFeature {
  const settings = new PrivacySettingsService(connection, contacts.audit, clock);
  const retention = new RetentionService(connection, settings, clock);
  const erasure = new ErasureService(connection, contacts, retention, forgetMirrored, clock);
  return {
    settings,
    retention,
    restriction: new RestrictionService(contacts, clock),
    legalHold: new LegalHoldService(contacts, clock),
    erasure,
    job: new ErasureJob(connection, erasure, clock, log),
    contact: new PrivacyContactService(connection, contacts, retention, clock, (doc) => erasure.isHeld(doc)),
  };
}
