import { ApiError, type FollowUp, type FollowUpListItem, useUiText } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

/** What the list says after an action: done, or changed by someone else meanwhile. */
export interface FollowUpsNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

export interface FollowUpsState {
  items: FollowUpListItem[];
  today: string | undefined;
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

const PAGE = 200;

/**
 * "Meine Wiedervorlagen" of `assignee` (me, a user id, all): open follow-ups with their due
 * bucket (the API decides today, in Berlin), more by "Weitere laden", and "Erledigt" with the
 * version shown (If-Match); one that changed meanwhile reloads the list.
 */
export function useFollowUps(assignee: string) {
  const { api } = useServices();
  const { t } = useUiText();
  const [state, setState] = useState<FollowUpsState>({
    items: [],
    today: undefined,
    nextCursor: null,
    loading: true,
    error: undefined,
  });
  const [completingId, setCompletingId] = useState<string | undefined>();
  const [notice, setNotice] = useState<FollowUpsNotice | undefined>();
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh first page
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    api.followUps({ assignee, limit: PAGE }, controller.signal).then(
      (page) =>
        setState({
          items: page.items,
          today: page.today,
          nextCursor: page.nextCursor,
          loading: false,
          error: undefined,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, error }));
      },
    );
    return () => controller.abort();
  }, [api, assignee, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    setState((s) => ({ ...s, loading: true }));
    api.followUps({ assignee, limit: PAGE, cursor }).then(
      (page) =>
        setState((s) => ({ ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, loading: false })),
      (error: unknown) => setState((s) => ({ ...s, loading: false, error })),
    );
  }, [api, assignee, state.nextCursor]);

  const complete = useCallback(
    (followUp: FollowUp) => {
      setCompletingId(followUp.id);
      setNotice(undefined);
      api.patchFollowUp(followUp.id, followUp.version, { state: 'done' }).then(
        () => {
          setState((s) => ({ ...s, items: s.items.filter((f) => f.id !== followUp.id) }));
          setNotice({ intent: 'success', text: t('followUp.done', { title: followUp.title }) });
          setCompletingId(undefined);
        },
        (err: unknown) => {
          const stale = err instanceof ApiError && (err.status === 412 || err.status === 404);
          setNotice(
            stale
              ? { intent: 'warning', text: t('followUp.stale') }
              : {
                  intent: 'error',
                  text: t('followUp.failed', { message: err instanceof Error ? err.message : String(err) }),
                },
          );
          setCompletingId(undefined);
          if (stale) reload();
        },
      );
    },
    [api, t, reload],
  );

  return { state, completingId, notice, reload, loadMore, complete };
}
