import { type Connection, type Model, Types } from 'mongoose';
import { backoff, isStaleWrite } from '../../infra/write-races';
import { bucketOf, type EntryStatus, type MirrorEntryDoc, mirrorModels } from './mirror.model';

// Data access for the mirror's per-contact entries (outbox + state). Every filter is
// `{tenantId, <one indexed top-level field>}` with at most a version or keyset condition after
// it (QUERY-RULES.md); every write advances `version`.

const RETRIES = 50;
/** Upserts in flight at once when enqueueing many contacts. */
const ENQUEUE_PARALLEL = 8;
/** New entries per insertMany when enqueueing many contacts. */
const INSERT_GROUP = 100;
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** Fields an entry has from its first enqueue on. */
const fresh = (contactId: string) => ({ bucket: bucketOf(contactId), links: [], outlookIds: [] });

/** An entry as read, its lists present even where an upsert stored none (empty arrays may not be kept). */
function complete(doc: MirrorEntryDoc): MirrorEntryDoc {
  return { ...doc, links: doc.links ?? [], outlookIds: doc.outlookIds ?? [] };
}
const completeAll = (docs: MirrorEntryDoc[]) => docs.map(complete);

export class MirrorEntriesRepository {
  private readonly model: Model<MirrorEntryDoc>;
  constructor(connection: Connection) {
    this.model = mirrorModels(connection).entries;
  }

