import type { ContactListPage, ContactListQuery, ContactSummary } from '@klarkonform/shared';
import { searchQuery, toContactSummary } from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import type { ContactDoc } from './contacts.model';
import { toContact } from './contacts.mapper';
import { type ContactFilter, type ContactsRepository, idValue } from './contacts.repository';

// Contact search and filtering with keyset pagination on (sortName, _id).
// Every condition is an equality or an anchored prefix on a stored key, so on
// MongoDB each is served by an index led by tenantId.

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const prefix = (text: string) => ({ $regex: `^${escapeRegex(text)}` });

/** The indexed condition for the free-text `q` (read by the shared search rule). */
export function searchCondition(q: string): ContactFilter {
  const query = searchQuery(q);
  switch (query.kind) {
    case 'contactNumber':
      return { contactNumber: query.contactNumber };
    case 'email':
      return { 'keys.emailsLower': query.email };
    case 'emailPrefix':
      return { 'keys.emailsLower': prefix(query.prefix) };
    case 'domain':
      return { 'keys.emailDomains': query.domain };
    case 'phone':
      return { $or: query.digits.map((d) => ({ 'keys.phoneDigits': prefix(d) })) };
    case 'names': {
      const names: ContactFilter[] = query.tokens.map((t) => ({ 'keys.nameTokens': prefix(t) }));
      if (query.companyOnly) names.push({ kind: 'company' });
      return { $and: names };
    }
    case 'empty':
      return {};
  }
}

interface Cursor {
  s: string;
  id: string;
}

function encodeCursor(doc: ContactDoc): string {
  return Buffer.from(JSON.stringify({ s: doc.keys.sortName, id: String(doc._id) })).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.s === 'string' && typeof value.id === 'string' && /^[0-9a-f]{24}$/.test(value.id)) return value;
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'validationFailed', 'cursor: invalid cursor', {
    errors: [{ field: 'querystring.cursor', message: 'invalid cursor; use nextCursor from the previous page' }],
  });
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
  const conditions: ContactFilter[] = [];
  if (query.q) conditions.push(searchCondition(query.q));
  if (query.kind) conditions.push({ kind: query.kind });
  if (query.relationship) conditions.push({ relationships: query.relationship });
  if (query.tag) conditions.push({ tags: query.tag });
  if (query.role) conditions.push({ roles: query.role });
  if (query.leadStatus) conditions.push({ 'lead.status': query.leadStatus });
  conditions.push(query.archived ? { archived: { $ne: null } } : { archived: null });
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const id = idValue(c.id);
    conditions.push({ $or: [{ 'keys.sortName': { $gt: c.s } }, { 'keys.sortName': c.s, _id: { $gt: id } }] });
  }
  const docs = await repo.find(
    tenantId,
    { $and: conditions },
    { sort: { 'keys.sortName': 1, _id: 1 }, limit: limit + 1 },
  );
  const page = docs.slice(0, limit);
  const last = page[page.length - 1];
  return { docs: page, nextCursor: docs.length > limit && last ? encodeCursor(last) : null };
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
