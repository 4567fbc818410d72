import { ApiError, type PrivacyContactState } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';

export interface PrivacyContact {
  state: PrivacyContactState | undefined;
  /** The contact is gone (erased here or elsewhere: 404). */
  gone: boolean;
  loadError: unknown;
  reload: () => void;
  /** An action's answer (the new state) replaces the shown one. */
  show: (state: PrivacyContactState) => void;
}

/** GET /privacy/contacts/:id — restriction, legal hold, requests and the erasure preview of one contact. */
export function usePrivacyContact(contactId: string): PrivacyContact {
  const { api } = useServices();
  const [state, setState] = useState<PrivacyContactState | undefined>();
  const [gone, setGone] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the reason to load again
  useEffect(() => {
    const controller = new AbortController();
    api.privacyContact(contactId, controller.signal).then(
      (next) => {
        setState(next);
        setLoadError(undefined);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setGone(true);
        else setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [api, contactId, round]);

  return {
    state,
    gone,
    loadError,
    reload: useCallback(() => setRound((n) => n + 1), []),
    show: setState,
  };
}
