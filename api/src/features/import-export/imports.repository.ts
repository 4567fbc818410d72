import { type Connection, Types } from 'mongoose';
import { isObjectId } from '../../infra/tenant-documents';
import { isStaleWrite } from '../../infra/write-races';
import {
  type ImportDoc,
  type ImportModels,
  type ImportResultDoc,
  type ImportRowActionDoc,
  importModels,
  RESULTS_PER_BLOCK,
  resultBlockKey,
  type StoredRow,
} from './imports.model';

// Data access of the import assistant. Every query names the tenant from the caller's token (or,
// for the background job, from the import it runs) and is a conjunction of top-level equalities
// (QUERY-RULES.md); the rows and the file are read whole per import, the results by filter key.

/** Bytes per stored chunk of the original file: far below MongoDB's 16 MB document limit. */
export const FILE_CHUNK_BYTES = 4 * 1024 * 1024;
/** Rows per stored chunk (and fewer when their text passes ROWS_CHUNK_CHARS). */
export const ROWS_PER_CHUNK = 500;
const ROWS_CHUNK_CHARS = 2_000_000;
/** Most imports "Letzte Importe" lists. */
export const RECENT_IMPORTS = 20;

const oid = (id: string) => new Types.ObjectId(id);

/** A Buffer from what the driver gives back for binary data (a Buffer or a BSON Binary). */
function bytesOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary?.buffer instanceof Uint8Array) return Buffer.from(binary.buffer);
  return Buffer.from(binary.value?.() ?? new Uint8Array());
}

export class ImportsRepository {
  private readonly m: ImportModels;
  constructor(connection: Connection) {
    this.m = importModels(connection);
  }

  async insert(doc: Omit<ImportDoc, '_id'> & { _id: Types.ObjectId }): Promise<void> {
    await this.m.imports.create(doc);
  }

  async find(tenantId: string, id: string): Promise<ImportDoc | null> {
    if (!isObjectId(id)) return null;
    return this.m.imports.findOne({ tenantId, _id: oid(id) }).lean<ImportDoc>();
  }

