import type { Contact, ContactSummary } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useReducer } from 'react';
import { useServices } from '../../shell/services';

// The leads of the review: summaries page by page (100 a page), then each lead's full record
// for source, last activity, staleness and the version the actions send as If-Match.
// The list endpoint returns summaries only, so the details come one request per lead, a few
// at a time, while the rows already show.

const PAGE_SIZE = 100;
const PARALLEL_DETAILS = 6;

export interface LeadsState {
  summaries: ContactSummary[];
  contacts: Readonly<Record<string, Contact>>;
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
}

type Action =
  | { type: 'loading' }
  | { type: 'page'; items: ContactSummary[]; nextCursor: string | null; append: boolean }
  | { type: 'failed'; error: unknown }
  | { type: 'contact'; contact: Contact }
  | { type: 'remove'; id: string };

const initial: LeadsState = { summaries: [], contacts: {}, nextCursor: null, loading: true, error: undefined };

function reduce(state: LeadsState, action: Action): LeadsState {
  switch (action.type) {
    case 'loading':
      return { ...state, loading: true, error: undefined };
    case 'page': {
      const summaries = action.append ? [...state.summaries, ...action.items] : action.items;
      return { ...state, summaries, nextCursor: action.nextCursor, loading: false };
    }
    case 'failed':
      return { ...state, loading: false, error: action.error };
    case 'contact': {
      const { contact } = action;
      const summaries = state.summaries.map((s) =>
        s.id === contact.id ? { ...s, displayName: contact.displayName, leadStatus: contact.lead?.status } : s,
      );
      return { ...state, summaries, contacts: { ...state.contacts, [contact.id]: contact } };
    }
    case 'remove': {
      const { [action.id]: _removed, ...contacts } = state.contacts;
      return { ...state, summaries: state.summaries.filter((s) => s.id !== action.id), contacts };
    }
  }
}

const stillLead = (contact: Contact) => contact.relationships.includes('lead') && !contact.archived;

export function useLeads() {
  const { api } = useServices();
  const [state, dispatch] = useReducer(reduce, initial);

  const loadDetails = useCallback(
    async (ids: readonly string[], signal?: AbortSignal) => {
      let next = 0;
      const worker = async () => {
        while (next < ids.length && !signal?.aborted) {
          const id = ids[next++] as string;
          // A lead whose details fail keeps its summary row; the actions then stay hidden.
          const contact = await api.getContact(id, signal).catch(() => undefined);
          if (contact && !signal?.aborted) dispatch({ type: 'contact', contact });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_DETAILS, ids.length) }, worker));
    },
    [api],
  );

  const loadPage = useCallback(
    async (cursor: string | null, signal?: AbortSignal) => {
      dispatch({ type: 'loading' });
      try {
        const page = await api.listContacts(
          { relationship: 'lead', limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          signal,
        );
        if (signal?.aborted) return;
        dispatch({ type: 'page', items: page.items, nextCursor: page.nextCursor, append: cursor !== null });
        await loadDetails(
          page.items.map((item) => item.id),
          signal,
        );
      } catch (error) {
        if (!signal?.aborted) dispatch({ type: 'failed', error });
      }
    },
    [api, loadDetails],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadPage(null, controller.signal);
    return () => controller.abort();
  }, [loadPage]);

  return {
    state,
    reload: () => loadPage(null),
    loadMore: () => loadPage(state.nextCursor),
    /** A changed contact: updated in place, or dropped when it is no longer an open lead. */
    update(contact: Contact) {
      dispatch(stillLead(contact) ? { type: 'contact', contact } : { type: 'remove', id: contact.id });
    },
    remove: (id: string) => dispatch({ type: 'remove', id }),
  };
}
