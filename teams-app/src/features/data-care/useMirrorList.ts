import { type MirrorContactItem, type MirrorList, useLatestRequests } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

/**
 * One of the mirror's data-care lists (GET /mirror/contacts?list=error|review), a page at a time.
 * `seen` turns true once the list had contacts: the section shows from then on (a tenant that
 * does not use the mirror sees no empty sections), and says so when its last row left.
 */
export function useMirrorList(list: MirrorList, enabled: boolean) {
  const { api } = useServices();
  const requests = useLatestRequests();
  const [items, setItems] = useState<MirrorContactItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>();
  const [seen, setSeen] = useState(false);

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const outcome = await requests.run('page', (signal) => api.mirrorContacts(list, cursor, signal));
        if (!outcome.current) return;
        const page = outcome.value;
        setItems((before) => {
          if (!cursor) return page.items;
          const listed = new Set(before.map((item) => item.contact.id));
          return [...before, ...page.items.filter((item) => !listed.has(item.contact.id))];
        });
        setNextCursor(page.nextCursor);
        if (page.items.length > 0) setSeen(true);
      } catch (err) {
        setError(err);
      }
      setLoading(false);
    },
    [api, list, requests],
  );

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  return {
    items,
    nextCursor,
    loading,
    error,
    seen,
    reload: () => load(),
    loadMore: () => load(nextCursor),
    /** Takes a contact off the list (it was marked reviewed). */
    remove: (contactId: string) => setItems((before) => before.filter((item) => item.contact.id !== contactId)),
  };
}

export type MirrorListState = ReturnType<typeof useMirrorList>;
