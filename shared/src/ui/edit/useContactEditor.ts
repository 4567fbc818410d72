import { useCallback, useRef, useState } from 'react';
import type { Contact } from '../../contacts/contact.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import { type EditDraft, type EditField, draftOf, patchFor, rebase } from './edit-model';

export type EditorState =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'conflict' }
  | { kind: 'reloading' }
  | { kind: 'rebased'; conflicts: EditField[] }
  | { kind: 'error'; message: string };

// PATCH with If-Match. A 412 keeps the draft untouched and offers "Neu laden": the newer
// version is fetched and the user's changes are laid over it, ready to save again.
export function useContactEditor(contact: Contact, onSaved: (contact: Contact) => void) {
  const api = useApi();
  const [version, setVersion] = useState(contact.version);
  // The contact as last saved here: a lead action saves it while the form stays open.
  const [current, setCurrent] = useState(contact);
  const [base, setBase] = useState<EditDraft>(() => draftOf(contact));
  const [draft, setDraft] = useState<EditDraft>(base);
  const [state, setState] = useState<EditorState>({ kind: 'editing' });
  const busy = useRef(false);
  // The user may keep typing while the newer version loads; the rebase uses what is there then.
  const latestDraft = useRef(draft);
  latestDraft.current = draft;

  const update = useCallback((patch: Partial<EditDraft>) => setDraft((current) => ({ ...current, ...patch })), []);

  const save = useCallback(async () => {
    if (busy.current) return;
    const patch = patchFor(contact.kind, base, draft);
    if (!patch) {
      onSaved(current);
      return;
    }
    busy.current = true;
    setState({ kind: 'saving' });
    try {
      const saved = await api.patchContact(contact.id, version, patch);
      // The save is over when its answer is here, even if the host keeps the form open while it
      // reloads what depends on the contact: the form goes on from the saved version.
      const savedDraft = draftOf(saved);
      setBase(savedDraft);
      setDraft(savedDraft);
      setVersion(saved.version);
      setCurrent(saved);
      setState({ kind: 'editing' });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) setState({ kind: 'conflict' });
      else setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      busy.current = false;
    }
  }, [api, base, contact, current, draft, onSaved, version]);

  const reload = useCallback(async () => {
    setState({ kind: 'reloading' });
    try {
      const latest = await api.getContact(contact.id);
      const next = rebase(base, latestDraft.current, latest);
      setBase(next.base);
      setDraft(next.draft);
      setVersion(latest.version);
      setState({ kind: 'rebased', conflicts: next.conflicts });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }, [api, base, contact.id]);

  /**
   * The contact was saved by a lead action (the status field's win, lose, archive, reopen):
   * the form continues from that version, with the user's other unsaved changes laid over it.
   */
  const applySaved = useCallback(
    (saved: Contact) => {
      const next = rebase(base, { ...latestDraft.current, leadStatus: draftOf(saved).leadStatus }, saved);
      setBase(next.base);
      setDraft(next.draft);
      setVersion(saved.version);
      setCurrent(saved);
    },
    [base],
  );

  return {
    draft,
    update,
    save,
    reload,
    applySaved,
    current,
    state,
    dirty: patchFor(contact.kind, base, draft) !== undefined,
  };
}
