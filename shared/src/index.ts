// The public surface of @klarkonform/shared: schemas (each a value and its Static type under
// one name), pure rules and i18n. Named re-exports only; internals stay unexported.

// Contacts: enumerations
export {
  AUDIT_ACTIONS,
  AuditAction,
  CONSENT_CHANNELS,
  CONSENT_EVENT_TYPES,
  CONSENT_REASONS,
  CONSENT_STATUSES,
  CONTACT_KINDS,
  CONTACT_PURPOSES,
  ConsentChannel,
  ConsentEventType,
  ConsentReason,
  ConsentStatus,
  ContactKind,
  ContactPurpose,
  DUPLICATE_REASONS,
  DuplicateReason,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LEGAL_BASES,
  LeadSource,
  LeadStatus,
  LegalBasis,
  QUALITY_CODES,
  QualityCode,
  RELATIONSHIPS,
  ROLES,
  Relationship,
  Role,
  SALUTATIONS,
  SENDER_STATUSES,
  SEVERITIES,
  SYNC_STATUSES,
  Salutation,
  SenderStatus,
  Severity,
  SyncStatus,
} from './contacts/contact-enums.schema';

// Contacts: schemas
export {
  Actor,
  Address,
  DateTime,
  Email,
  EmailEntry,
  IsoDate,
  MAX_BUSINESS_PHONES,
  MAX_EMAILS,
  MAX_HOME_PHONES,
  MAX_TAGS,
  MultilineText,
  Nullable,
  ObjectId,
  RequiredMultilineText,
  RequiredText,
  StrictObject,
  Text,
} from './contacts/contact-common.schema';
export {
  FreeNote,
  FreeNoteCreate,
  HistoryEntry,
  HistoryEntryCreate,
  MAX_NOTE_ENTRIES_PER_CHANGE,
  MAX_OPEN_ITEM_STATES_PER_CHANGE,
  MAX_SPECIFICS_LENGTH,
  NOTE_LIMITS,
  Notes,
  NotesChange,
  NotesSpecificsInput,
  OpenItem,
  OpenItemCreate,
  OpenItemPatch,
  OpenItemState,
} from './contacts/contact-notes.schema';
export {
  Consent,
  ConsentChannelState,
  ConsentChannels,
  ConsentDecision,
  ConsentEvent,
  ConsentEventCreate,
  ConsentSummary,
  MAX_CONSENT_EVENTS_PER_CHANNEL,
} from './contacts/consent.schema';
export {
  Archive,
  Budget,
  Company,
  Contact,
  ContactNumber,
  ContactSummary,
  Lead,
  LeadInput,
  Person,
  UserId,
} from './contacts/contact.schema';
export { TenantUser, TenantUserList } from './users/user.schema';
export { DemoResetResult, DemoStatus } from './demo/demo.schema';
export {
  ArchiveRequest,
  CompanyCreate,
  CompanyPatch,
  ContactCreate,
  ContactPatch,
  PersonCreate,
  PersonPatch,
} from './contacts/contact-input.schema';
export { ContactPatchBody, kindsWithPatchField, PATCH_SHAPES } from './contacts/contact-patch.schema';
export {
  AuditChange,
  AuditEntry,
  ContactListItem,
  ContactListPage,
  ContactListQuery,
  DuplicateCandidate,
  DuplicateCheckRequest,
  DuplicateCheckResult,
  MergeRequest,
  QualityFinding,
  SEARCH_MATCHES,
  SearchMatch,
} from './contacts/contact-query.schema';
export {
  CARD_OPEN_FOLLOW_UPS,
  CARD_OPEN_OPPORTUNITIES,
  CARD_RECENT_ACTIVITIES,
  CardOwner,
  CompanyPerson,
  CreateSuggestion,
  MAX_CARDS_PER_REQUEST,
  SenderCard,
  SenderCardList,
  SenderCardQuery,
} from './contacts/sender-card.schema';
export {
  LeadStatusChange,
  LeadStatusResult,
  LeadUndoPerson,
  LeadUndoRequest,
  LeadUndoResult,
  MAX_LEAD_PEOPLE,
} from './contacts/lead-status.schema';

