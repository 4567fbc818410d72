import { ApiError, type Contact, useUiText } from '@klarkonform/shared/ui';
import { useState } from 'react';
import { useTabText } from '../../i18n/useTabText';
import { useServices } from '../../shell/services';
import { convertPatch, qualifyPatch } from './lead-model';
import type { useLeads } from './useLeads';

export type LeadAction = 'qualify' | 'convert' | 'archive' | 'reload';

export interface LeadRowState {
  busy?: LeadAction;
  /** 412: someone else changed the lead since it was loaded. */
  conflict?: boolean;
  error?: unknown;
}

// The review's actions. Changes carry the version the user saw (If-Match), so a lead changed
// by someone else in the meantime answers 412 and the row offers to reload it.
export function useLeadActions(leads: ReturnType<typeof useLeads>) {
  const { api } = useServices();
  const { tt } = useTabText();
  const { date } = useUiText();
  const [rows, setRows] = useState<Readonly<Record<string, LeadRowState>>>({});
  const [notice, setNotice] = useState<string | undefined>();

  const setRow = (id: string, row: LeadRowState | undefined) =>
    setRows((before) => {
      const { [id]: _old, ...rest } = before;
      return row ? { ...rest, [id]: row } : rest;
    });

  async function attempt(id: string, action: LeadAction, work: () => Promise<string | undefined>) {
    setRow(id, { busy: action });
    setNotice(undefined);
    try {
      const message = await work();
      setRow(id, undefined);
      if (message) setNotice(message);
    } catch (error) {
      setRow(id, error instanceof ApiError && error.isConflict ? { conflict: true } : { error });
    }
  }

  const name = (contact: Contact) => ({ name: contact.displayName });

  return {
    rows,
    notice,
    dismissNotice: () => setNotice(undefined),
    dismissError: (id: string) => setRow(id, undefined),
    qualify: (contact: Contact) =>
      attempt(contact.id, 'qualify', async () => {
        leads.update(await api.patchContact(contact.id, contact.version, qualifyPatch(contact)));
        return tt('leads.qualified', name(contact));
      }),
    convert: (contact: Contact) =>
      attempt(contact.id, 'convert', async () => {
        const saved = await api.patchContact(contact.id, contact.version, convertPatch(contact));
        leads.update(saved);
        return tt('leads.converted', { ...name(contact), date: date(saved.customerSince) });
      }),
    archive: (contact: Contact, reason: string) =>
      attempt(contact.id, 'archive', async () => {
        leads.update(await api.archiveContact(contact.id, reason));
        return tt('leads.archived', name(contact));
      }),
    reload: (id: string) =>
      attempt(id, 'reload', async () => {
        leads.update(await api.getContact(id));
        return undefined;
      }),
  };
}
