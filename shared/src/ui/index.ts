// The browser entry of the shared package: the React components both front ends share
// (Outlook task pane, Teams tab), the typed API client and the types they need. Editors and
// rare views are exported as lazy components, so importing this barrel keeps them out of the
// first bundle; and nothing here loads TypeBox schemas at run time (only their types), which
// the root entry does for the API. React and Fluent UI are peer dependencies of the front ends.
export type {
  AuditEntry,
  ContactListItem,
  ContactListQuery,
  DuplicateCandidate,
  QualityFinding,
  SearchMatch,
} from '../contacts/contact-query.schema';
export type { CardOwner, CompanyPerson, SenderCard } from '../contacts/sender-card.schema';
export type { TenantUser } from '../users/user.schema';
export type { Contact, ContactSummary } from '../contacts/contact.schema';
export { primaryEmail } from '../contacts/contact.rules';
export { ApiError, createApiClient, NetworkError } from '../http/api-client';
export type {
  ApiClient,
  ApiClientOptions,
  CardRequest,
  DuplicateGroup,
  LeadReviewItem,
  LeadReviewPage,
  Me,
  WorklistItem,
  WorklistPage,
} from '../http/api-client';
export type {
  BoardColumn,
  Forecast,
  ForecastCell,
  ForecastFigure,
  ForecastRow,
  Opportunity,
  OpportunityBoard,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
  OpportunityStage,
} from '../opportunities/opportunity.schema';
export type { CreatedOpportunity, UpdatedOpportunity } from '../http/api-client';
export { OpenOpportunities } from './opportunities/OpenOpportunities';
export type { OpenOpportunitiesProps } from './opportunities/OpenOpportunities';
export { OPEN_STAGES, OPPORTUNITY_STAGES } from '../opportunities/opportunity.schema';
export { isOpenStage, STAGE_DEFAULT_PROBABILITY, stageLabel } from '../opportunities/stage.rules';
export { bucketOf, forecastMonths, weightedCents } from '../opportunities/forecast.rules';
export { DEFAULT_LANGUAGE, pickLanguage } from '../i18n/language';
export type { Language } from '../i18n/language';
export { ApiContext, useApi } from './api-context';
// Activities (Kontakthistorie, issue 12)
export type { Activity, ActivityType } from '../activities/activity.schema';
export type {
  ActivityCreate,
  ActivityPage,
  LogResult,
  LogStatus,
  MailLogCreate,
  MeetingLogCreate,
  SentMailLogCreate,
} from '../activities/activity-input.schema';
export { COMPOSE_KEY_HEADER, COMPOSE_SESSION_KEYS } from '../send-check/send-check.keys';
export { MAX_MAIL_BODY_LENGTH } from '../activities/activity-limits';
export { ActivityItem } from './activities/ActivityItem';
export type { ActivityItemProps } from './activities/ActivityItem';
export { ContactTimeline } from './activities/ContactTimeline';
export type { ContactTimelineHandle, ContactTimelineProps } from './activities/ContactTimeline';
export { QuickEntryForm } from './activities/lazy-activities';
export type { QuickEntryFormProps, QuickEntryType } from './activities/QuickEntryForm';
export { RECENT_SHOWN, RecentActivities } from './activities/RecentActivities';
export type { RecentActivitiesProps } from './activities/RecentActivities';
export { Timeline } from './activities/Timeline';
export type { TimelineProps } from './activities/Timeline';
export { useTimeline } from './activities/useTimeline';
export type { TimelineState } from './activities/useTimeline';
export { LatestRequests } from './requests/latest-requests';
export type { Latest } from './requests/latest-requests';
export { useLatestRequests } from './requests/useLatestRequests';
export { CardFacts } from './card/CardFacts';
export { CardHeader } from './card/CardHeader';
export { CardSection } from './card/CardSection';
export { CardSkeleton } from './card/CardSkeleton';
export { RELATIONSHIP_COLORS, relationshipBadges } from './card/card-labels';
export type { RelationshipBadge } from './card/card-labels';
export { ConsentSection } from './card/ConsentSection';
export { ContactCard } from './card/ContactCard';
export type { ContactCardProps } from './card/ContactCard';
export { MarketingVerdict } from './card/MarketingVerdict';
export { NotesSection } from './card/NotesSection';
export { QualitySection } from './card/QualitySection';
export type { QualitySectionProps } from './card/QualitySection';
export { fixPermission, fixTargetOf } from './care/fix-target';
export type { FixAction, FixSubject, FixTarget } from './care/fix-target';
export { RelationshipBadges } from './card/RelationshipBadges';
export {
  RESTRICTED_ACTIONS_HINT_ID,
  RestrictedActionsHint,
  RestrictedBadge,
  RestrictionNotice,
} from './card/RestrictionNotice';
export { UnknownSenderCard } from './card/UnknownSenderCard';
export type { CreateContactPanelProps } from './create/CreateContactPanel';
export type { NewContactDialogProps } from './create/NewContactDialog';
export type { CompanyViewProps } from './company/CompanyView';
export type { ConsentEventFormProps } from './edit/ConsentEventForm';
export type { ContactEditorProps } from './edit/ContactEditor';
export { editorFieldOf } from './edit/edit-fields';
export type { EditorField } from './edit/edit-fields';
export type { NotesEditorProps } from './edit/NotesEditor';
export type { DiscardNotesDialogProps } from './edit/DiscardNotesDialog';
export { DEMO_MAILBOX, DEMO_USER, demoItemDetails, demoReceivedAt } from './demo/demo-mailbox';
export type { DemoItemDetails, DemoMailItem, DemoPerson, DemoReceived } from './demo/demo-mailbox';
export { DemoResetButton } from './demo/DemoResetButton';
export type { DemoResetButtonProps } from './demo/DemoResetButton';
export { useLeadStatus } from './lead/useLeadStatus';
export { formatEuro, formatEuroInput, formatEuroRounded, parseEuroInput } from './opportunities/money-input';
export type { MoneyParse, MoneyProblem } from './opportunities/money-input';
export { DateField } from './forms/DateField';
export type { DateFieldProps } from './forms/DateField';
export type { LeadFailure, LeadNotice } from './lead/useLeadStatus';
export { createUiText, UiTextProvider, useUiText } from './i18n';
export type { TextKey, TextParams, UiText } from './i18n';
export { berlinDateTime, createDateFormat, parseUiDate } from './i18n';
export type { DateFormat, DateValue } from './i18n';
export {
  CompanyView,
  ConsentEventForm,
  ContactEditor,
  CreateContactPanel,
  DiscardNotesDialog,
  NewContactDialog,
  FollowUpForm,
  NotesEditor,
  preloadEditors,
} from './lazy';
// Follow-ups (Wiedervorlage)
export type { FollowUp, FollowUpListItem, FollowUpListPage } from '../follow-ups/follow-up.schema';
export type { DueBucket, QuickDueChoice } from '../follow-ups/follow-up-due.rules';
export { DUE_BUCKETS, berlinToday, dueBucket } from '../follow-ups/follow-up-due.rules';
export { OpenFollowUps } from './follow-ups/OpenFollowUps';
export type { OpenFollowUpsProps } from './follow-ups/OpenFollowUps';
export { useFollowUpCompletion } from './follow-ups/useFollowUpCompletion';
export type { FollowUpCompletion, FollowUpNotice } from './follow-ups/useFollowUpCompletion';
export type { SalesWorkActions } from './card/SalesWorkSections';
export type { FollowUpFormProps } from './follow-ups/FollowUpForm';
// Templates (Vorlagen) and the send-time consent check's settings (issue 14)
export type {
  RenderedTemplate,
  Template,
  TemplateCreate,
  TemplateLanguage,
  TemplateList,
  TemplatePatch,
  TemplatePlaceholder,
  TemplatePreviewRequest,
  TemplatePurpose,
  TemplateSummary,
} from '../templates/template.schema';
export type {
  SendCheckMode,
  SendCheckSettings,
  SendCheckSettingsUpdate,
  UnavailableFallback,
} from '../send-check/send-check.schema';
// The Microsoft 365 contacts mirror (issue 13): the card's sync line and the problems' texts
export { mirrorProblemText, syncStatusView } from './card/sync-status';
export type { MirrorProblemText, SyncFields, SyncStatusView } from './card/sync-status';
export type {
  MirrorContactError,
  MirrorContactItem,
  MirrorContactPage,
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
} from '../mirror/mirror.schema';
// The DSGVO lifecycle (issue 15): the Datenschutz view's types
export type {
  ConsentReviewItem,
  ConsentReviewPage,
  DoubleOptInLink,
  ErasureDueItem,
  ErasureDuePage,
  ErasureLogEntry,
  ErasureOutcome,
  ErasureReason,
  LegalHold,
  PrivacyContactState,
  PrivacyRequest,
  PrivacyRequestChannel,
  PrivacyRequestCreate,
  PrivacyRequestList,
  PrivacyRequestPage,
  PrivacyRequestPatch,
  PrivacyRequestStatus,
  PrivacyRequestType,
  PrivacySettings,
  PrivacySettingsUpdate,
  ProcessingActivity,
  Restriction,
  RetentionCover,
  RetentionRecordType,
} from '../privacy/privacy.schema';
export type { DownloadedFile } from '../http/api-client';
