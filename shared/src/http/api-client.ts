import type {
  ActivityCreate,
  ActivityPage,
  ActivityPatch,
  LogResult,
  LogStatus,
  MailLogCreate,
  MeetingLogCreate,
  SentMailLogCreate,
} from '../activities/activity-input.schema';
import type { Activity } from '../activities/activity.schema';
import type { AppRole, Permission } from '../auth/roles';
import type { ConsentEventCreate } from '../contacts/consent.schema';
import type { ContactCreate, ContactPatch } from '../contacts/contact-input.schema';
import type { HistoryEntryCreate, NotesChange, OpenItemCreate } from '../contacts/contact-notes.schema';
import type {
  AuditEntry,
  ContactListPage,
  ContactListQuery,
  DuplicateCandidate,
  DuplicateCheckRequest,
  QualityFinding,
} from '../contacts/contact-query.schema';
import type { Contact, ContactSummary } from '../contacts/contact.schema';
import type {
  LeadStatusChange,
  LeadStatusResult,
  LeadUndoPerson,
  LeadUndoResult,
} from '../contacts/lead-status.schema';
import type { CompanyPerson, SenderCard } from '../contacts/sender-card.schema';
import type { DemoResetResult, DemoStatus } from '../demo/demo.schema';
import type {
  FollowUp,
  FollowUpCreate,
  FollowUpListPage,
  FollowUpListQuery,
  FollowUpPatch,
} from '../follow-ups/follow-up.schema';
import type { Language } from '../i18n/language';
import type {
  Forecast,
  Opportunity,
  OpportunityBoard,
  OpportunityCreate,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
} from '../opportunities/opportunity.schema';
import type {
  RenderedTemplate,
  Template,
  TemplateCreate,
  TemplateList,
  TemplatePatch,
  TemplatePreviewRequest,
} from '../templates/template.schema';
import type { ConsentCheckResult, SendCheckSettings, SendCheckSettingsUpdate } from '../send-check/send-check.schema';
import type {
  MirrorContactPage,
  MirrorList,
  MirrorSettings,
  MirrorSettingsUpdate,
  MirrorStatus,
} from '../mirror/mirror.schema';
import type {
  Import,
  ImportList,
  ImportRowActionChange,
  ImportRowPage,
  ImportRowPreview,
  ImportRowsQuery,
  ImportSettingsPatch,
} from '../import-export/import.schema';
import type { ExportList, ExportRequest } from '../import-export/export.schema';
import type {
  ConsentReviewPage,
  DoubleOptInCreate,
  DoubleOptInLink,
  ErasureCreate,
  ErasureDuePage,
  ErasureLogEntry,
  ErasureOutcome,
  LegalHoldSet,
  ObjectionCreate,
  PrivacyContactState,
  PrivacyDocumentFormat,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestList,
  PrivacyRequestPage,
  PrivacyRequestPatch,
  PrivacySettings,
  PrivacySettingsUpdate,
  RestrictionCreate,
} from '../privacy/privacy.schema';
import type { TenantUser } from '../users/user.schema';
import type { Problem } from './problem.schema';

// The typed client both front ends use for the KlarKonform API. Only types are imported from
// the schema modules, so no TypeBox runtime reaches the browser bundles. Reads and keyed
// creates are retried on network failures and 502/503/504/429; other writes are never
// retried (a consent event is append-only, a PATCH would come back 412).

export interface Me {
  tenantId: string;
  userId: string;
  name?: string;
  email?: string;
  roles: AppRole[];
  permissions: Permission[];
}

export interface WorklistItem {
  contact: ContactSummary;
  findings: QualityFinding[];
}

export interface WorklistPage {
  items: WorklistItem[];
  nextCursor: string | null;
  /** First page, privacy:manage only (issue 15): overdue data-subject requests, the most overdue five. */
  privacyOverdue?: { count: number; items: PrivacyRequest[] };
}

export interface DuplicateGroup {
  contacts: ContactSummary[];
  score: number;
  reasons: DuplicateCandidate['reasons'];
}

export interface LeadReviewItem {
  contact: Contact;
  companyName?: string;
  staleness: 'fresh' | 'openTooLong' | 'untouched';
}

export interface LeadReviewPage {
  items: LeadReviewItem[];
  nextCursor: string | null;
}

