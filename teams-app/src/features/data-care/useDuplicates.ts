import { type DuplicateGroup, useLatestRequests } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../shell/services';

const groupKey = (group: DuplicateGroup) => group.contacts.map((contact) => contact.id).join('+');

/** The groups without those holding a contact merged away here. */
const withoutMerged = (groups: readonly DuplicateGroup[], away: ReadonlySet<string>) =>
  groups.filter((group) => !group.contacts.some((contact) => away.has(contact.id)));

/**
 * The tenant's duplicate groups, and merging one group into the contact the user keeps. Loads
 * are sequenced (LatestRequests): a retry outdates a slower earlier load. A load that started
 * before a merge never brings back a group with a contact merged away meanwhile.
 */
export function useDuplicates() {
  const { api } = useServices();
  const requests = useLatestRequests();
  const [groups, setGroups] = useState<DuplicateGroup[] | undefined>();
  const [error, setError] = useState<unknown>();
  const mergedAway = useRef(new Set<string>());

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const outcome = await requests.run('groups', (signal) => api.duplicateGroups(signal));
      if (outcome.current) setGroups(withoutMerged(outcome.value, mergedAway.current));
    } catch (err) {
      setError(err);
    }
  }, [api, requests]);

  useEffect(() => {
    void load();
  }, [load]);

  // One merge per duplicate, in turn: each moves the duplicate's people to the survivor.
  async function merge(group: DuplicateGroup, survivorId: string): Promise<void> {
    for (const contact of group.contacts) {
      if (contact.id === survivorId) continue;
      await api.merge(survivorId, contact.id);
      mergedAway.current.add(contact.id);
    }
    setGroups((before) => before && withoutMerged(before, mergedAway.current));
  }

  return { groups, error, reload: load, merge, groupKey };
}