// Contacts: rules
export {
  emailDomain,
  emailLocalPart,
  foldName,
  hasText,
  normalizeEmail,
  displayEmail,
  EMAIL_FORMAT,
  isEmailAddress,
  SCHEMA_FORMATS,
  normalizePhone,
  phoneDigits,
  phoneSearchDigits,
  websiteDomain,
} from './contacts/normalize.rules';
export type { NormalizedPhone } from './contacts/normalize.rules';
export { companyKey, hasLegalForm, legalFormOf, stripLegalForm } from './contacts/legal-form.rules';
export { koelnerPhonetik } from './contacts/koelner-phonetik.rules';
export { MAX_NAME_TOKENS, familyNameCore, searchKeys, searchQuery } from './contacts/search-keys.rules';
export {
  FIRST_NAME_SOUND,
  firstNameSoundKey,
  MIN_FIRST_NAME_CODE,
  MIN_PHONETIC_CODE,
  MIN_PHONETIC_WORD,
  phoneticKeysOf,
  phoneticSearchCode,
} from './contacts/phonetic-search.rules';
export type { SearchKeyInput, SearchKeys, SearchQuery } from './contacts/search-keys.rules';
export { parseDisplayName } from './contacts/name-parser.rules';
export type { ParsedName } from './contacts/name-parser.rules';
export { displayName, letterSalutation } from './contacts/display-name.rules';
export type { NameInput } from './contacts/display-name.rules';
export { FREE_MAIL_DOMAINS, isFreeMailAddress, isFreeMailDomain } from './contacts/free-mail.rules';
export { domainToAscii, domainToUnicode } from './contacts/domain.rules';
export {
  CONSENT_EVENT_PROBLEMS,
  DOUBLE_OPT_IN_EXPIRY_DAYS,
  confirmationUnproven,
  consentEventProblems,
  consentGrant,
  consentState,
  consentSummary,
  mayContact,
  marketingEmailDecision,
  openDoubleOptInRequest,
  unprovenConfirmations,
  unprovenConsent,
} from './contacts/consent.rules';
export type { ConsentEventProblem, ConsentSubject } from './contacts/consent.rules';
export {
  AUDIT_IGNORED_FIELDS,
  LEAD_OPEN_DAYS,
  LEAD_UNTOUCHED_MONTHS,
  OPEN_LEAD_STATUSES,
  auditChanges,
  budgetInRange,
  contactEmails,
  contactInputProblems,
  contactPhones,
  customerSinceAfter,
  emailProblems,
  inapplicablePatchFields,
  leadStaleness,
  localDate,
  primaryEmail,
  toContactSummary,
} from './contacts/contact.rules';
export type {
  EmailProblem,
  InputProblem,
  LeadStaleness,
  LeadSubject,
} from './contacts/contact.rules';
export { companyFindings, contactFindings, qualityFindings } from './contacts/quality.rules';
export {
  CLOSED_LEAD_STATUSES,
  LEAD_AUDIT_ACTION,
  LEAD_STATE_FIELDS,
  LEAD_UNDO_AUDIT_ACTION,
  MIN_LEAD_REASON_LENGTH,
  REOPEN_STATUS,
  allowedLeadTargets,
  applyLeadTransition,
  inLeadReview,
  isOpenLeadStatus,
  isUndoableLeadChange,
  leadStatusEditMode,
  leadStatusOf,
  leadTransition,
  restoreLeadState,
  transitionArchives,
  transitionNeedsReason,
} from './contacts/lead-status.rules';
export type {
  LeadState,
  LeadTransitionInput,
  LeadTransitionKind,
  LeadTransitionProblem,
  LeadTransitionResult,
} from './contacts/lead-status.rules';
export { customerSinceFromCompany, newLeadData, relationshipsFromCompany } from './contacts/contact-create.rules';
export type { CompanyDefaults } from './contacts/contact-create.rules';
export { DUPLICATE_THRESHOLD, duplicateMatch, findDuplicates } from './contacts/duplicate.rules';
export { limitProblems } from './contacts/contact-limits.rules';
export type { LimitedContact, LimitProblem } from './contacts/contact-limits.rules';
export type { DuplicateMatch, DuplicateProbe } from './contacts/duplicate.rules';
export { companyNameFromDomain, createSuggestion } from './contacts/sender-card.rules';
export type { SuggestionInput } from './contacts/sender-card.rules';

