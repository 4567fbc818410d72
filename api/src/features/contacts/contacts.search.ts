import type { ContactListPage, ContactListQuery, ContactSummary } from '@klarkonform/shared';
import { searchQuery, toContactSummary } from '@klarkonform/shared';
import { fieldProblems } from '../../infra/http-error';
import type { ContactDoc } from './contacts.model';
import { toContact } from './contacts.mapper';
import { bySortName, type ContactFilter, type ContactsRepository, idValue } from './contacts.repository';
import { LIST_BUCKETS, type ListState, listBucket, MAX_NAME_PREFIX } from './lookup-keys.rules';

// Contact search and filtering with keyset pagination on (sortName, _id).
// Every search reads one stored lookup field by equality (QUERY-RULES.md):
// alternatives run as parallel queries; a list without any such key reads
// the list buckets (first letters) one after another until the page is full.

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name-word condition: the stored prefix by equality, the full word checked on longer input. */
function nameWord(token: string): ContactFilter[] {
  const stored: ContactFilter = { namePrefixes: token.slice(0, MAX_NAME_PREFIX) };
  if (token.length <= MAX_NAME_PREFIX) return [stored];
  // The sort name holds every folded word of the name ("mueller luedenscheidt anna"); a space may
  // fall anywhere in a word typed joined ("muellerluedenscheidtanna" is "mueller luedenscheidt…").
  const spaced = [...token].map(escapeRegex).join(' ?');
  return [stored, { sortName: { $regex: `(^| )${spaced}` } }];
}

/** Contacts with every word of a reading: the longest leads (most selective), the rest narrow. */
function namesBranch(words: readonly string[], companyOnly: boolean): ContactFilter[] {
  const [lead, ...rest] = [...words].sort((a, b) => b.length - a.length);
  if (!lead) return [];
  const [first, ...more] = nameWord(lead);
  const and = [...more, ...rest.flatMap(nameWord), ...(companyOnly ? [{ kind: 'company' }] : [])];
  return [{ ...first, ...(and.length > 0 ? { $and: and } : {}) }];
}

/**
 * The search text `q` (read by the shared search rule) as alternative filters, each led by an
 * equality on a lookup field. `[]` means no search condition.
 */
export function searchBranches(q: string): ContactFilter[] {
  const query = searchQuery(q);
  switch (query.kind) {
    case 'contactNumber':
      return [{ contactNumber: query.contactNumber }];
    // While typing, a complete-looking address ("max@muster.d") is still a prefix of others.
    case 'email':
      return [{ emailPrefixes: query.email }];
    case 'emailPrefix':
      return [{ emailPrefixes: query.prefix }];
    case 'domain':
      return [{ emailDomainKeys: query.domain }];
    case 'phone':
      return query.digits.map((d) => ({ phonePrefixes: d }));
    case 'names':
      // One branch per reading ("karl heinz", "karlheinz"): at most six, run in parallel.
      return query.readings.flatMap((words) => namesBranch(words, query.companyOnly));
    case 'empty':
      return [];
  }
}

interface Cursor {
  s: string;
  id: string;
}

function encodeCursor(doc: ContactDoc): string {
  return Buffer.from(JSON.stringify({ s: doc.sortName, id: String(doc._id) })).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.s === 'string' && typeof value.id === 'string' && /^[0-9a-f]{24}$/.test(value.id)) return value;
  } catch {
    // fall through to the error below
  }
  throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
}

export function toSummary(doc: ContactDoc, companyName?: string): ContactSummary {
  return toContactSummary(toContact(doc), companyName);
}

/** One keyset page of contacts matching the list query, with the cursor of the next page. */
export async function findPage(
  repo: ContactsRepository,
  tenantId: string,
  query: ContactListQuery,
): Promise<{ docs: ContactDoc[]; nextCursor: string | null }> {
  const limit = query.limit ?? 25;
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const conditions: ContactFilter = {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.relationship ? { relationships: query.relationship } : {}),
    ...(query.tag ? { tags: query.tag } : {}),
    ...(query.role ? { roles: query.role } : {}),
    ...(query.leadStatus ? { leadStatus: query.leadStatus } : {}),
    ...(query.owner ? { ownerId: query.owner } : {}),
    archived: query.archived ? { $ne: null } : null,
  };
  const after: ContactFilter = cursor
    ? {
        $or: [{ sortName: { $gt: cursor.s } }, { sortName: cursor.s, _id: { $gt: idValue(cursor.id) } }],
      }
    : {};
  const branches = query.q ? searchBranches(query.q) : [];
  // Served by a selective equality key; a relationship alone (the lead review) is not selective
  // enough and is read bucket by bucket like the unfiltered list.
  const keyed = query.tag ?? query.role ?? query.leadStatus;
  const state: ListState = query.archived ? 'archived' : 'active';
  let docs: ContactDoc[];
  if (branches.length > 0) {
    docs = await repo.findAny(
      tenantId,
      branches.map((b) => ({ ...b, ...conditions, ...after })),
      { sort: 'sortName', limit: limit + 1 },
    );
  } else if (keyed) {
    docs = await repo.findAny(tenantId, [{ ...conditions, ...after }], { sort: 'sortName', limit: limit + 1 });
  } else {
    const { relationships: _, ...rest } = conditions;
    docs = await bucketPage(repo, tenantId, state, { ...rest, ...after }, cursor, limit + 1, {
      relationship: query.relationship,
      owner: query.owner,
    });
  }
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return { docs: page, nextCursor: docs.length > limit && last ? encodeCursor(last) : null };
}

/** Reads the list buckets from the cursor's on until `wanted` contacts are collected. */
async function bucketPage(
  repo: ContactsRepository,
  tenantId: string,
  state: ListState,
  filter: ContactFilter,
  cursor: Cursor | undefined,
  wanted: number,
  within: { relationship?: string | undefined; owner?: string | undefined } = {},
): Promise<ContactDoc[]> {
  const out: ContactDoc[] = [];
  const from = cursor ? LIST_BUCKETS.indexOf(listBucket(cursor.s)) : 0;
  for (const bucket of LIST_BUCKETS.slice(Math.max(0, from))) {
    const docs = await repo.findInBucket(tenantId, state, bucket, filter, within.relationship, within.owner);
    out.push(...docs.sort(bySortName));
    if (out.length >= wanted) break;
  }
  return out.slice(0, wanted);
}

/** The list query with `owner: "me"` read as the caller's user id. */
export function withOwner<Q extends { owner?: string | undefined }>(query: Q, auth: { userId: string }): Q {
  return query.owner === 'me' ? { ...query, owner: auth.userId } : query;
}

export async function listContacts(
  repo: ContactsRepository,
  tenantId: string,
  query: ContactListQuery,
): Promise<ContactListPage> {
  const { docs, nextCursor } = await findPage(repo, tenantId, query);
  const companyIds = docs.map((d) => d.companyId).filter((id): id is string => typeof id === 'string');
  const companies = new Map((await repo.findByIds(tenantId, companyIds)).map((c) => [String(c._id), String(c.name)]));
  return {
    items: docs.map((d) => toSummary(d, d.companyId ? companies.get(d.companyId) : undefined)),
    nextCursor,
  };
}
