import { isFreeMailDomain, type SearchKeys } from '@klarkonform/shared';
import type { SearchKeysDoc } from './contacts.model';

// The top-level lookup fields stored on every contact (query rules R21–R23, QUERY-RULES.md):
// arrays of normalised values that a hot-path query matches by equality, so that MongoDB's
// multikey indexes and the embedded engine's GIN indexes serve every card, search, duplicate
// check and list. They are derived from the search keys on every write and never edited.

/** Longest stored name prefix; a longer search word is matched on this prefix, then in full. */
export const MAX_NAME_PREFIX = 20;
/** Shortest stored phone prefix: a phone search needs at least this many digits. */
export const MIN_PHONE_PREFIX = 4;

/** Order of the list buckets, the same as the order of the sort names they hold. */
export const LIST_BUCKETS: readonly string[] = ['#', ...'0123456789abcdefghijklmnopqrstuvwxyz'];

export type ListState = 'active' | 'archived';

export interface LookupKeys {
  /** Lower-case addresses. */
  emailKeys: string[];
  /** Every prefix of each address from its "@" on ("max@m", "max@mu", …): search while typing an address. */
  emailPrefixes: string[];
  /** Domains of the addresses. */
  emailDomainKeys: string[];
  /** Domains that identify a company (non-free-mail addresses, website). */
  companyDomainKeys: string[];
  /** Phones in E.164. */
  phoneKeys: string[];
  /** Prefixes (at least MIN_PHONE_PREFIX digits) of the international and national digits. */
  phonePrefixes: string[];
  /**
   * Edge n-grams (1…MAX_NAME_PREFIX characters) of the folded name words, including the parts of
   * a hyphenated word and a name of several parts joined ("karl", "heinz", "karlheinz").
   */
  namePrefixes: string[];
  /** The folded name words themselves (the search keys' `nameTokens`): a search word equal to one is an exact match. */
  nameWords: string[];
  /**
   * Kölner Phonetik codes of each family-name and company word, the last name without particles
   * and the company key ("67"), and of the first name ("f:475"; shared phonetic-search.rules.ts):
   * "Meyer" is found by "Meier" as a phonetic match.
   */
  phoneticKeys: string[];
  /** Blocking keys of the duplicate check (see `matchKeysOf`). */
  matchKeys: string[];
  /** The folded sort name ("mustermann max", "muster gmbh"): the order of every list. */
  sortName: string;
  /** The lead status, or "" for none. */
  leadStatus: string;
  /**
   * `<state>:<bucket>` and `<state>:<relationship>:<bucket>` for each relationship, and the same
   * again within the owner (`<state>:@<owner>:…`): the keys that serve unfiltered lists,
   * relationship lists (the lead review), "Meine Kontakte"/"Meine Leads" and tenant-wide scans
   * in bounded slices, one first letter of the sort name at a time.
   */
  listKeys: string[];
}

const unique = (values: readonly string[]) => [...new Set(values.filter((v) => v !== ''))];

function prefixes(value: string, from: number, to = value.length): string[] {
  const out: string[] = [];
  for (let n = Math.max(1, from); n <= Math.min(to, value.length); n++) out.push(value.slice(0, n));
  return out;
}

/** The list bucket of a sort name: its first character when a letter or digit, else "#". */
export function listBucket(sortName: string): string {
  const first = sortName.charAt(0);
  return /^[0-9a-z]$/.test(first) ? first : '#';
}

/**
 * The list key of a bucket, optionally within one relationship ("active:lead:m") and of one
 * owner ("active:@<owner id, URI-encoded>:lead:m", so no id can be read as another key).
 */
export function listKey(state: ListState, bucket: string, relationship?: string, ownerId?: string): string {
  const owner = ownerId ? `@${encodeURIComponent(ownerId)}:` : '';
  return relationship ? `${state}:${owner}${relationship}:${bucket}` : `${state}:${owner}${bucket}`;
}

