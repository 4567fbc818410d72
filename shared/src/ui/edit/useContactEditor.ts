import { useCallback, useMemo, useRef, useState } from 'react';
import type { DuplicateCandidate } from '../../contacts/contact-query.schema';
import type { Contact } from '../../contacts/contact.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import { type EditorField, errorFieldOf } from './edit-fields';
import {
  type EditDraft,
  type EditField,
  draftOf,
  duplicateProbe,
  identityChanged,
  patchFor,
  pendingCompany,
  rebase,
} from './edit-model';
import { blockingProblems, editProblems } from './edit-validation';

export type EditorState =
  | { kind: 'editing' }
  | { kind: 'checking' }
  | { kind: 'duplicates'; candidates: DuplicateCandidate[] }
  | { kind: 'saving' }
  | { kind: 'conflict' }
  | { kind: 'reloading' }
  | { kind: 'rebased'; conflicts: EditField[] }
  /** Problems at fields (the form's rules or the API's field errors); `message`: what no field shows. */
  | { kind: 'invalid'; message?: string | undefined }
  | { kind: 'error'; message: string };

/** A company the save created, remembered with its key so a retry links the same one. */
interface CreatedCompany {
  name: string;
  key: string;
  id?: string;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

// Save: the form's rules first, then — when a name or an e-mail changed — the duplicate check
// (the user may save anyway), then a new company if one was typed (POST with an
// Idempotency-Key), then PATCH with If-Match. A 412 keeps the draft untouched and offers "Neu
// laden": the newer version is fetched and the user's changes are laid over it. The API's
// field errors come back by input (`serverErrors`).
export function useContactEditor(contact: Contact, onSaved: (contact: Contact) => void, companyName = '') {
  const api = useApi();
  const kind = contact.kind;
  const [version, setVersion] = useState(contact.version);
  // The contact as last saved here: a lead action saves it while the form stays open.
  const [current, setCurrent] = useState(contact);
  const [base, setBase] = useState<EditDraft>(() => draftOf(contact, companyName));
  const [draft, setDraft] = useState<EditDraft>(base);
  const [state, setState] = useState<EditorState>({ kind: 'editing' });
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<EditorField, string>>(new Map());
  const [submitted, setSubmitted] = useState(false);
  // Bumped whenever the form should move the cursor to its first problem.
  const [problemFocus, setProblemFocus] = useState(0);
  const busy = useRef(false);
  const created = useRef<CreatedCompany | undefined>(undefined);
  // The user may keep typing while the newer version loads; the rebase uses what is there then.
  const latestDraft = useRef(draft);
  latestDraft.current = draft;

  const update = useCallback((patch: Partial<EditDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setState((current) => (current.kind === 'duplicates' ? { kind: 'editing' } : current));
  }, []);

  const clearServerError = useCallback((field: EditorField) => {
    setServerErrors((errors) => {
      const group = field.startsWith('emails.') ? 'emails' : undefined;
      if (!errors.has(field) && !(group && errors.has(group))) return errors;
      const next = new Map(errors);
      next.delete(field);
      if (group) next.delete(group);
      return next;
    });
  }, []);

  const problems = useMemo(() => editProblems(kind, draft), [kind, draft]);

  /** The new company's id: created once per typed name, the same on a retry. */
  const companyIdFor = useCallback(
    async (name: string): Promise<string> => {
      if (created.current?.name !== name) created.current = { name, key: crypto.randomUUID() };
      const entry = created.current;
      if (entry.id) return entry.id;
      const body = { kind: 'company' as const, name, relationships: latestDraft.current.relationships };
      const { contact: company } = await api.createContact(body, entry.key);
      entry.id = company.id;
      return company.id;
    },
    [api],
  );

  const fail = useCallback(
    (err: unknown, field?: EditorField) => {
      if (err instanceof ApiError && err.isConflict) {
        setState({ kind: 'conflict' });
        return;
      }
      const errors = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      const shown = new Map<EditorField, string>();
      const rest: string[] = [];
      for (const error of errors) {
        const at = field ?? errorFieldOf(error.field, kind);
        if (at && !shown.has(at)) shown.set(at, error.message);
        else if (!at) rest.push(error.message);
      }
      if (shown.size === 0) {
        setState({ kind: 'error', message: message(err) });
        return;
      }
      setServerErrors(shown);
      setState({ kind: 'invalid', message: rest.length > 0 ? rest.join(' ') : undefined });
      setProblemFocus((n) => n + 1);
    },
    [kind],
  );

  const save = useCallback(
    async (force = false) => {
      if (busy.current) return;
      setSubmitted(true);
      if (blockingProblems(problems).length > 0) {
        setState({ kind: 'invalid' });
        setProblemFocus((n) => n + 1);
        return;
      }
      const newCompany = pendingCompany(kind, draft);
      if (!patchFor(kind, base, draft) && !newCompany) {
        onSaved(current);
        return;
      }
      busy.current = true;
      try {
        if (!force && identityChanged(kind, base, draft)) {
          setState({ kind: 'checking' });
          // A failed check does not stop the save: the duplicate check is advice, not a rule.
          const candidates = await api.checkDuplicates(duplicateProbe(current, draft)).catch(() => []);
          if (candidates.length > 0) {
            setState({ kind: 'duplicates', candidates });
            return;
          }
        }
        setState({ kind: 'saving' });
        let next = draft;
        if (newCompany) {
          try {
            next = { ...draft, company: { id: await companyIdFor(newCompany), name: newCompany } };
          } catch (err) {
            fail(err, 'companyId');
            return;
          }
        }
        const patch = patchFor(kind, base, next);
        const saved = patch ? await api.patchContact(contact.id, version, patch) : current;
        const savedDraft = draftOf(saved, next.company?.name ?? '');
        setBase(savedDraft);
        setDraft(savedDraft);
        setVersion(saved.version);
        setCurrent(saved);
        setServerErrors(new Map());
        setSubmitted(false);
        setState({ kind: 'editing' });
        onSaved(saved);
      } catch (err) {
        fail(err);
      } finally {
        busy.current = false;
      }
    },
    [api, base, companyIdFor, contact.id, current, draft, fail, kind, onSaved, problems, version],
  );

  const reload = useCallback(async () => {
    setState({ kind: 'reloading' });
    try {
      const latest = await api.getContact(contact.id);
      const next = rebase(base, latestDraft.current, latest);
      // Someone else linked another company: its name is looked up for the picker.
      let rebased = next;
      const linked = next.draft.company;
      if (linked?.id && !linked.name) {
        const company = await api.getContact(linked.id).catch(() => undefined);
        const name = company?.displayName ?? '';
        const withName = (d: EditDraft) =>
          d.company?.id === linked.id ? { ...d, company: { id: linked.id, name } } : d;
        rebased = { ...next, base: withName(next.base), draft: withName(next.draft) };
      }
      setBase(rebased.base);
      setDraft(rebased.draft);
      setVersion(latest.version);
      setCurrent(latest);
      setState({ kind: 'rebased', conflicts: rebased.conflicts });
    } catch (err) {
      setState({ kind: 'error', message: message(err) });
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

  /** "Weiter bearbeiten" after the duplicate warning. */
  const dismissDuplicates = useCallback(
    () => setState((current) => (current.kind === 'duplicates' ? { kind: 'editing' } : current)),
    [],
  );

  /** The linked company's name arrived (the contact holds only its id). */
  const setCompanyName = useCallback((id: string, name: string) => {
    const named = (d: EditDraft) => (d.company?.id === id && !d.company.name ? { ...d, company: { id, name } } : d);
    setBase(named);
    setDraft(named);
  }, []);

  return {
    draft,
    update,
    save,
    reload,
    applySaved,
    setCompanyName,
    clearServerError,
    dismissDuplicates,
    current,
    state,
    problems,
    serverErrors,
    submitted,
    problemFocus,
    dirty: patchFor(kind, base, draft) !== undefined || pendingCompany(kind, draft) !== undefined,
  };
}
