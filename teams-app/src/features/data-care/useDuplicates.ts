import { useCallback, useEffect, useState } from 'react';
import type { DuplicateGroup } from '@klarkonform/shared/ui';
import { useServices } from '../../shell/services';

const groupKey = (group: DuplicateGroup) => group.contacts.map((contact) => contact.id).join('+');

// The tenant's duplicate groups, and merging one group into the contact the user keeps.
export function useDuplicates() {
  const { api } = useServices();
  const [groups, setGroups] = useState<DuplicateGroup[] | undefined>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (isActive: () => boolean = () => true) => {
      setError(undefined);
      try {
        const value = await api.duplicateGroups();
        if (isActive()) setGroups(value);
      } catch (err) {
        if (isActive()) setError(err);
      }
    },
    [api],
  );

  useEffect(() => {
    let active = true;
    void load(() => active);
    return () => {
      active = false;
    };
  }, [load]);

  // One merge per duplicate, in turn: each moves the duplicate's people to the survivor.
  async function merge(group: DuplicateGroup, survivorId: string): Promise<void> {
    for (const contact of group.contacts) {
      if (contact.id !== survivorId) await api.merge(survivorId, contact.id);
    }
    setGroups((before) => before?.filter((g) => groupKey(g) !== groupKey(group)));
  }

  return { groups, error, reload: () => load(), merge, groupKey };
}