  /** The tenant's newest imports (sorted here: a tenant has few). */
  async recent(tenantId: string): Promise<ImportDoc[]> {
    const docs = await this.m.imports.find({ tenantId }, { columns: 0 }).limit(1000).lean<ImportDoc[]>();
    return docs.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, RECENT_IMPORTS);
  }

  /** Sets (and unsets) fields if the import still has `expectedVersion`; `set` must advance `version`. */
  async replaceIfVersion(
    tenantId: string,
    id: string,
    expectedVersion: number,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<boolean> {
    const update: Record<string, unknown> = { $set: set };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((f) => [f, '']));
    try {
      const result = await this.m.imports.updateOne({ tenantId, _id: oid(id), version: expectedVersion }, update);
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }

  /** Deletes the import with its file, rows (of `generation`), results and row actions. */
  async delete(tenantId: string, id: string, generation: number): Promise<void> {
    await this.m.files.deleteMany({ tenantId, importId: id });
    await this.m.rows.deleteMany({ tenantId, rowsKey: `${id}:${generation}` });
    await this.m.results.deleteMany({ tenantId, importId: id });
    await this.m.actions.deleteMany({ tenantId, importId: id });
    await this.m.imports.deleteOne({ tenantId, _id: oid(id) });
  }

  async saveFile(tenantId: string, importId: string, bytes: Uint8Array): Promise<void> {
    const docs = [];
    for (let offset = 0, chunk = 0; offset < bytes.length; offset += FILE_CHUNK_BYTES, chunk++) {
      docs.push({ tenantId, importId, chunk, data: Buffer.from(bytes.subarray(offset, offset + FILE_CHUNK_BYTES)) });
    }
    for (const doc of docs) await this.m.files.create(doc);
  }

  async loadFile(tenantId: string, importId: string): Promise<Buffer> {
    const docs = await this.m.files.find({ tenantId, importId }).lean();
    return Buffer.concat(docs.sort((a, b) => a.chunk - b.chunk).map((doc) => bytesOf(doc.data)));
  }

  /** Stores the rows of one generation in chunks. */
  async saveRows(tenantId: string, rowsKey: string, rows: readonly StoredRow[]): Promise<void> {
    let chunk = 0;
    let batch: StoredRow[] = [];
    let chars = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.m.rows.create({ tenantId, rowsKey, chunk: chunk++, rows: batch });
      batch = [];
      chars = 0;
    };
    for (const row of rows) {
      batch.push(row);
      chars += row.c.reduce((sum, cell) => sum + cell.length, 0);
      if (batch.length >= ROWS_PER_CHUNK || chars >= ROWS_CHUNK_CHARS) await flush();
    }
    await flush();
  }

  async loadRows(tenantId: string, rowsKey: string): Promise<StoredRow[]> {
    const docs = await this.m.rows.find({ tenantId, rowsKey }).lean();
    return docs.sort((a, b) => a.chunk - b.chunk).flatMap((doc) => doc.rows);
  }

  async deleteRows(tenantId: string, rowsKey: string): Promise<void> {
    await this.m.rows.deleteMany({ tenantId, rowsKey });
  }

  /** Stores results by row index (a repeated row after a resume replaces its result). */
  async saveResults(docs: readonly Omit<ImportResultDoc, '_id'>[]): Promise<void> {
    if (docs.length === 0) return;
    await this.m.results.bulkWrite(
      docs.map((doc) => ({
        replaceOne: {
          filter: { tenantId: doc.tenantId, importId: doc.importId, index: doc.index },
          replacement: doc,
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  async clearResults(tenantId: string, importId: string): Promise<void> {
    await this.m.results.deleteMany({ tenantId, importId });
  }

  /** Results of the rows `from` … `to` (indexes, `to` exclusive), in order. */
  async resultsRange(tenantId: string, importId: string, from: number, to: number): Promise<ImportResultDoc[]> {
    const blocks: string[] = [];
    for (let block = Math.floor(from / RESULTS_PER_BLOCK); block * RESULTS_PER_BLOCK < to; block++) {
      blocks.push(resultBlockKey(importId, block * RESULTS_PER_BLOCK));
    }
    const found = await Promise.all(
      blocks.map((blockKey) => this.m.results.find({ tenantId, blockKey }).lean<ImportResultDoc[]>()),
    );
    return found
      .flat()
      .filter((doc) => doc.index >= from && doc.index < to)
      .sort((a, b) => a.index - b.index);
  }

  /** One page of the results carrying `filterKey`, by row, and how many there are. */
  async resultsPage(
    tenantId: string,
    filterKey: string,
    offset: number,
    limit: number,
  ): Promise<{ docs: ImportResultDoc[]; total: number }> {
    const all = await this.m.results
      .find({ tenantId, filterKeys: filterKey }, { index: 1 })
      .lean<{ index: number }[]>();
    const indexes = all.map((d) => d.index).sort((a, b) => a - b);
    const wanted = indexes.slice(offset, offset + limit);
    if (wanted.length === 0) return { docs: [], total: indexes.length };
    const importId = filterKey.slice(0, filterKey.indexOf(':'));
    const docs = await this.resultsRange(tenantId, importId, wanted[0] ?? 0, (wanted[wanted.length - 1] ?? 0) + 1);
    const keep = new Set(wanted);
    return { docs: docs.filter((d) => keep.has(d.index)), total: indexes.length };
  }

  async actions(tenantId: string, importId: string): Promise<ImportRowActionDoc[]> {
    return this.m.actions.find({ tenantId, importId }).lean<ImportRowActionDoc[]>();
  }

  async setAction(doc: Omit<ImportRowActionDoc, '_id'>): Promise<void> {
    await this.m.actions.replaceOne({ tenantId: doc.tenantId, importId: doc.importId, row: doc.row }, doc, {
      upsert: true,
    });
  }

  async removeAction(tenantId: string, importId: string, row: number): Promise<void> {
    await this.m.actions.deleteOne({ tenantId, importId, row });
  }

  async clearActions(tenantId: string, importId: string): Promise<void> {
    await this.m.actions.deleteMany({ tenantId, importId });
  }
}
