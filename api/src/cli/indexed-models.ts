import type { Connection, Model } from 'mongoose';
import { activityModel } from '../features/activities/activities.model';
import { auditModel } from '../features/audit/audit.model';
import { mergeLockModel } from '../features/contacts/merge-locks.repository';
import { contactModels } from '../features/contacts/contacts.model';
import { followUpModel } from '../features/follow-ups/follow-ups.model';
import { importModels } from '../features/import-export/imports.model';
import { opportunityModel } from '../features/opportunities/opportunities.model';
import { templateModel } from '../features/templates/templates.model';
import { mirrorModels } from '../features/mirror/mirror.model';
import { doubleOptInSecretModel, doubleOptInTokenModel } from '../features/privacy/double-opt-in.model';
import { privacyCounterModel, privacyRequestModel } from '../features/privacy/privacy-requests.model';
import { erasureModels } from '../features/privacy/erasure.model';
import { privacySettingsModel } from '../features/privacy/privacy-settings.model';
import { sendCheckSettingsModel } from '../features/send-check/send-check.model';
import { userModel } from '../features/users/users.repository';

/**
 * Every model the API declares indexes on, for `npm run db:indexes` (deployments with
 * MONGODB_AUTO_INDEX=false). A test checks it against the models a running API registers, so a new
 * collection cannot be left out.
 */
export function indexedModels(connection: Connection): Model<never>[] {
  const { contacts, counters } = contactModels(connection);
  const mirror = mirrorModels(connection);
  const imports = importModels(connection);
  const erasure = erasureModels(connection);
  return [
    contacts,
    counters,
    auditModel(connection),
    userModel(connection),
    mergeLockModel(connection),
    activityModel(connection),
    followUpModel(connection),
    opportunityModel(connection),
    templateModel(connection),
    sendCheckSettingsModel(connection),
    mirror.settings,
    mirror.entries,
    mirror.targets,
    mirror.leases,
    imports.imports,
    imports.files,
    imports.rows,
    imports.results,
    imports.actions,
    privacyRequestModel(connection),
    privacyCounterModel(connection),
    doubleOptInTokenModel(connection),
    doubleOptInSecretModel(connection),
    privacySettingsModel(connection),
    erasure.schedule,
    erasure.log,
  ] as unknown as Model<never>[];
}
