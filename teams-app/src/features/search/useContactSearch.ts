import type { ContactListItem, ContactListQuery } from '@klarkonform/shared/ui';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import { isTooShort, type SearchFilters, searchListQuery } from './search-filters';

const DEBOUNCE_MS = 300;
const PAGE_SIZE = 25;

export interface SearchState {
  /** What the items answer (null: nothing asked yet). */
  query: Partial<ContactListQuery> | null;
  items: ContactListItem[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

const IDLE: SearchState = { query: null, items: [], nextCursor: null, loading: false, error: undefined };

/**
 * Search as you type (`GET /contacts?q=…` with the filters), debounced. Every request carries a
 * sequence number and only the answer to the latest one is shown: a slower earlier answer (the
 * previous text, the previous filters, a "Weitere laden" of an older search) never overwrites a
 * newer one. A newer search also cancels the older request.
 */
export function useContactSearch(text: string, filters: SearchFilters) {
  const { api } = useServices();
  const query = searchListQuery(text, filters, PAGE_SIZE);
  const key = JSON.stringify(query);
  const [state, setState] = useState<SearchState>(IDLE);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the query; `attempt` re-runs it ("Erneut versuchen").
  useEffect(() => {
    const request = ++latest.current;
    if (!query) {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    const current = () => request === latest.current && !controller.signal.aborted;
    setState((before) => ({ ...before, loading: true, error: undefined }));
    const timer = setTimeout(() => {
      api.listContacts(query, controller.signal).then(
        (page) => {
          if (current())
            setState({ query, items: page.items, nextCursor: page.nextCursor, loading: false, error: undefined });
        },
        (error: unknown) => {
          if (current()) setState({ query, items: [], nextCursor: null, loading: false, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, attempt]);

  async function loadMore() {
    const { query: shown, nextCursor } = state;
    if (!shown || !nextCursor) return;
    const request = latest.current;
    setState((before) => ({ ...before, loading: true }));
    try {
      const page = await api.listContacts({ ...shown, cursor: nextCursor });
      if (request !== latest.current) return;
      setState((before) => ({
        ...before,
        items: [...before.items, ...page.items],
        nextCursor: page.nextCursor,
        loading: false,
      }));
    } catch (error) {
      if (request === latest.current) setState((before) => ({ ...before, loading: false, error }));
    }
  }

  return {
    ...state,
    tooShort: isTooShort(text),
    idle: query === null,
    retry: () => setAttempt((n) => n + 1),
    loadMore,
  };
}
