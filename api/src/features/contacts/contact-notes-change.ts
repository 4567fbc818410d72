import { createHash } from 'node:crypto';
import { type Actor, type AuditChange, localDate, NOTE_LIMITS, type NotesChange } from '@klarkonform/shared';
import { fieldProblems, problem } from '../../infra/http-error';
import type { ContactFields } from './contacts.mapper';
import { newEntryId } from './contacts.repository';

// One user's note changes applied in one write (PATCH /contacts/:id/notes): the pure part,
// without I/O. The audit entry lists every note change on its own, not the whole notes before
// and after, so the trail reads "open item added", "open item ticked", "specifics changed".

interface StoredNotes {
  specifics: string;
  history: Array<Record<string, unknown>>;
  openItems: Array<{ id: string; done: boolean; [key: string]: unknown }>;
  free: Array<Record<string, unknown>>;
}

/** 409: the list `field` (its label from the catalog) would go over its limit. */
export const notesFull = (field: 'history' | 'openItems' | 'freeNotes') =>
  problem(409, 'conflict', 'notesFull', (t) => ({ label: t(`field.${field}`) }));

/**
 * The id of the audit entry that records the notes request with this Idempotency-Key on this
 * contact (24 hex digits, an ObjectId): stored atomically with the change, it is what makes a
 * repeated request recognisable. A key is scoped to one contact.
 */
export function notesRequestId(tenantId: string, contactId: string, idempotencyKey: string): string {
  return createHash('sha256').update(`notes\n${tenantId}\n${contactId}\n${idempotencyKey}`).digest('hex').slice(0, 24);
}

/** 400 unless every ticked item exists and none is given twice; nothing is changed then. */
function assertOpenItemStates(notes: StoredNotes, change: NotesChange): void {
  const seen = new Set<string>();
  const problems: Array<{ field: string; key: string }> = [];
  for (const [index, state] of (change.setOpenItems ?? []).entries()) {
    const field = `body.setOpenItems.${index}.id`;
    if (seen.has(state.id)) problems.push({ field, key: 'serviceProblem.openItemTwice' });
    else if (!notes.openItems.some((item) => item.id === state.id)) {
      problems.push({ field, key: 'serviceProblem.openItemNotFound' });
    }
    seen.add(state.id);
  }
  if (problems.length > 0) throw fieldProblems(problems);
}

function assertRoom(notes: StoredNotes, change: NotesChange): void {
  if (notes.history.length + (change.addHistory?.length ?? 0) > NOTE_LIMITS.history) throw notesFull('history');
  if (notes.openItems.length + (change.addOpenItems?.length ?? 0) > NOTE_LIMITS.openItems) {
    throw notesFull('openItems');
  }
  if (notes.free.length + (change.addFreeNotes?.length ?? 0) > NOTE_LIMITS.free) throw notesFull('freeNotes');
}

/**
 * Applies `change` to `fields.notes` in place and returns one audit change per note change
 * (`notes.specifics` before/after; `notes.history`, `notes.openItems`, `notes.free` with the new
 * entry as `after`; a ticked item with both states). Throws 400 for unknown or repeated open
 * items and 409 when a list would go over `NOTE_LIMITS`, before changing anything.
 */
export function applyNotesChange(fields: ContactFields, change: NotesChange, actor: Actor, now: Date): AuditChange[] {
  const notes = fields.notes as StoredNotes;
  assertOpenItemStates(notes, change);
  assertRoom(notes, change);
  const changes: AuditChange[] = [];
  const at = now.toISOString();

  if (change.specifics !== undefined && change.specifics !== notes.specifics) {
    changes.push({ field: 'notes.specifics', before: notes.specifics, after: change.specifics });
    notes.specifics = change.specifics;
  }
  for (const state of change.setOpenItems ?? []) {
    const item = notes.openItems.find((i) => i.id === state.id);
    if (!item || item.done === state.done) continue;
    changes.push({ field: 'notes.openItems', before: { ...item }, after: { ...item, done: state.done } });
    item.done = state.done;
  }
  for (const entry of change.addHistory ?? []) {
    const added = { id: newEntryId(), date: entry.date ?? localDate(now), event: entry.event, author: actor };
    notes.history.push(added);
    changes.push({ field: 'notes.history', after: added });
  }
  for (const entry of change.addOpenItems ?? []) {
    const added = { id: newEntryId(), text: entry.text, done: false, createdAt: at };
    notes.openItems.push(added);
    changes.push({ field: 'notes.openItems', after: added });
  }
  for (const entry of change.addFreeNotes ?? []) {
    const added = { id: newEntryId(), text: entry.text, authorName: actor.name, authorId: actor.id, createdAt: at };
    notes.free.push(added);
    changes.push({ field: 'notes.free', after: added });
  }
  return changes;
}
