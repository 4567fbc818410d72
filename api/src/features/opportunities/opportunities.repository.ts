import type { Connection, QueryFilter } from 'mongoose';
import { TenantDocuments } from '../../infra/tenant-documents';
import { type OpportunityDoc, opportunityModel } from './opportunities.model';

// Data access for opportunities. Every method takes the tenant from the caller's verified token;
// documents leave as plain objects. Queries follow QUERY-RULES.md: a conjunction of top-level
// equalities with one lookup key (stage, ownerId, contactKeys, closeMonth, closedMonth,
// idempotencyKey, _id); alternatives run as parallel queries merged here.

export type OpportunityFilter = QueryFilter<OpportunityDoc>;

/** List order: close date (undated last), folded title, id. */
export const LIST_ORDER = { listSort: 1, _id: 1 } as const;

export function byListOrder(a: OpportunityDoc, b: OpportunityDoc): number {
  if (a.listSort !== b.listSort) return a.listSort < b.listSort ? -1 : 1;
  const x = String(a._id);
  const y = String(b._id);
  return x < y ? -1 : x > y ? 1 : 0;
}

export class OpportunitiesRepository extends TenantDocuments<OpportunityDoc> {
  constructor(connection: Connection) {
    super(opportunityModel(connection));
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
}
