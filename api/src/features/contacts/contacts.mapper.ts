import {
  type Contact,
  displayName,
  foldName,
  letterSalutation,
  localDate,
  primaryEmail,
  type SearchKeys,
  searchKeys,
  type SyncStatus,
} from '@klarkonform/shared';
import { needsReshape, reshapeContact } from './contact-reshape.rules';
import type { ContactDoc, SearchKeysDoc } from './contacts.model';
import { LOOKUP_FIELDS, type LookupKeys, lookupKeys } from './lookup-keys.rules';

// Between the stored document and the API's Contact: server-only fields
// (tenant, lookup fields, idempotency) stay inside; derived texts and keys
// are recomputed from the fields on every write, never edited directly.
// (`keys` is the stored search keys of earlier versions: never shown, dropped
// by the next write.)

const SERVER_ONLY = new Set<string>([
  '_id',
  'tenantId',
  'keys',
  'idempotencyKey',
  'requestHash',
  'pendingAudit',
  ...LOOKUP_FIELDS,
]);

export type ContactFields = Record<string, unknown> & { kind: 'company' | 'person' };

export function toContact(doc: ContactDoc): Contact {
  const out: Record<string, unknown> = { id: String(doc._id) };
  for (const [key, value] of Object.entries(fieldsOf(doc))) {
    if (value !== null) out[key] = value;
  }
  out.archived = doc.archived ?? null;
  // Derived on read as well: a contact stored under an older salutation rule (issue 14 changed the
  // unknown salutation to "Sehr geehrte Damen und Herren") shows the current one before its next write.
  if (out.kind === 'person' && typeof out.lastName === 'string') {
    out.letterSalutation = letterSalutation(out as never, 'de');
  }
  return out as unknown as Contact;
}

/**
 * The stored document's API fields, without identity and server-only fields. A contact stored in
 * an earlier shape and not yet migrated (the start-up migration runs in the background) is read
 * in the current one (contact-reshape.rules.ts), and its next write stores it so.
 */
export function fieldsOf(doc: ContactDoc): ContactFields {
  const fields = storedFieldsOf(doc);
  return needsReshape(fields) ? reshapeContact(fields, localDate(new Date()), () => reshapeEntryId(doc)) : fields;
}

/** The stored document's API fields exactly as stored (the start-up migration reads these). */
export function storedFieldsOf(doc: ContactDoc): ContactFields {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!SERVER_ONLY.has(key) && value !== undefined) out[key] = value;
  }
  return out as ContactFields;
}

/** The id of the history entry a reshape adds, the same on every read of one stored version. */
function reshapeEntryId(doc: ContactDoc): string {
  const id = String(doc._id);
  return `${id.slice(0, 16)}${(doc.version >>> 0).toString(16).padStart(8, '0')}`.slice(0, 24);
}

function syncStatusOf(fields: ContactFields): SyncStatus {
  const hasEmail = primaryEmail(fields as never) !== undefined;
  // The Microsoft 365 mirror picks up contacts with an address; until it has, they wait.
  if (!hasEmail) return 'noEmail';
  return fields.syncStatus === 'synced' || fields.syncStatus === 'error' || fields.syncStatus === 'disabled'
    ? (fields.syncStatus as SyncStatus)
    : 'pending';
}

/** The search keys of a stored contact, for the duplicate rules (they are derived, not stored). */
export function searchKeysOf(doc: ContactDoc): SearchKeys {
  return searchKeys(fieldsOf(doc) as never);
}

/**
 * Recomputes what is derived from the fields: texts, sync status, the search keys (for the
 * duplicate rules; not stored) and the lookup fields (stored and indexed).
 */
export function derive(fields: ContactFields): { fields: ContactFields; keys: SearchKeysDoc; lookup: LookupKeys } {
  const next: ContactFields = { ...fields };
  next.displayName = displayName(next as never);
  next.letterSalutation = letterSalutation(next as never, 'de');
  next.syncStatus = syncStatusOf(next);
  const sortName = foldName(
    String(next.kind === 'person' ? `${next.lastName ?? ''} ${next.firstName ?? ''}` : (next.name ?? '')),
  );
  const keys = { ...searchKeys(next as never), sortName };
  const lookup = lookupKeys(keys, {
    kind: next.kind,
    leadStatus: (next.lead as { status?: string } | undefined)?.status,
    archived: Boolean(next.archived),
    relationships: next.relationships as string[] | undefined,
    companyId: next.companyId as string | undefined,
    ownerId: next.ownerId as string | undefined,
  });
  return { fields: next, keys, lookup };
}
