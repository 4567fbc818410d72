import type { Import, ImportSummary } from '@klarkonform/shared';
import type { PlanSettings } from './import-plan';
import type { ImportDoc } from './imports.model';

// Between the stored import and the API's Import: the tenant, the lease and the rows' generation
// stay inside.

export function toImport(doc: ImportDoc): Import {
  const { _id, tenantId: _t, generation: _g, leaseHolder: _h, leaseUntil: _u, ...rest } = doc;
  return { id: String(_id), ...rest };
}

export function toImportSummary(doc: ImportDoc): ImportSummary {
  return {
    id: String(doc._id),
    fileName: doc.fileName,
    format: doc.format,
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    status: doc.status,
    rowCount: doc.rowCount,
    ...(doc.run ? { run: doc.run } : {}),
  };
}

/** The key of the import's current rows. */
export const rowsKeyOf = (doc: Pick<ImportDoc, '_id' | 'generation'>) => `${String(doc._id)}:${doc.generation}`;

/** How the import's rows are read: its mapping, headers and values for all rows. */
export function planSettings(doc: ImportDoc): PlanSettings {
  return {
    mapping: doc.columns.map((column) => column.target),
    headers: doc.columns.map((column) => column.header),
    defaults: doc.defaults,
  };
}
