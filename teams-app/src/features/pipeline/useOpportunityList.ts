import { localDate, type Opportunity } from '@klarkonform/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import { inDueBucket, type ListFilter, listQuery } from './list-filter';
import { opportunityApi } from './pipeline-api';

const PAGE_SIZE = 50;
/** Pages read at most for a bucket the API cannot filter (overdue, undated). */
const MAX_BUCKET_PAGES = 20;

interface ListState {
  items: Opportunity[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

const START: ListState = { items: [], nextCursor: null, loading: true, error: undefined };

/**
 * The opportunities of `filter`, a page at a time ("Weitere laden"). The forecast's overdue
 * and undated buckets are read from the open list and kept on this side, all pages (bounded).
 * A filter change drops answers still underway for the previous one.
 */
export function useOpportunityList(filter: ListFilter) {
  const { api } = useServices();
  const opportunities = useMemo(() => opportunityApi(api), [api]);
  const [state, setState] = useState<ListState>(START);
  const asked = useRef(0);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const query = { ...listQuery(filter), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
      if (!filter.due) return opportunities.listOpportunities(query);
      const due = filter.due;
      const day = localDate(new Date());
      const items: Opportunity[] = [];
      let next: string | null = cursor;
      for (let page = 0; page < MAX_BUCKET_PAGES; page++) {
        const answer = await opportunities.listOpportunities({ ...query, ...(next ? { cursor: next } : {}) });
        items.push(...answer.items.filter((item) => inDueBucket(item.expectedCloseDate, due, day)));
        next = answer.nextCursor;
        if (!next) break;
      }
      return { items, nextCursor: next };
    },
    [filter, opportunities],
  );

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = ++asked.current;
      setState((before) => ({ ...(cursor ? before : START), loading: true, error: undefined }));
      try {
        const page = await fetchPage(cursor);
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
    [fetchPage],
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
