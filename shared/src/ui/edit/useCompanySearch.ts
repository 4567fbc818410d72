import { useEffect, useState } from 'react';
import type { ContactSummary } from '../../contacts/contact.schema';
import { useApi } from '../api-context';

/** How long typing must pause before the search runs (ms). */
export const COMPANY_SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;
const RESULTS = 8;

export interface CompanySearch {
  /** What was searched for (trimmed); results belong to it. */
  query: string;
  status: 'idle' | 'searching' | 'done' | 'failed';
  items: ContactSummary[];
}

const IDLE: CompanySearch = { query: '', status: 'idle', items: [] };

/**
 * Companies whose name matches `text` (GET /contacts?kind=company&q=…), searched once typing
 * pauses. Each new text aborts the search before it, and only the answer for the current text
 * is kept, so a slower earlier answer never replaces a newer one.
 */
export function useCompanySearch(text: string): CompanySearch {
  const api = useApi();
  const [search, setSearch] = useState<CompanySearch>(IDLE);
  const query = text.trim();
  useEffect(() => {
    if (query.length < MIN_QUERY) {
      setSearch(IDLE);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearch((current) => ({ query, status: 'searching', items: current.items }));
      api.listContacts({ kind: 'company', q: query, limit: RESULTS }, controller.signal).then(
        (page) => {
          if (!controller.signal.aborted) setSearch({ query, status: 'done', items: page.items });
        },
        () => {
          if (!controller.signal.aborted) setSearch({ query, status: 'failed', items: [] });
        },
      );
    }, COMPANY_SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query]);
  return search;
}
