import { ApiError, type Contact, useLeadStatus } from '@klarkonform/shared/ui';
import { useCallback, useState } from 'react';
import { useServices } from '../../shell/services';
import type { useLeads } from './useLeads';

export interface LeadRowState {
  busy?: boolean;
  /** 412/409: someone else changed the lead since it was loaded. */
  conflict?: boolean;
  error?: unknown;
}

// The review's actions: the shared lead state machine (useLeadStatus: the same confirm and
// reason dialogs and the same "Rückgängig" as the editor's status field), with the version the
// user saw (If-Match). A lead changed by someone else in the meantime answers 412 and its row
// offers to reload it. Every changed contact updates the list: a won, lost or archived lead
// leaves it, an undone one comes back.
export function useLeadActions(leads: ReturnType<typeof useLeads>) {
  const { api } = useServices();
  const { update } = leads;
  const status = useLeadStatus(useCallback((contacts: readonly Contact[]) => contacts.forEach(update), [update]));
  const [reload, setReload] = useState<{ id: string; busy?: boolean; error?: unknown } | undefined>();

  const rows: Record<string, LeadRowState> = {};
  if (status.busyId) rows[status.busyId] = { busy: true };
  if (status.failure) {
    const { id, error } = status.failure;
    rows[id] = error instanceof ApiError && error.isConflict ? { conflict: true } : { error };
  }
  if (reload) rows[reload.id] = reload.busy ? { busy: true } : { error: reload.error };

  return {
    rows,
    request: status.request,
    dialog: status.dialog,
    notice: status.notice,
    dismissNotice: status.dismissNotice,
    dismissError: (id: string) => {
      if (status.failure?.id === id) status.dismissFailure();
      if (reload?.id === id) setReload(undefined);
    },
    reload: async (id: string) => {
      status.dismissFailure();
      setReload({ id, busy: true });
      try {
        update(await api.getContact(id));
        setReload(undefined);
      } catch (error) {
        setReload({ id, error });
      }
    },
  };
}
