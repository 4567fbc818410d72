import { randomUUID } from 'node:crypto';
import {
  type Activity,
  type ActivityCreate,
  type ActivityPage,
  type ActivityPatch,
  type AuditAction,
  auditChanges,
  DEFAULT_TIMELINE_LIMIT,
  decodeTimelineCursor,
  encodeTimelineCursor,
  isTooFarAhead,
  type LogResult,
  type LogStatus,
  MAX_MAIL_BODY_LENGTH,
  composeLogKey,
  type MailLogCreate,
  type MeetingLogCreate,
  mailLogKey,
  meetingLogKey,
  type Participant,
  participantAddresses,
  type SentMailLogCreate,
  type TimelinePosition,
  truncateBody,
} from '@klarkonform/shared';
import { fieldProblems, notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf, assertNotRestricted, requestHash } from '../contacts/contact-writer';
import type { ContactsFeature } from '../contacts/contacts.feature';
import type { ContactDoc } from '../contacts/contacts.model';
import { LIVE } from '../contacts/contacts.repository';
import type { ActivityDoc } from './activities.model';
import { DuplicateDocumentKeyError, rewriteDocument } from '../../infra/tenant-documents';
import type { MergeMove } from '../contacts/duplicates.service';
import type { ActivitiesRepository } from './activities.repository';

// The Kontakthistorie: hand-made entries (call, meeting, letter, note, e-mail), mails and
// appointments logged from Outlook (once per tenant, linked to every known participant), the
// timeline of a contact — for a company with its people's entries — and the last entries for the
// sender card. Contacts are read through the contacts feature's repository; a lead's
// `lastActivityAt` moves through its LeadStatusService.

/** Participant addresses of one mail or meeting looked up at most. */
export const MAX_LOOKED_UP_ADDRESSES = 200;
/** Contacts one logged mail or meeting links to at most (the Activity schema's limit). */
const MAX_LINKED = 200;

type Stored = Omit<ActivityDoc, '_id'>;

/** The Activity a stored document answers as. */
export function toActivity(doc: ActivityDoc): Activity {
  return {
    id: String(doc._id),
    type: doc.type as Activity['type'],
    occurredAt: doc.occurredAt.toISOString(),
    subject: doc.subject ?? '',
    ...(doc.text !== undefined ? { text: doc.text } : {}),
    contactIds: doc.contactIds,
    contactNames: doc.contactNames,
    ...(doc.opportunityId ? { opportunityId: doc.opportunityId } : {}),
    ...(doc.mail ? { mail: doc.mail as Activity['mail'] } : {}),
    ...(doc.meeting ? { meeting: doc.meeting as Activity['meeting'] } : {}),
    createdBy: doc.createdBy,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.updatedBy ? { updatedBy: doc.updatedBy } : {}),
    ...(doc.updatedAt ? { updatedAt: doc.updatedAt.toISOString() } : {}),
    version: doc.version,
  };
}

/** The audited fields of an activity (what a user sees of it), for before/after. */
function auditedFields(doc: Partial<Stored>): Record<string, unknown> {
  return {
    type: doc.type,
    subject: doc.subject,
    text: doc.text,
    occurredAt: doc.occurredAt?.toISOString(),
    contactIds: doc.contactIds,
    opportunityId: doc.opportunityId,
    ...(doc.mail ? { internetMessageId: doc.mail.internetMessageId, composeKey: doc.mail.composeKey } : {}),
    ...(doc.meeting ? { iCalUId: doc.meeting.iCalUId } : {}),
  };
}

function pendingEntry(action: AuditAction, auth: AuthContext, before: object | null, after: object | null, at: Date) {
  return {
    id: newAuditId(),
    action,
    at: at.toISOString(),
    actor: actorOf(auth),
    changes: auditChanges(before, after, []),
  } satisfies PendingAudit;
}

/**
 * The timelines an activity shows on: its contacts' and their companies' (at the time of
 * recording; a person who moves on takes no history along — as HubSpot associates a logged mail
 * with the contact's company of the day).
 */
function timelineKeysOf(linked: readonly ContactDoc[]): string[] {
  const keys = new Set(linked.map((doc) => String(doc._id)));
  for (const doc of linked) if (doc.kind === 'person' && doc.companyId) keys.add(String(doc.companyId));
  return [...keys];
}

const displayNameOf = (doc: ContactDoc) => String(doc.displayName ?? doc.name ?? doc.contactNumber);

