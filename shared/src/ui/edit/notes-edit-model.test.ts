import { describe, expect, it } from 'vitest';
import {
  FreeNoteCreate,
  HistoryEntryCreate,
  type Notes,
  OpenItemCreate,
  Specifics,
} from '../../contacts/contact-notes.schema';
import {
  attemptFor,
  draftAfterSave,
  emptyDraft,
  historyNewestFirst,
  isDirty,
  isDone,
  lengthState,
  NOTE_TEXT_LIMITS,
  type NotesDraft,
  notesChangeFor,
  openItemsInOrder,
  overLimitFields,
  rebaseDraft,
  textLength,
  withDone,
} from './notes-edit-model';

const ITEM_A = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const ITEM_B = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const author = { id: 'u1', name: 'Sabine' };

const notes = (changes: Partial<Notes> = {}): Notes => ({
  specifics: 'Vormittags anrufen',
  history: [],
  openItems: [
    { id: ITEM_A, text: 'Angebot schicken', done: false, createdAt: '2026-03-01T09:00:00.000Z' },
    { id: ITEM_B, text: 'Rabatt klären', done: true, createdAt: '2026-03-02T09:00:00.000Z' },
  ],
  free: [],
  ...changes,
});
const TODAY = '2026-03-15';
const draft = (changes: Partial<NotesDraft> = {}, base = notes()): NotesDraft => ({
  ...emptyDraft(base, TODAY),
  ...changes,
});

describe('notes edit model: what gets sent', () => {
  it('sends nothing for an untouched draft, blank entries or a date alone', () => {
    expect(notesChangeFor(notes(), draft())).toBeUndefined();
    expect(notesChangeFor(notes(), draft({ historyEvent: '  \n ', openItem: ' ', historyDate: '2026-01-01' }))).toBe(
      undefined,
    );
    expect(isDirty(notes(), draft({ freeNote: '   ' }))).toBe(false);
  });

  it('sends every typed field and each changed tick in one change, entries without surrounding blanks', () => {
    const base = notes();
    let typed = draft({
      specifics: 'Vormittags anrufen, nie freitags',
      historyDate: '2026-03-14',
      historyEvent: ' Telefonat zum Rahmenvertrag \n',
      openItem: '  Vertrag gegenlesen ',
      freeNote: 'Sehr an Wartung interessiert',
    });
    typed = withDone(base, typed, ITEM_A, true);
    typed = withDone(base, typed, ITEM_B, false);
    expect(isDirty(base, typed)).toBe(true);
    expect(notesChangeFor(base, typed)).toEqual({
      specifics: 'Vormittags anrufen, nie freitags',
      addHistory: [{ event: 'Telefonat zum Rahmenvertrag', date: '2026-03-14' }],
      addOpenItems: [{ text: 'Vertrag gegenlesen' }],
      setOpenItems: [
        { id: ITEM_A, done: true },
        { id: ITEM_B, done: false },
      ],
      addFreeNotes: [{ text: 'Sehr an Wartung interessiert' }],
    });
  });

  it('forgets a tick that goes back to the stored state', () => {
    const base = notes();
    const ticked = withDone(base, draft(), ITEM_A, true);
    expect(isDone(base, ticked, ITEM_A)).toBe(true);
    const unticked = withDone(base, ticked, ITEM_A, false);
    expect(unticked.done).toEqual({});
    expect(isDirty(base, unticked)).toBe(false);
  });

  it('lets the server date an entry when the date is cleared', () => {
    expect(notesChangeFor(notes(), draft({ historyDate: '', historyEvent: 'Besuch' }))?.addHistory).toEqual([
      { event: 'Besuch' },
    ]);
  });

  it('counts a cleared Besonderheiten field as a change', () => {
    expect(notesChangeFor(notes(), draft({ specifics: '' }))).toEqual({ specifics: '' });
  });
});