// Text input: NFC, invisible characters, control characters (every string the API accepts)
export {
  TEXT_KIND_KEYWORD,
  TEXT_KINDS,
  TEXT_PROBLEMS,
  hasVisibleText,
  normalizeLine,
  normalizeTextInput,
} from './text/text.rules';
export type { TextInputResult, TextKind, TextProblem } from './text/text.rules';

// i18n
export { DEFAULT_LANGUAGE, LANGUAGES, pickLanguage } from './i18n/language';
export type { Language } from './i18n/language';
export { FIELD_NAMES, JSON_TYPES, PROBLEM_CODES, SERVICE_PROBLEMS, TOKEN_PROBLEMS } from './i18n/catalog';
export type {
  Catalog,
  FieldName,
  JsonType,
  ProblemCode,
  ServiceProblem,
  TokenProblem,
  TranslationKey,
} from './i18n/catalog';
export { de } from './i18n/de';
export { en } from './i18n/en';
export {
  catalogs,
  createTranslator,
  describeField,
  fieldLabelKey,
  matchField,
  relationshipLabel,
} from './i18n/i18n';
export type { FieldMatch, Translate } from './i18n/i18n';
export { valueLabels } from './i18n/value-labels';

// Auth and HTTP (roles, permissions, problem details)
export { APP_ROLES, PERMISSIONS, isAppRole, permissionsFor } from './auth/roles';
export type { AppRole, Permission } from './auth/roles';
export { FieldError, Problem } from './http/problem.schema';

// Activities, follow-ups, opportunities (issue 12)
export {
  ACTIVITY_TYPES,
  Activity,
  ActivityMail,
  ActivityMeeting,
  ActivityType,
  MAIL_DIRECTIONS,
  MAX_MAIL_BODY_LENGTH,
  ComposeKey,
  MailDirection,
  Participant,
  UsedTemplate,
} from './activities/activity.schema';
export {
  ActivityCreate,
  ActivityPage,
  ActivityPatch,
  DEFAULT_TIMELINE_LIMIT,
  LogResult,
  LogStatus,
  MAX_MAIL_BODY_INPUT,
  MAX_TIMELINE_LIMIT,
  MailLogCreate,
  MailStatusQuery,
  MeetingLogCreate,
  MeetingStatusQuery,
  SentMailLogCreate,
  TimelineQuery,
} from './activities/activity-input.schema';
export {
  ACTIVITY_FUTURE_LIMIT_MS,
  compareTimeline,
  decodeTimelineCursor,
  encodeTimelineCursor,
  isTooFarAhead,
  composeLogKey,
  mailLogKey,
  meetingLogKey,
  participantAddresses,
  type TimelinePosition,
  truncateBody,
} from './activities/activity.rules';
export {
  ContactFollowUpsQuery,
  DUE_RANGES,
  DueBucketSchema,
  DueRange,
  FOLLOW_UP_STATES,
  FollowUp,
  FollowUpCreate,
  FollowUpItems,
  FollowUpListItem,
  FollowUpListPage,
  FollowUpListQuery,
  FollowUpPatch,
  FollowUpState,
  MAX_FOLLOW_UPS_PAGE,
  MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE,
  TimeOfDay,
} from './follow-ups/follow-up.schema';
export {
  DUE_BUCKETS,
  QUICK_DUE_CHOICES,
  addDays,
  berlinTime,
  berlinToday,
  dueBucket,
  isPastDue,
  isoWeekday,
  quickDueDate,
  weekEnd,
  workingDayFrom,
} from './follow-ups/follow-up-due.rules';
export type { DueBucket, QuickDueChoice } from './follow-ups/follow-up-due.rules';
export {
  AmountCents,
  MAX_AMOUNT_CENTS,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  type OpenStage,
  Opportunity,
  OpportunityStage,
  Probability,
  StageChange,
  BoardColumn,
  CloseMonthFilter,
  Forecast,
  ForecastCell,
  ForecastFigure,
  ForecastRow,
  Month,
  OpportunityBoard,
  OpportunityCreate,
  OpportunityHistory,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
  OwnerQuery,
} from './opportunities/opportunity.schema';
export {
  FIXED_PROBABILITY,
  INITIAL_STAGE,
  STAGE_DEFAULT_PROBABILITY,
  STAGE_LABELS,
  type StageState,
  closedAtAfter,
  isOpenStage,
  lossReasonProblem,
  probabilityAfter,
  stageLabel,
} from './opportunities/stage.rules';
export {
  FORECAST_MONTHS,
  type ForecastBucket,
  type ForecastInput,
  type ForecastLine,
  type ForecastResult,
  addMonths,
  bucketOf,
  closeMonthOf,
  computeForecast,
  forecastMonths,
  lineTotal,
  monthOf,
  weightedCents,
} from './opportunities/forecast.rules';

