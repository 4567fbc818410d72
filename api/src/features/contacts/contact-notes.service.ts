import {
  type AuditAction,
  type AuditChange,
  auditChanges,
  type ConsentEvent,
  type ConsentEventCreate,
  type Contact,
  confirmationUnproven,
  consentEventProblems,
  DOUBLE_OPT_IN_EXPIRY_DAYS,
  localDate,
  type FreeNoteCreate,
  type HistoryEntryCreate,
  MAX_CONSENT_EVENTS_PER_CHANNEL,
  NOTE_LIMITS,
  type NotesChange,
  type OpenItemCreate,
  type OpenItemPatch,
} from '@klarkonform/shared';
import { fieldProblems, HttpError, notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import type { AuditRepository } from '../audit/audit.repository';
import { applyNotesChange, notesFull, notesRequestId } from './contact-notes-change';
import { actorOf, type ContactWriter, requestHash } from './contact-writer';
import { type ContactFields, toContact } from './contacts.mapper';
import { newEntryId } from './contacts.repository';

// Appends to a contact's consent history and notes. Appends need no If-Match:
// they do not overwrite anyone's edit, and a lost race is retried. `saveNotes` stores all of
// a user's note changes at once; it replaces the Besonderheiten, so it carries If-Match.

type Notes = {
  specifics: string;
  history: unknown[];
  openItems: Array<{ id: string; done: boolean }>;
  free: unknown[];
};

function notesOf(fields: ContactFields): Notes {
  return fields.notes as Notes;
}

/** Thrown inside a write when its request turns out to be stored already. */
class RepeatedRequest extends Error {}

/** 409: the consent history of `channel` is at its limit. */
const consentFull = (channel: string) =>
  problem(409, 'conflict', 'consentEventsFull', (t) => ({ channel: t(`channel.${channel}`) }));

function touchLead(fields: ContactFields): void {
  // Logging an event counts as activity on a lead (staleness is measured from it).
  if (fields.lead) (fields.lead as Record<string, unknown>).lastActivityAt = new Date().toISOString();
}

export class ContactNotesService {
  constructor(
    private readonly writer: ContactWriter,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Stores `change` in one write with one audit entry (action `note`, one change per note).
   * `version` is the If-Match (a number: 412 when the contact changed since; `*`: lost races are
   * retried). The audit entry's id is derived from the Idempotency-Key, so a repeat of a stored
   * request answers 200 with the contact as it is now and changes nothing (also when its If-Match
   * is stale by then); the same key with a different body answers 409.
   */
  async saveNotes(
    auth: AuthContext,
    id: string,
    idempotencyKey: string,
    version: number | '*',
    change: NotesChange,
  ): Promise<Contact> {
    const hash = requestHash(change);
    const requestId = notesRequestId(auth.tenantId, id, idempotencyKey);
    let noteChanges: AuditChange[] = [];
    const record = {
      id: requestId,
      requestHash: hash,
      changes: (before: ContactFields, after: ContactFields) => [
        ...noteChanges,
        ...auditChanges(before, after).filter((c) => c.field !== 'notes'),
      ],
    };
    try {
      return await this.writer.update(
        auth,
        id,
        'note',
        version,
        async (fields) => {
          // The contact's last audit entry is stored by now (the writer flushes it first).
          if (await this.stored(auth, requestId, hash)) throw new RepeatedRequest();
          noteChanges = applyNotesChange(fields, change, actorOf(auth), new Date());
          if (change.addHistory?.length || change.addFreeNotes?.length) touchLead(fields);
          return fields;
        },
        record,
      );
    } catch (err) {
      const maybeRepeat = err instanceof RepeatedRequest || (err instanceof HttpError && err.statusCode === 412);
      if (maybeRepeat) {
        const doc = await this.writer.load(auth, id);
        await this.writer.flush(auth.tenantId, doc);
        if (await this.stored(auth, requestId, hash)) return toContact(doc);
      }
      throw err;
    }
  }

  /** Whether the request with this record id is stored; 409 if its key came with another body. */
  private async stored(auth: AuthContext, requestId: string, hash: string): Promise<boolean> {
    const storedHash = await this.audit.requestHashOf(auth.tenantId, requestId);
    if (storedHash === undefined) return false;
    if (storedHash !== hash) throw problem(409, 'conflict', 'notesIdempotencyConflict');
    return true;
  }

  addConsentEvent(auth: AuthContext, id: string, body: ConsentEventCreate): Promise<Contact> {
    const at = body.at ?? new Date().toISOString();
    const problems = consentEventProblems(body, new Date()).map((p) =>
      p === 'eventInFuture'
        ? { field: 'body.at', key: 'serviceProblem.consentInFuture' }
        : { field: 'body.type', key: 'serviceProblem.softOptInEmailOnly' },
    );
    if (problems.length > 0) throw fieldProblems(problems);
    return this.writer.update(auth, id, 'consent', 'retry', (fields) => {
      const channels = (fields.consent as { channels: Record<string, ConsentEvent[]> }).channels;
      const events = channels[body.channel] ?? [];
      if (events.length >= MAX_CONSENT_EVENTS_PER_CHANNEL) throw consentFull(body.channel);
      // 409, not 400: the body alone is fine, the contact's history lacks the open request it
      // would confirm (like a full history, consentEventsFull). Recording the request first, or
      // giving the proof, resolves it; the field error points the form at the proof field.
      if (confirmationUnproven(body, events, new Date(at))) {
        throw fieldProblems(
          [
            {
              field: 'body.proof',
              key: 'serviceProblem.doubleOptInUnproven',
              values: { days: DOUBLE_OPT_IN_EXPIRY_DAYS },
            },
          ],
          409,
          'conflict',
        );
      }
      events.push({
        id: newEntryId(),
        type: body.type,
        at: new Date(at).toISOString(),
        source: body.source,
        ...(body.proof ? { proof: body.proof } : {}),
        recordedBy: actorOf(auth),
      });
      channels[body.channel] = events;
      return fields;
    });
  }

  /**
   * Appends one consent event to each of several channels in one write with one audit entry of
   * `action` (the DSGVO objection, issue 15: an `optOut` on every channel at once), on
   * `expectedVersion` (If-Match: 412 when the contact changed since; `*`/'retry': lost races are
   * retried). 409 when a channel's history is full. Runs through the writer like every consent
   * event, so the audit entry and the mirror's outbox follow.
   */
  addConsentEvents(
    auth: AuthContext,
    id: string,
    action: AuditAction,
    expectedVersion: number | '*' | 'retry',
    events: readonly ConsentEventCreate[],
  ): Promise<Contact> {
    return this.writer.update(auth, id, action, expectedVersion, (fields) => {
      const channels = (fields.consent as { channels: Record<string, ConsentEvent[]> }).channels;
      for (const body of events) {
        const history = channels[body.channel] ?? [];
        if (history.length >= MAX_CONSENT_EVENTS_PER_CHANNEL) throw consentFull(body.channel);
        history.push({
          id: newEntryId(),
          type: body.type,
          at: new Date(body.at ?? Date.now()).toISOString(),
          source: body.source,
          ...(body.proof ? { proof: body.proof } : {}),
          recordedBy: actorOf(auth),
        });
        channels[body.channel] = history;
      }
      return fields;
    });
  }

  addHistory(auth: AuthContext, id: string, body: HistoryEntryCreate): Promise<Contact> {
    return this.writer.update(auth, id, 'note', 'retry', (fields) => {
      const notes = notesOf(fields);
      if (notes.history.length >= NOTE_LIMITS.history) throw notesFull('history');
      notes.history.push({
        id: newEntryId(),
        date: body.date ?? localDate(new Date()),
        event: body.event,
        author: actorOf(auth),
      });
      touchLead(fields);
      return fields;
    });
  }

  addOpenItem(auth: AuthContext, id: string, body: OpenItemCreate): Promise<Contact> {
    return this.writer.update(auth, id, 'note', 'retry', (fields) => {
      const notes = notesOf(fields);
      if (notes.openItems.length >= NOTE_LIMITS.openItems) throw notesFull('openItems');
      notes.openItems.push({
        id: newEntryId(),
        text: body.text,
        done: false,
        createdAt: new Date().toISOString(),
      } as never);
      return fields;
    });
  }

  setOpenItem(auth: AuthContext, id: string, itemId: string, body: OpenItemPatch): Promise<Contact> {
    return this.writer.update(auth, id, 'note', 'retry', (fields) => {
      const item = notesOf(fields).openItems.find((i) => i.id === itemId);
      if (!item) throw notFound('openItemNotFound');
      item.done = body.done;
      return fields;
    });
  }

  addFreeNote(auth: AuthContext, id: string, body: FreeNoteCreate): Promise<Contact> {
    return this.writer.update(auth, id, 'note', 'retry', (fields) => {
      const notes = notesOf(fields);
      if (notes.free.length >= NOTE_LIMITS.free) throw notesFull('freeNotes');
      const actor = actorOf(auth);
      notes.free.push({
        id: newEntryId(),
        text: body.text,
        authorName: actor.name,
        authorId: actor.id,
        createdAt: new Date().toISOString(),
      });
      touchLead(fields);
      return fields;
    });
  }
}
