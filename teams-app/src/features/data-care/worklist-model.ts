import {
  type Contact,
  type ContactSummary,
  primaryEmail,
  type QualityFinding,
  type WorklistItem,
} from '@klarkonform/shared/ui';

// The worklist in the tab: pages of the API's worklist, and rows refreshed one by one after a
// fix. Pure, so the ordering rules are easy to follow: a row's refresh that started after a
// page was requested wins over that page's copy of the row.

/** The findings of one contact as last refreshed here, and when that refresh started. */
export interface RowRefresh {
  /** The LatestRequests ticket of the refresh. */
  ticket: number;
  findings: readonly QualityFinding[];
  /** The contact's summary after the change, when the change came with the contact. */
  contact?: ContactSummary | undefined;
}

/** A row with `refresh` applied: gone when no findings are left. */
function refreshed(item: WorklistItem, refresh: RowRefresh): WorklistItem | undefined {
  if (refresh.findings.length === 0) return undefined;
  return { contact: refresh.contact ?? item.contact, findings: [...refresh.findings] };
}

/**
 * A page as requested with `ticket`, with the rows refreshed after that request laid over it
 * (an older page must not bring back a row that was fixed meanwhile, nor its old findings).
 */
export function pageWithRefreshes(
  items: readonly WorklistItem[],
  ticket: number,
  refreshes: ReadonlyMap<string, RowRefresh>,
): WorklistItem[] {
  return items.flatMap((item) => {
    const refresh = refreshes.get(item.contact.id);
    if (!refresh || refresh.ticket < ticket) return [item];
    const next = refreshed(item, refresh);
    return next ? [next] : [];
  });
}

/** Appends a further page, leaving out contacts already listed. */
export function appendPage(items: readonly WorklistItem[], page: readonly WorklistItem[]): WorklistItem[] {
  const listed = new Set(items.map((item) => item.contact.id));
  return [...items, ...page.filter((item) => !listed.has(item.contact.id))];
}

/** The list with one row refreshed: updated in place, or removed when no findings are left. */
export function withRowRefreshed(items: readonly WorklistItem[], id: string, refresh: RowRefresh): WorklistItem[] {
  return items.flatMap((item) => {
    if (item.contact.id !== id) return [item];
    const next = refreshed(item, refresh);
    return next ? [next] : [];
  });
}

/** The list row of `before` after `contact` was saved (the company name stays: it is not on a contact). */
export function summaryAfterSave(before: ContactSummary, contact: Contact): ContactSummary {
  const { email: _email, leadStatus: _status, ownerId: _owner, ...rest } = before;
  const email = primaryEmail(contact);
  return {
    ...rest,
    displayName: contact.displayName,
    relationships: contact.relationships,
    archived: contact.archived !== null,
    ...(email ? { email } : {}),
    ...(contact.ownerId ? { ownerId: contact.ownerId } : {}),
    ...(contact.lead?.status ? { leadStatus: contact.lead.status } : {}),
  };
}
