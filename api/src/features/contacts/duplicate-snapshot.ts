import type { ContactDoc } from './contacts.model';
import type { ContactFilter, ContactsRepository } from './contacts.repository';

// A large import asks the duplicate check once per row: five or six equality lookups each (one
// per e-mail, phone and blocking key, rule R22), which on the embedded engine is most of a row's
// time. For a run of many rows the tenant's contacts are read once, in the list buckets' bounded
// slices (R24), and the same lookups are answered from memory: the same branches, the same limit,
// the same scoring (DuplicatesService). Contacts the run itself creates or fills are put back in,
// so a later row sees them as the database would. Contacts other users create during the run are
// not seen by its duplicate verdicts (the create path's own checks — Idempotency-Key, an address
// held by a live contact — still run against the database).

/** The lookup fields the duplicate check and the import's company match query by equality. */
const LOOKUP_FIELDS = ['emailKeys', 'phoneKeys', 'matchKeys', 'companyDomainKeys'] as const;
type LookupField = (typeof LOOKUP_FIELDS)[number];

/** Prefix arrays and list keys are not needed for matching: they are dropped to keep the snapshot small. */
const DROPPED = ['emailPrefixes', 'phonePrefixes', 'namePrefixes', 'nameWords', 'phoneticKeys', 'listKeys'] as const;

const slot = (field: string, value: string) => `${field}\u0000${value}`;

/** Every not-merged contact of one tenant (active and archived), indexed by its lookup keys. */
export class DuplicateSnapshot {
  private readonly byLookup = new Map<string, Set<string>>();
  private readonly byId = new Map<string, ContactDoc>();
  private readonly byIdempotencyKey = new Map<string, string>();

  /**
   * Reads the tenant's contacts bucket by bucket; null when there are more than `maxDocs` (the
   * per-row lookups are then cheaper than holding them all). `afterSlice` runs after each bucket
   * (a background job renews its lease there).
   */
  static async read(
    repo: ContactsRepository,
    tenantId: string,
    maxDocs: number,
    afterSlice: () => Promise<void> = async () => undefined,
  ): Promise<DuplicateSnapshot | null> {
    const snapshot = new DuplicateSnapshot();
    let count = 0;
    for (const state of ['active', 'archived'] as const) {
      for await (const docs of repo.scan(tenantId, state)) {
        count += docs.length;
        if (count > maxDocs) return null;
        for (const doc of docs) snapshot.put(doc);
        await afterSlice();
      }
    }
    return snapshot;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds a contact, or replaces the one with its id (after a write changed its keys). */
  put(doc: ContactDoc): void {
    const id = String(doc._id);
    this.remove(id);
    if (doc.mergedInto) return;
    const kept = { ...doc } as Record<string, unknown>;
    for (const field of DROPPED) delete kept[field];
    this.byId.set(id, kept as unknown as ContactDoc);
    if (doc.idempotencyKey) this.byIdempotencyKey.set(doc.idempotencyKey, id);
    for (const field of LOOKUP_FIELDS) {
      for (const value of (doc[field as keyof ContactDoc] as string[] | undefined) ?? []) {
        const key = slot(field, value);
        let ids = this.byLookup.get(key);
        if (!ids) {
          ids = new Set();
          this.byLookup.set(key, ids);
        }
        ids.add(id);
      }
    }
  }

  private remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    if (old.idempotencyKey && this.byIdempotencyKey.get(old.idempotencyKey) === id)
      this.byIdempotencyKey.delete(old.idempotencyKey);
    for (const field of LOOKUP_FIELDS) {
      for (const value of (old[field as keyof ContactDoc] as string[] | undefined) ?? []) {
        this.byLookup.get(slot(field, value))?.delete(id);
      }
    }
  }

  findById(id: string): ContactDoc | null {
    return this.byId.get(id) ?? null;
  }

  /** The contact stored under an Idempotency-Key — merged ones included, as the database answers. */
  findByIdempotencyKey(key: string): ContactDoc | null {
    const id = this.byIdempotencyKey.get(key);
    return id ? (this.byId.get(id) ?? null) : null;
  }

  /**
   * Like ContactsRepository.findAny for branches of the shape the duplicate check and the company
   * match use: one lookup field's equality, optionally `kind`, `archived: null` (live) and
   * `mergedInto: {$exists: false}` (always true here). Throws on any other filter, so a new
   * branch shape cannot be answered wrongly in silence.
   */
  findAny(branches: readonly ContactFilter[], limit: number): ContactDoc[] {
    const found = new Map<string, ContactDoc>();
    for (const branch of branches) {
      const { kind, archived, mergedInto, ...rest } = branch as Record<string, unknown>;
      const entries = Object.entries(rest);
      const [field, value] = entries[0] ?? [];
      if (entries.length !== 1 || !LOOKUP_FIELDS.includes(field as LookupField) || typeof value !== 'string')
        throw new Error(`duplicate snapshot cannot answer ${JSON.stringify(Object.keys(branch))}`);
      if (mergedInto !== undefined && JSON.stringify(mergedInto) !== '{"$exists":false}')
        throw new Error('duplicate snapshot: unsupported mergedInto filter');
      let taken = 0;
      for (const id of this.byLookup.get(slot(field as string, value)) ?? []) {
        const doc = this.byId.get(id);
        if (!doc) continue;
        if (kind !== undefined && doc.kind !== kind) continue;
        if (archived === null && doc.archived) continue;
        if (taken++ >= limit) break;
        found.set(id, doc);
      }
    }
    return [...found.values()].slice(0, limit);
  }
}
