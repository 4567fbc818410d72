import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { BSON, type Db, type Document } from 'mongodb';

// A portable copy of a KlarKonform database: one file per collection, one document per line in
// canonical Extended JSON (types such as ObjectId and Date kept) — the format `mongoimport`
// reads, so the embedded engine's data moves to MongoDB with either this module or MongoDB's tools.

/** Collections that are FerretDB's or MongoDB's own, never exported. */
const SYSTEM = /^system\./;
/** Collections of short-lived leases (merge-locks.repository.ts): meaningless in a copy. */
const TRANSIENT = new Set(['merge_locks']);
/** Markers of start-up migrations: the API writes them into every new database, so they merge. */
const MARKERS = 'migrations';
const BATCH = 500;

export interface TransferReport {
  /** Documents per collection. */
  readonly collections: Record<string, number>;
}

/** Writes every collection of `db` to `<dir>/<collection>.json`. */
export async function exportDatabase(db: Db, dir: string): Promise<TransferReport> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const collections: Record<string, number> = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  for (const name of names.filter((n) => !SYSTEM.test(n) && !TRANSIENT.has(n)).sort()) {
    // Personal data: readable by the owner only.
    const out = createWriteStream(path.join(dir, `${name}.json`), { encoding: 'utf8', mode: 0o600 });
    let count = 0;
    // In _id order, so two exports of the same data are the same files.
    for await (const doc of db.collection(name).find({}).sort({ _id: 1 })) {
      if (!out.write(`${BSON.EJSON.stringify(doc, { relaxed: false })}\n`)) await once(out, 'drain');
      count++;
    }
    out.end();
    await once(out, 'finish');
    collections[name] = count;
  }
  return { collections };
}

/**
 * Loads the files of `exportDatabase` into `db`. Refuses (throws) when a target collection
 * already holds documents, unless `replace` empties it first. Indexes are the API's business:
 * it creates them at start (or `npm run db:indexes`).
 */
export async function importDatabase(db: Db, dir: string, options: { replace?: boolean } = {}) {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`${dir} holds no exported collections (*.json)`);
  const names = files.map((f) => f.slice(0, -'.json'.length));
  for (const name of names.filter((n) => n !== MARKERS)) {
    const existing = await db.collection(name).estimatedDocumentCount();
    if (existing > 0 && !options.replace) {
      throw new Error(`The collection "${name}" already holds ${existing} documents; use --replace to overwrite it`);
    }
  }
  const collections: Record<string, number> = {};
  for (const name of names) {
    const collection = db.collection(name);
    if (options.replace || name === MARKERS) await collection.deleteMany({});
    let batch: Document[] = [];
    let count = 0;
    const lines = createInterface({ input: createReadStream(path.join(dir, `${name}.json`), 'utf8') });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      batch.push(BSON.EJSON.parse(line, { relaxed: false }) as Document);
      if (batch.length === BATCH) {
        await collection.insertMany(batch, { ordered: true });
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await collection.insertMany(batch, { ordered: true });
    collections[name] = count + batch.length;
  }
  return { collections } satisfies TransferReport;
}
