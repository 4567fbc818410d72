import { type DuplicateMatch, type DuplicateProbe, duplicateMatch, DUPLICATE_THRESHOLD } from '@klarkonform/shared';

// The tenant-wide duplicate scan (the monthly check of the guide), pure:
// contacts are compared only within blocks that share a key (email, phone,
// phonetic last name, company key), then linked pairs form groups.

export type Probe = DuplicateProbe & { id: string };
export interface DuplicateGroup {
  ids: string[];
  score: number;
  reasons: DuplicateMatch['reasons'];
}

const MAX_BLOCK = 200; // a block this large is a common key (e.g. "Müller"), not a duplicate

export function blockingKeys(p: Probe): string[] {
  const k = p.keys;
  const keys = [...k.emailsLower.map((e) => `e:${e}`), ...k.phonesE164.map((n) => `p:${n}`)];
  if (p.kind === 'person' && k.phoneticLast) keys.push(`n:${k.phoneticLast}`);
  if (p.kind === 'company' && k.companyKey) keys.push(`c:${k.companyKey}`);
  if (p.kind === 'company' && k.phoneticCompany) keys.push(`cp:${k.phoneticCompany}`);
  return keys;
}

export function groupDuplicates(all: readonly Probe[]): DuplicateGroup[] {
  const blocks = new Map<string, Probe[]>();
  for (const p of all) {
    for (const key of blockingKeys(p)) blocks.set(key, [...(blocks.get(key) ?? []), p]);
  }
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    const p = parent.get(x);
    if (p === undefined || p === x) return x;
    const r = root(p);
    parent.set(x, r);
    return r;
  };
  const best = new Map<string, { score: number; reasons: Set<string> }>();
  const compared = new Set<string>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const a = block[i]!;
        const b = block[j]!;
        const pair = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const match = duplicateMatch(a, b);
        if (!match || match.score < DUPLICATE_THRESHOLD) continue;
        parent.set(root(a.id), root(b.id));
        for (const id of [a.id, b.id]) {
          const entry = best.get(id) ?? { score: 0, reasons: new Set<string>() };
          entry.score = Math.max(entry.score, match.score);
          for (const r of match.reasons) entry.reasons.add(r);
          best.set(id, entry);
        }
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of best.keys()) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  return [...groups.values()].map((ids) => ({
    ids: ids.sort(),
    score: Math.max(...ids.map((id) => best.get(id)!.score)),
    reasons: [...new Set(ids.flatMap((id) => [...best.get(id)!.reasons]))] as DuplicateMatch['reasons'],
  }));
}
