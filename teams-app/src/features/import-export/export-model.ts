import type { ExportFormat, ExportRequest, Relationship, VCardVersion } from '@klarkonform/shared';

/**
 * What to export: every active contact, or those the search's filters find (text, relationship,
 * tag, Betreuer — a user id or "me"), or a selection of contacts by id.
 */
export type ExportScope =
  | { kind: 'all' }
  | { kind: 'filter'; q?: string; relationship?: Relationship; tag?: string; owner?: string }
  | { kind: 'ids'; ids: readonly string[] };

/**
 * The body of POST /exports: the filters trimmed and those left empty dropped (an empty filter
 * scope is everything); `vcardVersion` only with vCard.
 */
export function exportRequestOf(scope: ExportScope, format: ExportFormat, vcardVersion?: VCardVersion): ExportRequest {
  const request: ExportRequest = { format };
  if (format === 'vcard' && vcardVersion) request.vcardVersion = vcardVersion;
  if (scope.kind === 'ids') return { ...request, ids: [...scope.ids] };
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
