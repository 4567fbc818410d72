import { useCallback, useEffect, useRef, useState } from 'react';
import type { Activity } from '../../activities/activity.schema';
import { useApi } from '../api-context';

const PAGE_SIZE = 20;

export interface TimelineState {
  items: Activity[];
  loading: boolean;
  failed: boolean;
  hasMore: boolean;
  more: () => void;
  /** Reads the first page again (after an entry was added). */
  reload: () => void;
}

/**
 * The timeline of `contactId` page by page (20 each) through the API client of ApiContext. A
 * contact switch or a reload drops answers still under way for the earlier state.
 */
export function useTimeline(contactId: string): TimelineState {
  const api = useApi();
  const [items, setItems] = useState<Activity[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const generation = useRef(0);

  const load = useCallback(
    (after: string | null) => {
      const mine = ++generation.current;
      setLoading(true);
      setFailed(false);
      api.timeline(contactId, after, PAGE_SIZE).then(
        (page) => {
          if (mine !== generation.current) return;
          setItems((shown) =>
            after ? [...shown, ...page.items.filter((a) => !shown.some((s) => s.id === a.id))] : page.items,
          );
          setCursor(page.nextCursor);
          setLoading(false);
        },
        () => {
          if (mine !== generation.current) return;
          setFailed(true);
          setLoading(false);
        },
      );
    },
    [api, contactId],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    load(null);
    return () => {
      generation.current++;
    };
  }, [load]);

  return {
    items,
    loading,
    failed,
    hasMore: cursor !== null,
    more: () => load(cursor),
    reload: () => load(null),
  };
}
