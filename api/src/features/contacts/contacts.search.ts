import type { ContactListPage, ContactListQuery, ContactSummary, SearchMatch } from '@klarkonform/shared';
import { toContactSummary } from '@klarkonform/shared';
import { fieldProblems } from '../../infra/http-error';
import type { ContactDoc } from './contacts.model';
import { toContact } from './contacts.mapper';
import { bySortName, type ContactFilter, type ContactsRepository, idValue } from './contacts.repository';
import { LIST_BUCKETS, type ListState, listBucket } from './lookup-keys.rules';
import { type SearchTier, searchTiers, tierOf } from './search-tiers.rules';

// Contact search and filtering with keyset pagination. Every search reads one stored lookup
// field by equality (QUERY-RULES.md): alternatives run as parallel queries; a list without any
// such key reads the list buckets (first letters) one after another until the page is full.
//
// A search text is ranked (search-tiers.rules.ts): exact matches, then prefix matches, then
// phonetic ones, each tier in name order. The cursor holds the tier and the (sortName, _id) of
// the last contact read in it, so the next page continues in that tier and then goes on to the
// next; every page is exact, however the ranks mix. A tier's query also finds contacts of an
// earlier tier (a "Meier" matches "meier" by prefix and by sound), which are skipped; reading
// them costs at most MAX_READS queries a request, after which the page ends early (fewer than
// `limit` items) with a cursor to go on from. Without a search text, lists are in name order.

/** Most queries one ranked page runs before it ends early with a cursor. */
const MAX_READS = 6;
/** Largest slice read at once while skipping contacts that an earlier tier listed. */
const MAX_WINDOW = 400;
/** More tiers than any search has (search-tiers.rules.ts): a cursor naming another is not ours. */
const MAX_TIERS = 8;

export { searchBranches } from './search-tiers.rules';

/** A page's end: the sort name and id of the last contact, and in a ranked search its tier. */
interface Cursor {
  s: string;
  id: string;
  t?: number;
}

const positionOf = (doc: ContactDoc): Cursor => ({ s: doc.sortName, id: String(doc._id) });

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    const tier = value.t === undefined || (Number.isInteger(value.t) && value.t >= 0 && value.t < MAX_TIERS);
    if (typeof value.s === 'string' && typeof value.id === 'string' && /^[0-9a-f]{24}$/.test(value.id) && tier)
      return value;
  } catch {
    // fall through to the error below
  }
  throw fieldProblems([{ field: 'querystring.cursor', key: 'serviceProblem.invalidCursor' }]);
}

export function toSummary(doc: ContactDoc, companyName?: string): ContactSummary {
  return toContactSummary(toContact(doc), companyName);
}

/** Contacts after a cursor position in (sortName, _id) order. */
function after(position: Cursor | undefined): ContactFilter {
  return position
    ? { $or: [{ sortName: { $gt: position.s } }, { sortName: position.s, _id: { $gt: idValue(position.id) } }] }
    : {};
}

/** A page of contacts; with a search text, how each matched (by id). */
export interface ContactPage {
  docs: ContactDoc[];
  nextCursor: string | null;
  matches?: ReadonlyMap<string, SearchMatch>;
}

/** One keyset page of contacts matching the list query, with the cursor of the next page. */
export async function findPage(
  repo: ContactsRepository,
  tenantId: string,
  query: ContactListQuery,
): Promise<ContactPage> {
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
  const tiers = query.q ? searchTiers(query.q) : [];
  if (tiers.length > 0) return rankedPage(repo, tenantId, tiers, conditions, cursor, limit);
  // Served by a selective equality key; a relationship alone (the lead review) is not selective
  // enough and is read bucket by bucket like the unfiltered list.
  const keyed = query.tag ?? query.role ?? query.leadStatus;
  const state: ListState = query.archived ? 'archived' : 'active';
  let docs: ContactDoc[];
  if (keyed) {
    docs = await repo.findAny(tenantId, [{ ...conditions, ...after(cursor) }], { sort: 'sortName', limit: limit + 1 });
  } else {
    const { relationships: _, ...rest } = conditions;
    docs = await bucketPage(repo, tenantId, state, { ...rest, ...after(cursor) }, cursor, limit + 1, {
      relationship: query.relationship,
      owner: query.owner,
    });
  }
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return { docs: page, nextCursor: docs.length > limit && last ? encodeCursor(positionOf(last)) : null };
}

