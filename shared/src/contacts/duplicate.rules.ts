import type { ContactKind, DuplicateReason } from './contact-enums.schema';
import { isFreeMailDomain } from './free-mail.rules';
import type { SearchKeys } from './search-keys.rules';

// Dublettencheck: how alike two contacts are, from their search keys alone. Each reason adds
// its weight; the sum is capped at 100. The weights make one strong signal (same email, same
// phone, same company key) enough on its own, while a phonetic name needs a second signal
// (same company or domain): two "Thomas Müller" at different firms are not duplicates. For
// companies a similar-sounding name without legal form ("Schmitt Elektro" / "Schmidt Elektro")
// is enough to be shown as a candidate.

export interface DuplicateProbe {
  id?: string;
  kind: ContactKind;
  companyId?: string | null;
  keys: SearchKeys;
}

export interface DuplicateMatch {
  score: number;
  reasons: DuplicateReason[];
}

export const DUPLICATE_THRESHOLD = 50;

const WEIGHTS = {
  person: { sameEmail: 100, samePhone: 60, phoneticName: 40, sameCompanyName: 20, sameDomain: 20 },
  company: { sameEmail: 100, samePhone: 60, sameCompanyName: 70, phoneticCompanyName: 55, sameDomain: 50 },
} as const;

const shares = (a: readonly string[], b: readonly string[]) => a.some((value) => value !== '' && b.includes(value));
const same = (a: string, b: string) => a !== '' && a === b;

function personReasons(a: DuplicateProbe, b: DuplicateProbe): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const { keys: x } = a;
  const { keys: y } = b;
  const firstCompatible = x.phoneticFirst === '' || y.phoneticFirst === '' || x.phoneticFirst === y.phoneticFirst;
  if (same(x.phoneticLast, y.phoneticLast) && firstCompatible) reasons.push('phoneticName');
  if ((a.companyId && a.companyId === b.companyId) || same(x.companyKey, y.companyKey)) {
    reasons.push('sameCompanyName');
  }
  const ownDomains = (keys: SearchKeys) => keys.emailDomains.filter((domain) => !isFreeMailDomain(domain));
  if (shares(ownDomains(x), ownDomains(y))) reasons.push('sameDomain');
  return reasons;
}

function companyReasons(a: DuplicateProbe, b: DuplicateProbe): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (same(a.keys.companyKey, b.keys.companyKey)) reasons.push('sameCompanyName');
  else if (same(a.keys.phoneticCompany, b.keys.phoneticCompany)) reasons.push('phoneticCompanyName');
  if (shares(a.keys.companyDomains, b.keys.companyDomains)) reasons.push('sameDomain');
  return reasons;
}

// Email and phone count across kinds (a sole trader may exist as person and as company);
// names only compare within a kind.
export function duplicateMatch(candidate: DuplicateProbe, existing: DuplicateProbe): DuplicateMatch | null {
  const reasons: DuplicateReason[] = [];
  if (shares(candidate.keys.emailsLower, existing.keys.emailsLower)) reasons.push('sameEmail');
  if (shares(candidate.keys.phonesE164, existing.keys.phonesE164)) reasons.push('samePhone');
  if (candidate.kind === existing.kind) {
    reasons.push(
      ...(candidate.kind === 'person' ? personReasons(candidate, existing) : companyReasons(candidate, existing)),
    );
  }
  if (reasons.length === 0) return null;
  const weights: Partial<Record<DuplicateReason, number>> = WEIGHTS[candidate.kind];
  const score = Math.min(
    100,
    reasons.reduce((sum, reason) => sum + (weights[reason] ?? 0), 0),
  );
  return { score, reasons };
}

// Candidates at or above the threshold, best first; the candidate itself is skipped.
export function findDuplicates<T extends DuplicateProbe>(
  candidate: DuplicateProbe,
  existing: readonly T[],
  limit = 20,
): (DuplicateMatch & { contact: T })[] {
  return existing
    .filter((other) => candidate.id === undefined || other.id !== candidate.id)
    .flatMap((other) => {
      const match = duplicateMatch(candidate, other);
      return match && match.score >= DUPLICATE_THRESHOLD ? [{ ...match, contact: other }] : [];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
