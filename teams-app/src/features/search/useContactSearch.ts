import type { ContactSummary } from '@klarkonform/shared/ui';
import { useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

const DEBOUNCE_MS = 300;
const MIN_LENGTH = 2;
const PAGE_SIZE = 25;

export interface SearchState {
  query: string;
  items: ContactSummary[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

// Search as you type (`GET /contacts?q=`), debounced; a newer query cancels the older request.
export function useContactSearch(text: string) {
  const { api } = useServices();
  const query = text.trim();
  const [state, setState] = useState<SearchState>({
    query: '',
    items: [],
    nextCursor: null,
    loading: false,
    error: undefined,
  });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the search ("Erneut versuchen").
  useEffect(() => {
    if (query.length < MIN_LENGTH) {
      setState({ query, items: [], nextCursor: null, loading: false, error: undefined });
      return;
    }
    const controller = new AbortController();
    setState((before) => ({ ...before, loading: true, error: undefined }));
    const timer = setTimeout(() => {
      api.listContacts({ q: query, limit: PAGE_SIZE }, controller.signal).then(
        (page) => setState({ query, items: page.items, nextCursor: page.nextCursor, loading: false, error: undefined }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ query, items: [], nextCursor: null, loading: false, error });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, attempt]);

  async function loadMore() {
    if (!state.nextCursor) return;
    setState((before) => ({ ...before, loading: true }));
    try {
      const page = await api.listContacts({ q: state.query, limit: PAGE_SIZE, cursor: state.nextCursor });
      setState((before) => ({
        ...before,
        items: [...before.items, ...page.items],
        nextCursor: page.nextCursor,
        loading: false,
      }));
    } catch (error) {
      setState((before) => ({ ...before, loading: false, error }));
    }
  }

  return { ...state, tooShort: query.length < MIN_LENGTH, retry: () => setAttempt((n) => n + 1), loadMore };
}
