import {
  FreeNoteCreate,
  HistoryEntryCreate,
  type Notes,
  type NotesChange,
  OpenItemCreate,
  Specifics,
} from '../../contacts/contact-notes.schema';
import { normalizeTextInput, TEXT_KIND_KEYWORD, type TextKind } from '../../text/text.rules';

// The notes editor as data: what the user typed into the four note fields and which open items
// they ticked, compared with the stored notes. One save sends all of it (`NotesChange`); the
// length limits come from the schemas the API validates with.

/** The editor's text fields. */
export const NOTE_TEXT_FIELDS = ['specifics', 'historyEvent', 'openItem', 'freeNote'] as const;
export type NoteTextField = (typeof NOTE_TEXT_FIELDS)[number];

export interface NotesDraft {
  /** Besonderheiten as they should be stored (starts as stored). */
  specifics: string;
  /** Date of the new history entry, YYYY-MM-DD; '' lets the server use today. */
  historyDate: string;
  historyEvent: string;
  openItem: string;
  freeNote: string;
  /** Open items whose done state the user changed: item id → new state. */
  done: Readonly<Record<string, boolean>>;
}

interface StringSchema {
  maxLength?: number;
  [TEXT_KIND_KEYWORD]?: TextKind;
}

/** The schema each text field is validated with on the server (TypeBox keeps the keywords, untyped). */
const SCHEMAS: Record<NoteTextField, StringSchema> = {
  specifics: Specifics as StringSchema,
  historyEvent: HistoryEntryCreate.properties.event as StringSchema,
  openItem: OpenItemCreate.properties.text as StringSchema,
  freeNote: FreeNoteCreate.properties.text as StringSchema,
};

function maxLengthOf(schema: StringSchema): number {
  if (typeof schema.maxLength !== 'number') throw new Error('a note field schema without maxLength');
  return schema.maxLength;
}

/** Characters allowed per field, from the schemas' `maxLength`. */
export const NOTE_TEXT_LIMITS: Readonly<Record<NoteTextField, number>> = {
  specifics: maxLengthOf(SCHEMAS.specifics),
  historyEvent: maxLengthOf(SCHEMAS.historyEvent),
  openItem: maxLengthOf(SCHEMAS.openItem),
  freeNote: maxLengthOf(SCHEMAS.freeNote),
};

/** From this share of the limit on, the counter warns. */
export const NEAR_LIMIT_SHARE = 0.9;

export function emptyDraft(notes: Notes, today: string): NotesDraft {
  return { specifics: notes.specifics, historyDate: today, historyEvent: '', openItem: '', freeNote: '', done: {} };
}

/** What is sent for a field: new entries without surrounding blanks, the Besonderheiten as typed. */
function sentText(field: NoteTextField, draft: NotesDraft): string {
  return field === 'specifics' ? draft.specifics : draft[field].trim();
}

/**
 * The length the API measures: code points (JSON Schema `maxLength`, as ajv counts) of the text
 * after the API's normalisation (NFC; single-line fields also lose invisible characters).
 */
export function textLength(field: NoteTextField, text: string): number {
  const result = normalizeTextInput(text, SCHEMAS[field][TEXT_KIND_KEYWORD] ?? 'line');
  return [...(result.ok ? result.value : text)].length;
}

export type LengthLevel = 'ok' | 'near' | 'over';

export interface LengthState {
  count: number;
  max: number;
  level: LengthLevel;
}

/** The counter of one field ("123 / 1000") and whether it warns (≥ 90 %) or blocks (over the limit). */
export function lengthState(field: NoteTextField, draft: NotesDraft): LengthState {
  const count = textLength(field, sentText(field, draft));
  const max = NOTE_TEXT_LIMITS[field];
  const level: LengthLevel = count > max ? 'over' : count >= Math.ceil(max * NEAR_LIMIT_SHARE) ? 'near' : 'ok';
  return { count, max, level };
}

/** The fields over their limit, in the editor's order: saving is blocked while there are any. */
export function overLimitFields(draft: NotesDraft): NoteTextField[] {
  return NOTE_TEXT_FIELDS.filter((field) => lengthState(field, draft).level === 'over');
}

/** Ticks an open item (or unticks it); back at its stored state it is no longer a change. */
export function withDone(notes: Notes, draft: NotesDraft, itemId: string, done: boolean): NotesDraft {
  const stored = notes.openItems.find((item) => item.id === itemId)?.done;
  const { [itemId]: _previous, ...others } = draft.done;
  return { ...draft, done: stored === done ? others : { ...others, [itemId]: done } };
}

