import type {
  AuditAction,
  ConsentChannel,
  ConsentEventType,
  ConsentReason,
  ConsentStatus,
  ContactKind,
  ContactPurpose,
  DuplicateReason,
  LeadSource,
  LeadStatus,
  LegalBasis,
  QualityCode,
  Relationship,
  Role,
  Salutation,
  Severity,
  SyncStatus,
} from '../contacts/contact-enums.schema';
import type { ActivityType, MailDirection } from '../activities/activity.schema';
import type { ConsentEventProblem } from '../contacts/consent.rules';
import type { InputProblem, LeadStaleness } from '../contacts/contact.rules';
import type { TextProblem } from '../text/text.rules';
import type { OpportunityStage } from '../opportunities/opportunity.schema';
import type { MirrorProblemCode } from '../mirror/mirror-problem.schema';
import type {
  CsvDelimiter,
  ImportAction,
  ImportEncoding,
  ImportFormat,
  ImportOutcome,
  ImportPreset,
  ImportRowProblemCode,
  ImportStatus,
  ImportTarget,
  ImportVerdict,
} from '../import-export/import.schema';
import type { ExportFormat } from '../import-export/export.schema';

// The shape every language catalog must have. Label groups are keyed by the enumerations, so
// a new enum value without a text in every language fails the type check.

type Labels<Key extends string> = Record<Key, string>;

// 'person.noCompany' → { person: { noCompany: string } }, matching i18next's nested keys.
type Group<Code> = Code extends `${infer G}.${string}` ? G : never;
type Leaf<Code, G extends string> = Code extends `${G}.${infer L}` ? L : never;
export type QualityTexts = { [G in Group<QualityCode>]: Labels<Leaf<QualityCode, G>> };

