import {
  type Contact,
  type DuplicateCandidate,
  type DuplicateCheckRequest,
  type DuplicateCheckResult,
  findDuplicates,
  type LimitedContact,
  limitProblems,
  normalizePhone,
  type MergeRequest,
} from '@klarkonform/shared';
import { notFound, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { limitExceeded } from './contact-limits';
import { actorOf, assertNotRestricted, type ContactWriter } from './contact-writer';
import type { DuplicateSnapshot } from './duplicate-snapshot';
import type { ContactDoc } from './contacts.model';
import { type ContactFields, derive, searchKeysOf } from './contacts.mapper';
import type { ContactFilter, ContactsRepository } from './contacts.repository';
import { toSummary } from './contacts.search';
import { groupDuplicates, type Probe } from './duplicate-groups.rules';
import type { MergeLocks } from './merge-locks.repository';
import { matchKeysOf } from './lookup-keys.rules';

// Duplicate check before a create, the tenant-wide scan, and merging.

const CANDIDATE_SCAN_LIMIT = 200;

const probeOf = (doc: ContactDoc): Probe => ({
  id: String(doc._id),
  kind: doc.kind,
  companyId: typeof doc.companyId === 'string' ? doc.companyId : null,
  keys: searchKeysOf(doc),
});

/** The lookups that can find a duplicate of `p`: one equality on one lookup field each (rule R22). */
function blockingBranches(p: Probe): ContactFilter[] {
  const k = p.keys;
  const branches: ContactFilter[] = [
    ...k.emailsLower.map((email) => ({ emailKeys: email })),
    ...k.phonesE164.map((phone) => ({ phoneKeys: phone })),
  ];
  branches.push(...matchKeysOf(p.kind, k, p.companyId).map((key) => ({ matchKeys: key })));
  if (p.kind === 'company') branches.push(...k.companyDomains.map((domain) => ({ companyDomainKeys: domain })));
  return branches.map((b) => ({ ...b, mergedInto: { $exists: false } }));
}

/** What a merge moves: everything of contact `fromId` now belongs to `toId` (named `toName`). */
export interface MergeMove {
  fromId: string;
  toId: string;
  toName: string;
}

export type MergeListener = (auth: AuthContext, move: MergeMove) => Promise<void>;

export class DuplicatesService {
  private readonly mergeListeners: MergeListener[] = [];

  constructor(
    private readonly repo: ContactsRepository,
    private readonly writer: ContactWriter,
    private readonly locks: MergeLocks,
  ) {}

  /**
   * Lets another feature move what it holds of a merged-away contact to the survivor (its
   * opportunities, follow-ups, timeline entries). Listeners run before the duplicate is marked
   * merged and again when a cut-off merge is repeated, so they must be idempotent.
   */
  onMerged(listener: MergeListener): void {
    this.mergeListeners.push(listener);
  }

  private async notifyMerged(auth: AuthContext, duplicateId: string, survivor: Contact): Promise<void> {
    for (const listener of this.mergeListeners) {
      await listener(auth, { fromId: duplicateId, toId: survivor.id, toName: survivor.displayName });
    }
  }

  async check(auth: AuthContext, body: DuplicateCheckRequest): Promise<DuplicateCheckResult> {
    return this.checkWith(body, {
      find: (branches) => this.repo.findAny(auth.tenantId, branches, { limit: CANDIDATE_SCAN_LIMIT }),
      companies: (ids) => this.repo.findByIds(auth.tenantId, ids),
    });
  }

  /**
   * The same check answered from a snapshot of the tenant's contacts (a large import, see
   * duplicate-snapshot.ts): the same branches, limit and scoring, no database round trip.
   */
  async checkIn(snapshot: DuplicateSnapshot, body: DuplicateCheckRequest): Promise<DuplicateCheckResult> {
    return this.checkWith(body, {
      find: async (branches) => snapshot.findAny(branches, CANDIDATE_SCAN_LIMIT),
      companies: async (ids) => ids.map((id) => snapshot.findById(id)).filter((d): d is ContactDoc => d !== null),
    });
  }

  private async checkWith(
    body: DuplicateCheckRequest,
    lookup: {
      find(branches: ContactFilter[]): Promise<ContactDoc[]>;
      companies(ids: string[]): Promise<ContactDoc[]>;
    },
  ): Promise<DuplicateCheckResult> {
    const { excludeId, ...candidate } = body as DuplicateCheckRequest & { excludeId?: string };
    const fields = { ...(candidate as ContactFields), emails: (candidate as { emails?: unknown }).emails ?? [] };
    const probe: Probe = {
      id: excludeId ?? 'candidate',
      kind: candidate.kind,
      companyId: (candidate as { companyId?: string }).companyId ?? null,
      keys: derive(fields).keys,
    };
    const branches = blockingBranches(probe);
    if (branches.length === 0) return { candidates: [] };
    const docs = await lookup.find(branches);
    const byId = new Map(docs.map((d) => [String(d._id), d]));
    const matches = findDuplicates(probe, docs.map(probeOf));
    return {
      candidates: await this.withSummaries(
        matches.map((m) => ({ doc: byId.get(m.contact.id)!, score: m.score, reasons: m.reasons })),
        lookup.companies,
      ),
    };
  }

  private async withSummaries(
    matches: Array<{ doc: ContactDoc; score: number; reasons: DuplicateCandidate['reasons'] }>,
    companies: (ids: string[]) => Promise<ContactDoc[]>,
  ): Promise<DuplicateCandidate[]> {
    const companyIds = matches.map((m) => m.doc.companyId).filter((id): id is string => typeof id === 'string');
    const names = new Map((await companies(companyIds)).map((c) => [String(c._id), String(c.name)]));
    return matches.map((m) => ({
      contact: toSummary(m.doc, m.doc.companyId ? names.get(m.doc.companyId) : undefined),
      score: m.score,
      reasons: m.reasons,
    }));
  }

  /** The monthly check: every group of likely duplicates among the tenant's active contacts. */
  async groups(auth: AuthContext) {
    const probes: Probe[] = [];
    const docs = new Map<string, ContactDoc>();
    for await (const batch of this.repo.scan(auth.tenantId, 'active')) {
      for (const d of batch) {
        probes.push(probeOf(d));
        docs.set(String(d._id), d);
      }
    }
    const groups = groupDuplicates(probes);
    return {
      groups: await Promise.all(
        groups.map(async (g) => ({
          contacts: (
            await this.withSummaries(
              g.ids.map((id) => ({ doc: docs.get(id)!, score: g.score, reasons: g.reasons })),
              (ids) => this.repo.findByIds(auth.tenantId, ids),
            )
          ).map((c) => c.contact),
          score: g.score,
          reasons: g.reasons,
        })),
      ),
      scanned: probes.length,
    };
  }

  /**
   * Keeps the survivor, fills its gaps from the duplicate, moves people over, leaves a pointer.
   * Holds a lease on both contacts meanwhile (merge-locks.repository.ts), so merges that share a
   * contact run one at a time; repeating a merge that was cut off completes it.
   */
  async merge(auth: AuthContext, body: MergeRequest): Promise<Contact> {
    if (body.survivorId === body.duplicateId) throw problem(400, 'badRequest', 'mergeIntoItself');
    return this.locks.withLeases(auth.tenantId, [body.survivorId, body.duplicateId], () =>
      this.mergeLeased(auth, body),
    );
  }

  private async mergeLeased(auth: AuthContext, body: MergeRequest): Promise<Contact> {
    const [survivor, duplicate] = await Promise.all([
      this.repo.findById(auth.tenantId, body.survivorId),
      this.repo.findById(auth.tenantId, body.duplicateId),
    ]);
    if (!survivor) throw notFound('survivorNotFound');
    if (!duplicate) throw notFound('duplicateNotFound');
    if (duplicate.mergedInto === body.survivorId && !survivor.mergedInto) {
      const again = await this.writer.update(auth, body.survivorId, 'merge', 'retry', (f) => f);
      await this.notifyMerged(auth, body.duplicateId, again);
      return again;
    }
    if (survivor.kind !== duplicate.kind) throw problem(400, 'badRequest', 'mergeKinds');
    if (survivor.mergedInto || duplicate.mergedInto) throw problem(409, 'conflict', 'alreadyMerged');
    // Issue 15: a contact restricted under Art. 18 DSGVO is not merged (checked before anything
    // moves: the duplicate's refusal after the survivor took its data would leave half a merge).
    assertNotRestricted(survivor);
    assertNotRestricted(duplicate);

    const merged = await this.writer.update(auth, body.survivorId, 'merge', 'retry', (fields) =>
      mergeFields(fields, duplicate),
    );
    if (duplicate.kind === 'company') {
      const people = await this.repo.find(auth.tenantId, { companyId: body.duplicateId }, { limit: 10_000 });
      // People merged away before keep pointing where they were (a pointer, not a live contact).
      for (const person of people.filter((p) => !p.mergedInto)) {
        await this.writer.update(auth, String(person._id), 'merge', 'retry', (f) => ({
          ...f,
          companyId: body.survivorId,
        }));
      }
    }
    await this.notifyMerged(auth, body.duplicateId, merged);
    await this.writer.update(auth, body.duplicateId, 'merge', 'retry', (fields) => ({
      ...fields,
      mergedInto: body.survivorId,
      archived: {
        at: new Date().toISOString(),
        reason: `Zusammengeführt mit ${survivor.contactNumber}`,
        by: actorOf(auth),
      },
    }));
    return merged;
  }
}

const union = <T>(a: unknown, b: unknown): T[] => [...new Set([...((a as T[]) ?? []), ...((b as T[]) ?? [])])];

/** Both lists of phone numbers, a number written twice ("030 123" and "+49 30 123") kept once. */
function unionPhones(a: unknown, b: unknown): string[] {
  const seen = new Set<string>();
  return [...((a as string[]) ?? []), ...((b as string[]) ?? [])].filter((phone) => {
    const key = normalizePhone(phone, 'DE')?.e164 ?? phone.replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unionById<T extends { id: string }>(a: unknown, b: unknown): T[] {
  const out = new Map<string, T>();
  for (const item of [...((a as T[]) ?? []), ...((b as T[]) ?? [])]) out.set(item.id, item);
  return [...out.values()];
}

function mergeFields(survivor: ContactFields, dup: ContactDoc): ContactFields {
  const out: ContactFields = { ...survivor };
  const fillable = [
    'title',
    'firstName',
    'position',
    'department',
    'mobilePhone',
    'address',
    'companyId',
    'website',
    'industry',
    'lead',
    'customerSince',
  ];
  for (const f of fillable) if (out[f] === undefined && dup[f] !== undefined) out[f] = dup[f];
  out.relationships = union(survivor.relationships, dup.relationships);
  out.tags = union(survivor.tags, dup.tags);
  if (out.kind === 'person') out.roles = union(survivor.roles, dup.roles);
  out.businessPhones = unionPhones(survivor.businessPhones, dup.businessPhones);
  out.homePhones = unionPhones(survivor.homePhones, dup.homePhones);
  {
    const have = new Set(((survivor.emails as Array<{ address: string }>) ?? []).map((e) => e.address.toLowerCase()));
    const extra = ((dup.emails as Array<{ address: string }>) ?? []).filter((e) => !have.has(e.address.toLowerCase()));
    const emails = [
      ...((survivor.emails as Array<{ address: string; primary: boolean }>) ?? []),
      ...extra.map((e) => ({ address: e.address, primary: false })),
    ];
    // The survivor's primary address stays primary; a survivor without one takes the first.
    if (emails.length > 0 && !emails.some((e) => e.primary)) emails[0] = { ...emails[0]!, primary: true };
    out.emails = emails;
  }
  const sc = survivor.consent as { legalBasis?: string; channels: Record<string, Array<{ id: string; at: string }>> };
  const dc = dup.consent as typeof sc;
  const channels = Object.fromEntries(
    Object.keys(sc.channels).map((c) => [
      c,
      unionById<{ id: string; at: string }>(sc.channels[c], dc?.channels?.[c]).sort((x, y) => x.at.localeCompare(y.at)),
    ]),
  );
  out.consent = {
    ...((sc.legalBasis ?? dc?.legalBasis) ? { legalBasis: sc.legalBasis ?? dc?.legalBasis } : {}),
    channels,
  };
  const sn = survivor.notes as { specifics: string; history: []; openItems: []; free: [] };
  const dn = dup.notes as typeof sn;
  out.notes = {
    specifics:
      dn?.specifics && !sn.specifics.includes(dn.specifics)
        ? [sn.specifics, dn.specifics].filter(Boolean).join('\n\n')
        : sn.specifics,
    history: unionById(sn.history, dn?.history),
    openItems: unionById(sn.openItems, dn?.openItems),
    free: unionById(sn.free, dn?.free),
  };
  // Nothing is cut: over a limit, the user trims one of the two first (nothing is written).
  const problems = limitProblems(out as LimitedContact);
  if (problems.length > 0) throw limitExceeded(problems, 'merge');
  return out;
}
