import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Import, ImportAction, ImportRowResult, ImportVerdict } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Storage of the import assistant (issue 16), five collections, each led by the tenant:
// - `imports`: one per uploaded file (the API's Import plus the lease and the rows' generation);
// - `importFiles`: the original bytes in chunks (re-reading with another encoding or sheet);
// - `importRows`: the parsed rows, up to ROWS_PER_CHUNK per document, under `rowsKey`
//   (`<importId>:<generation>`: a re-read writes a new generation, then switches to it);
// - `importResults`: one per row of the last run (dry run or import), with `filterKeys` for the
//   preview's filters (`<importId>:failed`, `<importId>:problems`, …);
// - `importRowActions`: the actions chosen for single rows.

/** Results per block (`blockKey`): the report and the preview read results a block at a time. */
export const RESULTS_PER_BLOCK = 500;

export const resultBlockKey = (importId: string, index: number) =>
  `${importId}:${Math.floor(index / RESULTS_PER_BLOCK)}`;

export type ImportDoc = Omit<Import, 'id'> & {
  _id: Types.ObjectId;
  tenantId: string;
  /** The rows' generation (see `rowsKey`). */
  generation: number;
  /** The instance running the import's job, and until when its lease holds. */
  leaseHolder?: string;
  leaseUntil?: Date;
};

export interface ImportFileDoc {
  _id: Types.ObjectId;
  tenantId: string;
  importId: string;
  chunk: number;
  data: Buffer;
}

/** A row as stored: its number in the file and its cells. */
export interface StoredRow {
  n: number;
  c: string[];
}

export interface ImportRowsDoc {
  _id: Types.ObjectId;
  tenantId: string;
  rowsKey: string;
  chunk: number;
  rows: StoredRow[];
}

export interface ImportResultDoc {
  _id: Types.ObjectId;
  tenantId: string;
  importId: string;
  /** The row's index among the data rows (0-based), the order of the report. */
  index: number;
  /** `<importId>:<index / RESULTS_PER_BLOCK>`: reads a range of results by equality. */
  blockKey: string;
  row: number;
  verdict: ImportVerdict;
  result: ImportRowResult;
  filterKeys: string[];
}

export interface ImportRowActionDoc {
  _id: Types.ObjectId;
  tenantId: string;
  importId: string;
  row: number;
  action: ImportAction;
  targetId?: string;
}

const options = (collection: string) => ({ strict: false, versionKey: false, minimize: false, collection }) as const;

const importSchema = new Schema<ImportDoc>(
  { tenantId: { type: String, required: true }, version: { type: Number, required: true } },
  options('imports'),
);
// "Letzte Importe" reads the tenant's imports (few: one per uploaded file) by the tenant alone.
importSchema.index({ tenantId: 1 });
importSchema.plugin(tenantScopePlugin);

const fileSchema = new Schema<ImportFileDoc>(
  { tenantId: { type: String, required: true }, importId: { type: String, required: true } },
  options('importFiles'),
);
fileSchema.index({ tenantId: 1, importId: 1 });
fileSchema.plugin(tenantScopePlugin);

const rowsSchema = new Schema<ImportRowsDoc>(
  { tenantId: { type: String, required: true }, rowsKey: { type: String, required: true } },
  options('importRows'),
);
rowsSchema.index({ tenantId: 1, rowsKey: 1 });
rowsSchema.plugin(tenantScopePlugin);

const resultSchema = new Schema<ImportResultDoc>(
  { tenantId: { type: String, required: true }, importId: { type: String, required: true } },
  options('importResults'),
);
resultSchema.index({ tenantId: 1, importId: 1, index: 1 }, { unique: true });
resultSchema.index({ tenantId: 1, filterKeys: 1 });
resultSchema.index({ tenantId: 1, blockKey: 1 });
resultSchema.plugin(tenantScopePlugin);

const actionSchema = new Schema<ImportRowActionDoc>(
  { tenantId: { type: String, required: true }, importId: { type: String, required: true } },
  options('importRowActions'),
);
actionSchema.index({ tenantId: 1, importId: 1, row: 1 }, { unique: true });
actionSchema.plugin(tenantScopePlugin);

export interface ImportModels {
  imports: Model<ImportDoc>;
  files: Model<ImportFileDoc>;
  rows: Model<ImportRowsDoc>;
  results: Model<ImportResultDoc>;
  actions: Model<ImportRowActionDoc>;
}

function model<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T>) ?? connection.model<T>(name, schema);
}

/** The import assistant's models on `connection` (made once per connection). */
export function importModels(connection: Connection): ImportModels {
  return {
    imports: model(connection, 'Import', importSchema),
    files: model(connection, 'ImportFile', fileSchema),
    rows: model(connection, 'ImportRows', rowsSchema),
    results: model(connection, 'ImportResult', resultSchema),
    actions: model(connection, 'ImportRowAction', actionSchema),
  };
}