// Templates, the compose pane and the send-time consent check (issue 14)
export {
  MAX_TEMPLATE_BODY_LENGTH,
  MAX_TEMPLATES_PER_TENANT,
  RenderedTemplate,
  TEMPLATE_LANGUAGES,
  TEMPLATE_PLACEHOLDERS,
  TEMPLATE_PURPOSES,
  Template,
  TemplateCreate,
  TemplateHistory,
  TemplateHtml,
  TemplateLanguage,
  TemplateList,
  TemplateListQuery,
  TemplatePatch,
  TemplatePlaceholder,
  TemplatePreviewRequest,
  TemplatePurpose,
  TemplateRenderRequest,
  TemplateSummary,
} from './templates/template.schema';
export {
  ALLOWED_PLACEHOLDERS_TEXT,
  checkOutput,
  editDistance,
  emptyPlaceholders,
  type OutputCheck,
  type OutputProblem,
  NEAR_MISS_DISTANCE,
  nearestPlaceholder,
  PLACEHOLDER_DESCRIPTIONS,
  type PlaceholderContact,
  placeholderText,
  placeholderValues,
  SAMPLE_CONTACT,
} from './templates/template.rules';
export {
  COMPOSE_KEY_HEADER,
  COMPOSE_SESSION_KEYS,
  CONSENT_CACHE_MAX_AGE_MS,
  CONSENT_FRESH_MS,
  type ComposePurpose,
  type ConsentCache,
  ConsentCheckRequest,
  ConsentCheckResult,
  RecipientAddress,
  RecipientConsent,
  SEND_CHECK_MODES,
  SendCheckMode,
  SendCheckSettings,
  SendCheckSettingsUpdate,
  UNAVAILABLE_FALLBACKS,
  UnavailableFallback,
} from './send-check/send-check.schema';
export {
  type BlockedRecipient,
  blockedRecipients,
  checkableAddresses,
  DEFAULT_SEND_CHECK_SETTINGS,
  isMarketingMail,
  type MailRecipient,
  mergeConsent,
  parseConsentCache,
  recipientKey,
  settingsFresh,
  staleRecipients,
  stricterFallback,
} from './send-check/send-check.rules';
export {
  DEFAULT_MIRROR_FOLDER,
  MAX_MIRROR_TARGETS,
  MIRROR_LISTS,
  MIRROR_PROBLEM_CODES,
  MIRROR_RUN_TRIGGERS,
  MirrorContactError,
  MirrorContactItem,
  MirrorContactPage,
  MirrorContactsQuery,
  MirrorCounts,
  MirrorList,
  MirrorProblem,
  MirrorProblemCode,
  MirrorRun,
  MirrorRunTrigger,
  MirrorSettings,
  MirrorSettingsUpdate,
  MirrorStatus,
  MirrorTarget,
  MirrorTargetState,
} from './mirror/mirror.schema';

