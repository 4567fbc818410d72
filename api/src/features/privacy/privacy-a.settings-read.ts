import type { Connection } from 'mongoose';

// Part A reads two values of the tenant's privacy settings (owned by Part B, collection
// `privacySettings`, one document per tenant). At the merge the lead may swap this for Part B's
// settings service; until then the document is read as stored, the defaults filling what is absent.

/** The settings Part A's rules read, with their defaults (DSGVO yearly consent check, DOI link validity). */
export interface PrivacySettingsRead {
  /** Consents older than this many months are listed for the yearly review (default 12). */
  consentReviewMonths: number;
  /** Hours a double opt-in link stays valid (default 72). */
  doubleOptInValidHours: number;
}

export const PRIVACY_SETTINGS_DEFAULTS: PrivacySettingsRead = { consentReviewMonths: 12, doubleOptInValidHours: 72 };

/** Reads the tenant's privacy settings (an equality on the unique `tenantId`); the defaults when none are saved. */
export function createPrivacySettingsReader(connection: Connection) {
  return async function readPrivacySettings(tenantId: string): Promise<PrivacySettingsRead> {
    const doc = await connection.collection('privacySettings').findOne({ tenantId });
    const months = doc?.consentReviewMonths;
    const hours = doc?.doubleOptInValidHours;
    return {
      consentReviewMonths: Number.isInteger(months)
        ? (months as number)
        : PRIVACY_SETTINGS_DEFAULTS.consentReviewMonths,
      doubleOptInValidHours: Number.isInteger(hours)
        ? (hours as number)
        : PRIVACY_SETTINGS_DEFAULTS.doubleOptInValidHours,
    };
  };
}

export type ReadPrivacySettings = ReturnType<typeof createPrivacySettingsReader>;
