import {
  type AuditAction,
  auditChanges,
  extensionProblem,
  isOpenStatus,
  isRequestOverdue,
  localDate,
  type PrivacyRequest,
  type PrivacyRequestCreate,
  type PrivacyRequestList,
  type PrivacyRequestPage,
  type PrivacyRequestPatch,
  requestDueOn,
  requestReference,
} from '@klarkonform/shared';
import { fieldProblems, notFound, problem } from '../../infra/http-error';
import { DuplicateDocumentKeyError } from '../../infra/tenant-documents';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf, requestHash } from '../contacts/contact-writer';
import type { ContactsRepository } from '../contacts/contacts.repository';
import type { PrivacyRequestDoc } from './privacy-requests.model';
import type { PrivacyRequestsRepository } from './privacy-requests.repository';

// The requests register (Betroffenenanfragen, Art. 15–21 DSGVO): create under an Idempotency-Key
// with a reference from the tenant's counter, change on the version read (If-Match, 412), every
// change with an audit entry (entity `privacyRequest`, its id in the entry's contactId). Due dates
// follow Art. 12(3) (privacy-requests.rules.ts) on the Europe/Berlin day of `clock()`.

const PAGE_SIZE = 50;
/** Overdue requests the data-care worklist shows (with the full count). */
const WORKLIST_SHOWN = 5;

const FIELDS = [
  'reference',
  'type',
  'status',
  'requester',
  'contactIds',
  'receivedOn',
  'dueOn',
  'extension',
  'description',
  'outcome',
  'handledBy',
  'closedAt',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
] as const;

/** The API shape of a stored request; `overdue` as of `today` (YYYY-MM-DD, Europe/Berlin). */
export function toPrivacyRequest(doc: PrivacyRequestDoc, today: string): PrivacyRequest {
  const source = doc as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = { id: String(doc._id) };
  for (const key of FIELDS) if (source[key] !== undefined && source[key] !== null) fields[key] = source[key];
  fields.overdue = isRequestOverdue(doc.status, doc.dueOn, today);
  return structuredClone(fields) as PrivacyRequest;
}

const byDue = (a: PrivacyRequestDoc, b: PrivacyRequestDoc) =>
  a.dueOn.localeCompare(b.dueOn) || String(a._id).localeCompare(String(b._id));

/** What the register keeps in its audit entries: the request's fields, without bookkeeping. */
function audited(fields: Partial<PrivacyRequestDoc> | null): object | null {
  if (!fields) return null;
  const { createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, version: _v, ...rest } = fields;
  const picked: Record<string, unknown> = {};
  for (const key of FIELDS) if (key in rest) picked[key] = (rest as Record<string, unknown>)[key];
  return picked;
}

export class PrivacyRequestsService {
  constructor(
    private readonly repo: PrivacyRequestsRepository,
    private readonly contacts: ContactsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: () => Date,
  ) {}

  private today(): string {
    return localDate(this.clock());
  }

  private pending(action: AuditAction, auth: AuthContext, before: object | null, after: object | null): PendingAudit {
    return {
      id: newAuditId(),
      action,
      at: this.clock().toISOString(),
      actor: actorOf(auth),
      changes: auditChanges(audited(before), audited(after)),
      entity: 'privacyRequest',
    };
  }

  /** 400 naming „Kontakte“ when one of the ids is not a contact of the tenant. */
  private async assertContacts(tenantId: string, ids: readonly string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const found = await Promise.all(ids.map((id) => this.contacts.findById(tenantId, id)));
    const missing = found.findIndex((c) => !c);
    if (missing >= 0)
      throw fieldProblems([{ field: `body.contactIds.${missing}`, key: 'serviceProblem.noSuchContact' }]);
  }

  /** The tenant's request `id` (its pending audit entry flushed); 404 for none or another tenant's. */
  async load(tenantId: string, id: string): Promise<PrivacyRequestDoc> {
    const doc = await this.repo.findById(tenantId, id);
    if (!doc) throw notFound('privacyRequestNotFound');
    if (doc.pendingAudit) await this.audit.record(tenantId, id, doc.pendingAudit);
    return doc;
  }

