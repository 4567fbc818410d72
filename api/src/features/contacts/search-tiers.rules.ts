import { firstNameSoundKey, type SearchMatch, searchQuery } from '@klarkonform/shared';
import type { ContactFilter } from './contacts.repository';
import { MAX_NAME_PREFIX } from './lookup-keys.rules';

// The search text `q` (read by the shared search rule) as ranked tiers of filters: exact
// matches, then prefix matches, then phonetic ones. Every branch of a tier is led by an equality
// on one stored lookup field (QUERY-RULES.md); the conditions after it only narrow. A contact's
// rank is the first tier one of whose filters it matches (`tierOf`, the same filters read in
// TypeScript), so a tier's query finds every contact of that rank and the API drops those that
// an earlier tier already listed.

/** The filters of one rank of a search. */
export interface SearchTier {
  match: SearchMatch;
  branches: ContactFilter[];
  /** Every contact this tier finds, the next tier's query finds too (an exact word begins itself). */
  within?: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word typed as the beginning of a name word: the stored prefix, the full word checked on longer input. */
function prefixConditions(token: string): ContactFilter[] {
  const stored: ContactFilter = { namePrefixes: token.slice(0, MAX_NAME_PREFIX) };
  if (token.length <= MAX_NAME_PREFIX) return [stored];
  // The sort name holds every folded word of the name ("mueller luedenscheidt anna"); a space may
  // fall anywhere in a word typed joined ("muellerluedenscheidtanna" is "mueller luedenscheidt…").
  const spaced = [...token].map(escapeRegex).join(' ?');
  return [stored, { sortName: { $regex: `(^| )${spaced}` } }];
}

const one = (conditions: ContactFilter[]): ContactFilter =>
  conditions.length === 1 ? (conditions[0] as ContactFilter) : { $and: conditions };

/** The first condition leads (an indexed equality), the rest narrow in `$and`. */
function led(conditions: ContactFilter[], companyOnly: boolean): ContactFilter[] {
  const [first, ...rest] = conditions;
  if (!first) return [];
  const and = [...rest, ...(companyOnly ? [{ kind: 'company' }] : [])];
  return [{ ...first, ...(and.length > 0 ? { $and: and } : {}) }];
}

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** Every word is a whole name word. */
function exactBranch(words: readonly string[], companyOnly: boolean): ContactFilter[] {
  return led(
    longestFirst(words).map((word) => ({ nameWords: word })),
    companyOnly,
  );
}

/** Every word begins a name word; the longest (most selective) leads. */
function prefixBranch(words: readonly string[], companyOnly: boolean): ContactFilter[] {
  const [lead, ...rest] = longestFirst(words);
  if (lead === undefined) return [];
  return led([...prefixConditions(lead), ...rest.map((word) => one(prefixConditions(word)))], companyOnly);
}

/**
 * One word sounds alike (its key leads: `soundKey` of its code), every other word begins a name
 * word or sounds like any name word: one branch per word that has a searchable key.
 */
function phoneticBranches(
  words: readonly string[],
  codes: readonly string[],
  companyOnly: boolean,
  soundKey: (code: string) => string,
): ContactFilter[] {
  const either = (word: string, code: string | undefined): ContactFilter => {
    const sounds = code ? [code, firstNameSoundKey(code)].filter((key) => key !== '') : [];
    return sounds.length > 0
      ? { $or: [one(prefixConditions(word)), ...sounds.map((key) => ({ phoneticKeys: key }))] }
      : one(prefixConditions(word));
  };
  return words.flatMap((_, i) => {
    const key = soundKey(codes[i] ?? '');
    if (!key) return [];
    const others = words.flatMap((word, j) => (j === i ? [] : [either(word, codes[j])]));
    return led([{ phoneticKeys: key }, ...others], companyOnly);
  });
}

/** The ranked tiers of a search text; `[]` means no search condition. */
export function searchTiers(q: string): SearchTier[] {
  const query = searchQuery(q);
  switch (query.kind) {
    case 'contactNumber':
      return [{ match: 'exact', branches: [{ contactNumber: query.contactNumber }] }];
    // While typing, a complete-looking address ("max@muster.d") is still a prefix of others.
    case 'email':
      return [
        { match: 'exact', branches: [{ emailKeys: query.email }], within: true },
        { match: 'prefix', branches: [{ emailPrefixes: query.email }] },
      ];
    case 'emailPrefix':
      return [{ match: 'prefix', branches: [{ emailPrefixes: query.prefix }] }];
    case 'domain':
      return [{ match: 'exact', branches: [{ emailDomainKeys: query.domain }] }];
    case 'phone': {
      // International digits are the E.164 number without its "+": a whole number typed is exact.
      const tiers: SearchTier[] = [
        {
          match: 'exact',
          branches: query.digits.filter((d) => !d.startsWith('0')).map((d) => ({ phoneKeys: `+${d}` })),
          within: true,
        },
        { match: 'prefix', branches: query.digits.map((d) => ({ phonePrefixes: d })) },
      ];
      return tiers.filter((tier) => tier.branches.length > 0);
    }
    case 'names': {
      // One branch per reading ("karl heinz", "karlheinz"), at most six; sounds only as typed,
      // like a family or company name ("67") or like a first name ("f:475").
      const { readings, phonetic, companyOnly } = query;
      const typed = readings[0] ?? [];
      const tiers: SearchTier[] = [
        {
          match: 'exact',
          branches: readings.flatMap((words) => exactBranch(words, companyOnly)),
          // A whole word of up to MAX_NAME_PREFIX letters is one of its stored prefixes.
          within: readings.every((words) => words.every((word) => word.length <= MAX_NAME_PREFIX)),
        },
        { match: 'prefix', branches: readings.flatMap((words) => prefixBranch(words, companyOnly)) },
        {
          match: 'phonetic',
          branches: [
            ...phoneticBranches(typed, phonetic, companyOnly, (code) => code),
            ...(companyOnly ? [] : phoneticBranches(typed, phonetic, false, firstNameSoundKey)),
          ],
        },
      ];
      return tiers.filter((tier) => tier.branches.length > 0);
    }
    case 'empty':
      return [];
  }
}

/** Every branch of every tier of a search: the contacts it finds, whatever their rank. */
export function searchBranches(q: string): ContactFilter[] {
  return searchTiers(q).flatMap((tier) => tier.branches);
}

const isRegex = (condition: unknown): condition is { $regex: string } =>
  typeof condition === 'object' && condition !== null && '$regex' in condition;

/**
 * Whether a stored contact matches a filter of the search tiers, read as the database does:
 * equality with a value or an element of an array field, `$regex`, `$and`, `$or`. Throws on any
 * other operator (the tiers use none).
 */
export function matchesFilter(doc: Readonly<Record<string, unknown>>, filter: ContactFilter): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    if (field === '$and') return (condition as ContactFilter[]).every((part) => matchesFilter(doc, part));
    if (field === '$or') return (condition as ContactFilter[]).some((part) => matchesFilter(doc, part));
    const value = doc[field];
    if (isRegex(condition)) return typeof value === 'string' && new RegExp(condition.$regex).test(value);
    if (typeof condition === 'object' && condition !== null) throw new Error(`unsupported search condition ${field}`);
    return Array.isArray(value) ? value.includes(condition) : value === condition;
  });
}

/** The index of the first tier one of whose branches the contact matches, or -1. */
export function tierOf(doc: Readonly<Record<string, unknown>>, tiers: readonly SearchTier[]): number {
  return tiers.findIndex((tier) => tier.branches.some((branch) => matchesFilter(doc, branch)));
}