/** A contact that can get new entries: of the tenant, neither archived nor merged away. */
const isLive = (doc: ContactDoc) => !doc.archived && !doc.mergedInto;

export class ActivitiesService {
  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly contacts: ContactsFeature,
  ) {}

  /** 404 activityNotFound for an id the tenant does not have. */
  private async load(auth: AuthContext, id: string): Promise<ActivityDoc> {
    const doc = await this.repo.findById(auth.tenantId, id);
    if (!doc) throw notFound('activityNotFound');
    await this.flush(auth.tenantId, doc);
    return doc;
  }

  /** Copies the audit entry written with the activity's last change into the audit trail (idempotent). */
  private async flush(tenantId: string, doc: ActivityDoc, fresh = false): Promise<void> {
    const entry = doc.pendingAudit;
    const contactId = doc.contactIds[0];
    if (entry && contactId) {
      await this.contacts.audit.record(tenantId, contactId, entry, fresh, { activityId: String(doc._id) });
    }
  }

  /** The stored request under `idempotencyKey` answered again (409 when the body differs). */
  private replay(doc: ActivityDoc, hash: string): Activity {
    if (doc.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
    return toActivity(doc);
  }

  /**
   * Stores a new activity. On a unique-key race it answers with the winner: the same request
   * (Idempotency-Key) as a replay, the same mail or meeting (`logKey`) as already logged.
   */
  private async store(
    auth: AuthContext,
    doc: Stored,
  ): Promise<{ activity: Activity; replayed: boolean; alreadyLogged: boolean }> {
    try {
      const stored = await this.repo.insert(doc);
      await this.flush(auth.tenantId, stored, true);
      return { activity: toActivity(stored), replayed: false, alreadyLogged: false };
    } catch (err) {
      if (!(err instanceof DuplicateDocumentKeyError)) throw err;
      const same = await this.repo.findByIdempotencyKey(auth.tenantId, doc.idempotencyKey);
      if (same) return { activity: this.replay(same, doc.requestHash), replayed: true, alreadyLogged: false };
      const logged = await this.repo.findByLogKey(auth.tenantId, doc.logKey);
      if (logged) return { activity: toActivity(logged), replayed: false, alreadyLogged: true };
      throw problem(409, 'conflict', 'busy', {}, { retryAfterSeconds: 1 });
    }
  }

  private newDoc(
    auth: AuthContext,
    idempotencyKey: string,
    hash: string,
    logKey: string,
    now: Date,
    linked: readonly ContactDoc[],
    fields: Pick<Stored, 'type' | 'occurredAt' | 'subject' | 'contactIds' | 'contactNames'> & Partial<Stored>,
  ): Stored {
    const doc: Stored = {
      ...fields,
      timelineKeys: timelineKeysOf(linked),
      tenantId: auth.tenantId,
      createdBy: actorOf(auth),
      createdAt: now,
      version: 1,
      idempotencyKey,
      requestHash: hash,
      logKey,
    };
    doc.pendingAudit = pendingEntry('activityCreate', auth, null, auditedFields(doc), now);
    return doc;
  }

  /**
   * The contacts `ids` name, in that order; 400 naming each entry that is not a live contact of the
   * tenant (`archivedToo`: an archived one counts, a merged-away one never).
   */
  private async liveContacts(auth: AuthContext, ids: readonly string[], archivedToo = false): Promise<ContactDoc[]> {
    const docs = await this.contacts.repo.findByIds(auth.tenantId, ids);
    const byId = new Map(docs.map((doc) => [String(doc._id), doc]));
    const problems = ids.flatMap((id, i) => {
      const doc = byId.get(id);
      const usable = doc && (isLive(doc) || (archivedToo && !doc.mergedInto));
      return usable ? [] : [{ field: `body.contactIds.${i}`, key: 'serviceProblem.noSuchContact' }];
    });
    if (problems.length > 0) throw fieldProblems(problems);
    // Issue 15: no new entries for a contact restricted under Art. 18 DSGVO.
    for (const doc of docs) assertNotRestricted(doc);
    return ids.map((id) => byId.get(id) as ContactDoc);
  }

  /**
   * The known contacts among mail or meeting participants, in participant order: for each address
   * the live person holding it, else the live company (a person's own address beats a company's
   * general one, as on the sender card). One equality lookup per address, in parallel.
   */
  private async knownParticipants(auth: AuthContext, participants: readonly Participant[]): Promise<ContactDoc[]> {
    const own = auth.email ? [auth.email] : [];
    const addresses = participantAddresses(participants, own, MAX_LOOKED_UP_ADDRESSES);
    if (addresses.length === 0) return [];
    const docs = await this.contacts.repo.findAny(
      auth.tenantId,
      addresses.map((address) => ({ emailKeys: address, ...LIVE })),
      { limit: addresses.length * 4 },
    );
    const linked = new Map<string, ContactDoc>();
    for (const address of addresses) {
      const holders = docs
        // Issue 15: a restricted contact (Art. 18 DSGVO) is not linked to logged mail or meetings.
        .filter((doc) => doc.emailKeys.includes(address) && !doc.restriction)
        .sort((a, b) =>
          a.kind !== b.kind ? (a.kind === 'person' ? -1 : 1) : a.contactNumber.localeCompare(b.contactNumber),
        );
      const best = holders[0];
      if (best && !linked.has(String(best._id))) linked.set(String(best._id), best);
    }
    return [...linked.values()].slice(0, MAX_LINKED);
  }

  /**
   * A hand-made entry (Anruf, Notiz, …) for live contacts of the tenant; idempotent by
   * `idempotencyKey` (`replayed`: answered from the first request). 400 for a time more than a day
   * ahead or a contact id the tenant does not have (live).
   */
  async create(
    auth: AuthContext,
    idempotencyKey: string,
    body: ActivityCreate,
    options: { archivedToo?: boolean } = {},
  ): Promise<{ activity: Activity; replayed: boolean }> {
    const hash = requestHash(body);
    const existing = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
    if (existing) {
      const activity = this.replay(existing, hash);
      await this.touch(auth, activity);
      return { activity, replayed: true };
    }
    const now = new Date();
    const occurredAt = body.occurredAt ? new Date(body.occurredAt) : now;
    if (isTooFarAhead(occurredAt, now)) {
      throw fieldProblems([{ field: 'body.occurredAt', key: 'serviceProblem.activityInFuture' }]);
    }
    const linked = await this.liveContacts(auth, body.contactIds, options.archivedToo ?? false);
    const doc = this.newDoc(auth, idempotencyKey, hash, `entry:${idempotencyKey}`, now, linked, {
      type: body.type,
      occurredAt,
      subject: body.subject,
      ...(body.text !== undefined && body.text !== '' ? { text: body.text } : {}),
      contactIds: linked.map((c) => String(c._id)),
      contactNames: linked.map(displayNameOf),
      ...(body.opportunityId ? { opportunityId: body.opportunityId } : {}),
    });
    const { activity, replayed } = await this.store(auth, doc);
    await this.touch(auth, activity);
    return { activity, replayed };
  }

  /**
   * A merge moved contact `fromId` into `toId` (DuplicatesService.onMerged): every entry on the
   * duplicate's timeline now names the survivor instead (and shows on its timeline and its
   * company's). Idempotent; at most 10,000 entries per contact. Answers how many it rewrote.
   */
  async relinkMerged(auth: AuthContext, move: MergeMove): Promise<number> {
    const docs = await this.repo.forContact(auth.tenantId, move.fromId, 10_000);
    let moved = 0;
    for (const doc of docs) {
      const rewritten = await rewriteDocument(this.repo, auth.tenantId, doc, (current) => {
        if (!current.timelineKeys.includes(move.fromId)) return null;
        const ids: string[] = [];
        const names: string[] = [];
        current.contactIds.forEach((id, i) => {
          const next = id === move.fromId ? move.toId : id;
          if (ids.includes(next)) return;
          ids.push(next);
          names.push(id === move.fromId ? move.toName : (current.contactNames[i] ?? ''));
        });
        const keys = [...new Set(current.timelineKeys.map((k) => (k === move.fromId ? move.toId : k)))];
        return { contactIds: ids, contactNames: names, timelineKeys: keys };
      });
      if (rewritten) moved++;
    }
    return moved;
  }

  /**
   * For other features (follow-ups: a done Wiedervorlage becomes a note "Wiedervorlage erledigt:
   * <title>"): the same as POST /activities, answering the activity. What happens with an archived
   * contact (a follow-up completed after the archive) is history too, so archived contacts count
   * here; errors otherwise as `create`.
   */
  async record(auth: AuthContext, idempotencyKey: string, input: ActivityCreate): Promise<Activity> {
    return (await this.create(auth, idempotencyKey, input, { archivedToo: true })).activity;
  }

  /**
   * "E-Mail protokollieren": stores the mail once per tenant (by Internet message id) linked to
   * every known participant. A mail logged before — by anyone — answers that activity with
   * `alreadyLogged` (created false). 409 noKnownParticipant when no participant is a contact.
   * A body longer than MAX_MAIL_BODY_LENGTH is stored cut off with `bodyTruncated`.
   */
  async logMail(
    auth: AuthContext,
    idempotencyKey: string,
    body: MailLogCreate,
  ): Promise<{ result: LogResult; created: boolean }> {
    const participants = [...(body.from ? [body.from] : []), ...body.to, ...(body.cc ?? [])];
    const text = body.body !== undefined && body.body !== '' ? truncateBody(body.body, MAX_MAIL_BODY_LENGTH) : null;
    const mail = {
      internetMessageId: body.internetMessageId.trim(),
      ...(body.composeKey ? { composeKey: body.composeKey } : {}),
      ...(body.conversationId ? { conversationId: body.conversationId } : {}),
      direction: body.direction,
      ...(body.from ? { from: body.from } : {}),
      to: body.to,
      cc: body.cc ?? [],
      ...(text ? { body: text.body, ...(text.truncated ? { bodyTruncated: true } : {}) } : {}),
    };
    // A sent copy of a mail logged as it left (same compose key) or logged before by its Message-ID.
    const logKey = body.composeKey ? composeLogKey(body.composeKey) : mailLogKey(body.internetMessageId);
    if (body.composeKey) {
      const byId = await this.repo.findByLogKey(auth.tenantId, mailLogKey(body.internetMessageId));
      if (byId) return { result: { activity: toActivity(byId), alreadyLogged: true }, created: false };
    }
    return this.log(auth, idempotencyKey, body, logKey, participants, (linked, now) => {
      return {
        type: 'email',
        occurredAt: new Date(body.occurredAt),
        subject: body.subject,
        contactIds: linked.map((c) => String(c._id)),
        contactNames: linked.map(displayNameOf),
        ...(body.opportunityId ? { opportunityId: body.opportunityId } : {}),
        mail,
        createdAt: now,
      };
    });
  }

  /**
   * "E-Mail protokollieren beim Senden" (the send handler, issue 14): the outgoing mail once per
   * tenant by its compose session (`compose:<composeKey>`), linked to every known recipient — to,
   * cc and bcc, the user's own address skipped — with the template it was written from. Without an
   * Idempotency-Key a repeat answers `alreadyLogged`; 409 noKnownParticipant when no recipient is a
   * contact; 400 activityInFuture for a sent time more than a day ahead.
   */
  async logSentMail(
    auth: AuthContext,
    idempotencyKey: string | undefined,
    body: SentMailLogCreate,
  ): Promise<{ result: LogResult; created: boolean }> {
    const now = new Date();
    const occurredAt = body.occurredAt ? new Date(body.occurredAt) : now;
    if (isTooFarAhead(occurredAt, now)) {
      throw fieldProblems([{ field: 'body.occurredAt', key: 'serviceProblem.activityInFuture' }]);
    }
    const participants = [...body.to, ...(body.cc ?? []), ...(body.bcc ?? [])];
    const mail = {
      composeKey: body.composeKey,
      ...(body.template ? { template: body.template } : {}),
      direction: 'out',
      ...(body.from ? { from: body.from } : {}),
      to: body.to,
      cc: body.cc ?? [],
      ...(body.bcc && body.bcc.length > 0 ? { bcc: body.bcc } : {}),
    };
    return this.log(auth, idempotencyKey, body, composeLogKey(body.composeKey), participants, (linked, at) => ({
      type: 'email',
      occurredAt,
      subject: body.subject,
      contactIds: linked.map((c) => String(c._id)),
      contactNames: linked.map(displayNameOf),
      mail,
      createdAt: at,
    }));
  }

  /** "Termin protokollieren": like logMail, keyed by the appointment's iCalUId; its time is the start. */
  async logMeeting(
    auth: AuthContext,
    idempotencyKey: string,
    body: MeetingLogCreate,
  ): Promise<{ result: LogResult; created: boolean }> {
    const participants = [...(body.organizer ? [body.organizer] : []), ...body.attendees];
    return this.log(auth, idempotencyKey, body, meetingLogKey(body.iCalUId), participants, (linked, now) => ({
      type: 'meeting',
      occurredAt: new Date(body.start),
      subject: body.subject,
      ...(body.text !== undefined && body.text !== '' ? { text: body.text } : {}),
      contactIds: linked.map((c) => String(c._id)),
      contactNames: linked.map(displayNameOf),
      ...(body.opportunityId ? { opportunityId: body.opportunityId } : {}),
      meeting: {
        iCalUId: body.iCalUId.trim(),
        start: body.start,
        ...(body.end ? { end: body.end } : {}),
        ...(body.location ? { location: body.location } : {}),
        ...(body.organizer ? { organizer: body.organizer } : {}),
        attendees: body.attendees,
      },
      createdAt: now,
    }));
  }

  /** Without `idempotencyKey` a fresh one is made: a repeat is then found by `logKey` alone. */
  private async log(
    auth: AuthContext,
    idempotencyKey: string | undefined,
    body: object,
    logKey: string,
    participants: readonly Participant[],
    build: (
      linked: ContactDoc[],
      now: Date,
    ) => Pick<Stored, 'type' | 'occurredAt' | 'subject' | 'contactIds' | 'contactNames'> & Partial<Stored>,
  ): Promise<{ result: LogResult; created: boolean }> {
    const hash = requestHash(body);
    const existing = idempotencyKey ? await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey) : null;
    if (existing) {
      const activity = this.replay(existing, hash);
      await this.touch(auth, activity);
      return { result: { activity, alreadyLogged: false }, created: false };
    }
    const logged = await this.repo.findByLogKey(auth.tenantId, logKey);
    if (logged) return { result: { activity: toActivity(logged), alreadyLogged: true }, created: false };
    const linked = await this.knownParticipants(auth, participants);
    if (linked.length === 0) throw problem(409, 'conflict', 'noKnownParticipant');
    const now = new Date();
    const key = idempotencyKey ?? `auto:${randomUUID()}`;
    const doc = this.newDoc(auth, key, hash, logKey, now, linked, build(linked, now));
    const { activity, replayed, alreadyLogged } = await this.store(auth, doc);
    if (!alreadyLogged) await this.touch(auth, activity);
    return { result: { activity, alreadyLogged }, created: !replayed && !alreadyLogged };
  }

  /**
   * Whether a mail is logged in the tenant: by its Internet message id or by the compose key of a
   * mail logged as it left — exactly one of them (400 oneMailKey otherwise).
   */
  async mailStatus(auth: AuthContext, query: { internetMessageId?: string; composeKey?: string }): Promise<LogStatus> {
    const { internetMessageId, composeKey } = query;
    if ((internetMessageId === undefined) === (composeKey === undefined)) {
      throw fieldProblems([{ field: 'querystring.internetMessageId', key: 'serviceProblem.oneMailKey', named: true }]);
    }
    return this.status(
      auth,
      composeKey !== undefined ? composeLogKey(composeKey) : mailLogKey(internetMessageId ?? ''),
    );
  }

  /** Whether the appointment with this iCalUId is logged in the tenant. */
  async meetingStatus(auth: AuthContext, iCalUId: string): Promise<LogStatus> {
    return this.status(auth, meetingLogKey(iCalUId));
  }

  private async status(auth: AuthContext, logKey: string): Promise<LogStatus> {
    const doc = await this.repo.findByLogKey(auth.tenantId, logKey);
    return doc ? { logged: true, activity: toActivity(doc) } : { logged: false };
  }

  /** Moves the linked leads' last activity forward to the activity's time (never back). */
  private async touch(auth: AuthContext, activity: Activity): Promise<void> {
    await this.contacts.leads.touchLeads(auth, activity.contactIds, new Date(activity.occurredAt));
  }

  async get(auth: AuthContext, id: string): Promise<Activity> {
    return toActivity(await this.load(auth, id));
  }

  /**
   * The timeline of contact `contactId`, newest first (time, then id), one page of `limit` after
   * `cursor`: one equality query on `timelineKeys`, so a company's timeline has the entries of the
   * people who were its people when they were recorded, each entry once. 404 for a contact the
   * tenant does not have; 400 for a foreign cursor.
   */
  async timeline(
    auth: AuthContext,
    contactId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<ActivityPage> {
    const limit = query.limit ?? DEFAULT_TIMELINE_LIMIT;
    let position: TimelinePosition | undefined;
    if (query.cursor !== undefined) {
      const decoded = decodeTimelineCursor(query.cursor);
      if (!decoded) throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
      position = decoded;
    }
    // The contact check and the page in parallel: one round trip (an unknown id finds no entries).
    const [contact, docs] = await Promise.all([
      this.contacts.repo.findById(auth.tenantId, contactId),
      this.repo.forContact(auth.tenantId, contactId, limit + 1, position),
    ]);
    if (!contact) throw notFound();
    const items = docs.slice(0, limit).map(toActivity);
    const last = items[items.length - 1];
    return { items, nextCursor: docs.length > limit && last ? encodeTimelineCursor(last) : null };
  }

  /**
   * The last `limit` activities of each contact (for the sender card; a company's include its
   * people's), keyed by contact id; one equality query per distinct id, in parallel. Ids without
   * activities map to [].
   */
  async recentFor(tenantId: string, contactIds: readonly string[], limit = 3): Promise<Map<string, Activity[]>> {
    const ids = [...new Set(contactIds)];
    const lists = await Promise.all(ids.map((id) => this.repo.forContact(tenantId, id, limit)));
    return new Map(ids.map((id, i) => [id, (lists[i] ?? []).map(toActivity)]));
  }

  /** 403 unless the user recorded the activity or is an administrator. */
  private assertMayChange(auth: AuthContext, doc: ActivityDoc): void {
    if (doc.createdBy.id !== auth.userId && !auth.permissions.has('admin')) {
      throw problem(403, 'forbidden', 'notActivityCreator');
    }
  }

  private assertVersion(doc: ActivityDoc, expected: number | '*'): void {
    if (typeof expected === 'number' && doc.version !== expected) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected });
    }
  }

  /**
   * Changes subject, text or time of a hand-made entry (not of a logged e-mail: 409), by whoever
   * recorded it or an administrator (403), from the version the user saw (If-Match; 412).
   */
  async patch(auth: AuthContext, id: string, expected: number | '*', patch: ActivityPatch): Promise<Activity> {
    const doc = await this.load(auth, id);
    this.assertMayChange(auth, doc);
    if (doc.type === 'email') throw problem(409, 'conflict', 'activityNotEditable');
    this.assertVersion(doc, expected);
    // Issue 15: an entry of a contact restricted under Art. 18 DSGVO is not edited.
    for (const contact of await this.contacts.repo.findByIds(auth.tenantId, doc.contactIds))
      assertNotRestricted(contact);
    const now = new Date();
    const occurredAt = patch.occurredAt !== undefined ? new Date(patch.occurredAt) : doc.occurredAt;
    if (patch.occurredAt !== undefined && isTooFarAhead(occurredAt, now)) {
      throw fieldProblems([{ field: 'body.occurredAt', key: 'serviceProblem.activityInFuture' }]);
    }
    const next: ActivityDoc = { ...doc, occurredAt };
    if (patch.subject !== undefined) next.subject = patch.subject;
    const unset: string[] = [];
    if (patch.text !== undefined) {
      if (patch.text === '') {
        delete next.text;
        unset.push('text');
      } else next.text = patch.text;
    }
    const pendingAudit = pendingEntry('activityUpdate', auth, auditedFields(doc), auditedFields(next), now);
    const set = {
      subject: next.subject,
      occurredAt,
      ...(next.text !== undefined ? { text: next.text } : {}),
      updatedAt: now,
      updatedBy: actorOf(auth),
      version: doc.version + 1,
      pendingAudit,
    };
    if (!(await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, set, unset))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    const saved: ActivityDoc = { ...next, ...set };
    await this.flush(auth.tenantId, saved, true);
    await this.touch(auth, toActivity(saved));
    return toActivity(saved);
  }

  /**
   * Deletes an activity (whoever recorded it or an administrator; If-Match). The audit entry keeps
   * what it was; a logged mail can be logged again afterwards. The entry is written into the
   * activity first (a version of its own), then to the audit trail, then the activity goes.
   */
  async remove(auth: AuthContext, id: string, expected: number | '*'): Promise<void> {
    const doc = await this.load(auth, id);
    this.assertMayChange(auth, doc);
    this.assertVersion(doc, expected);
    // Issue 15: restriction (Art. 18) keeps the data as it is — deleting an entry of a restricted contact is refused too.
    for (const contact of await this.contacts.repo.findByIds(auth.tenantId, doc.contactIds))
      assertNotRestricted(contact);
    const pendingAudit = pendingEntry('activityDelete', auth, auditedFields(doc), null, new Date());
    const version = doc.version + 1;
    if (!(await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, { version, pendingAudit }))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    await this.flush(auth.tenantId, { ...doc, version, pendingAudit }, true);
    await this.repo.deleteIfVersion(auth.tenantId, id, version);
  }
}