/**
 * One page of a ranked search: from the cursor's tier and position on, each tier's contacts of
 * that rank in name order, until `limit` + 1 are found (one more tells that a next page exists),
 * the tiers are done, or MAX_READS queries ran (then the page ends early, with a cursor). A tier
 * `within` the next is read through the next one's query when that one is small enough to read
 * whole: one query for both ranks (an e-mail or a rare name needs no separate exact query).
 */
async function rankedPage(
  repo: ContactsRepository,
  tenantId: string,
  tiers: readonly SearchTier[],
  conditions: ContactFilter,
  cursor: Cursor | undefined,
  limit: number,
): Promise<ContactPage> {
  const hits: { doc: ContactDoc; tier: number }[] = [];
  const take = (docs: readonly ContactDoc[], tier: number) => {
    for (const doc of docs) if (tierOf(doc, tiers) === tier) hits.push({ doc, tier });
  };
  const read = (tier: number, position: Cursor | undefined, window: number) =>
    repo.findAny(
      tenantId,
      (tiers[tier] as SearchTier).branches.map((b) => ({ ...b, ...conditions, ...after(position) })),
      { sort: 'sortName', limit: window },
    );
  /** The first slice of a tier, read ahead of the tier before it. */
  const ahead = new Map<number, ContactDoc[]>();
  let reads = 0;
  let resume: Cursor | undefined;
  let t = cursor?.t ?? 0;
  ranking: for (; t < tiers.length && hits.length <= limit; t++) {
    let position = t === (cursor?.t ?? 0) ? cursor : undefined;
    let window = limit + 1;
    if (!position && tiers[t]?.within && t + 1 < tiers.length && reads < MAX_READS) {
      reads++;
      const both = await read(t + 1, undefined, window);
      if (both.length < window) {
        take(both, t);
        take(both, t + 1);
        t++;
        continue;
      }
      ahead.set(t + 1, both);
    }
    for (;;) {
      let docs = position ? undefined : ahead.get(t);
      if (!docs) {
        if (reads === MAX_READS) {
          resume = { ...(position ?? { s: '', id: '0'.repeat(24) }), t };
          break ranking;
        }
        reads++;
        docs = await read(t, position, window);
      }
      take(docs, t);
      const last = docs[docs.length - 1];
      if (hits.length > limit || docs.length < window || !last) break;
      position = positionOf(last);
      window = Math.min(window * 2, MAX_WINDOW);
    }
  }
  const page = hits.slice(0, limit);
  const last = page[page.length - 1];
  const next = hits.length > limit && last ? { ...positionOf(last.doc), t: last.tier } : resume;
  return {
    docs: page.map((hit) => hit.doc),
    nextCursor: next ? encodeCursor(next) : null,
    matches: new Map(page.map((hit) => [String(hit.doc._id), (tiers[hit.tier] as SearchTier).match])),
  };
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
  const { docs, nextCursor, matches } = await findPage(repo, tenantId, query);
  const companyIds = docs.map((d) => d.companyId).filter((id): id is string => typeof id === 'string');
  const companies = new Map((await repo.findByIds(tenantId, companyIds)).map((c) => [String(c._id), String(c.name)]));
  return {
    items: docs.map((d) => {
      const match = matches?.get(String(d._id));
      return { ...toSummary(d, d.companyId ? companies.get(d.companyId) : undefined), ...(match ? { match } : {}) };
    }),
    nextCursor,
  };
}