export interface ApiClientOptions {
  /** '' for the page's own origin. */
  baseUrl?: string;
  getToken: (options: { forceRefresh: boolean }) => Promise<string>;
  language: () => Language;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface CardRequest {
  email: string;
  name?: string;
}

export interface CreatedContact {
  contact: Contact;
  /** false when the Idempotency-Key was seen before and the earlier contact came back. */
  created: boolean;
}

export interface CreatedOpportunity {
  opportunity: Opportunity;
  /** false when the Idempotency-Key was seen before and the earlier opportunity came back. */
  created: boolean;
}

export interface UpdatedOpportunity {
  opportunity: Opportunity;
  /**
   * The contact to offer converting to a customer ("Zum Kunden machen"): set when this change won
   * the opportunity and its contact, or the contact's company, is an open lead (header x-lead-to-convert).
   */
  leadToConvert: string | null;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem?.detail ?? problem?.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code;
    this.problem = problem;
  }

  get isConflict(): boolean {
    return this.status === 412 || this.status === 409 || this.code === 'preconditionFailed';
  }
}

/** Thrown when the request never got an answer (offline, timeout, DNS). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network request failed', { cause });
    this.name = 'NetworkError';
  }
}

// The schema allows 20 addresses per request; kept here as a plain number so that the
// client does not pull the schema module (and TypeBox) into the browser.
export const CARDS_PER_REQUEST = 50; // the API's limit (MAX_CARDS_PER_REQUEST)

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_DELAYS_MS = [250, 1000];

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (an uploaded file) instead of JSON. */
  raw?: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>;
  /** Read the answer as a file (`Blob`) instead of JSON. */
  download?: boolean;
  headers?: Record<string, string>;
  retry?: boolean;
  signal?: AbortSignal | undefined;
  /** Overrides the client's time limit (uploads and exports of 50,000 contacts take longer). */
  timeoutMs?: number;
}

