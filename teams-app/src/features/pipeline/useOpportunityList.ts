import type { Opportunity } from '@klarkonform/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import { type ListFilter, listQuery } from './list-filter';

const PAGE_SIZE = 50;

interface ListState {
  items: Opportunity[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

const START: ListState = { items: [], nextCursor: null, loading: true, error: undefined };

/**
 * The opportunities of `filter` (GET /opportunities), a page at a time ("Weitere laden"). A
 * filter change drops answers still underway for the previous one.
 */
export function useOpportunityList(filter: ListFilter) {
  const { api } = useServices();
  const [state, setState] = useState<ListState>(START);
  const asked = useRef(0);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = ++asked.current;
      setState((before) => ({ ...(cursor ? before : START), loading: true, error: undefined }));
      try {
        const page = await api.listOpportunities({
          ...listQuery(filter),
          limit: PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
        });
        if (mine !== asked.current) return;
        setState((before) => ({
          items: cursor ? [...before.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: undefined,
        }));
      } catch (error) {
        if (mine === asked.current) setState((before) => ({ ...before, loading: false, error }));
      }
    },
    [api, filter],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const update = useCallback((changed: Opportunity) => {
    setState((before) => ({
      ...before,
      items: before.items.map((item) => (item.id === changed.id ? changed : item)),
    }));
  }, []);

  return {
    ...state,
    reload: () => load(null),
    loadMore: () => (state.nextCursor ? load(state.nextCursor) : Promise.resolve()),
    update,
  };
}
