import type { ContactKind, ContactListQuery, LeadStatus, Relationship, Role } from '@klarkonform/shared';

// The search view's filters and what it asks the API for: the list filters of
// GET /api/v1/contacts (kind, relationship, tag, role, lead status, owner) with or without a
// search text. Filters alone list the filtered contacts; a text needs MIN_SEARCH_LENGTH characters.

/** Fewest characters of a search text that are searched for. */
export const MIN_SEARCH_LENGTH = 2;

/** The chosen filters; absent means "Alle". `owner` is a user id or "me" ("Meine Kontakte"). */
export interface SearchFilters {
  kind?: ContactKind;
  relationship?: Relationship;
  role?: Role;
  leadStatus?: LeadStatus;
  tag?: string;
  owner?: string;
}

/** The filters with those set to "" (a select's "Alle", an empty tag) left out. */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text !== '') out[key] = text;
  }
  return out as SearchFilters;
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.keys(cleanFilters(filters)).length > 0;
}

/** Whether a text was typed that is too short to search for. */
export function isTooShort(text: string): boolean {
  const length = text.trim().length;
  return length > 0 && length < MIN_SEARCH_LENGTH;
}

/**
 * The list query for a text and filters, or null when there is nothing to ask: no text and no
 * filter, or a text too short to search for.
 */
export function searchListQuery(text: string, filters: SearchFilters, limit: number): Partial<ContactListQuery> | null {
  const q = text.trim();
  if (isTooShort(q)) return null;
  const chosen = cleanFilters(filters);
  if (q === '' && Object.keys(chosen).length === 0) return null;
  return { ...(q ? { q } : {}), ...chosen, limit };
}
