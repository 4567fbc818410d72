import { useCallback, useEffect, useState } from 'react';
import type { WorklistItem } from '@klarkonform/shared/ui';
import { useServices } from '../../shell/services';

const PAGE_SIZE = 50;

// The data-quality worklist (contacts with findings), 50 at a time.
export function useWorklist() {
  const { api } = useServices();
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (cursor: string | null, isActive: () => boolean = () => true) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.worklist(PAGE_SIZE, cursor);
        if (!isActive()) return;
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (err) {
        if (isActive()) setError(err);
      } finally {
        if (isActive()) setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    let active = true;
    void load(null, () => active);
    return () => {
      active = false;
    };
  }, [load]);

  return { items, nextCursor, loading, error, reload: () => load(null), loadMore: () => load(nextCursor) };
}
