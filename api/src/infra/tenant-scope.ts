import type { Schema } from 'mongoose';

// Safety net under the repositories: a query on a tenant-scoped model that
// does not name a tenant fails loudly instead of reading every tenant's data.
// Repositories always pass the tenant from the verified token; this plugin
// makes forgetting it impossible.

const QUERY_HOOKS = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
] as const;

export class UnscopedQueryError extends Error {
  constructor(model: string, op: string) {
    super(`Unscoped ${op} on ${model}: every query must filter by tenantId`);
    this.name = 'UnscopedQueryError';
  }
}

function hasTenant(filter: Record<string, unknown> | undefined): boolean {
  const value = filter?.tenantId;
  return typeof value === 'string' && value.length > 0;
}

export function tenantScopePlugin(schema: Schema): void {
  for (const op of QUERY_HOOKS) {
    schema.pre(op, function enforceTenant() {
      if (!hasTenant(this.getFilter())) throw new UnscopedQueryError(this.model.modelName, op);
    });
  }
  schema.pre('aggregate', function enforceTenant() {
    const first = this.pipeline()[0] as { $match?: Record<string, unknown> } | undefined;
    if (!hasTenant(first?.$match)) throw new UnscopedQueryError(this.model().modelName, 'aggregate');
  });
  schema.pre('insertMany', function enforceTenant(docs: unknown) {
    const list: unknown[] = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => !hasTenant(d as Record<string, unknown>))) {
      throw new UnscopedQueryError(this.modelName, 'insertMany');
    }
  });
}