  /**
   * Registers a request (idempotent by `idempotencyKey`: a repeat answers the stored one with
   * `replayed`, 409 when its body differs). Due one month after `receivedOn` (default today; 400
   * when in the future). The reference is drawn from the tenant's counter of the receipt's year.
   */
  async create(auth: AuthContext, idempotencyKey: string, body: PrivacyRequestCreate) {
    const hash = requestHash(body);
    const today = this.today();
    const existing = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
    if (existing) {
      if (existing.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
      return { request: toPrivacyRequest(await this.load(auth.tenantId, String(existing._id)), today), replayed: true };
    }
    const receivedOn = body.receivedOn ?? today;
    if (receivedOn > today) throw fieldProblems([{ field: 'body.receivedOn', key: 'serviceProblem.receivedInFuture' }]);
    await this.assertContacts(auth.tenantId, body.contactIds);
    const year = Number(receivedOn.slice(0, 4));
    const seq = await this.repo.nextNumber(auth.tenantId, `privacyRequest:${year}`);
    const now = this.clock().toISOString();
    const actor = actorOf(auth);
    const fields = {
      reference: requestReference(year, seq),
      type: body.type,
      status: 'open' as const,
      requester: body.requester,
      contactIds: body.contactIds ?? [],
      receivedOn,
      dueOn: requestDueOn(receivedOn),
      ...(body.description ? { description: body.description } : {}),
      version: 1,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
      updatedBy: actor,
    };
    const pendingAudit = this.pending('privacyRequestCreate', auth, null, fields);
    try {
      const doc = await this.repo.insert({
        ...fields,
        tenantId: auth.tenantId,
        state: 'open',
        openKey: auth.tenantId,
        idempotencyKey,
        requestHash: hash,
        pendingAudit,
      });
      await this.audit.record(auth.tenantId, String(doc._id), pendingAudit, true);
      return { request: toPrivacyRequest(doc, today), replayed: false };
    } catch (err) {
      if (!(err instanceof DuplicateDocumentKeyError)) throw err;
      // A concurrent create with the same key won (its number is used, this one stays a gap).
      const winner = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
      if (!winner) throw err;
      if (winner.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
      return { request: toPrivacyRequest(winner, today), replayed: true };
    }
  }

  async get(auth: AuthContext, id: string): Promise<PrivacyRequest> {
    return toPrivacyRequest(await this.load(auth.tenantId, id), this.today());
  }

  /**
   * Changes a request from `version` (If-Match; 412 when it moved on). Closing (`done`,
   * `rejected`) needs an outcome (400 naming „Ergebnis“); reopening clears `closedAt`. The
   * extension is set once, while open and within the first month (Art. 12(3)); it moves `dueOn`.
   * A status or outcome change records the user as `handledBy`.
   */
  async patch(auth: AuthContext, id: string, version: number | '*', patch: PrivacyRequestPatch) {
    const doc = await this.load(auth.tenantId, id);
    if (typeof version === 'number' && doc.version !== version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected: version });
    }
    const today = this.today();
    const now = this.clock().toISOString();
    const actor = actorOf(auth);
    await this.assertContacts(auth.tenantId, patch.contactIds);
    const next: Record<string, unknown> = {};
    const unset: string[] = [];
    if (patch.requester) next.requester = patch.requester;
    if (patch.contactIds) next.contactIds = patch.contactIds;
    if (patch.description !== undefined) next.description = patch.description;
    if (patch.outcome !== undefined) next.outcome = patch.outcome;
    const status = patch.status ?? doc.status;
    if (patch.extension) {
      const why = extensionProblem({ status, receivedOn: doc.receivedOn, extended: !!doc.extension }, today);
      if (why) throw fieldProblems([{ field: 'body.extension', key: `serviceProblem.${why}` }]);
      next.extension = { ...patch.extension, at: now, by: actor };
      next.dueOn = requestDueOn(doc.receivedOn, patch.extension.months);
    }
    if (!isOpenStatus(status)) {
      const outcome = (patch.outcome ?? doc.outcome ?? '').trim();
      if (!outcome) throw fieldProblems([{ field: 'body.outcome', key: 'serviceProblem.outcomeRequired' }]);
      if (isOpenStatus(doc.status)) next.closedAt = now;
    } else if (doc.closedAt) {
      unset.push('closedAt');
    }
    if (patch.status && patch.status !== doc.status) next.status = patch.status;
    if (next.status !== undefined || patch.outcome !== undefined) next.handledBy = actor;
    if (!isOpenStatus(status)) unset.push('openKey');
    const after = { ...doc, ...next } as PrivacyRequestDoc;
    for (const key of unset) delete (after as unknown as Record<string, unknown>)[key];
    const pendingAudit = this.pending('privacyRequestUpdate', auth, doc, after);
    const set = {
      ...next,
      state: isOpenStatus(status) ? 'open' : 'closed',
      ...(isOpenStatus(status) ? { openKey: auth.tenantId } : {}),
      version: doc.version + 1,
      updatedAt: now,
      updatedBy: actor,
      pendingAudit,
    };
    if (!(await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set, unset))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    await this.audit.record(auth.tenantId, id, pendingAudit, true);
    return toPrivacyRequest({ ...after, ...set } as PrivacyRequestDoc, today);
  }

