import {
  auditChanges,
  type PrivacySettings,
  type PrivacySettingsUpdate,
  type RetentionRecordType,
} from '@klarkonform/shared';
import type { Connection, Model } from 'mongoose';
import { problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { isStaleWrite } from '../../infra/write-races';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf } from '../contacts/contact-writer';
import { DEFAULT_PRIVACY_SETTINGS } from './privacy-settings.defaults';
import { type PrivacySettingsDoc, privacySettingsModel } from './privacy-settings.model';

/** The key under which the settings' audit entries are kept (the audit trail's `contactId`). */
export const PRIVACY_SETTINGS_AUDIT_SUBJECT = 'privacy-settings';

const settingsOf = (doc: PrivacySettingsDoc | null): PrivacySettings =>
  doc
    ? {
        retentionYears: { ...doc.retentionYears },
        consentReviewMonths: doc.consentReviewMonths,
        doubleOptInValidHours: doc.doubleOptInValidHours,
        controller: { ...doc.controller },
        activities: doc.activities.map((a) => ({ ...a })),
        technicalMeasures: doc.technicalMeasures,
        version: doc.version,
      }
    : structuredClone(DEFAULT_PRIVACY_SETTINGS);

/**
 * A tenant's DSGVO settings (GET/PUT /privacy/settings): retention years per record type, consent
 * review age, DOI validity and the Art. 30 data. One document per tenant; the defaults (version 0)
 * until the first save; writes land only on the version they were computed from (412 otherwise).
 */
export class PrivacySettingsService {
  private readonly model: Model<PrivacySettingsDoc>;
  constructor(
    connection: Connection,
    private readonly audit: AuditRepository,
    private readonly clock: () => Date,
  ) {
    this.model = privacySettingsModel(connection);
  }

  /** The tenant's settings; the German defaults (version 0) when never saved. */
  async get(tenantId: string): Promise<PrivacySettings> {
    const doc = await this.model.findOne({ tenantId }).lean<PrivacySettingsDoc>();
    if (doc?.pendingAudit) await this.audit.record(tenantId, PRIVACY_SETTINGS_AUDIT_SUBJECT, doc.pendingAudit);
    return settingsOf(doc);
  }

  /** Retention years per record type (0 = kept by no period). */
  async retentionYears(tenantId: string): Promise<Record<RetentionRecordType, number>> {
    return (await this.get(tenantId)).retentionYears;
  }

  /**
   * Saves the settings on `expected` (If-Match: 0 before the first save, `*` for whatever is
   * stored); 412 when they changed meanwhile. Audited (`privacySettingsUpdate`); no change, no write.
   */
  async update(auth: AuthContext, expected: number | '*', body: PrivacySettingsUpdate): Promise<PrivacySettings> {
    const doc = await this.model.findOne({ tenantId: auth.tenantId }).lean<PrivacySettingsDoc>();
    const before = settingsOf(doc);
    if (expected !== '*' && expected !== before.version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: before.version, expected });
    }
    const { version: _v, ...beforeFields } = before;
    const changes = auditChanges(beforeFields, body, []);
    if (changes.length === 0) return before;
    const now = this.clock().toISOString();
    const actor = actorOf(auth);
    const pendingAudit: PendingAudit = { id: newAuditId(), action: 'privacySettingsUpdate', at: now, actor, changes };
    const fields = { ...body, version: before.version + 1, updatedAt: now, updatedBy: actor, pendingAudit };
    if (!(await this.write(auth.tenantId, doc ? before.version : undefined, fields))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    await this.audit.record(auth.tenantId, PRIVACY_SETTINGS_AUDIT_SUBJECT, pendingAudit, true);
    return settingsOf({ ...(doc ?? ({} as PrivacySettingsDoc)), ...fields });
  }

  private async write(tenantId: string, expected: number | undefined, fields: Partial<PrivacySettingsDoc>) {
    try {
      if (expected === undefined) {
        await this.model.create({ tenantId, ...fields });
        return true;
      }
      return (await this.model.updateOne({ tenantId, version: expected }, { $set: fields })).matchedCount === 1;
    } catch (err) {
      if ((err as { code?: number }).code === 11000 || isStaleWrite(err)) return false;
      throw err;
    }
  }
}
