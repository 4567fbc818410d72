import {
  type Actor,
  type AuditAction,
  auditChanges,
  type Contact,
  type FollowUp,
  type FollowUpCreate,
  type FollowUpPatch,
  MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE,
} from '@klarkonform/shared';
import { assertNotRestricted } from '../contacts/contact-writer';
import { fieldProblems, HttpError, notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { backoff } from '../../infra/write-races';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf, requestHash } from '../contacts/contact-writer';
import type { ContactsService } from '../contacts/contacts.service';
import type { UsersRepository } from '../users/users.repository';
import { assigneeStateOf, byDue, type FollowUpFields, fieldsOf, openKey, toFollowUp } from './follow-ups.mapper';
import type { FollowUpDoc, PendingTimeline } from './follow-ups.model';
import { DuplicateDocumentKeyError, rewriteDocument } from '../../infra/tenant-documents';
import type { MergeMove } from '../contacts/duplicates.service';
import type { FollowUpsRepository } from './follow-ups.repository';
import type { FollowUpTimeline } from './follow-ups.timeline';

// Creating, changing, completing and reading follow-ups (Wiedervorlage). Like contacts: creates
// are idempotent by Idempotency-Key, changes carry the version they started from (If-Match), and
// every change writes its audit entry into the document with it and then into the audit trail
// (on the follow-up's contact, so the contact's history shows it, with the follow-up's id for its own
// trail). Completing one also owes a timeline entry (an activity), written
// the same way: kept on the document with the change and recorded by a key derived from the
// follow-up's id and the completing version, so neither a retry nor a re-flush records it twice.

/** Attempts at a change with If-Match `*` that keeps losing races. */
const MAX_CHANGE_ATTEMPTS = 20;

export class FollowUpsService {
  private timeline: FollowUpTimeline | undefined;

  constructor(
    private readonly repo: FollowUpsRepository,
    private readonly audit: AuditRepository,
    private readonly contacts: ContactsService,
    private readonly users: UsersRepository,
    timeline?: FollowUpTimeline,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.timeline = timeline;
  }

  /** Connects the activities feature, which records the timeline entry of a completed follow-up. */
  useTimeline(timeline: FollowUpTimeline): void {
    this.timeline = timeline;
  }

  async create(
    auth: AuthContext,
    idempotencyKey: string,
    body: FollowUpCreate,
  ): Promise<{ followUp: FollowUp; replayed: boolean }> {
    const hash = requestHash(body);
    const existing = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
    if (existing) return this.replay(existing, hash);

    const contact = await this.liveContact(auth, body.contactId);
    const explicit = body.assigneeId !== undefined;
    const assignee = await this.assignee(auth, body.assigneeId ?? contact.ownerId ?? auth.userId, explicit);
    await this.assertRoom(auth.tenantId, assignee);
    const now = new Date().toISOString();
    const actor = actorOf(auth);
    const fields: FollowUpFields = {
      title: body.title,
      dueDate: body.dueDate,
      ...(body.dueTime ? { dueTime: body.dueTime } : {}),
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      contactId: contact.id,
      contactName: contact.displayName,
      ...(body.opportunityId ? { opportunityId: body.opportunityId } : {}),
      state: 'open',
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const pendingAudit = this.pending('followUpCreate', actor, auditChanges(null, fields), now);
    try {
      const doc = await this.repo.insert({
        ...fields,
        tenantId: auth.tenantId,
        assigneeState: assigneeStateOf(fields),
        idempotencyKey,
        requestHash: hash,
        pendingAudit,
      } as Omit<FollowUpDoc, '_id'>);
      await this.flush(auth, doc, true);
      return { followUp: toFollowUp(doc), replayed: false };
    } catch (err) {
      if (!(err instanceof DuplicateDocumentKeyError)) throw err;
      // A request with the same key won the race: answer with its follow-up.
      const winner = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
      if (!winner) throw err;
      return this.replay(winner, hash);
    }
  }

  /** True when a follow-up was created under this Idempotency-Key (the demo seed skips it then). */
  async hasIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<boolean> {
    return (await this.repo.findByIdempotencyKey(tenantId, idempotencyKey)) !== null;
  }

  async get(auth: AuthContext, id: string): Promise<FollowUp> {
    const doc = await this.load(auth, id);
    await this.flush(auth, doc);
    return toFollowUp(doc);
  }

  /**
   * Changes title, due day/time, assignee or state. open → done sets doneAt/doneBy and owes the
   * timeline entry; done → open clears them (the entry stays: the timeline is a record of what
   * happened, and completing again adds another). A patch that changes nothing writes nothing.
   */
  async patch(auth: AuthContext, id: string, expected: number | '*', patch: FollowUpPatch): Promise<FollowUp> {
    for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const doc = await this.load(auth, id);
      await this.flush(auth, doc);
      if (typeof expected === 'number' && doc.version !== expected) {
        throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected });
      }
      if (attempt === 0) await this.assertContactNotRestricted(auth, doc.contactId);
      const before = fieldsOf(doc);
      const next = await this.applyPatch(auth, before, patch);
      const changes = auditChanges(before, next);
      if (changes.length === 0) return toFollowUp(doc);