// Import assistant and export (issue 16)
export {
  CSV_DELIMITERS,
  CsvDelimiter,
  IMPORT_ACTIONS,
  IMPORT_ENCODINGS,
  IMPORT_FORMATS,
  IMPORT_OUTCOMES,
  IMPORT_PRESETS,
  IMPORT_ROW_FILTERS,
  IMPORT_ROW_PROBLEMS,
  IMPORT_RUN_MODES,
  IMPORT_STATUSES,
  IMPORT_TARGETS,
  IMPORT_VERDICTS,
  Import,
  ImportAction,
  ImportColumn,
  ImportCompanyLink,
  ImportContactPreview,
  ImportCounts,
  ImportDefaults,
  ImportEncoding,
  ImportFormat,
  ImportList,
  ImportOutcome,
  ImportPreset,
  ImportRowActionChange,
  ImportRowFilter,
  ImportRowPage,
  ImportRowPreview,
  ImportRowProblem,
  ImportRowProblemCode,
  ImportRowResult,
  ImportRowsQuery,
  ImportRun,
  ImportRunMode,
  ImportRunRequest,
  ImportSettingsPatch,
  ImportStatus,
  ImportSummary,
  ImportTarget,
  ImportUploadQuery,
  ImportVerdict,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
} from './import-export/import.schema';
export {
  EXPORT_FORMATS,
  ExportFormat,
  ExportList,
  ExportRecord,
  ExportRequest,
  MAX_EXPORT_IDS,
  VCARD_VERSIONS,
  VCardVersion,
} from './import-export/export.schema';
export { formatGermanDate, formatGermanDay, isCalendarDay, parseGermanDate } from './import-export/german-date.rules';
export { EXPORT_ONLY_HEADERS, mappingFor, recognisePreset } from './import-export/import-presets.rules';
export {
  CONSENT_TARGET_CHANNELS,
  readConsent,
  readCountry,
  readKind,
  readRelationships,
  readRoles,
  readSalutation,
  splitList,
  wordKey,
} from './import-export/import-values.rules';
export { cleanLine, cleanText, readImportRow } from './import-export/import-row.rules';
export {
  csvSafe,
  csvUnsafe,
  EXPORT_TARGETS,
  exportCells,
  exportHeader,
} from './import-export/export-columns.rules';
export type { ExportCell, ExportSubject } from './import-export/export-columns.rules';
export type { ImportedContact, ImportRowContext, ImportRowReading } from './import-export/import-row.rules';

// The DSGVO lifecycle (issue 15): schemas and retention rules
export {
  ConsentReviewItem,
  ConsentReviewPage,
  DEFAULT_RETENTION_YEARS,
  DoubleOptInCreate,
  DoubleOptInLink,
  ERASURE_REASONS,
  ErasureCreate,
  ErasureDueItem,
  ErasureDuePage,
  ErasureLogEntry,
  ErasureOutcome,
  ErasureReason,
  LegalHold,
  LegalHoldSet,
  MAX_REQUEST_CONTACTS,
  ObjectionCreate,
  PRIVACY_DOCUMENT_FORMATS,
  PRIVACY_REQUEST_CHANNELS,
  PRIVACY_REQUEST_LISTS,
  PRIVACY_REQUEST_STATUSES,
  PRIVACY_REQUEST_TYPES,
  PrivacyContactState,
  PrivacyDocumentFormat,
  PrivacyRequest,
  PrivacyRequestChannel,
  PrivacyRequestCreate,
  PrivacyRequestExtension,
  PrivacyRequestList,
  PrivacyRequestPage,
  PrivacyRequestPatch,
  PrivacyRequestStatus,
  PrivacyRequestType,
  PrivacyRequester,
  PrivacySettings,
  PrivacySettingsUpdate,
  ProcessingActivity,
  RESTRICTION_REASONS,
  RETENTION_RECORD_TYPES,
  Restriction,
  RestrictionCreate,
  RestrictionReason,
  RetentionCover,
  RetentionRecordType,
} from './privacy/privacy.schema';
export {
  berlinDayOf,
  coversOf,
  eraseOnAfter,
  erasureDue,
  erasureOutcomeOf,
  keepUntilOf,
  MAX_COVERS_LISTED,
  recordTypeOfActivity,
  stillKept,
} from './privacy/retention.rules';
export type { RetainedRecord } from './privacy/retention.rules';
export {
  addCalendarMonths,
  daysInMonth,
  type ExtensionProblem,
  extensionProblem,
  isOpenStatus,
  isRequestOverdue,
  requestDueOn,
  requestReference,
} from './privacy/privacy-requests.rules';