describe('notes edit model: length limits', () => {
  it('takes the limits from the schemas the API validates with', () => {
    const maxLength = (schema: object) => (schema as { maxLength?: number }).maxLength;
    expect(NOTE_TEXT_LIMITS).toEqual({
      specifics: maxLength(Specifics),
      historyEvent: maxLength(HistoryEntryCreate.properties.event),
      openItem: maxLength(OpenItemCreate.properties.text),
      freeNote: maxLength(FreeNoteCreate.properties.text),
    });
    expect(NOTE_TEXT_LIMITS.specifics).toBeGreaterThan(0);
  });

  it('warns from 90 % of the limit and blocks above it', () => {
    const max = NOTE_TEXT_LIMITS.openItem;
    expect(lengthState('openItem', draft({ openItem: 'x'.repeat(Math.ceil(max * 0.9) - 1) })).level).toBe('ok');
    expect(lengthState('openItem', draft({ openItem: 'x'.repeat(Math.ceil(max * 0.9)) })).level).toBe('near');
    expect(lengthState('openItem', draft({ openItem: 'x'.repeat(max) }))).toEqual({ count: max, max, level: 'near' });
    expect(lengthState('openItem', draft({ openItem: 'x'.repeat(max + 1) })).level).toBe('over');
    const over = draft({ freeNote: 'y'.repeat(NOTE_TEXT_LIMITS.freeNote + 5), openItem: 'ok' });
    expect(overLimitFields(over)).toEqual(['freeNote']);
  });

  it('counts characters as the API does: code points after normalisation, entries trimmed', () => {
    expect(textLength('freeNote', '👩‍💻')).toBe(3);
    expect(textLength('openItem', 'Mu\u0308ller')).toBe(6);
    expect(textLength('openItem', 'Mül\u200bler')).toBe(6);
    expect(textLength('specifics', 'a\u200bb')).toBe(3);
    expect(lengthState('openItem', draft({ openItem: '  abc  ' })).count).toBe(3);
    expect(lengthState('specifics', draft({ specifics: ' abc ' })).count).toBe(5);
  });
});

describe('notes edit model: after a save and after a conflict', () => {
  it('empties what was saved and keeps what was typed while the save ran', () => {
    const sent = draft({ openItem: 'Vertrag gegenlesen', freeNote: 'Messe', specifics: 'Neu' });
    const current = { ...sent, freeNote: 'Messe, Halle 3', historyEvent: 'Anruf' };
    const saved = notes({ specifics: 'Neu' });
    const next = draftAfterSave(sent, current, saved, TODAY);
    expect(next).toEqual({ ...emptyDraft(saved, TODAY), freeNote: 'Messe, Halle 3', historyEvent: 'Anruf' });
    expect(notesChangeFor(saved, next)).toEqual({
      addHistory: [{ event: 'Anruf', date: TODAY }],
      addFreeNotes: [{ text: 'Messe, Halle 3' }],
    });
  });

  it('keeps a tick made while the save ran', () => {
    const base = notes();
    const sent = draft({ freeNote: 'x' });
    const current = withDone(base, sent, ITEM_A, true);
    const next = draftAfterSave(sent, current, base, TODAY);
    expect(next.done).toEqual({ [ITEM_A]: true });
  });

  it('lays the typed text over newer notes and flags the Besonderheiten only when both sides changed them', () => {
    const base = notes();
    const latest = notes({
      specifics: 'Vormittags anrufen (Kollegin)',
      openItems: [
        { ...(base.openItems[0] as Notes['openItems'][number]), done: true },
        base.openItems[1] as Notes['openItems'][number],
      ],
    });
    const typed = withDone(base, draft({ openItem: 'Neu' }), ITEM_A, true);
    const untouched = rebaseDraft(base, typed, latest);
    expect(untouched.specificsContested).toBe(false);
    expect(untouched.draft.specifics).toBe('Vormittags anrufen (Kollegin)');
    expect(untouched.draft.done).toEqual({});
    expect(notesChangeFor(latest, untouched.draft)).toEqual({ addOpenItems: [{ text: 'Neu' }] });

    const contested = rebaseDraft(base, { ...typed, specifics: 'Nur nachmittags' }, latest);
    expect(contested.specificsContested).toBe(true);
    expect(contested.draft.specifics).toBe('Nur nachmittags');
  });

  it('reuses the Idempotency-Key only for the very same change', () => {
    let n = 0;
    const newKey = () => `key-${++n}`;
    const first = attemptFor({ addFreeNotes: [{ text: 'a' }] }, undefined, newKey);
    expect(attemptFor({ addFreeNotes: [{ text: 'a' }] }, first, newKey)).toBe(first);
    expect(attemptFor({ addFreeNotes: [{ text: 'ab' }] }, first, newKey).key).toBe('key-2');
  });
});

describe('notes edit model: order of the entries', () => {
  it('shows history newest first, the later of two entries of one day first', () => {
    const entry = (id: string, date: string) => ({ id, date, event: id, author });
    const ordered = historyNewestFirst(
      notes({ history: [entry('a', '2026-03-01'), entry('b', '2026-03-10'), entry('c', '2026-03-01')] }),
    );
    expect(ordered.map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });

  it('shows open items to do before the done ones', () => {
    const base = notes();
    const extra = { id: 'cccccccccccccccccccccccc', text: 'Neu', done: false, createdAt: '2026-03-03T00:00:00.000Z' };
    expect(openItemsInOrder({ ...base, openItems: [...base.openItems, extra] }).map((i) => i.text)).toEqual([
      'Angebot schicken',
      'Neu',
      'Rabatt klären',
    ]);
  });
});
