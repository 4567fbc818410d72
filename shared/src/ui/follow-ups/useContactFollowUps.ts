import { useCallback, useEffect, useState } from 'react';
import type { FollowUp } from '../../follow-ups/follow-up.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import { useUiText } from '../i18n/useUiText';

export interface FollowUpNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

export interface ContactFollowUps {
  /** The open follow-ups, by due day; undefined until loaded. */
  followUps: FollowUp[] | undefined;
  completingId: string | undefined;
  notice: FollowUpNotice | undefined;
  /** Completes one from the version shown (If-Match); a stale one reloads the list. */
  complete: (followUp: FollowUp) => void;
}

/**
 * A contact's open follow-ups (GET /contacts/:id/follow-ups?state=open), read after the card,
 * again when `generation` changes (a follow-up was created), and "Erledigt" for each.
 */
export function useContactFollowUps(contactId: string, generation = 0): ContactFollowUps {
  const api = useApi();
  const { t } = useUiText();
  const [followUps, setFollowUps] = useState<FollowUp[] | undefined>();
  const [completingId, setCompletingId] = useState<string | undefined>();
  const [notice, setNotice] = useState<FollowUpNotice | undefined>();
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation and reloads ask for a fresh read
  useEffect(() => {
    const controller = new AbortController();
    api.contactFollowUps(contactId, 'open', controller.signal).then(setFollowUps, () => {
      if (!controller.signal.aborted) setFollowUps((shown) => shown ?? []);
    });
    return () => controller.abort();
  }, [api, contactId, generation, reloads]);

  const complete = useCallback(
    (followUp: FollowUp) => {
      setCompletingId(followUp.id);
      setNotice(undefined);
      api.patchFollowUp(followUp.id, followUp.version, { state: 'done' }).then(
        () => {
          setFollowUps((shown) => shown?.filter((f) => f.id !== followUp.id));
          setNotice({ intent: 'success', text: t('followUp.done', { title: followUp.title }) });
          setCompletingId(undefined);
          setReloads((n) => n + 1);
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
          setReloads((n) => n + 1);
        },
      );
    },
    [api, t],
  );

  return { followUps, completingId, notice, complete };
}