  /**
   * Marks contact `contactId` due for a push: raises `seq`, remembers the contact version the
   * caller is about to write (`want`, the highest announced wins) and sets the status to pending.
   * Idempotent by contact id; a lost race (unique index, version guard) is retried.
   */
  async enqueue(tenantId: string, contactId: string, want: number, extra: Partial<MirrorEntryDoc> = {}): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.model.updateOne(
          { tenantId, contactId },
          {
            $set: { due: bucketOf(contactId), status: 'pending', enqueuedAt: new Date(), ...extra },
            $max: { want },
            $inc: { seq: 1, version: 1 },
            $setOnInsert: fresh(contactId),
          },
          { upsert: true },
        );
        return;
      } catch (err) {
        if (!(isDuplicateKey(err) || isStaleWrite(err)) || attempt >= RETRIES) throw err;
        await backoff(attempt);
      }
    }
  }

  /**
   * Enqueues many contacts (the backfill). Entries that do not exist yet are inserted, INSERT_GROUP
   * per unordered insertMany, as the first enqueue would have made them; those that exist (the
   * outbox is always on) get the upsert, eight at a time. Not one bulkWrite of updates: the
   * embedded engine (FerretDB 1.24) answers a bulk of updates to existing documents ever more
   * slowly with its size (40 in ~2 s) and not at all from ~50 on, holding up every tenant's queries.
   */
  async enqueueMany(tenantId: string, contactIds: readonly string[]): Promise<void> {
    const existing: string[] = [];
    for (let i = 0; i < contactIds.length; i += INSERT_GROUP) {
      const group = contactIds.slice(i, i + INSERT_GROUP);
      const enqueuedAt = new Date();
      const docs = group.map((contactId) => ({
        tenantId,
        contactId,
        version: 1,
        seq: 1,
        want: 0,
        enqueuedAt,
        due: bucketOf(contactId),
        status: 'pending' as const,
        ...fresh(contactId),
      }));
      try {
        await this.model.insertMany(docs, { ordered: false, lean: true });
      } catch (err) {
        const failed = (
          err as { writeErrors?: Array<{ index?: number; code?: number; err?: { index?: number; code?: number } }> }
        ).writeErrors;
        if (!failed?.length) throw err;
        for (const e of failed) {
          const index = e.index ?? e.err?.index;
          if ((e.code ?? e.err?.code) !== 11000 || index === undefined) throw err;
          existing.push(group[index] as string);
        }
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < existing.length) await this.enqueue(tenantId, existing[next++] as string, 0);
    };
    await Promise.all(Array.from({ length: Math.min(ENQUEUE_PARALLEL, existing.length) }, worker));
  }

  async find(tenantId: string, contactId: string): Promise<MirrorEntryDoc | null> {
    const doc = await this.model.findOne({ tenantId, contactId }).lean<MirrorEntryDoc>();
    return doc ? complete(doc) : null;
  }

  /** One equality lookup per contact id, in parallel (QUERY-RULES.md rule 3). */
  async findMany(tenantId: string, contactIds: readonly string[]): Promise<Map<string, MirrorEntryDoc>> {
    const docs = await Promise.all([...new Set(contactIds)].map((id) => this.find(tenantId, id)));
    return new Map(docs.filter((d): d is MirrorEntryDoc => d !== null).map((d) => [d.contactId, d]));
  }

  /** The due entries of one bucket (a sixteenth of the tenant). */
  async findDue(tenantId: string, bucket: string): Promise<MirrorEntryDoc[]> {
    return completeAll(await this.model.find({ tenantId, due: bucket }).lean<MirrorEntryDoc[]>());
  }

  /** Every entry of one bucket, for tenant-wide reconciliation. */
  async findInBucket(tenantId: string, bucket: string): Promise<MirrorEntryDoc[]> {
    return completeAll(await this.model.find({ tenantId, bucket }).lean<MirrorEntryDoc[]>());
  }

  /** The entries linked to Outlook contact `outlookId` (normally one). */
  async findByOutlookId(tenantId: string, outlookId: string): Promise<MirrorEntryDoc[]> {
    return completeAll(await this.model.find({ tenantId, outlookIds: outlookId }).lean<MirrorEntryDoc[]>());
  }

  async countByStatus(tenantId: string, status: EntryStatus): Promise<number> {
    return this.model.countDocuments({ tenantId, status });
  }

  async countReview(tenantId: string): Promise<number> {
    return this.model.countDocuments({ tenantId, review: true });
  }

  /** A page of the entries in error or to review, newest entry first, after the entry `beforeId`. */
  async page(
    tenantId: string,
    list: { status: 'error' } | { review: true },
    limit: number,
    beforeId?: string,
  ): Promise<MirrorEntryDoc[]> {
    const filter: Record<string, unknown> = { tenantId, ...list };
    if (beforeId) filter._id = { $lt: new Types.ObjectId(beforeId) };
    return completeAll(await this.model.find(filter).sort({ _id: -1 }).limit(limit).lean<MirrorEntryDoc[]>());
  }

  /**
   * Writes `set`/`unset` onto the entry if it still has `expectedVersion` (and `seq`, when given);
   * advances the version. False when it moved on (an enqueue came in between).
   */
  async updateIf(
    tenantId: string,
    contactId: string,
    expected: { version: number; seq?: number },
    set: Partial<MirrorEntryDoc>,
    unset: readonly (keyof MirrorEntryDoc)[] = [],
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: { ...set, version: expected.version + 1 } };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    const filter: Record<string, unknown> = { tenantId, contactId, version: expected.version };
    if (expected.seq !== undefined) filter.seq = expected.seq;
    try {
      const result = await this.model.updateOne(filter, update);
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }

  /**
   * Applies `change` to the stored entry (created when missing) until the write lands on the
   * version it was computed from. `change` returns the fields to set, or null for no write.
   */
  async modify(
    tenantId: string,
    contactId: string,
    change: (doc: MirrorEntryDoc | null) => { set: Partial<MirrorEntryDoc>; unset?: (keyof MirrorEntryDoc)[] } | null,
  ): Promise<void> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const doc = await this.find(tenantId, contactId);
      const next = change(doc);
      if (!next) return;
      if (!doc) {
        try {
          await this.model.create({
            tenantId,
            contactId,
            version: 1,
            seq: 0,
            want: 0,
            enqueuedAt: new Date(),
            status: 'pending',
            ...fresh(contactId),
            ...next.set,
          });
          return;
        } catch (err) {
          if (isDuplicateKey(err)) continue;
          throw err;
        }
      }
      if (await this.updateIf(tenantId, contactId, { version: doc.version }, next.set, next.unset)) return;
    }
    throw new Error(`mirror entry of ${contactId} keeps changing`);
  }

  /** Deletes the entry if it still has `version` (an erased contact whose copies are gone). */
  async deleteIf(tenantId: string, contactId: string, version: number): Promise<void> {
    await this.model.deleteOne({ tenantId, contactId, version });
  }

  /** Deletes every entry of the tenant (a tenant's data reset while its mirror is off). Returns how many. */
  async deleteTenant(tenantId: string): Promise<number> {
    return (await this.model.deleteMany({ tenantId })).deletedCount ?? 0;
  }
}
