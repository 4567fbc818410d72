import type { Connection, Model } from 'mongoose';
import { backoff, isStaleWrite } from '../../infra/write-races';
import { type MirrorTargetDoc, mirrorModels } from './mirror.model';

// A tenant's target mailboxes as the runs leave them (folder id, delta link, problem). Read by
// `{tenantId}` (at most MAX_MIRROR_TARGETS documents) or `{tenantId, mailbox}`; only the run
// holding the tenant's lease writes them, version-guarded all the same.

const RETRIES = 20;

export class MirrorTargetsRepository {
  private readonly model: Model<MirrorTargetDoc>;
  constructor(connection: Connection) {
    this.model = mirrorModels(connection).targets;
  }

  async list(tenantId: string): Promise<MirrorTargetDoc[]> {
    return this.model.find({ tenantId }).lean<MirrorTargetDoc[]>();
  }

  async find(tenantId: string, mailbox: string): Promise<MirrorTargetDoc | null> {
    return this.model.findOne({ tenantId, mailbox }).lean<MirrorTargetDoc>();
  }

  /**
   * Applies `change` to the target's stored state (created when missing) and returns the state
   * as written.
   */
  async modify(
    tenantId: string,
    mailbox: string,
    change: (doc: MirrorTargetDoc | null) => { set: Partial<MirrorTargetDoc>; unset?: (keyof MirrorTargetDoc)[] },
  ): Promise<MirrorTargetDoc> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const doc = await this.find(tenantId, mailbox);
      const { set, unset = [] } = change(doc);
      if (!doc) {
        try {
          const created = await this.model.create({ tenantId, mailbox, version: 1, ...set });
          return created.toObject() as MirrorTargetDoc;
        } catch (err) {
          if ((err as { code?: number }).code === 11000) continue;
          throw err;
        }
      }
      const update: Record<string, unknown> = { $set: { ...set, version: doc.version + 1 } };
      if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
      try {
        const result = await this.model.updateOne({ tenantId, mailbox, version: doc.version }, update);
        if (result.matchedCount === 1) {
          const next = { ...doc, ...set, version: doc.version + 1 } as MirrorTargetDoc;
          for (const field of unset) delete next[field];
          return next;
        }
      } catch (err) {
        if (!isStaleWrite(err)) throw err;
      }
    }
    throw new Error(`mirror target ${mailbox} keeps changing`);
  }
}
