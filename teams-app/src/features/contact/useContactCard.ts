import { type Contact, primaryEmail, type SenderCard, useLatestRequests } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../shell/services';
import { type ContactTarget, loadCard } from './load-card';

export interface ContactCardState {
  card: SenderCard | undefined;
  error: unknown;
  /** A load after a change is on its way: the card shows the saved contact, its findings follow. */
  refreshing: boolean;
  /** Loads the card again (the retry after an error). */
  reload: () => void;
  /**
   * A change saved here: the card shows `contact` at once (badges, facts), drops findings that
   * may no longer hold, and loads the card again for the findings and everything derived.
   */
  showSaved: (contact: Contact) => void;
}

/**
 * The card of `target`, loaded again when the target changes. Loads are sequenced: a slower
 * earlier answer (the first load, or the load after an earlier save) never replaces a newer one.
 */
export function useContactCard(target: ContactTarget): ContactCardState {
  const { api } = useServices();
  const requests = useLatestRequests();
  const { id, email } = target;
  const [card, setCard] = useState<SenderCard | undefined>();
  const [error, setError] = useState<unknown>();
  const [refreshing, setRefreshing] = useState(false);

  const load = useCallback(
    async (address: string | undefined) => {
      setError(undefined);
      try {
        const outcome = await requests.run('card', (signal) => loadCard(api, { id, email: address }, signal));
        if (!outcome.current) return;
        setCard(outcome.value);
        setRefreshing(false);
      } catch (err) {
        // Only the newest load reports (LatestRequests): its failure is this card's failure.
        setError(err);
        setRefreshing(false);
      }
    },
    [api, requests, id],
  );

  useEffect(() => {
    setCard(undefined);
    setRefreshing(false);
    void load(email);
  }, [load, email]);

  const reload = useCallback(() => void load(email), [load, email]);

  const showSaved = useCallback(
    (contact: Contact) => {
      if (contact.id !== id) return;
      setCard((current) => {
        const { quality: _stale, ...rest } = current ?? { email: '', status: 'known' as const };
        return { ...rest, contact };
      });
      setRefreshing(true);
      // The saved address: a contact that just got one (or another) is looked up by it.
      void load(primaryEmail(contact) ?? email);
    },
    [id, email, load],
  );

  return { card, error, refreshing, reload, showSaved };
}