function listKeysOf(state: ListState, bucket: string, relationships: readonly string[] = [], ownerId?: string) {
  const rels = unique([...relationships]);
  const keys = [listKey(state, bucket), ...rels.map((r) => listKey(state, bucket, r))];
  if (ownerId)
    keys.push(listKey(state, bucket, undefined, ownerId), ...rels.map((r) => listKey(state, bucket, r, ownerId)));
  return keys;
}

/**
 * The blocking keys of the duplicate check, shaped like its scoring (shared duplicate.rules.ts):
 * a company's company key (`ck:`) or phonetic name (`pc:`) is enough on its own; a person's
 * phonetic last name (without particles and titles of nobility, search-keys.rules.ts: "von
 * Weizsäcker" blocks as "Weizsäcker") only counts with a second signal — the same company or an
 * own (not free-mail) domain — so it is stored only combined with one (`pl:<code>|c:<company id>`,
 * `pl:<code>|d:<domain>`). Two "Thomas Müller" at different firms never share a key, and a
 * common name's block stays small however large the tenant grows.
 */
export function matchKeysOf(
  kind: 'company' | 'person',
  keys: Pick<SearchKeys, 'phoneticLast' | 'companyKey' | 'phoneticCompany' | 'emailDomains'>,
  companyId: string | null | undefined,
): string[] {
  if (kind === 'company') {
    return [
      keys.companyKey ? `ck:${keys.companyKey}` : '',
      keys.phoneticCompany ? `pc:${keys.phoneticCompany}` : '',
    ].filter((k) => k !== '');
  }
  if (!keys.phoneticLast) return [];
  const name = `pl:${keys.phoneticLast}`;
  return unique([
    ...(companyId ? [`${name}|c:${companyId}`] : []),
    ...keys.emailDomains.filter((d) => !isFreeMailDomain(d)).map((d) => `${name}|d:${d}`),
  ]);
}

/** The lookup fields of a contact from its search keys, kind, lead status and archive state. */
export function lookupKeys(
  keys: SearchKeysDoc,
  contact: {
    kind: 'company' | 'person';
    leadStatus?: string | undefined;
    archived: boolean;
    relationships?: readonly string[] | undefined;
    companyId?: string | null | undefined;
    ownerId?: string | undefined;
  },
): LookupKeys {
  const matchKeys = matchKeysOf(contact.kind, keys, contact.companyId);
  return {
    emailKeys: keys.emailsLower,
    emailPrefixes: unique(keys.emailsLower.flatMap((e) => prefixes(e, e.indexOf('@') + 1))),
    emailDomainKeys: keys.emailDomains,
    companyDomainKeys: keys.companyDomains,
    phoneKeys: keys.phonesE164,
    phonePrefixes: unique(keys.phoneDigits.flatMap((d) => prefixes(d, MIN_PHONE_PREFIX))),
    namePrefixes: unique(keys.nameTokens.flatMap((t) => prefixes(t, 1, MAX_NAME_PREFIX))),
    nameWords: unique(keys.nameTokens),
    phoneticKeys: keys.phoneticWords,
    matchKeys,
    sortName: keys.sortName,
    leadStatus: contact.leadStatus ?? '',
    listKeys: listKeysOf(
      contact.archived ? 'archived' : 'active',
      listBucket(keys.sortName),
      contact.relationships,
      contact.ownerId,
    ),
  };
}

/** The names of the lookup fields (never part of the API's Contact). */
export const LOOKUP_FIELDS: readonly (keyof LookupKeys)[] = [
  'emailKeys',
  'emailPrefixes',
  'emailDomainKeys',
  'companyDomainKeys',
  'phoneKeys',
  'phonePrefixes',
  'namePrefixes',
  'nameWords',
  'phoneticKeys',
  'matchKeys',
  'sortName',
  'leadStatus',
  'listKeys',
];
