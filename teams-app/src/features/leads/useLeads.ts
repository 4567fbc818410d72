import { inLeadReview } from '@klarkonform/shared';
import { type Contact, type ContactSummary, type LeadReviewItem, primaryEmail } from '@klarkonform/shared/ui';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useServices } from '../../shell/services';

// The leads of the review, page by page (100 a page) from GET /leads, all or one owner's
// ("Meine Leads"): each lead's whole record (source, last activity, the version the actions send
// as If-Match) in one request per page. Only the answer to the latest request is shown: a slower
// answer for the previous owner, or a reload overtaken by another, never overwrites a newer one.

const PAGE_SIZE = 100;

function summaryOf(item: LeadReviewItem): ContactSummary {
  const { contact } = item;
  const email = primaryEmail(contact);
  return {
    id: contact.id,
    kind: contact.kind,
    displayName: contact.displayName,
    contactNumber: contact.contactNumber,
    relationships: contact.relationships,
    archived: contact.archived !== null,
    ...(email ? { email } : {}),
    ...(item.companyName ? { companyName: item.companyName } : {}),
    ...(contact.lead?.status ? { leadStatus: contact.lead.status } : {}),
  };
}

export interface LeadsState {
  summaries: ContactSummary[];
  contacts: Readonly<Record<string, Contact>>;
  /** Rows that left the review here (won, lost, archived): an undo brings them back as they were. */
  left: Readonly<Record<string, ContactSummary>>;
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

const initial: LeadsState = {
  summaries: [],
  contacts: {},
  left: {},
  nextCursor: null,
  loading: true,
  error: undefined,
};

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
      const known = state.summaries.some((s) => s.id === contact.id);
      const back = state.left[contact.id];
      const changed = (s: ContactSummary): ContactSummary => {
        const { leadStatus: _old, ...rest } = s;
        return {
          ...rest,
          displayName: contact.displayName,
          relationships: contact.relationships,
          archived: contact.archived !== null,
          ...(contact.lead?.status ? { leadStatus: contact.lead.status } : {}),
        };
      };
      const summaries = known
        ? state.summaries.map((s) => (s.id === contact.id ? changed(s) : s))
        : back
          ? [...state.summaries, changed(back)]
          : state.summaries;
      return { ...state, summaries, contacts: { ...state.contacts, [contact.id]: contact } };
    }
    case 'remove': {
      const { [action.id]: _removed, ...contacts } = state.contacts;
      const summary = state.summaries.find((s) => s.id === action.id);
      return {
        ...state,
        summaries: state.summaries.filter((s) => s.id !== action.id),
        contacts,
        left: summary ? { ...state.left, [action.id]: summary } : state.left,
      };
    }
  }
}

/** `owner`: "" for every lead, "me" for the signed-in user's own, or a user id. */
export function useLeads(owner = '') {
  const { api } = useServices();
  const [state, dispatch] = useReducer(reduce, initial);
  const latest = useRef(0);

  const loadPage = useCallback(
    async (cursor: string | null, signal?: AbortSignal) => {
      // A new first page supersedes everything before it; a next page only itself.
      const request = cursor === null ? ++latest.current : latest.current;
      const current = () => request === latest.current && !signal?.aborted;
      dispatch({ type: 'loading' });
      try {
        const page = await api.listLeads(
          { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(owner ? { owner } : {}) },
          signal,
        );
        if (!current()) return;
        dispatch({
          type: 'page',
          items: page.items.map(summaryOf),
          nextCursor: page.nextCursor,
          append: cursor !== null,
        });
        for (const item of page.items) dispatch({ type: 'contact', contact: item.contact });
      } catch (error) {
        if (current()) dispatch({ type: 'failed', error });
      }
    },
    [api, owner],
  );

  /**
   * A changed contact: updated in place; dropped when it is no longer an open lead (shared
   * inLeadReview: won, lost, archived); back when it left the list here and is open again.
   */
  const update = useCallback((contact: Contact) => {
    dispatch(inLeadReview(contact) ? { type: 'contact', contact } : { type: 'remove', id: contact.id });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void loadPage(null, controller.signal);
    return () => controller.abort();
  }, [loadPage]);

  return {
    state,
    reload: () => loadPage(null),
    loadMore: () => loadPage(state.nextCursor),
    update,
    remove: (id: string) => dispatch({ type: 'remove', id }),
  };
}
