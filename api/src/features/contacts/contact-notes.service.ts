import {
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
  type OpenItemCreate,
  type OpenItemPatch,
} from '@klarkonform/shared';
import { fieldProblems, notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf, type ContactWriter } from './contact-writer';
import type { ContactFields } from './contacts.mapper';
import { newEntryId } from './contacts.repository';

// Appends to a contact's consent history and notes. Appends need no If-Match:
// they do not overwrite anyone's edit, and a lost race is retried.

type Notes = {
  specifics: string;
  history: unknown[];
  openItems: Array<{ id: string; done: boolean }>;
  free: unknown[];
};

function notesOf(fields: ContactFields): Notes {
  return fields.notes as Notes;
}

/** 409: the list `field` (its label from the catalog) is at its limit. */
const full = (field: 'history' | 'openItems' | 'freeNotes') =>
  problem(409, 'conflict', 'notesFull', (t) => ({ label: t(`field.${field}`) }));

/** 409: the consent history of `channel` is at its limit. */
const consentFull = (channel: string) =>
  problem(409, 'conflict', 'consentEventsFull', (t) => ({ channel: t(`channel.${channel}`) }));

function touchLead(fields: ContactFields): void {
  // Logging an event counts as activity on a lead (staleness is measured from it).
  if (fields.lead) (fields.lead as Record<string, unknown>).lastActivityAt = new Date().toISOString();
}

export class ContactNotesService {
  constructor(private readonly writer: ContactWriter) {}

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

  addHistory(auth: AuthContext, id: string, body: HistoryEntryCreate): Promise<Contact> {
    return this.writer.update(auth, id, 'note', 'retry', (fields) => {
      const notes = notesOf(fields);
      if (notes.history.length >= NOTE_LIMITS.history) throw full('history');
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
      if (notes.openItems.length >= NOTE_LIMITS.openItems) throw full('openItems');
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
      if (notes.free.length >= NOTE_LIMITS.free) throw full('freeNotes');
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