/** A file the API answered with (an export, an import report). */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, e.g. "kontakte-2026-12-01.csv". */
  fileName: string;
  /** Contacts in an export (header x-export-count); undefined for other files. */
  count: number | undefined;
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` in UTF-8 first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

interface RawResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ifMatch = (version: number) => `"${version}"`;

export function createApiClient(options: ApiClientOptions) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function send<T>(path: string, req: RequestOptions, forceRefresh = false): Promise<RawResponse<T>> {
    const token = await options.getToken({ forceRefresh });
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': options.language(),
      authorization: `Bearer ${token}`,
      ...req.headers,
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.raw !== undefined) headers['content-type'] = 'application/octet-stream';
    const timeout = AbortSignal.timeout(req.timeoutMs ?? timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/api/v1${path}`, {
        method: req.method ?? 'GET',
        headers,
        body: req.raw ?? (req.body === undefined ? null : JSON.stringify(req.body)),
        signal: req.signal ? AbortSignal.any([req.signal, timeout]) : timeout,
      });
    } catch (err) {
      if (req.signal?.aborted) throw err;
      throw new NetworkError(err);
    }
    // A token can expire or be revoked between the cache check and the call: one fresh try.
    if (response.status === 401 && !forceRefresh) return send(path, req, true);
    if (req.download && response.ok) {
      return { status: response.status, body: (await response.blob()) as T, headers: response.headers };
    }
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const problem = typeof parsed === 'object' && parsed !== null ? (parsed as Problem) : undefined;
      throw new ApiError(response.status, problem, `HTTP ${response.status}`);
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async function request<T>(path: string, req: RequestOptions = {}): Promise<RawResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send<T>(path, req);
      } catch (err) {
        const retryable = err instanceof NetworkError || (err instanceof ApiError && RETRY_STATUSES.has(err.status));
        const delay = RETRY_DELAYS_MS[attempt];
        if (!req.retry || !retryable || delay === undefined || req.signal?.aborted) throw err;
        await sleep(delay);
      }
    }
  }

  const json = async <T>(path: string, req: RequestOptions = {}) => (await request<T>(path, req)).body;
  const download = async (path: string, req: RequestOptions, fallbackName: string): Promise<DownloadedFile> => {
    const res = await request<Blob>(path, { ...req, download: true });
    const count = res.headers.get('x-export-count');
    return {
      blob: res.body,
      fileName: fileNameOf(res.headers.get('content-disposition'), fallbackName),
      count: count === null ? undefined : Number(count),
    };
  };
  const post = <T>(path: string, body: unknown) => json<T>(path, { method: 'POST', body });
  const id = encodeURIComponent;

  return {
    me: () => json<Me>('/me', { retry: true }),

    // Activities (Kontakthistorie, issue 12). Creates are keyed: a retry or a second click with
    // the same key never stores twice, and a mail or meeting is stored once per tenant anyway.
    /** A hand-made entry (Anruf, Notiz, …); `created` false when the key was used before. */
    async createActivity(
      body: ActivityCreate,
      idempotencyKey: string,
    ): Promise<{ activity: Activity; created: boolean }> {
      const res = await request<Activity>('/activities', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      });
      return { activity: res.body, created: res.status === 201 };
    },
    /** "E-Mail protokollieren": `alreadyLogged` when anyone logged this mail before. */
    logMail: (body: MailLogCreate, idempotencyKey: string) =>
      json<LogResult>('/activities/mail', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      }),
    /** "Termin protokollieren", keyed by the appointment's iCalUId. */
    logMeeting: (body: MeetingLogCreate, idempotencyKey: string) =>
      json<LogResult>('/activities/meeting', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      }),
    /** "E-Mail protokollieren beim Senden": keyed by the compose session; `alreadyLogged` on a repeat. */
    logSentMail: (body: SentMailLogCreate) =>
      json<LogResult>('/activities/sent-mail', { method: 'POST', body, retry: true }),
    /** Whether a mail is logged: by its compose key when the sent copy names one, else by its Message-ID. */
    mailStatus: (internetMessageId: string, signal?: AbortSignal, composeKey?: string) =>
      json<LogStatus>(
        `/activities/mail-status?${new URLSearchParams(composeKey ? { composeKey } : { internetMessageId })}`,
        { retry: true, signal },
      ),
    meetingStatus: (iCalUId: string, signal?: AbortSignal) =>
      json<LogStatus>(`/activities/meeting-status?${new URLSearchParams({ iCalUId })}`, { retry: true, signal }),
    /** One page of a contact's timeline, newest first (a company's includes its people). */
    timeline(contactId: string, cursor?: string | null, limit?: number, signal?: AbortSignal): Promise<ActivityPage> {
      const query = new URLSearchParams();
      if (cursor) query.set('cursor', cursor);
      if (limit) query.set('limit', String(limit));
      const suffix = query.size > 0 ? `?${query}` : '';
      return json<ActivityPage>(`/contacts/${encodeURIComponent(contactId)}/activities${suffix}`, {
        retry: true,
        signal,
      });
    },
    patchActivity: (activityId: string, version: number, patch: ActivityPatch) =>
      json<Activity>(`/activities/${encodeURIComponent(activityId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
      }),
    deleteActivity: async (activityId: string, version: number): Promise<void> => {
      await request<undefined>(`/activities/${encodeURIComponent(activityId)}`, {
        method: 'DELETE',
        headers: { 'if-match': ifMatch(version) },
      });
    },

    /** The tenant's users (who can be Betreuer), by name: everyone the API has seen in a verified token. */
    async users(signal?: AbortSignal): Promise<TenantUser[]> {
      return (await json<{ items: TenantUser[] }>('/users', { retry: true, signal })).items;
    },

    /**
     * One card per address, in request order. Display names help the API suggest a name for
     * unknown senders. More than 20 addresses go out as parallel requests.
     */
    async cards(people: readonly CardRequest[], signal?: AbortSignal): Promise<SenderCard[]> {
      const chunks: CardRequest[][] = [];
      for (let i = 0; i < people.length; i += CARDS_PER_REQUEST) {
        chunks.push(people.slice(i, i + CARDS_PER_REQUEST));
      }
      const pages = await Promise.all(
        chunks.map((chunk) => {
          const query = new URLSearchParams();
          for (const person of chunk) query.append('email', person.email);
          for (const person of chunk) query.append('name', person.name ?? '');
          return json<{ cards: SenderCard[] }>(`/cards?${query}`, { retry: true, signal });
        }),
      );
      return pages.flatMap((page) => page.cards);
    },

    /** The same key always yields the same contact, so a double click or a retry is harmless. */
    async createContact(body: ContactCreate, idempotencyKey: string): Promise<CreatedContact> {
      const res = await request<Contact>('/contacts', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      });
      return { contact: res.body, created: res.status === 201 };
    },

    getContact: (contactId: string, signal?: AbortSignal) =>
      json<Contact>(`/contacts/${id(contactId)}`, { retry: true, signal }),

    patchContact: (contactId: string, version: number, patch: ContactPatch) =>
      json<Contact>(`/contacts/${id(contactId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
      }),

    /** One change of the lead state machine, from the version the user saw (If-Match). */
    setLeadStatus: (contactId: string, version: number, change: LeadStatusChange) =>
      json<LeadStatusResult>(`/contacts/${id(contactId)}/lead-status`, {
        method: 'POST',
        body: change,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** Takes back the last lead status change (`version`: the one it gave), with the people it changed along. */
    undoLeadStatus: (contactId: string, version: number, people: readonly LeadUndoPerson[] = []) =>
      json<LeadUndoResult>(`/contacts/${id(contactId)}/lead-status/undo`, {
        method: 'POST',
        body: people.length > 0 ? { people } : {},
        headers: { 'if-match': ifMatch(version) },
      }),

    archiveContact: (contactId: string, reason: string) =>
      post<Contact>(`/contacts/${id(contactId)}/archive`, { reason }),
    unarchiveContact: (contactId: string) => post<Contact>(`/contacts/${id(contactId)}/unarchive`, {}),

    addConsentEvent: (contactId: string, event: ConsentEventCreate) =>
      post<Contact>(`/contacts/${id(contactId)}/consent-events`, event),

    addHistoryEntry: (contactId: string, entry: HistoryEntryCreate) =>
      post<Contact>(`/contacts/${id(contactId)}/notes/history`, entry),
    addOpenItem: (contactId: string, item: OpenItemCreate) =>
      post<Contact>(`/contacts/${id(contactId)}/notes/open-items`, item),
    setOpenItemDone: (contactId: string, itemId: string, done: boolean) =>
      json<Contact>(`/contacts/${id(contactId)}/notes/open-items/${id(itemId)}`, {
        method: 'PATCH',
        body: { done },
      }),
    addFreeNote: (contactId: string, text: string) => post<Contact>(`/contacts/${id(contactId)}/notes/free`, { text }),

    /**
     * All note changes in one write, against `version` (412 when the contact changed since).
     * Keyed, so it is retried on network failures: a repeat of a stored request changes nothing.
     */
    saveNotes: (contactId: string, version: number, change: NotesChange, idempotencyKey: string) =>
      json<Contact>(`/contacts/${id(contactId)}/notes`, {
        method: 'PATCH',
        body: change,
        headers: { 'if-match': ifMatch(version), 'idempotency-key': idempotencyKey },
        retry: true,
      }),

    async checkDuplicates(candidate: DuplicateCheckRequest, signal?: AbortSignal): Promise<DuplicateCandidate[]> {
      const res = await json<{ candidates: DuplicateCandidate[] }>('/contacts/duplicate-check', {
        method: 'POST',
        body: candidate,
        retry: true,
        signal,
      });
      return res.candidates;
    },

    listContacts(query: Partial<ContactListQuery> = {}, signal?: AbortSignal): Promise<ContactListPage> {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      return json<ContactListPage>(`/contacts?${params}`, { retry: true, signal });
    },

    worklist(limit: number, cursor?: string | null, signal?: AbortSignal): Promise<WorklistPage> {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return json<WorklistPage>(`/quality/worklist?${query}`, { retry: true, signal });
    },

    async duplicateGroups(signal?: AbortSignal): Promise<DuplicateGroup[]> {
      return (await json<{ groups: DuplicateGroup[] }>('/duplicates', { retry: true, signal })).groups;
    },

    merge: (survivorId: string, duplicateId: string) => post<Contact>('/contacts/merge', { survivorId, duplicateId }),

    async contactQuality(contactId: string, signal?: AbortSignal): Promise<QualityFinding[]> {
      return (await json<{ findings: QualityFinding[] }>(`/contacts/${id(contactId)}/quality`, { retry: true, signal }))
        .findings;
    },

    /** The card of one contact by id: the sender card's fields, for contacts without e-mail too. */
    async contactCard(contactId: string, signal?: AbortSignal): Promise<SenderCard> {
      return json<SenderCard>(`/contacts/${id(contactId)}/card`, { retry: true, signal });
    },

    /** The people of company `companyId` with their roles (at most 50, by name); 404 for anything but a company. */
    async companyPeople(companyId: string, signal?: AbortSignal): Promise<CompanyPerson[]> {
      return (await json<{ items: CompanyPerson[] }>(`/contacts/${id(companyId)}/people`, { retry: true, signal }))
        .items;
    },

    /** `owner`: a user id, or "me" for the caller's own leads ("Meine Leads"). */
    listLeads(
      query: { limit?: number; cursor?: string; owner?: string } = {},
      signal?: AbortSignal,
    ): Promise<LeadReviewPage> {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.cursor) params.set('cursor', query.cursor);
      if (query.owner) params.set('owner', query.owner);
      return json<LeadReviewPage>(`/leads?${params}`, { retry: true, signal });
    },

    /** Whether the caller is on the demo tenant and may reset it; 404 (ApiError) everywhere else. */
    demoStatus: (signal?: AbortSignal) => json<DemoStatus>('/demo', { signal }),
    /** Deletes the demo tenant's data and seeds it afresh (admins of the demo tenant only). */
    resetDemo: () => post<DemoResetResult>('/demo/reset', {}),

    // Follow-ups (Wiedervorlage)
    /** The same key always yields the same follow-up, so a double click or a retry is harmless. */
    async createFollowUp(body: FollowUpCreate, idempotencyKey: string): Promise<FollowUp> {
      const res = await request<FollowUp>('/follow-ups', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      });
      return res.body;
    },
    /** Changes, completes (`state: 'done'`) or reopens a follow-up from the version the user saw (If-Match). */
    patchFollowUp: (followUpId: string, version: number, patch: FollowUpPatch) =>
      json<FollowUp>(`/follow-ups/${id(followUpId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** "Meine Wiedervorlagen": open ones of `assignee` (me, a user id, all) with their due bucket. */
    followUps(query: FollowUpListQuery = {}, signal?: AbortSignal): Promise<FollowUpListPage> {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      return json<FollowUpListPage>(`/follow-ups?${params}`, { retry: true, signal });
    },
    /** The contact's follow-ups (open ones by due day first). */
    async contactFollowUps(contactId: string, state?: FollowUp['state'], signal?: AbortSignal): Promise<FollowUp[]> {
      const query = state ? `?state=${state}` : '';
      return (
        await json<{ items: FollowUp[] }>(`/contacts/${id(contactId)}/follow-ups${query}`, { retry: true, signal })
      ).items;
    },

    async contactHistory(contactId: string): Promise<AuditEntry[]> {
      return (await json<{ items: AuditEntry[] }>(`/contacts/${id(contactId)}/history`, { retry: true })).items;
    },

    // Opportunities (Verkaufschancen)
    /** The same key always yields the same opportunity, so a double click or a retry is harmless. */
    async createOpportunity(body: OpportunityCreate, idempotencyKey: string): Promise<CreatedOpportunity> {
      const res = await request<Opportunity>('/opportunities', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      });
      return { opportunity: res.body, created: res.status === 201 };
    },
    getOpportunity: (opportunityId: string, signal?: AbortSignal) =>
      json<Opportunity>(`/opportunities/${id(opportunityId)}`, { retry: true, signal }),
    /** A change from the version the user saw (412 when it changed since); a stage move is `{ stage }`. */
    async updateOpportunity(
      opportunityId: string,
      version: number,
      patch: OpportunityPatch,
    ): Promise<UpdatedOpportunity> {
      const res = await request<Opportunity>(`/opportunities/${id(opportunityId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
      });
      return { opportunity: res.body, leadToConvert: res.headers.get('x-lead-to-convert') };
    },
    /** `owner`: a user id or "me"; `closeMonth`: "YYYY-MM", "overdue", "undated" or "beyond" (forecast figures). */
    listOpportunities(query: Partial<OpportunityListQuery> = {}, signal?: AbortSignal): Promise<OpportunityPage> {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      return json<OpportunityPage>(`/opportunities?${params}`, { retry: true, signal });
    },
    opportunityBoard: (owner?: string, signal?: AbortSignal) =>
      json<OpportunityBoard>(`/opportunities/board${owner ? `?owner=${id(owner)}` : ''}`, { retry: true, signal }),
    opportunityForecast: (owner?: string, signal?: AbortSignal) =>
      json<Forecast>(`/opportunities/forecast${owner ? `?owner=${id(owner)}` : ''}`, { retry: true, signal }),
    async opportunityHistory(opportunityId: string): Promise<AuditEntry[]> {
      return (await json<{ items: AuditEntry[] }>(`/opportunities/${id(opportunityId)}/history`, { retry: true }))
        .items;
    },

    // Templates (Vorlagen, issue 14): managed with templates:manage, rendered for everyone who reads contacts.
    /** All of the tenant's templates by name (at most MAX_TEMPLATES_PER_TENANT, one page). */
    listTemplates: (signal?: AbortSignal) => json<TemplateList>('/templates', { retry: true, signal }),
    getTemplate: (templateId: string, signal?: AbortSignal) =>
      json<Template>(`/templates/${id(templateId)}`, { retry: true, signal }),
    /** The same key always yields the same template; a name taken (case-insensitively) answers 409. */
    createTemplate: (body: TemplateCreate, idempotencyKey: string) =>
      json<Template>('/templates', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      }),
    /** A change from the version the user saw (412 when it changed since). */
    updateTemplate: (templateId: string, version: number, patch: TemplatePatch) =>
      json<Template>(`/templates/${id(templateId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
      }),
    deleteTemplate: async (templateId: string, version: number): Promise<void> => {
      await request<undefined>(`/templates/${id(templateId)}`, {
        method: 'DELETE',
        headers: { 'if-match': ifMatch(version) },
      });
    },
    /** An unsaved draft filled for a contact, or for the sample person without `contactId`. */
    previewTemplate: (body: TemplatePreviewRequest, signal?: AbortSignal) =>
      json<RenderedTemplate>('/templates/preview', { method: 'POST', body, signal }),
    /** A saved template filled for one contact ("Vorlage einfügen"). */
    renderTemplate: (templateId: string, contactId: string, signal?: AbortSignal) =>
      json<RenderedTemplate>(`/templates/${id(templateId)}/render`, {
        method: 'POST',
        body: { contactId },
        retry: true,
        signal,
      }),

    // The Microsoft 365 contacts mirror (issue 13)
    /** The tenant's mirror settings; version 0 (disabled, no targets) until an admin saves them. */
    mirrorSettings: (signal?: AbortSignal) => json<MirrorSettings>('/mirror/settings', { retry: true, signal }),
    /** Saves them on `version` (412 when changed since; mirror:manage). Enabling starts a run. */
    updateMirrorSettings: (version: number, body: MirrorSettingsUpdate) =>
      json<MirrorSettings>('/mirror/settings', {
        method: 'PUT',
        body,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** The admin's overview: counts per status, last and next run, problems, contacts in error. */
    mirrorStatus: (signal?: AbortSignal) => json<MirrorStatus>('/mirror/status', { retry: true, signal }),
    /** "Jetzt synchronisieren": asks for a run at once (202 with the overview; a running run is not doubled). */
    runMirror: () => json<MirrorStatus>('/mirror/run', { method: 'POST', body: {} }),
    /** A data-care worklist of the mirror: contacts in sync error, or created from Outlook to review. */
    mirrorContacts: (list: MirrorList, cursor?: string, signal?: AbortSignal) => {
      const params = new URLSearchParams({ list });
      if (cursor) params.set('cursor', cursor);
      return json<MirrorContactPage>(`/mirror/contacts?${params}`, { retry: true, signal });
    },
    /** Marks a contact created from Outlook as reviewed: it leaves the "aus Outlook — prüfen" list. */
    markMirrorReviewed: async (contactId: string): Promise<void> => {
      await request<undefined>(`/mirror/contacts/${id(contactId)}/reviewed`, { method: 'POST', body: {} });
    },

    // Import assistant and export (issue 16; data:import / data:export, CRM.Admin)
    /**
     * Uploads a file (CSV, .xlsx or .vcf, at most 20 MB / 50,000 rows) as its raw bytes; the API
     * parses it at once and answers 201 with the import (status ready, mapping guessed). Problems
     * with the file (empty, encrypted, .xls, no header, too large) come back as ApiError 400/413.
     */
    uploadImport: (file: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>, fileName: string, signal?: AbortSignal) =>
      json<Import>(`/imports?${new URLSearchParams({ fileName })}`, {
        method: 'POST',
        raw: file,
        signal,
        timeoutMs: 120_000,
      }),
    /** "Letzte Importe": the tenant's 20 newest imports. */
    listImports: (signal?: AbortSignal) => json<ImportList>('/imports', { retry: true, signal }),
    /** One import with its progress (`run.done` / `run.total`); the view polls this while it runs. */
    getImport: (importId: string, signal?: AbortSignal) =>
      json<Import>(`/imports/${id(importId)}`, { retry: true, signal }),
    /** Encoding, delimiter, sheet, preset, mapping, values for all rows — from the version shown (412 otherwise). */
    updateImport: (importId: string, version: number, patch: ImportSettingsPatch) =>
      json<Import>(`/imports/${id(importId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
        timeoutMs: 60_000,
      }),
    /** Deletes an import that is not running: its stored file, rows and results (the contacts stay). */
    deleteImport: async (importId: string): Promise<void> => {
      await request<undefined>(`/imports/${id(importId)}`, { method: 'DELETE' });
    },
    /** A page of the preview: rows as they will be stored, problems, duplicate verdict, action, result. */
    importRows: (importId: string, query: Partial<ImportRowsQuery> = {}, signal?: AbortSignal) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      return json<ImportRowPage>(`/imports/${id(importId)}/rows?${params}`, { retry: true, signal, timeoutMs: 60_000 });
    },
    /** This row's own action (`null`: back to the default of its verdict); `targetId` picks the merge target. */
    setImportRowAction: (importId: string, row: number, change: ImportRowActionChange) =>
      json<ImportRowPreview>(`/imports/${id(importId)}/rows/${row}/action`, { method: 'PUT', body: change }),
    /** Starts a dry run (`dryRun: true`, changes nothing) or the import; 202 with the import (status queued/running). */
    runImport: (importId: string, dryRun: boolean) =>
      json<Import>(`/imports/${id(importId)}/run`, { method: 'POST', body: { dryRun } }),
    /** Asks the running job to stop after its current row; answers with the import (`run.cancelRequested`). */
    cancelImport: (importId: string) => json<Import>(`/imports/${id(importId)}/cancel`, { method: 'POST', body: {} }),
    /** The path of the result report (CSV for Excel, one line per row); fetch it with `importReport`. */
    importReportPath: (importId: string) => `/api/v1/imports/${id(importId)}/report.csv`,
    /** The result report of the last run as a file: row, outcome, contact number, reason, the row's values. */
    importReport: (importId: string, signal?: AbortSignal) =>
      download(
        `/imports/${id(importId)}/report.csv`,
        { retry: true, signal, timeoutMs: 120_000 },
        'import-bericht.csv',
      ),
    /**
     * Exports contacts (a filter of the contact list, a selection `ids`, or everything) as CSV for
     * German Excel, .xlsx or vCard; `count` is how many it holds. Audited.
     */
    exportContacts: (request: ExportRequest, signal?: AbortSignal) =>
      download('/exports', { method: 'POST', body: request, signal, timeoutMs: 300_000 }, 'kontakte'),
    /** "Letzte Exporte": who exported what, newest first (at most 50). */
    listExports: (signal?: AbortSignal) => json<ExportList>('/exports', { retry: true, signal }),

    // The DSGVO lifecycle (issue 15; privacy:manage — CRM.Admin, CRM.DataProtection)
    /** The requests register: `open` (due first), `overdue`, `closed` (newest first). */
    privacyRequests: (list: PrivacyRequestList, cursor?: string, signal?: AbortSignal) => {
      const params = new URLSearchParams({ list });
      if (cursor) params.set('cursor', cursor);
      return json<PrivacyRequestPage>(`/privacy/requests?${params}`, { retry: true, signal });
    },
    /** Registers a request; due one month after `receivedOn` (Art. 12(3)). Retried safely on the key. */
    createPrivacyRequest: (body: PrivacyRequestCreate, idempotencyKey: string) =>
      json<PrivacyRequest>('/privacy/requests', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
        retry: true,
      }),
    getPrivacyRequest: (requestId: string, signal?: AbortSignal) =>
      json<PrivacyRequest>(`/privacy/requests/${id(requestId)}`, { retry: true, signal }),
    /** Status, contacts, outcome (required to close), extension (once) — on `version` (412 otherwise). */
    updatePrivacyRequest: (requestId: string, version: number, patch: PrivacyRequestPatch) =>
      json<PrivacyRequest>(`/privacy/requests/${id(requestId)}`, {
        method: 'PATCH',
        body: patch,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** The contact's restriction, legal hold, requests and what erasing it now would do. */
    privacyContact: (contactId: string, signal?: AbortSignal) =>
      json<PrivacyContactState>(`/privacy/contacts/${id(contactId)}`, { retry: true, signal }),
    /** The access (Art. 15) / portability (Art. 20) export of one person as JSON or PDF. Audited. */
    privacyExport: (contactId: string, format: PrivacyDocumentFormat, signal?: AbortSignal) =>
      download(
        `/privacy/contacts/${id(contactId)}/export?${new URLSearchParams({ format })}`,
        { signal, timeoutMs: 120_000 },
        `auskunft.${format}`,
      ),
    restrictContact: (contactId: string, version: number, body: RestrictionCreate) =>
      json<PrivacyContactState>(`/privacy/contacts/${id(contactId)}/restriction`, {
        method: 'POST',
        body,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** Lifts a restriction the data subject asked for (a retention restriction cannot be lifted). */
    liftRestriction: (contactId: string, version: number) =>
      json<PrivacyContactState>(`/privacy/contacts/${id(contactId)}/restriction`, {
        method: 'DELETE',
        headers: { 'if-match': ifMatch(version) },
      }),
    setLegalHold: (contactId: string, version: number, body: LegalHoldSet) =>
      json<PrivacyContactState>(`/privacy/contacts/${id(contactId)}/legal-hold`, {
        method: 'PUT',
        body,
        headers: { 'if-match': ifMatch(version) },
      }),
    liftLegalHold: (contactId: string, version: number) =>
      json<PrivacyContactState>(`/privacy/contacts/${id(contactId)}/legal-hold`, {
        method: 'DELETE',
        headers: { 'if-match': ifMatch(version) },
      }),
    /** Objection to direct marketing (Art. 21): opt-out on every channel at once. */
    recordObjection: (contactId: string, version: number, body: ObjectionCreate) =>
      json<Contact>(`/privacy/contacts/${id(contactId)}/objection`, {
        method: 'POST',
        body,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** Erases now, or restricts until the last retention period ends, or answers `held`. */
    eraseContact: (contactId: string, version: number, body: ErasureCreate) =>
      json<ErasureOutcome>(`/privacy/contacts/${id(contactId)}/erasure`, {
        method: 'POST',
        body,
        headers: { 'if-match': ifMatch(version) },
        timeoutMs: 120_000,
      }),
    /** "Löschung fällig" (`due`) and the contacts waiting for their period to end (`scheduled`). */
    erasures: (list: 'due' | 'scheduled', cursor?: string, signal?: AbortSignal) => {
      const params = new URLSearchParams({ list });
      if (cursor) params.set('cursor', cursor);
      return json<ErasureDuePage>(`/privacy/erasures?${params}`, { retry: true, signal });
    },
    /** Erases every due contact now (what the daily job does); answers how many. */
    runDueErasures: () =>
      json<{ erased: number; held: number }>('/privacy/erasures/run', { method: 'POST', body: {}, timeoutMs: 300_000 }),
    /** What erasures left: contact number, reason, when, by whom, counts — no personal data. */
    erasureLog: async (cursor?: string, signal?: AbortSignal) =>
      json<{ items: ErasureLogEntry[]; nextCursor?: string }>(
        `/privacy/erasures/log${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`,
        { retry: true, signal },
      ),
    /** Sends nothing: records `doubleOptInRequested` and answers the link to put into the mail. */
    createDoubleOptIn: (contactId: string, body: DoubleOptInCreate) =>
      json<DoubleOptInLink>(`/privacy/contacts/${id(contactId)}/double-opt-in`, { method: 'POST', body }),
    /** Consents granted longer ago than the settings' `consentReviewMonths` (the yearly check). */
    consentReview: (cursor?: string, signal?: AbortSignal) =>
      json<ConsentReviewPage>(`/privacy/consent-review${cursor ? `?${new URLSearchParams({ cursor })}` : ''}`, {
        retry: true,
        signal,
      }),
    privacySettings: (signal?: AbortSignal) => json<PrivacySettings>('/privacy/settings', { retry: true, signal }),
    updatePrivacySettings: (version: number, body: PrivacySettingsUpdate) =>
      json<PrivacySettings>('/privacy/settings', {
        method: 'PUT',
        body,
        headers: { 'if-match': ifMatch(version) },
      }),
    /** The records of processing (Art. 30) generated from the settings, as PDF or JSON. */
    recordsOfProcessing: (format: PrivacyDocumentFormat, signal?: AbortSignal) =>
      download(
        `/privacy/records-of-processing?${new URLSearchParams({ format })}`,
        { retry: true, signal, timeoutMs: 60_000 },
        `verarbeitungsverzeichnis.${format}`,
      ),

    // The send-time consent check (Smart Alerts, issue 14)
    /** The tenant's settings; version 0 (the defaults) until an admin saves them. */
    sendCheckSettings: (signal?: AbortSignal) =>
      json<SendCheckSettings>('/send-check/settings', { retry: true, signal }),
    /** Saves them on `version` (412 when changed since; CRM.Admin only). */
    updateSendCheckSettings: (version: number, body: SendCheckSettingsUpdate) =>
      json<SendCheckSettings>('/send-check/settings', {
        method: 'PUT',
        body,
        headers: { 'if-match': ifMatch(version) },
      }),
    async sendCheckHistory(): Promise<AuditEntry[]> {
      return (await json<{ items: AuditEntry[] }>('/send-check/settings/history', { retry: true })).items;
    },
    /** Marketing e-mail allowed? for every address (never retried: the send handler has a time budget). */
    checkConsent: (emails: readonly string[], signal?: AbortSignal) =>
      json<ConsentCheckResult>('/send-check/consent', { method: 'POST', body: { emails }, signal }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
