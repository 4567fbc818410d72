import { useCallback, useRef, useState } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import { ApiError, NetworkError } from '../../http/api-client';
import { useApi } from '../api-context';
import { today } from '../forms/today';
import { useUiText } from '../i18n/useUiText';
import {
  attemptFor,
  draftAfterSave,
  emptyDraft,
  isDirty,
  type NotesDraft,
  notesChangeFor,
  overLimitFields,
  rebaseDraft,
  type SaveAttempt,
} from './notes-edit-model';

export type NotesSaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** A save was refused here: fields are over their limit (the editor names them). */
  | { kind: 'invalid' }
  /** Someone else changed the Besonderheiten too; `theirs` is their text, the user's is still in the field. */
  | { kind: 'contested'; theirs: string }
  /** The server's (localised) message, or one for a lost connection. */
  | { kind: 'error'; message: string };

/** Rounds of "412 → load the newer version → send again" before the conflict is shown as an error. */
const MAX_REBASES = 2;

/**
 * State and save of the notes editor. One save sends everything (PATCH /contacts/:id/notes) with
 * If-Match and an Idempotency-Key that stays the same while the same change is retried. A 412
 * loads the newer contact, keeps everything typed, and sends again unless the Besonderheiten were
 * changed on both sides (then the user decides). Every failure keeps the draft.
 */
export function useNotesEditor(contact: Contact, onChanged: (contact: Contact) => void) {
  const api = useApi();
  const { t } = useUiText();
  const [base, setBase] = useState(contact);
  const [draft, setDraft] = useState<NotesDraft>(() => emptyDraft(contact.notes, today()));
  const [state, setState] = useState<NotesSaveState>({ kind: 'idle' });
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const attempt = useRef<SaveAttempt | undefined>(undefined);
  const busy = useRef(false);

  // A newer version of the contact from outside (the card was refreshed): typed text stays.
  const [seen, setSeen] = useState(contact);
  if (contact !== seen) {
    setSeen(contact);
    if (contact.id === base.id && contact.version > base.version) {
      setBase(contact);
      setDraft((current) => rebaseDraft(base.notes, current, contact.notes).draft);
    }
  }

  const update = useCallback((patch: Partial<NotesDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setState((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }, []);

  const save = useCallback(async () => {
    if (busy.current) return;
    if (overLimitFields(latestDraft.current).length > 0) {
      setState({ kind: 'invalid' });
      return;
    }
    let stored = base;
    let sent = latestDraft.current;
    let change = notesChangeFor(stored.notes, sent);
    if (!change) return;
    busy.current = true;
    setState({ kind: 'saving' });
    try {
      for (let round = 0; ; round++) {
        attempt.current = attemptFor(change, attempt.current, () => crypto.randomUUID());
        try {
          const saved = await api.saveNotes(stored.id, stored.version, change, attempt.current.key);
          attempt.current = undefined;
          setBase(saved);
          setDraft(draftAfterSave(sent, latestDraft.current, saved.notes, today()));
          setState({ kind: 'saved' });
          onChanged(saved);
          return;
        } catch (err) {
          if (!(err instanceof ApiError && err.status === 412) || round >= MAX_REBASES) throw err;
        }
        const latest = await api.getContact(stored.id);
        const rebased = rebaseDraft(stored.notes, latestDraft.current, latest.notes);
        stored = latest;
        sent = rebased.draft;
        setBase(latest);
        setDraft(rebased.draft);
        if (rebased.specificsContested) {
          setState({ kind: 'contested', theirs: latest.notes.specifics });
          return;
        }
        change = notesChangeFor(latest.notes, sent);
        if (!change) {
          // Everything the user changed was stored meanwhile (a colleague ticked the same item).
          setState({ kind: 'saved' });
          onChanged(latest);
          return;
        }
      }
    } catch (err) {
      const message =
        err instanceof NetworkError ? t('notes.offline') : err instanceof Error ? err.message : String(err);
      setState({ kind: 'error', message });
    } finally {
      busy.current = false;
    }
  }, [api, base, onChanged, t]);

  return { base, draft, update, save, state, dirty: isDirty(base.notes, draft) };
}
