import { type Connection, type Model, type QueryFilter, Types } from 'mongoose';
import { isStaleWrite } from '../../infra/write-races';
import { type OpportunityDoc, opportunityModel } from './opportunities.model';

// Data access for opportunities. Every method takes the tenant from the caller's verified token;
// documents leave as plain objects. Queries follow QUERY-RULES.md: a conjunction of top-level
// equalities with one lookup key (stage, ownerId, contactKeys, closeMonth, closedMonth,
// idempotencyKey, _id); alternatives run as parallel queries merged here.

export type OpportunityFilter = QueryFilter<OpportunityDoc>;

export class DuplicateOpportunityKeyError extends Error {
  constructor() {
    super('duplicate idempotency key');
    this.name = 'DuplicateOpportunityKeyError';
  }
}

const isObjectId = (id: string) => /^[0-9a-f]{24}$/.test(id);

/** List order: close date (undated last), folded title, id. */
export const LIST_ORDER = { listSort: 1, _id: 1 } as const;

export function byListOrder(a: OpportunityDoc, b: OpportunityDoc): number {
  if (a.listSort !== b.listSort) return a.listSort < b.listSort ? -1 : 1;
  const x = String(a._id);
  const y = String(b._id);
  return x < y ? -1 : x > y ? 1 : 0;
}

export class OpportunitiesRepository {
  private readonly model: Model<OpportunityDoc>;
  constructor(connection: Connection) {
    this.model = opportunityModel(connection);
  }

  async findById(tenantId: string, id: string): Promise<OpportunityDoc | null> {
    if (!isObjectId(id)) return null;
    return this.model.findOne({ tenantId, _id: new Types.ObjectId(id) }).lean<OpportunityDoc>();
  }

  async findByIdempotencyKey(tenantId: string, idempotencyKey: string): Promise<OpportunityDoc | null> {
    return this.model.findOne({ tenantId, idempotencyKey }).lean<OpportunityDoc>();
  }

  /** One equality query (plus narrowing conditions), in list order when `sorted`, at most `limit`. */
  async find(tenantId: string, filter: OpportunityFilter, limit: number, sorted = true): Promise<OpportunityDoc[]> {
    const query = this.model.find({ ...filter, tenantId });
    if (sorted) query.sort(LIST_ORDER);
    return query.limit(limit).lean<OpportunityDoc[]>();
  }

  /**
   * Alternative filters (an "or") as parallel queries, each sorted and limited alike, merged
   * without duplicates in list order and cut to `limit` (keyset pages stay exact, rule R22).
   */
  async findAny(tenantId: string, branches: readonly OpportunityFilter[], limit: number): Promise<OpportunityDoc[]> {
    const results = await Promise.all(branches.map((filter) => this.find(tenantId, filter, limit)));
    const byId = new Map<string, OpportunityDoc>();
    for (const doc of results.flat()) byId.set(String(doc._id), doc);
    return [...byId.values()].sort(byListOrder).slice(0, limit);
  }

  async insert(doc: Omit<OpportunityDoc, '_id'>): Promise<OpportunityDoc> {
    try {
      const created = await this.model.create(doc);
      return created.toObject() as OpportunityDoc;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new DuplicateOpportunityKeyError();
      throw err;
    }
  }

  /** Replaces the stored fields if the document still has `expectedVersion`; false when it moved on. */
  async replaceIfVersion(
    tenantId: string,
    id: string,
    expectedVersion: number,
    set: Record<string, unknown>,
    unset: readonly string[],
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: set };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    try {
      const result = await this.model.updateOne(
        { tenantId, _id: new Types.ObjectId(id), version: expectedVersion },
        update,
      );
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }

  /** Deletes every opportunity of the tenant: only for the demo tenant's reset. */
  async deleteTenantData(tenantId: string): Promise<number> {
    return (await this.model.deleteMany({ tenantId })).deletedCount;
  }
}
