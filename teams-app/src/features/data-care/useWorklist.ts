import {
  ApiError,
  type Contact,
  type Latest,
  type QualityFinding,
  useLatestRequests,
  type WorklistItem,
} from '@klarkonform/shared/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';
import { appendPage, pageWithRefreshes, type RowRefresh, summaryAfterSave, withRowRefreshed } from './worklist-model';

const PAGE_SIZE = 50;

/** A contact that left the list because its last finding was fixed. */
export interface FixedRow {
  id: string;
  name: string;
}

/**
 * The data-quality worklist (contacts with findings), 50 at a time. Rows are refreshed one by
 * one after a change (`refresh`), so a fixed contact leaves the list without a reload. Every
 * request is sequenced (LatestRequests): a reload outdates an earlier page, a row's refresh an
 * earlier refresh of that row, and a page never brings back what a later refresh changed.
 */
export function useWorklist() {
  const { api } = useServices();
  const requests = useLatestRequests();
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [fixed, setFixed] = useState<FixedRow | undefined>();
  // privacy:manage only: overdue data-subject requests (issue 15), from the first page.
  const [privacyOverdue, setPrivacyOverdue] = useState(0);
  const refreshes = useRef(new Map<string, RowRefresh>());
  const listed = useRef(items);
  listed.current = items;

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const outcome = await requests.run('page', (signal) => api.worklist(PAGE_SIZE, cursor, signal));
        if (!outcome.current) return;
        const page = pageWithRefreshes(outcome.value.items, outcome.ticket, refreshes.current);
        setItems((before) => (cursor ? appendPage(before, page) : page));
        setNextCursor(outcome.value.nextCursor);
        if (!cursor) setPrivacyOverdue(outcome.value.privacyOverdue?.count ?? 0);
        setLoading(false);
      } catch (err) {
        setError(err);
        setLoading(false);
      }
    },
    [api, requests],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  /**
   * Fetches the findings of `ids` again (the contact changed in the drawer, its company, the
   * row the drawer was opened from) and updates their rows; a row without findings leaves the
   * list and is reported in `fixed`. `changed` is the saved contact, for its row's name and facts.
   */
  const refresh = useCallback(
    async (ids: readonly string[], changed?: Contact) => {
      await Promise.all(
        [...new Set(ids)].map(async (id) => {
          let outcome: Latest<QualityFinding[]>;
          try {
            outcome = await requests.run(`row:${id}`, (signal) => api.contactQuality(id, signal));
          } catch (err) {
            // Gone meanwhile (merged away): nothing left to fix there. Ticket 0: older than any page.
            if (!(err instanceof ApiError && err.status === 404)) {
              setError(err);
              return;
            }
            outcome = { current: true, value: [], ticket: 0 };
          }
          if (!outcome.current) return;
          const row = listed.current.find((item) => item.contact.id === id);
          const contact = row && changed?.id === id ? summaryAfterSave(row.contact, changed) : undefined;
          const next: RowRefresh = { ticket: outcome.ticket, findings: outcome.value, contact };
          refreshes.current.set(id, next);
          setItems((before) => withRowRefreshed(before, id, next));
          if (row && outcome.value.length === 0) setFixed({ id, name: (contact ?? row.contact).displayName });
        }),
      );
    },
    [api, requests],
  );

  return {
    items,
    nextCursor,
    loading,
    error,
    fixed,
    privacyOverdue,
    dismissFixed: () => setFixed(undefined),
    reload: () => load(null),
    loadMore: () => load(nextCursor),
    refresh,
  };
}