      const now = new Date().toISOString();
      const actor = actorOf(auth);
      const version = doc.version + 1;
      const completing = before.state === 'open' && next.state === 'done';
      if (completing) {
        next.doneAt = now;
        next.doneBy = actor;
      }
      const assigneeState = assigneeStateOf(next);
      if (next.state === 'open' && assigneeState !== doc.assigneeState) {
        await this.assertRoom(auth.tenantId, { id: next.assigneeId, name: next.assigneeName ?? next.assigneeId });
      }
      const fields: FollowUpFields = { ...next, version, updatedAt: now };
      const pendingAudit = this.pending('followUpUpdate', actor, auditChanges(before, fields), now);
      const pendingTimeline: PendingTimeline | undefined = completing
        ? { key: `follow-up:${id}:done:${version}`, actor, occurredAt: now }
        : undefined;
      const set = {
        ...fields,
        updatedBy: actor,
        assigneeState,
        pendingAudit,
        ...(pendingTimeline ? { pendingTimeline } : {}),
      };
      const unset = [
        ...Object.keys(before).filter((k) => !(k in fields)),
        ...(pendingTimeline ? [] : ['pendingTimeline']),
      ];
      if (await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set, unset)) {
        const saved = { ...doc, ...set } as FollowUpDoc;
        if (!pendingTimeline) delete saved.pendingTimeline;
        for (const key of unset) delete (saved as unknown as Record<string, unknown>)[key];
        await this.flush(auth, saved, true);
        return toFollowUp(saved);
      }
      if (typeof expected === 'number') throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    throw problem(409, 'conflict', 'busy', {}, { retryAfterSeconds: 1 });
  }

  /** The contact's follow-ups: open ones by due day, then done ones, most recently done first. */
  async listForContact(auth: AuthContext, contactId: string, state?: 'open' | 'done'): Promise<FollowUp[]> {
    await this.contacts.get(auth, contactId);
    const docs = await this.repo.findByContact(auth.tenantId, contactId, state);
    const all = docs.map(toFollowUp);
    const open = all.filter((f) => f.state === 'open').sort(byDue);
    const done = all
      .filter((f) => f.state === 'done')
      .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '') || b.id.localeCompare(a.id));
    return [...open, ...done];
  }

  /**
   * For the sender card: each contact's open follow-ups by due day (all of them: the card shows the
   * first CARD_OPEN_FOLLOW_UPS and counts the rest), keyed by contact id (contacts without any are absent). One equality lookup per contact, in
   * parallel (QUERY-RULES R22).
   */
  async openFor(tenantId: string, contactIds: readonly string[]): Promise<Map<string, FollowUp[]>> {
    const ids = [...new Set(contactIds)];
    const lists = await Promise.all(ids.map((id) => this.repo.findByContact(tenantId, id, 'open')));
    const out = new Map<string, FollowUp[]>();
    ids.forEach((id, i) => {
      const open = (lists[i] ?? []).map(toFollowUp).sort(byDue);
      if (open.length > 0) out.set(id, open);
    });
    return out;
  }

  /**
   * A merge moved contact `fromId` into `toId` (DuplicatesService.onMerged): the duplicate's
   * follow-ups, open and done, now belong to the survivor. Idempotent. Answers how many moved.
   */
  async relinkMerged(auth: AuthContext, move: MergeMove): Promise<number> {
    const docs = await this.repo.findByContact(auth.tenantId, move.fromId);
    let moved = 0;
    for (const doc of docs) {
      const rewritten = await rewriteDocument(this.repo, auth.tenantId, doc, (current) =>
        current.contactId === move.fromId
          ? { contactId: move.toId, contactName: move.toName, updatedAt: new Date().toISOString() }
          : null,
      );
      if (rewritten) moved++;
    }
    return moved;
  }

  /** The audit trail of one follow-up, newest first. */
  async history(auth: AuthContext, id: string) {
    const doc = await this.load(auth, id);
    await this.flush(auth, doc);
    return { items: await this.audit.listForFollowUp(auth.tenantId, String(doc._id)) };
  }

  async load(auth: AuthContext, id: string): Promise<FollowUpDoc> {
    const doc = await this.repo.findById(auth.tenantId, id);
    if (!doc) throw notFound('followUpNotFound');
    return doc;
  }

  private replay(doc: FollowUpDoc, hash: string): { followUp: FollowUp; replayed: boolean } {
    if (doc.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
    return { followUp: toFollowUp(doc), replayed: true };
  }

  private async applyPatch(auth: AuthContext, before: FollowUpFields, patch: FollowUpPatch): Promise<FollowUpFields> {
    const next: FollowUpFields = structuredClone(before);
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.dueDate !== undefined) next.dueDate = patch.dueDate;
    if (patch.dueTime === null) delete next.dueTime;
    else if (patch.dueTime !== undefined) next.dueTime = patch.dueTime;
    if (patch.assigneeId !== undefined && patch.assigneeId !== before.assigneeId) {
      const assignee = await this.assignee(auth, patch.assigneeId, true);
      next.assigneeId = assignee.id;
      next.assigneeName = assignee.name;
    }
    // The contact's name as it is now (it may have been renamed since); a contact gone meanwhile keeps the stored one.
    const contact = await this.contacts.get(auth, before.contactId).catch(() => undefined);
    if (contact) next.contactName = contact.displayName;
    if (patch.state === 'open' && before.state === 'done') {
      next.state = 'open';
      delete next.doneAt;
      delete next.doneBy;
    } else if (patch.state === 'done') next.state = 'done';
    return next;
  }

  /** The contact a new follow-up is for: 404 (field problem) unless a live contact of the tenant. */
  /** Issue 15: a follow-up of a contact restricted under Art. 18 DSGVO is neither changed nor completed (409). */
  private async assertContactNotRestricted(auth: AuthContext, contactId: string): Promise<void> {
    const contact = await this.contacts.get(auth, contactId).catch((err: unknown) => {
      if (err instanceof HttpError && err.statusCode === 404) return undefined;
      throw err;
    });
    if (contact) assertNotRestricted(contact);
  }

  private async liveContact(auth: AuthContext, contactId: string): Promise<Contact> {
    let contact: Contact;
    try {
      contact = await this.contacts.get(auth, contactId);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode === 404) {
        throw fieldProblems(
          [{ field: 'body.contactId', key: 'serviceProblem.followUpContactMissing' }],
          404,
          'notFound',
        );
      }
      throw err;
    }
    if (contact.mergedInto) {
      throw fieldProblems([
        { field: 'body.contactId', key: 'serviceProblem.mergedInto', values: { id: contact.mergedInto } },
      ]);
    }
    if (contact.archived) {
      throw fieldProblems(
        [{ field: 'body.contactId', key: 'serviceProblem.followUpContactArchived' }],
        409,
        'conflict',
      );
    }
    // Issue 15: no follow-ups for a contact restricted under Art. 18 DSGVO.
    assertNotRestricted(contact);
    return contact;
  }

  /**
   * The assignee: a user the tenant has seen (users feature) or the caller. A default (the
   * contact's Betreuer) the tenant does not know falls back to the caller; a named one is refused.
   */
  private async assignee(auth: AuthContext, userId: string, named: boolean): Promise<{ id: string; name: string }> {
    const self = { id: auth.userId, name: auth.name ?? auth.email ?? auth.userId };
    if (userId === auth.userId) return self;
    const user = await this.users.find(auth.tenantId, userId);
    if (user) return { id: user.id, name: user.name };
    if (!named) return self;
    throw fieldProblems([{ field: 'body.assigneeId', key: 'serviceProblem.noSuchAssignee' }]);
  }

  /** 409 when the assignee already has MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE open follow-ups (the list bound). */
  private async assertRoom(tenantId: string, assignee: { id: string; name: string }): Promise<void> {
    const count = await this.repo.countByAssigneeState(tenantId, openKey(assignee.id));
    if (count >= MAX_OPEN_FOLLOW_UPS_PER_ASSIGNEE) {
      throw problem(409, 'conflict', 'followUpsFull', { name: assignee.name, count });
    }
  }

  private pending(action: AuditAction, actor: Actor, changes: PendingAudit['changes'], at: string): PendingAudit {
    return { id: newAuditId(), action, at, actor, changes };
  }

  /**
   * Copies what the last change owes into the audit trail and the timeline. If the API stopped
   * between the writes, the next read or change of the follow-up does it; both are idempotent.
   */
  private async flush(auth: AuthContext, doc: FollowUpDoc, fresh = false): Promise<void> {
    if (doc.pendingAudit) {
      await this.audit.record(auth.tenantId, doc.contactId, doc.pendingAudit, fresh, { followUpId: String(doc._id) });
    }
    const owed = doc.pendingTimeline;
    if (owed && this.timeline && doc.state === 'done') {
      // The change is stored either way; an entry that could not be recorded now stays owed on
      // the document and is recorded by the next read or change of the follow-up.
      await this.timeline.recordDone(auth, owed, toFollowUp(doc)).catch((err: unknown) => this.onError(err));
    }
  }
}
