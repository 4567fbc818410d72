import { useCallback, useState } from 'react';
import type { FollowUp } from '../../follow-ups/follow-up.schema';
import { ApiError } from '../../http/api-client';
import { useApi } from '../api-context';
import { useUiText } from '../i18n/useUiText';

export interface FollowUpNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

export interface FollowUpCompletion {
  /** The follow-up being completed (its button waits). */
  completingId: string | undefined;
  /** What became of the last "Erledigt": done (now in the Kontakthistorie), changed meanwhile, failed. */
  notice: FollowUpNotice | undefined;
  /** Completes one from the version shown (If-Match); `onSettled` refreshes what shows it. */
  complete: (followUp: FollowUp) => void;
}

/**
 * "Erledigt" on the card's open follow-ups: PATCH state=done with the shown version, then the host
 * reloads the card (`onSettled`, after success and after a refusal alike: a 412/404 means the list
 * shown is out of date).
 */
export function useFollowUpCompletion(onSettled: () => void): FollowUpCompletion {
  const api = useApi();
  const { t } = useUiText();
  const [completingId, setCompletingId] = useState<string | undefined>();
  const [notice, setNotice] = useState<FollowUpNotice | undefined>();

  const complete = useCallback(
    (followUp: FollowUp) => {
      setCompletingId(followUp.id);
      setNotice(undefined);
      api.patchFollowUp(followUp.id, followUp.version, { state: 'done' }).then(
        () => {
          setNotice({ intent: 'success', text: t('followUp.done', { title: followUp.title }) });
          setCompletingId(undefined);
          onSettled();
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
          onSettled();
        },
      );
    },
    [api, t, onSettled],
  );

  return { completingId, notice, complete };
}
