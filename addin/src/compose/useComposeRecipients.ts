import { useCallback, useEffect, useState } from 'react';
import type { CardStore } from '../features/cards/card-store';
import { useCardStore } from '../features/cards/useCardStore';
import type { ComposeSurface } from '../office/mailbox-host';
import { distinctRecipients, type Recipient } from './recipients';

/** How long the pane waits after a recipients change before it reads them (typing adds one at a time). */
export const RECIPIENTS_DEBOUNCE_MS = 300;

export interface ComposeRecipientsState {
  /** Null until the first read. */
  recipients: Recipient[] | null;
  failed: boolean;
  retry: () => void;
}

/**
 * The distinct recipients of the message being written, kept current through RecipientsChanged
 * (debounced): added ones are loaded as cards — all new addresses in one request — and removed
 * ones drop out of the list at once.
 */
export function useComposeRecipients(
  surface: ComposeSurface,
  store: CardStore,
  userEmail: string | undefined,
): ComposeRecipientsState {
  useCardStore(store);
  const [recipients, setRecipients] = useState<Recipient[] | null>(null);
  const [failed, setFailed] = useState(false);

  const read = useCallback(async () => {
    try {
      const next = distinctRecipients(await surface.getRecipients(), userEmail);
      setRecipients(next);
      setFailed(false);
      if (next.length > 0) await store.load(next);
    } catch {
      setFailed(true);
    }
  }, [surface, store, userEmail]);

  useEffect(() => {
    void read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = surface.onRecipientsChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void read(), RECIPIENTS_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [surface, read]);

  const retry = useCallback(() => {
    if (recipients) void store.load(recipients, true);
    else void read();
  }, [recipients, store, read]);

  return { recipients, failed, retry };
}
