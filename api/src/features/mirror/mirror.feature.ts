import { ENTRY_BUCKETS } from './mirror.model';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { MirrorRun } from '@klarkonform/shared';
import type { AppConfig } from '../../config';
import type { ContactsFeature } from '../contacts/contacts.feature';
import { MirrorEntriesRepository } from './mirror-entries.repository';
import { MirrorLeaseRepository } from './mirror-lease.repository';
import { MirrorOutbox } from './mirror-outbox';
import { MirrorRunService } from './mirror-run.service';
import { MirrorScheduler } from './mirror-scheduler';
import { MirrorSettingsRepository } from './mirror-settings.repository';
import { MirrorSettingsService } from './mirror-settings.service';
import { MirrorStatusService } from './mirror-status.service';
import { MirrorTargetsRepository } from './mirror-targets.repository';

/** The Microsoft 365 contacts mirror's parts for one app instance (issue 13). */
export interface MirrorFeature {
  settings: MirrorSettingsService;
  status: MirrorStatusService;
  scheduler: MirrorScheduler;
  /** Runs the tenant's mirror now; resolves when that run has ended (tests, benchmarks, tools). */
  runNow(tenantId: string): Promise<MirrorRun>;
  /**
   * A contact erased for good (hard delete, issue 15): the next run deletes its Outlook copies and
   * then the entry. Call it before deleting the contact.
   */
  forget(tenantId: string, contactId: string): Promise<void>;
  /**
   * All of a tenant's contacts are about to be deleted (the demo reset): with the mirror on, each is
   * forgotten (its Outlook copies are deleted by the next run); with it off, the entries go at once.
   */
  forgetTenant(tenantId: string): Promise<void>;
  /** Stops the scheduler (runs in progress stop before their next write) and closes connections. */
  close(): Promise<void>;
}

export interface MirrorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Wires the mirror: its repositories, the Graph runs, the scheduler, and the contacts feature's
 * write-ahead outbox (every contact write enqueues the contact first, then asks for a debounced run).
 */
export function createMirrorFeature(
  connection: Connection,
  config: AppConfig,
  contacts: ContactsFeature,
  log: MirrorLog,
): MirrorFeature {
  const settingsRepo = new MirrorSettingsRepository(connection);
  const entries = new MirrorEntriesRepository(connection);
  const targets = new MirrorTargetsRepository(connection);
  const leases = new MirrorLeaseRepository(connection);
  const instanceId = randomUUID();
  const runs = new MirrorRunService({
    config,
    contacts,
    settings: settingsRepo,
    entries,
    targets,
    leases,
    log,
    instanceId,
  });
  const scheduler = new MirrorScheduler({
    instanceId,
    leases,
    runner: (tenantId, trigger, lease, signal) => runs.run(tenantId, trigger, lease, signal),
    isOn: async (tenantId) => (await settingsRepo.find(tenantId))?.enabled === true,
    intervalMs: config.mirror.intervalSeconds * 1000,
    debounceMs: config.mirror.debounceSeconds * 1000,
    log,
  });
  contacts.writer.attachOutbox(new MirrorOutbox(entries, (tenantId) => scheduler.request(tenantId, 'change')));
  const status = new MirrorStatusService(
    settingsRepo,
    entries,
    targets,
    leases,
    contacts.repo,
    config.graph.credential !== undefined,
  );
  return {
    settings: new MirrorSettingsService(settingsRepo, leases, contacts.audit, (tenantId) =>
      scheduler.request(tenantId, 'manual'),
    ),
    status,
    scheduler,
    runNow: (tenantId) => scheduler.runNow(tenantId),
    close: async () => {
      await scheduler.stop();
      runs.close();
    },
    forget: async (tenantId, contactId) => {
      await entries.enqueue(tenantId, contactId, 0, { forgotten: true });
      scheduler.request(tenantId, 'change');
    },
    forgetTenant: async (tenantId) => {
      if ((await settingsRepo.find(tenantId))?.enabled !== true) {
        await entries.deleteTenant(tenantId);
        return;
      }
      for (const bucket of ENTRY_BUCKETS) {
        for (const entry of await entries.findInBucket(tenantId, bucket)) {
          await entries.enqueue(tenantId, entry.contactId, 0, { forgotten: true });
        }
      }
      scheduler.request(tenantId, 'change');
    },
  };
}
