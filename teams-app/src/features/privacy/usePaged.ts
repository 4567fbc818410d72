import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a cursor-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export interface Paged<T, P extends Page<T>> {
  /** The items loaded so far (first page + "Weitere laden"). */
  items: T[];
  /** The last page's answer (its counts); undefined until the first page is there. */
  last: P | undefined;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A cursor-paged list: the first page on mount and whenever `key` changes (a newer load aborts
 * the older one), more pages on request.
 */
export function usePaged<T, P extends Page<T>>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  key: string,
): Paged<T, P> {
  const [items, setItems] = useState<T[]>([]);
  const [last, setLast] = useState<P | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const controller = useRef<AbortController | undefined>(undefined);

  const fetchPage = useCallback(async (cursor: string | undefined) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(true);
    setError(undefined);
    try {
      const page = await loader.current(cursor, current.signal);
      if (current.signal.aborted) return;
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setLast(page);
    } catch (failure) {
      if (!current.signal.aborted) setError(failure);
    } finally {
      if (!current.signal.aborted) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and round are the reasons to load again
  useEffect(() => {
    void fetchPage(undefined);
    return () => controller.current?.abort();
  }, [fetchPage, key, round]);

  return {
    items,
    last,
    loading,
    error,
    hasMore: last?.nextCursor !== undefined,
    loadMore: () => void fetchPage(last?.nextCursor),
    reload: () => setRound((n) => n + 1),
  };
}
