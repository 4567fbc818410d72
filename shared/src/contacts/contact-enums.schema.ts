import { type Static, Type } from 'typebox';

// Every enumeration is written once as an `as const` tuple; the TypeBox schema and the
// TypeScript union are derived from it, and the i18n catalogs are typed against the unions.

export const CONTACT_KINDS = ['company', 'person'] as const;
export const ContactKind = Type.Enum(CONTACT_KINDS);
export type ContactKind = Static<typeof ContactKind>;

export const RELATIONSHIPS = ['customer', 'supplier', 'lead', 'partner'] as const;
export const Relationship = Type.Enum(RELATIONSHIPS);
export type Relationship = Static<typeof Relationship>;

export const ROLES = ['decisionMaker', 'billingContact', 'technicalContact'] as const;
export const Role = Type.Enum(ROLES);
export type Role = Static<typeof Role>;

export const SALUTATIONS = ['Herr', 'Frau', 'divers', 'none'] as const;
export const Salutation = Type.Enum(SALUTATIONS);
export type Salutation = Static<typeof Salutation>;

export const LEAD_STATUSES = ['new', 'qualifying', 'offer', 'won', 'lost', 'archived'] as const;
export const LeadStatus = Type.Enum(LEAD_STATUSES);
export type LeadStatus = Static<typeof LeadStatus>;

// Messe, Website, Empfehlung, Kaltakquise, Partner, Social Media, Sonstiges.
export const LEAD_SOURCES = [
  'tradeFair',
  'website',
  'referral',
  'coldOutreach',
  'partner',
  'socialMedia',
  'other',
] as const;
export const LeadSource = Type.Enum(LEAD_SOURCES);
export type LeadSource = Static<typeof LeadSource>;

export const LEGAL_BASES = ['contract', 'consent', 'legitimateInterest'] as const;
export const LegalBasis = Type.Enum(LEGAL_BASES);
export type LegalBasis = Static<typeof LegalBasis>;

export const CONSENT_CHANNELS = ['email', 'phone', 'letter', 'newsletter'] as const;
export const ConsentChannel = Type.Enum(CONSENT_CHANNELS);
export type ConsentChannel = Static<typeof ConsentChannel>;

export const CONSENT_EVENT_TYPES = [
  'optIn',
  'doubleOptInRequested',
  'doubleOptInConfirmed',
  'optOut',
  'softOptIn',
] as const;
export const ConsentEventType = Type.Enum(CONSENT_EVENT_TYPES);
export type ConsentEventType = Static<typeof ConsentEventType>;

export const CONSENT_STATUSES = ['granted', 'pending', 'denied', 'none'] as const;
export const ConsentStatus = Type.Enum(CONSENT_STATUSES);
export type ConsentStatus = Static<typeof ConsentStatus>;

export const CONTACT_PURPOSES = ['marketing', 'service'] as const;
export const ContactPurpose = Type.Enum(CONTACT_PURPOSES);
export type ContactPurpose = Static<typeof ContactPurpose>;

// Why `mayContact` answered as it did; each has a text in the i18n catalogs.
export const CONSENT_REASONS = [
  'merged',
  'archived',
  // Restricted under Art. 18 DSGVO (issue 15): no use but storage.
  'restricted',
  'optedOut',
  'consentGranted',
  'softOptIn',
  'doubleOptInPending',
  'noConsent',
  'contract',
  'legitimateInterest',
  'noLegalBasis',
  'unprovenConfirmation',
  // Send check only: a recipient Outlook gives without a usable e-mail address (an unexpanded group,
  // an unresolved name, an Exchange X.500 address) — it cannot be looked up, so no consent is known.
  'unresolvedAddress',
] as const;
export const ConsentReason = Type.Enum(CONSENT_REASONS);
export type ConsentReason = Static<typeof ConsentReason>;

export const SYNC_STATUSES = ['synced', 'pending', 'error', 'noEmail', 'disabled'] as const;
export const SyncStatus = Type.Enum(SYNC_STATUSES);
export type SyncStatus = Static<typeof SyncStatus>;

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = Type.Enum(SEVERITIES);
export type Severity = Static<typeof Severity>;

// Stable codes of the data-quality checklist ("Datenpflege"); `group.name` maps to the
// nested i18n key `quality.group.name`.
export const QUALITY_CODES = [
  'contact.noName',
  'contact.noRelationship',
  'contact.invalidEmail',
  'contact.invalidPhone',
  'contact.noEmail',
  'contact.consentWithoutProof',
  'person.noCompany',
  'person.noRole',
  'person.noPrimaryEmail',
  'person.multiplePrimaryEmails',
  'person.duplicateEmail',
  'company.noPeople',
  'company.noDecisionMaker',
  'company.noBillingContact',
  'company.incompleteContactData',
  'customer.noCustomerSince',
  'lead.noLeadData',
  'lead.noStatus',
  'lead.noSource',
  'lead.invalidBudget',
  'lead.stale',
] as const;
export const QualityCode = Type.Enum(QUALITY_CODES);
export type QualityCode = Static<typeof QualityCode>;

export const DUPLICATE_REASONS = [
  'sameEmail',
  'samePhone',
  'phoneticName',
  'sameCompanyName',
  'phoneticCompanyName',
  'sameDomain',
] as const;
export const DuplicateReason = Type.Enum(DUPLICATE_REASONS);
export type DuplicateReason = Static<typeof DuplicateReason>;

// `lead`: a change of the lead state machine (lead-status.rules.ts); `leadUndo`: its undo.
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'archive',
  'unarchive',
  'merge',
  'consent',
  'note',
  'lead',
  'leadUndo',
  // An activity (Kontakthistorie) recorded, changed or deleted; the entry names its first contact.
  'activityCreate',
  'activityUpdate',
  'activityDelete',
  // A follow-up (Wiedervorlage) created or changed (completed, reopened); the entry names its contact.
  'followUpCreate',
  'followUpUpdate',
  // A template (Vorlage) created, changed or deleted; the entry's contactId is the template's id.
  'templateCreate',
  'templateUpdate',
  'templateDelete',
  // The tenant's send-check settings (Smart Alerts, issue 14) changed.
  'sendCheckSettingsUpdate',
  // The tenant's Microsoft 365 contacts mirror settings (issue 13) changed.
  'mirrorSettingsUpdate',
  // Contacts exported (issue 16); the entry's contactId is the export's id, its changes the filter and count.
  'export',
  // The DSGVO lifecycle (issue 15). Request entries name the request's id as contactId; the others the contact.
  'privacyRequestCreate',
  'privacyRequestUpdate',
  // An access/portability export of one person was produced (format in the changes).
  'privacyExport',
  'restrict',
  'unrestrict',
  'legalHold',
  'legalHoldLift',
  // Objection to direct marketing (Art. 21): opt-out on every channel.
  'objection',
  // Erasure asked for while a retention period still covers records: restricted until eraseOn.
  'erasureScheduled',
  // The contact was erased; the entry holds no personal data (contact number, reason, counts).
  'erasure',
  'privacySettingsUpdate',
] as const;
export const AuditAction = Type.Enum(AUDIT_ACTIONS);
export type AuditAction = Static<typeof AuditAction>;

export const SENDER_STATUSES = ['known', 'unknown'] as const;
export const SenderStatus = Type.Enum(SENDER_STATUSES);
export type SenderStatus = Static<typeof SenderStatus>;
