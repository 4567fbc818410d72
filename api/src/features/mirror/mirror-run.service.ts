import type { MirrorRun, MirrorRunTrigger } from '@klarkonform/shared';
import type { AppConfig } from '../../config';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { MirrorEntriesRepository } from './mirror-entries.repository';
import type { HeldLease, MirrorLeaseRepository } from './mirror-lease.repository';
import type { MirrorSettingsRepository } from './mirror-settings.repository';
import type { MirrorTargetsRepository } from './mirror-targets.repository';
import type { MirrorLog } from './mirror.feature';

export interface RunDeps {
  config: AppConfig;
  contacts: ContactsFeature;
  settings: MirrorSettingsRepository;
  entries: MirrorEntriesRepository;
  targets: MirrorTargetsRepository;
  leases: MirrorLeaseRepository;
  log: MirrorLog;
}

export class MirrorRunService {
  constructor(private readonly d: RunDeps) {}

  async run(_tenantId: string, trigger: MirrorRunTrigger, _lease: HeldLease, _signal: AbortSignal): Promise<MirrorRun> {
    const at = new Date().toISOString();
    if (!this.d.config.graph.credential) {
      return {
        trigger,
        startedAt: at,
        finishedAt: at,
        pushed: 0,
        pulled: 0,
        failed: 0,
        problem: { code: 'notConfigured', at },
      };
    }
    return { trigger, startedAt: at, finishedAt: new Date().toISOString(), pushed: 0, pulled: 0, failed: 0 };
  }
}