  /**
   * One page of the register: `open` (open + inProgress, due first), `overdue` (open and past
   * due, due first) — cursor `<dueOn>:<id>` — or `closed` (newest first, cursor: the last id).
   * Every page counts the overdue requests.
   */
  async list(auth: AuthContext, list: PrivacyRequestList, cursor?: string): Promise<PrivacyRequestPage> {
    const today = this.today();
    const open = await this.repo.open(auth.tenantId);
    const overdueCount = open.filter((d) => isRequestOverdue(d.status, d.dueOn, today)).length;
    if (list === 'closed') {
      if (cursor !== undefined && !/^[0-9a-f]{24}$/.test(cursor)) throw badCursor();
      const docs = await this.repo.closed(auth.tenantId, PAGE_SIZE + 1, cursor);
      const items = docs.slice(0, PAGE_SIZE).map((d) => toPrivacyRequest(d, today));
      const last = items[items.length - 1];
      return { items, overdueCount, ...(docs.length > PAGE_SIZE && last ? { nextCursor: last.id } : {}) };
    }
    const from = parseDueCursor(cursor);
    const docs = open
      .filter((d) => list === 'open' || isRequestOverdue(d.status, d.dueOn, today))
      .sort(byDue)
      .filter((d) => !from || d.dueOn > from.dueOn || (d.dueOn === from.dueOn && String(d._id) > from.id));
    const items = docs.slice(0, PAGE_SIZE).map((d) => toPrivacyRequest(d, today));
    const last = items[items.length - 1];
    return {
      items,
      overdueCount,
      ...(docs.length > PAGE_SIZE && last ? { nextCursor: `${last.dueOn}:${last.id}` } : {}),
    };
  }

  /** For the data-care worklist: how many requests are overdue and the first few, most overdue first. */
  async overdueSummary(tenantId: string): Promise<{ count: number; items: PrivacyRequest[] }> {
    const today = this.today();
    const overdue = (await this.repo.open(tenantId)).filter((d) => isRequestOverdue(d.status, d.dueOn, today));
    return {
      count: overdue.length,
      items: overdue
        .sort(byDue)
        .slice(0, WORKLIST_SHOWN)
        .map((d) => toPrivacyRequest(d, today)),
    };
  }

  /** The requests naming a contact, newest first (at most `limit`), for the export and the contact view. */
  async forContact(tenantId: string, contactId: string, limit = 20): Promise<PrivacyRequest[]> {
    const today = this.today();
    return (await this.repo.forContact(tenantId, contactId, limit)).map((d) => toPrivacyRequest(d, today));
  }
}

const badCursor = () => fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);

function parseDueCursor(cursor: string | undefined): { dueOn: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2}):([0-9a-f]{24})$/.exec(cursor);
  if (!match?.[1] || !match[2]) throw badCursor();
  return { dueOn: match[1], id: match[2] };
}
