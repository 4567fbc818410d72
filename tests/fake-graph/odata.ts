import { CONTACT_PROPERTIES, normalizeExtendedId } from './contact-fields';
import { errors, GraphError } from './errors';
import type { ContactRecord } from './store';

// The small part of OData's query language Graph supports on contacts and contact folders and the
// mirror uses (learn.microsoft.com/graph/query-parameters). Anything else is refused with 400.

const QUOTED = String.raw`'((?:[^']|'')*)'`;
const unquote = (s: string) => s.replace(/''/g, "'");

function invalidFilter(filter: string): GraphError {
  return new GraphError(400, 'ErrorInvalidUrlQueryFilter', `The query filter '${filter}' is not supported.`);
}

/** `$filter=displayName eq '…'` on contactFolders → the wanted name (exact, case-insensitive as Exchange). */
export function parseFolderFilter(filter: string | null): ((name: string) => boolean) | undefined {
  if (filter === null) return undefined;
  const m = new RegExp(String.raw`^\s*displayName\s+eq\s+${QUOTED}\s*$`).exec(filter);
  if (!m) throw invalidFilter(filter);
  const wanted = unquote(m[1]!).toLowerCase();
  return (name) => name.toLowerCase() === wanted;
}

/**
 * Contact filters: `singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')` (the
 * value part optional; value compared case-insensitively) and `emailAddresses/any(a:a/address eq '…')`.
 */
export function parseContactFilter(filter: string | null): ((c: ContactRecord) => boolean) | undefined {
  if (filter === null) return undefined;
  const ext = new RegExp(
    String.raw`^\s*singleValueExtendedProperties/any\(\s*(\w+)\s*:\s*\1/id\s+eq\s+${QUOTED}(?:\s+and\s+\1/value\s+eq\s+${QUOTED})?\s*\)\s*$`,
    'i',
  ).exec(filter);
  if (ext) {
    const id = normalizeExtendedId(unquote(ext[2]!));
    const value = ext[3] === undefined ? undefined : unquote(ext[3]).toLowerCase();
    return (c) => {
      const p = c.extended.get(id);
      return p !== undefined && (value === undefined || p.value.toLowerCase() === value);
    };
  }
  const mail = new RegExp(
    String.raw`^\s*emailAddresses/any\(\s*(\w+)\s*:\s*\1/address\s+eq\s+${QUOTED}\s*\)\s*$`,
    'i',
  ).exec(filter);
  if (mail) {
    const address = unquote(mail[2]!).toLowerCase();
    const emails = (c: ContactRecord) => (c.fields.emailAddresses ?? []) as Array<{ address?: string }>;
    return (c) => emails(c).some((e) => e.address?.toLowerCase() === address);
  }
  throw invalidFilter(filter);
}

/** `$select=a,b` on contacts → property list (id always), or undefined for all. */
export function parseContactSelect(select: string | null): string[] | undefined {
  if (select === null) return undefined;
  const props = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of props)
    if (!(CONTACT_PROPERTIES as readonly string[]).includes(p))
      throw errors.badRequest(`Could not find a property named '${p}' on type 'microsoft.graph.contact'.`);
  return props;
}

/** `$expand=singleValueExtendedProperties($filter=id eq '…' [or id eq '…'])` → normalised ids. */
export function parseExtendedExpand(expand: string | null): string[] | undefined {
  if (expand === null) return undefined;
  const m = /^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(.+)\)\s*$/i.exec(expand);
  if (!m) throw errors.badRequest(`Parsing OData Select and Expand failed: '${expand}' is not supported.`);
  const parts = m[1]!.split(/\s+or\s+/i);
  return parts.map((part) => {
    const p = new RegExp(String.raw`^\s*id\s+eq\s+${QUOTED}\s*$`, 'i').exec(part);
    if (!p) throw errors.badRequest(`Parsing OData Select and Expand failed: '${expand}' is not supported.`);
    return normalizeExtendedId(unquote(p[1]!));
  });
}

/** `$top` (1…1000, Graph's cap on Outlook collections) or the default page size 10. */
export function parseTop(top: string | null): number {
  if (top === null) return 10;
  const n = Number(top);
  if (!Number.isInteger(n) || n < 1) throw errors.badRequest(`Invalid value '${top}' for $top.`);
  return Math.min(n, 1000);
}

export function parseSkip(skip: string | null): number {
  if (skip === null) return 0;
  const n = Number(skip);
  if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`Invalid value '${skip}' for $skip.`);
  return n;
}
