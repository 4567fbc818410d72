import type { ContactListQuery, ExportFormat, ExportRequest, Relationship, VCardVersion } from '@klarkonform/shared';

/**
 * What to export: every active contact, those the export view's filters find (text,
 * relationship, tag, Betreuer — a user id or "me"), the search section's current query, or a
 * selection of contacts by id.
 */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'filter'; q?: string; relationship?: Relationship; tag?: string; owner?: string }
  | { kind: 'query'; query: Partial<ContactListQuery> }
  | { kind: 'ids'; ids: readonly string[] };

/**
 * The body of POST /exports: the filters trimmed and those left empty dropped (an empty filter
 * scope is everything); `vcardVersion` only with vCard.
 */
export function exportRequestOf(scope: ExportScope, format: ExportFormat, vcardVersion?: VCardVersion): ExportRequest {
  const request: ExportRequest = { format };
  if (format === 'vcard' && vcardVersion) request.vcardVersion = vcardVersion;
  if (scope.kind === 'ids') return { ...request, ids: [...scope.ids] };
  if (scope.kind === 'query') {
    // The list's filters without its paging (limit, cursor): the export takes all of them.
    const { q, kind, relationship, tag, role, leadStatus, owner, archived } = scope.query;
    const filters = { q, kind, relationship, tag, role, leadStatus, owner, archived };
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== '') Object.assign(request, { [key]: value });
    }
    return request;
  }
  if (scope.kind === 'filter') {
    const q = scope.q?.trim();
    const tag = scope.tag?.trim();
    if (q) request.q = q;
    if (scope.relationship) request.relationship = scope.relationship;
    if (tag) request.tag = tag;
    if (scope.owner) request.owner = scope.owner;
  }
  return request;
}