/** The done state the editor shows for an item. */
export function isDone(notes: Notes, draft: NotesDraft, itemId: string): boolean {
  return draft.done[itemId] ?? notes.openItems.find((item) => item.id === itemId)?.done ?? false;
}

/** What one save sends, or undefined when nothing would change (blank entries are not changes). */
export function notesChangeFor(notes: Notes, draft: NotesDraft): NotesChange | undefined {
  const change: NotesChange = {};
  if (draft.specifics !== notes.specifics) change.specifics = draft.specifics;
  const event = sentText('historyEvent', draft);
  if (event) change.addHistory = [{ event, ...(draft.historyDate ? { date: draft.historyDate } : {}) }];
  const openItem = sentText('openItem', draft);
  if (openItem) change.addOpenItems = [{ text: openItem }];
  const ticks = notes.openItems
    .filter((item) => draft.done[item.id] !== undefined && draft.done[item.id] !== item.done)
    .map((item) => ({ id: item.id, done: draft.done[item.id] === true }));
  if (ticks.length > 0) change.setOpenItems = ticks;
  const freeNote = sentText('freeNote', draft);
  if (freeNote) change.addFreeNotes = [{ text: freeNote }];
  return Object.keys(change).length > 0 ? change : undefined;
}

/** Whether leaving now would lose something the user typed or ticked. */
export function isDirty(notes: Notes, draft: NotesDraft): boolean {
  return notesChangeFor(notes, draft) !== undefined;
}

/**
 * The draft after a save of `sent` succeeded with `saved`: what was sent is now stored (new-entry
 * fields empty, Besonderheiten as stored); what the user typed or ticked while the save ran
 * stays (`current` differs from `sent` there).
 */
export function draftAfterSave(sent: NotesDraft, current: NotesDraft, saved: Notes, today: string): NotesDraft {
  const next = emptyDraft(saved, today);
  if (current.specifics !== sent.specifics) next.specifics = current.specifics;
  if (current.historyEvent !== sent.historyEvent) {
    next.historyEvent = current.historyEvent;
    next.historyDate = current.historyDate;
  }
  if (current.openItem !== sent.openItem) next.openItem = current.openItem;
  if (current.freeNote !== sent.freeNote) next.freeNote = current.freeNote;
  let result = next;
  for (const [id, done] of Object.entries(current.done)) {
    if (sent.done[id] !== done) result = withDone(saved, result, id, done);
  }
  return result;
}

/**
 * The draft laid over newer stored notes (after a 412): everything typed stays; ticks that now
 * match the stored state drop out. `specificsContested`: the user changed the Besonderheiten and
 * so did someone else, differently — saving would overwrite their text.
 */
export function rebaseDraft(
  base: Notes,
  draft: NotesDraft,
  latest: Notes,
): { draft: NotesDraft; specificsContested: boolean } {
  const mine = draft.specifics !== base.specifics;
  const theirs = latest.specifics !== base.specifics;
  let next: NotesDraft = { ...draft, specifics: mine ? draft.specifics : latest.specifics, done: {} };
  for (const [id, done] of Object.entries(draft.done)) next = withDone(latest, next, id, done);
  return { draft: next, specificsContested: mine && theirs && latest.specifics !== draft.specifics };
}

/** Keys of Idempotency-Key per change: a retry of the same change reuses its key, any other change gets a new one. */
export interface SaveAttempt {
  key: string;
  body: string;
}

export function attemptFor(change: NotesChange, previous: SaveAttempt | undefined, newKey: () => string): SaveAttempt {
  const body = JSON.stringify(change);
  return previous?.body === body ? previous : { key: newKey(), body };
}

/** History newest first (by date, then the later entry first); free notes newest first. */
export function historyNewestFirst(notes: Notes): Notes['history'] {
  return notes.history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.date.localeCompare(a.entry.date) || b.index - a.index)
    .map(({ entry }) => entry);
}

export function freeNotesNewestFirst(notes: Notes): Notes['free'] {
  return [...notes.free].reverse();
}

/** Open items still to do first (oldest first), then the done ones (most recent first). */
export function openItemsInOrder(notes: Notes): Notes['openItems'] {
  const open = notes.openItems.filter((item) => !item.done);
  const done = notes.openItems.filter((item) => item.done).reverse();
  return [...open, ...done];
}