// Errors the API answers with (application/problem+json): a short title and a default detail.
export const PROBLEM_CODES = [
  'badRequest',
  'validationFailed',
  'unauthorized',
  'forbidden',
  'notFound',
  'conflict',
  'preconditionFailed',
  'payloadTooLarge',
  'unsupportedMediaType',
  'preconditionRequired',
  'tooManyRequests',
  'internal',
  'serviceUnavailable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

// Labels for the fields findings and validation errors point at.
export const FIELD_NAMES = [
  'kind',
  'name',
  'salutation',
  'title',
  'firstName',
  'lastName',
  'company',
  'position',
  'department',
  'roles',
  'emails',
  'email',
  'phone',
  'mobile',
  'businessPhones',
  'mobilePhone',
  'homePhones',
  'owner',
  'website',
  'address',
  'street',
  'postcode',
  'city',
  'country',
  'industry',
  'relationships',
  'customerSince',
  'tags',
  'lead',
  'leadSource',
  'sourceDetail',
  'leadStatus',
  'nextSteps',
  'budget',
  'budgetMin',
  'budgetMax',
  'timeframe',
  'notes',
  'specifics',
  'history',
  'openItems',
  'freeNotes',
  'consent',
  'legalBasis',
  'channel',
  'eventType',
  'date',
  'source',
  'proof',
  'purpose',
  'event',
  'text',
  'done',
  'reason',
  'contactNumber',
  'syncStatus',
  'contactId',
  'itemId',
  'survivorId',
  'duplicateId',
  'excludeId',
  'searchText',
  'displayName',
  'archived',
  'limit',
  'cursor',
  'idempotencyKey',
  'ifMatch',
  // Opportunities (Verkaufschancen)
  'amount',
  'probability',
  'stage',
  'expectedCloseDate',
  'offerDate',
  'offerContent',
  'lossReason',
  'closeMonth',
  'openOnly',
  // Follow-ups (Wiedervorlage)
  'dueDate',
  'dueTime',
  'assignee',
  'followUpState',
  'dueRange',
  // Activities (issue 12)
  'subject',
  'occurredAt',
  'contactIds',
  'opportunityId',
  'internetMessageId',
  'conversationId',
  'direction',
  'from',
  'to',
  'cc',
  'mailBody',
  'iCalUId',
  'start',
  'end',
  'location',
  'organizer',
  'attendees',
  // Templates (Vorlagen, issue 14)
  'templateName',
  'bodyHtml',
  'language',
  // The send-time consent check (issue 14)
  'sendCheckEnabled',
  'sendMode',
  'marketingCategories',
  'whenUnavailable',
  // Sent-mail log (issue 14)
  'composeKey',
  'bcc',
  'usedTemplate',
  // The Microsoft 365 contacts mirror (issue 13)
  'mirrorEnabled',
  'mirrorTargets',
  'mailbox',
  'folderName',
  'mirrorList',
  // Import and export (issue 16)
  'file',
  'fileName',
  'importId',
  'encoding',
  'delimiter',
  'sheet',
  'preset',
  'mapping',
  'defaults',
  'onDuplicate',
  'onFileDuplicate',
  'importAction',
  'targetId',
  'row',
  'offset',
  'filter',
  'dryRun',
  'format',
  'vcardVersion',
  'ids',
  'outcome',
  'verdict',
  'problems',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** JSON value types as schema validation names them ("muss ein Text sein"). */
export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

/** Why a sign-in token was refused; the API's token verifier names one of these. */
export const TOKEN_PROBLEMS = [
  'expired',
  'notYetValid',
  'claimInvalid',
  'audience',
  'noMatchingKey',
  'algorithm',
  'signature',
  'malformed',
  'tenantInvalid',
  'issuer',
  'version',
  'tenantNotAllowed',
  'noScopeOrRole',
  'claimType',
] as const;
export type TokenProblem = (typeof TOKEN_PROBLEMS)[number];

export interface Catalog {
  kind: Labels<ContactKind>;
  /** "Firmen", "Personen": for sentences such as "„Branche“ gibt es nur bei Firmen." */
  kindPlural: Labels<ContactKind>;
  relationship: Labels<Relationship | 'both' | 'none'>;
  role: Labels<Role>;
  salutation: Labels<Salutation>;
  leadStatus: Labels<LeadStatus>;
  leadSource: Labels<LeadSource>;
  leadStaleness: Labels<LeadStaleness>;
  legalBasis: Labels<LegalBasis>;
  channel: Labels<ConsentChannel>;
  consentEvent: Labels<ConsentEventType>;
  consentStatus: Labels<ConsentStatus>;
  consentReason: Labels<ConsentReason>;
  consentProblem: Labels<ConsentEventProblem>;
  purpose: Labels<ContactPurpose>;
  syncStatus: Labels<SyncStatus>;
  /** The Microsoft 365 mirror's problems: what went wrong and what to do about it (issue 13). */
  mirrorProblem: Record<MirrorProblemCode, { title: string; help: string }>;
  severity: Labels<Severity>;
  /** The import assistant (issue 16): what a column becomes ("Vorname", "E-Mail 2", "Ignorieren"). */
  importTarget: Labels<ImportTarget>;
  importPreset: Labels<ImportPreset>;
  importStatus: Labels<ImportStatus>;
  importVerdict: Labels<ImportVerdict>;
  importAction: Labels<ImportAction>;
  importOutcome: Labels<ImportOutcome>;
  /** Why a row or a value of it is not imported as the file says (import.schema.ts). */
  importRowProblem: Labels<ImportRowProblemCode>;
  importEncoding: Labels<ImportEncoding>;
  csvDelimiter: Labels<CsvDelimiter>;
  importFormat: Labels<ImportFormat>;
  exportFormat: Labels<ExportFormat>;
  duplicateReason: Labels<DuplicateReason>;
  auditAction: Labels<AuditAction>;
  /** The guide's sales stages (opportunities). */
  opportunityStage: Labels<OpportunityStage>;
  activityType: Labels<ActivityType>;
  mailDirection: Labels<MailDirection>;
  inputProblem: Labels<InputProblem['code']>;
  // Why a text field was refused (text.rules.ts); the API puts it after the field's path.
  textProblem: Labels<TextProblem>;
  quality: QualityTexts;
  field: Labels<FieldName>;
  /** Value types in validation messages ("muss {{expected}} sein"). */
  jsonType: Labels<JsonType>;
  /** Why a sign-in token was not accepted, in the reader's words. */
  tokenProblem: Labels<TokenProblem>;
  problem: Record<ProblemCode, { title: string; detail: string }>;
  /** A change that would put a contact over one of its limits (contact-limits.rules.ts). */
  limitProblem: { merge: string; tooMany: string; tooLong: string; stored: string };
  /** Details of the API's expected failures (conflicts, preconditions, missing records). */
  serviceProblem: Labels<ServiceProblem>;
  /** The public double opt-in page (issue 15): the link in the mail opens it, its button confirms. */
  doiPage: {
    title: string;
    question: string;
    button: string;
    confirmed: string;
    expired: string;
    used: string;
    invalid: string;
  };
}

/** Keys of `serviceProblem`: the API's expected failures beyond schema validation. */
export const SERVICE_PROBLEMS = [
  // Issue 15 (DSGVO lifecycle, part B)
  'contactRestricted',
  'notRestricted',
  'alreadyRestricted',
  'retentionRestriction',
  'noLegalHold',
  'erasureJobBusy',
  'contactNotFound',
  'survivorNotFound',
  'duplicateNotFound',
  'openItemNotFound',
  'openItemTwice',
  'noSuchCompany',
  'noSuchUser',
  'emailTaken',
  'notAField',
  'mergeIntoItself',
  'mergeKinds',
  'alreadyMerged',
  'mergeInProgress',
  'mergedInto',
  'idempotencyConflict',
  'notesIdempotencyConflict',
  'ifMatchRequired',
  'ifMatchInvalid',
  'versionMismatch',
  'changedMeanwhile',
  'busy',
  'alreadyArchived',
  'notArchived',
  'notesFull',
  'consentEventsFull',
  'consentInFuture',
  'softOptInEmailOnly',
  'missingPermission',
  'tokenRequired',
  'tokenInvalid',
  'tooManyUnauthenticated',
  'localIssuerRemote',
  'invalidCursor',
  'invalidUtf8',
  'invalidJson',
  'emptyJson',
  'unsupportedMediaType',
  'bodyTooLarge',
  'invalidContentLength',
  'required',
  'invalidEmail',
  'unknownField',
  'notHere',
  'fieldEntry',
  'moreProblems',
  'wrongType',
  'or',
  'notAllowedValue',
  'allowedValues',
  'atLeast',
  'atMost',
  'greaterThan',
  'lessThan',
  'tooManyEntries',
  'tooFewEntries',
  'tooLong',
  'tooShort',
  'duplicateEntries',
  'invalidFormat',
  'invalidId',
  'invalidCountry',
  'noSpaces',
  'invalidDate',
  'invalidDateTime',
  'emptyObject',
  'invalidValue',
  'notStorable',
  'contactNumberBusy',
  'noSuchRoute',
  'doubleOptInUnproven',
  'notALead',
  'leadTransitionNotAllowed',
  'leadReasonRequired',
  'leadWonByAction',
  'leadClosedByAction',
  'leadReopenByAction',
  'leadWonFinal',
  'leadUndoUnavailable',
  'opportunityNotFound',
  // Follow-ups (Wiedervorlage)
  'followUpNotFound',
  'followUpContactMissing',
  'followUpContactArchived',
  'noSuchAssignee',
  'followUpsFull',
  'activityNotFound',
  'noSuchContact',
  'lossReasonRequired',
  'lossReasonOnlyLost',
  'activityInFuture',
  'noKnownParticipant',
  'activityNotEditable',
  'notActivityCreator',
  // Templates (Vorlagen, issue 14)
  'templateNotFound',
  'templateNameTaken',
  'templatesFull',
  'unknownPlaceholder',
  'placeholderCase',
  'placeholderFilter',
  'placeholderPath',
  'placeholderExpression',
  'templateTag',
  'templateUnclosed',
  'placeholderInAttribute',
  'renderedTooLong',
  'templateContactArchived',
  'templateContactMerged',
  'oneMailKey',
  'unknownPlaceholderNear',
  'placeholderExpressionNear',
  'placeholderTrim',
  'templateBodyEmpty',
  'mirrorTargetsRequired',
  'mailboxTwice',
  // Import and export (issue 16)
  'importNotFound',
  'fileEmpty',
  'fileTooLarge',
  'fileTooManyRows',
  'fileTooManyColumns',
  'fileTypeUnknown',
  'fileEncrypted',
  'fileXls',
  'fileNotXlsx',
  'fileNoHeader',
  'fileNoRows',
  'fileUnreadable',
  'fileNoCards',
  'sheetNotFound',
  'notCsvFile',
  'notXlsxFile',
  'importBusy',
  'importDone',
  'importNotRunning',
  'importNoName',
  'mappingLength',
  'mappingTwice',
  'importRowNotFound',
  'actionNotAllowed',
  'mergeTargetNotCandidate',
  // The DSGVO lifecycle, Part A (issue 15): requests register, DOI links
  'privacyRequestNotFound',
  'receivedInFuture',
  'outcomeRequired',
  'extensionOnce',
  'extensionClosed',
  'extensionLate',
  'noEmailForDoubleOptIn',
] as const;
export type ServiceProblem = (typeof SERVICE_PROBLEMS)[number];

// Every dotted key into the catalog: 'relationship.customer', 'quality.person.noCompany', …
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
export type TranslationKey = Leaves<Catalog>;
