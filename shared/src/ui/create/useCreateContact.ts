import { useCallback, useEffect, useRef, useState } from 'react';
import type { DuplicateCandidate, DuplicateCheckRequest } from '../../contacts/contact-query.schema';
import type { Contact } from '../../contacts/contact.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import {
  type CreateDraft,
  companyCreate,
  companyIdOf,
  draftProblems,
  duplicateProbes,
  personCreate,
} from './create-model';

const CHECK_DELAY_MS = 300;

export type CreatePhase = 'editing' | 'checking' | 'duplicates' | 'saving';

// State of the create flow. Duplicate candidates are looked up while the user types and shown
// before saving; the Idempotency-Keys live as long as the form, so a double click, a retry
// after a timeout or a repeated submit never creates a second contact (or company).
export function useCreateContact(initial: CreateDraft, onCreated: (contact: Contact) => void) {
  const api = useApi();
  const [draft, setDraft] = useState(initial);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [phase, setPhase] = useState<CreatePhase>('editing');
  const [error, setError] = useState<string | undefined>();
  const keys = useRef({ person: crypto.randomUUID(), company: crypto.randomUUID() });
  const createdCompanyId = useRef<string | undefined>(undefined);
  const busy = useRef(false);
  const checkedFor = useRef<string | undefined>(undefined);
  const probes = duplicateProbes(draft);
  const probeKey = probes.length > 0 ? JSON.stringify(probes) : undefined;

  const runCheck = useCallback(
    async (key: string | undefined, signal?: AbortSignal): Promise<DuplicateCandidate[]> => {
      if (!key) return [];
      // The person and a new company are checked at once; a contact found by both is shown once.
      const lists = await Promise.all(
        (JSON.parse(key) as DuplicateCheckRequest[]).map((probe) => api.checkDuplicates(probe, signal)),
      );
      const byId = new Map(lists.flat().map((candidate) => [candidate.contact.id, candidate]));
      const found = [...byId.values()];
      checkedFor.current = key;
      setCandidates(found);
      return found;
    },
    [api],
  );

  useEffect(() => {
    if (!probeKey) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      runCheck(probeKey, controller.signal).catch(() => undefined);
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [probeKey, runCheck]);

  const save = useCallback(
    async (force: boolean) => {
      if (busy.current || draftProblems(draft).length > 0) return;
      busy.current = true;
      setError(undefined);
      try {
        if (!force) {
          setPhase('checking');
          const found = checkedFor.current === probeKey ? candidates : await runCheck(probeKey);
          if (found.length > 0) {
            setPhase('duplicates');
            return;
          }
        }
        setPhase('saving');
        if (draft.target === 'company') {
          const { contact } = await api.createContact(companyCreate(draft), keys.current.company);
          onCreated(contact);
          return;
        }
        let companyId = companyIdOf(draft);
        if (draft.companyChoice === 'new') {
          createdCompanyId.current ??= (await api.createContact(companyCreate(draft), keys.current.company)).contact.id;
          companyId = createdCompanyId.current;
        }
        const { contact } = await api.createContact(personCreate(draft, companyId), keys.current.person);
        onCreated(contact);
      } catch (err) {
        // A rejected request created nothing: a corrected form may use a fresh key. After a
        // network error or 5xx the key stays, so the retry replays instead of duplicating.
        if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
          keys.current.person = crypto.randomUUID();
          if (!createdCompanyId.current) keys.current.company = crypto.randomUUID();
        }
        setError(err instanceof Error ? err.message : String(err));
        setPhase(candidates.length > 0 && !force ? 'duplicates' : 'editing');
      } finally {
        busy.current = false;
        setPhase((current) => (current === 'saving' || current === 'checking' ? 'editing' : current));
      }
    },
    [api, candidates, draft, onCreated, probeKey, runCheck],
  );

  /** Applies a pure change of the draft (create-model.ts), e.g. `withCompany`. */
  const change = useCallback((next: (draft: CreateDraft) => CreateDraft) => {
    setDraft(next);
    setPhase((current) => (current === 'duplicates' ? 'editing' : current));
  }, []);
  const update = useCallback(
    (patch: Partial<CreateDraft>) => change((current) => ({ ...current, ...patch })),
    [change],
  );

  return { draft, update, change, candidates, phase, error, save, problems: draftProblems(draft) };
}
