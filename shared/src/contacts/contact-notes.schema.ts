import { type Static, Type } from 'typebox';
import {
  Actor,
  DateTime,
  IsoDate,
  MultilineText,
  ObjectId,
  RequiredMultilineText,
  RequiredText,
  StrictObject,
  Text,
} from './contact-common.schema';

// Notizen: Besonderheiten (free text on the contact), Historie (dated events), Offene Punkte
// (a checklist) and free notes. Entries are appended through their own endpoints, or all of a
// user's note changes at once through `NotesChange`.

export const MAX_SPECIFICS_LENGTH = 4000;
export const Specifics = MultilineText(MAX_SPECIFICS_LENGTH);

export const HistoryEntry = StrictObject({
  id: ObjectId,
  date: IsoDate,
  event: RequiredMultilineText(1000),
  author: Type.Optional(Actor),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const OpenItem = StrictObject({
  id: ObjectId,
  text: RequiredText(1000),
  done: Type.Boolean(),
  createdAt: DateTime,
});
export type OpenItem = Static<typeof OpenItem>;

export const FreeNote = StrictObject({
  id: ObjectId,
  text: RequiredMultilineText(4000),
  authorName: Text(200),
  authorId: RequiredText(100),
  createdAt: DateTime,
});
export type FreeNote = Static<typeof FreeNote>;

// Limits keep one contact document far below MongoDB's 16 MB; the API refuses to append beyond.
export const NOTE_LIMITS = { history: 1000, openItems: 200, free: 500 } as const;

export const Notes = StrictObject({
  specifics: Specifics,
  history: Type.Array(HistoryEntry, { maxItems: NOTE_LIMITS.history }),
  openItems: Type.Array(OpenItem, { maxItems: NOTE_LIMITS.openItems }),
  free: Type.Array(FreeNote, { maxItems: NOTE_LIMITS.free }),
});
export type Notes = Static<typeof Notes>;

// `date` defaults to today (server clock); the author is the caller.
export const HistoryEntryCreate = StrictObject({
  date: Type.Optional(IsoDate),
  event: RequiredMultilineText(1000),
});
export type HistoryEntryCreate = Static<typeof HistoryEntryCreate>;

export const OpenItemCreate = StrictObject({ text: RequiredText(1000) });
export type OpenItemCreate = Static<typeof OpenItemCreate>;

export const OpenItemPatch = StrictObject({ done: Type.Boolean() });
export type OpenItemPatch = Static<typeof OpenItemPatch>;

export const FreeNoteCreate = StrictObject({ text: RequiredMultilineText(4000) });
export type FreeNoteCreate = Static<typeof FreeNoteCreate>;

export const NotesSpecificsInput = StrictObject({ specifics: Specifics });
export type NotesSpecificsInput = Static<typeof NotesSpecificsInput>;

/** Entries of one kind that one `NotesChange` may add (the editor sends one of each). */
export const MAX_NOTE_ENTRIES_PER_CHANGE = 20;
/**
 * Open items one `NotesChange` may tick or untick. Each note change is one change of the audit
 * entry, so a whole `NotesChange` (1 + 3 × 20 + 100, plus the lead's last activity) stays under
 * the 200 changes an audit entry holds.
 */
export const MAX_OPEN_ITEM_STATES_PER_CHANGE = 100;

export const OpenItemState = StrictObject({ id: ObjectId, done: Type.Boolean() });
export type OpenItemState = Static<typeof OpenItemState>;

/**
 * All of a user's note changes, stored together (`PATCH /contacts/:id/notes`, with If-Match and
 * an Idempotency-Key): the new Besonderheiten, entries to append, and open items ticked or
 * unticked (by id). At least one part must be given.
 */
export const NotesChange = StrictObject(
  {
    specifics: Type.Optional(Specifics),
    addHistory: Type.Optional(Type.Array(HistoryEntryCreate, { maxItems: MAX_NOTE_ENTRIES_PER_CHANGE })),
    addOpenItems: Type.Optional(Type.Array(OpenItemCreate, { maxItems: MAX_NOTE_ENTRIES_PER_CHANGE })),
    setOpenItems: Type.Optional(Type.Array(OpenItemState, { maxItems: MAX_OPEN_ITEM_STATES_PER_CHANGE })),
    addFreeNotes: Type.Optional(Type.Array(FreeNoteCreate, { maxItems: MAX_NOTE_ENTRIES_PER_CHANGE })),
  },
  { minProperties: 1 },
);
export type NotesChange = Static<typeof NotesChange>;
