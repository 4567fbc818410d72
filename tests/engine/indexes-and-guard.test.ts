import { type Collection, type Document, MongoClient, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedMongo, STALE_WRITE, startEmbeddedMongo } from '../../api/src/infra/embedded-mongo';
import { BINARY, seconds, tempDataDir } from './support';

// What engine.sql adds to FerretDB's PostgreSQL handler: GIN twins of the
// btree indexes createIndexes makes (so pushed-down equality filters are
// index scans) and the version guard against lost updates.

const data = tempDataDir('kk-engine-idx-');
let engine: EmbeddedMongo;
let client: MongoClient;

beforeAll(async () => {
  const t = Date.now();
  engine = await startEmbeddedMongo({ binary: BINARY, dataDir: data.dir, fastUnsafe: true });
  console.log(`[timing] engine first start on tmpfs, fastUnsafe: ${seconds(Date.now() - t)}`);
  client = new MongoClient(engine.uri);
  await client.connect();
});

afterAll(async () => {
  await client?.close();
  await engine?.stop();
  data.remove();
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Runs explain through the driver and returns the PostgreSQL plan nodes, flattened. */
async function planNodes(coll: Collection, filter: Document): Promise<PlanNode[]> {
  const res = await client
    .db(coll.dbName)
    .command({ explain: { find: coll.collectionName, filter }, verbosity: 'queryPlanner' });
  expect(res.filterPushdown).toBe(true);
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    nodes.push(n);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk((res.queryPlanner as { Plan: PlanNode }).Plan);
  return nodes;
}

async function ginIndexesUsed(coll: Collection, filter: Document): Promise<string[]> {
  return (await planNodes(coll, filter))
    .filter((n) => n['Node Type'] === 'Bitmap Index Scan' || n['Node Type'] === 'Index Scan')
    .map((n) => n['Index Name'] ?? '')
    .filter((name) => name.endsWith('_gin'));
}

describe('GIN twins of FerretDB indexes', () => {
  it('makes equality filters on indexed top-level fields index scans, and drops twins with their index', async () => {
    const coll = client.db('engine_idx').collection('contacts');
    const docs = Array.from({ length: 3000 }, (_, i) => ({
      tenantId: i % 2 === 0 ? 't' : 'u',
      emailKeys: [`p${i}@example.de`, `p${i}@example.com`],
      name: `Person ${i}`,
    }));
    docs.push({ tenantId: 't', emailKeys: ['a@b.de'], name: 'Anna' });
    await coll.insertMany(docs);
    await coll.createIndex({ tenantId: 1, emailKeys: 1 }, { name: 'tenant_email' });
    await coll.createIndex({ tenantId: 1, name: 1 }, { name: 'tenant_name' });
    await client
      .db('engine_idx')
      .command({ analyze: 'contacts' })
      .catch(() => {}); // not in FerretDB 1.24; autovacuum analyzes

    const explained = await client
      .db('engine_idx')
      .command({ explain: { find: 'contacts', filter: { tenantId: 't', emailKeys: 'a@b.de' } } });
    console.log('[explain] keys:', Object.keys(explained).join(', '));
    console.log('[explain] queryPlanner:', JSON.stringify(explained.queryPlanner).slice(0, 1500));

    const byEmail = await ginIndexesUsed(coll, { tenantId: 't', emailKeys: 'a@b.de' });
    expect(byEmail.some((n) => n.includes('_emailkeys_'))).toBe(true);
    expect(await coll.find({ tenantId: 't', emailKeys: 'a@b.de' }).toArray()).toHaveLength(1);

    const anna = await coll.findOne({ name: 'Anna' });
    const byId = await ginIndexesUsed(coll, { _id: anna?._id });
    expect(byId.some((n) => n.includes('__id_'))).toBe(true);

    const byName = await ginIndexesUsed(coll, { tenantId: 't', name: 'Anna' });
    expect(byName.some((n) => n.includes('_name_'))).toBe(true);

    // the leading partition key of a compound index gets no twin: a tenant is not a lookup
    expect(await ginIndexesUsed(coll, { tenantId: 't' })).toEqual([]);

    // dropping one index drops the twins only it used: emailKeys goes, name stays
    await coll.dropIndex('tenant_email');
    const afterDrop = await planNodes(coll, { tenantId: 't', emailKeys: 'a@b.de' });
    expect(afterDrop.some((n) => n['Index Name']?.includes('_emailkeys_'))).toBe(false);
    expect(await ginIndexesUsed(coll, { tenantId: 't', name: 'Anna' })).not.toHaveLength(0);

    await coll.dropIndex('tenant_name');
    const none = await planNodes(coll, { tenantId: 't', name: 'Anna' });
    expect(none.some((n) => n['Index Name']?.includes('_name_') || n['Index Name']?.includes('_tenantid_'))).toBe(
      false,
    );
    // FerretDB's own _id_ index keeps its twin
    expect(await ginIndexesUsed(coll, { _id: anna?._id })).not.toHaveLength(0);
  });
});

describe('version guard', () => {
  it('lets exactly one of 20 concurrent updates of version 1 through', async () => {
    // separate clients, so the updates run on separate connections and race
    const clients = await Promise.all(Array.from({ length: 5 }, () => new MongoClient(engine.uri).connect()));
    const totals = { modified: 0, matchedNone: 0, refused: 0 };
    try {
      for (let round = 0; round < 10; round++) {
        const coll = client.db('engine_guard').collection('deals');
        const { insertedId } = await coll.insertOne({ title: 'race', round, version: 1, n: -1 });
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            (clients[i % clients.length] as MongoClient)
              .db('engine_guard')
              .collection('deals')
              .updateOne({ _id: insertedId, version: 1 }, { $set: { version: 2, n: i } }),
          ),
        );
        const modified = results.filter((r) => r.status === 'fulfilled' && r.value.modifiedCount === 1);
        const matchedNone = results.filter((r) => r.status === 'fulfilled' && r.value.matchedCount === 0);
        const refused = results.filter(
          (r) => r.status === 'rejected' && (r.reason as Error).message.includes(STALE_WRITE),
        );
        expect(modified).toHaveLength(1);
        expect(matchedNone.length + refused.length).toBe(19);
        const stored = await coll.findOne({ _id: insertedId });
        expect(stored?.version).toBe(2);
        const [winner] = modified;
        expect(winner && results.indexOf(winner)).toBe(stored?.n);
        totals.modified += modified.length;
        totals.matchedNone += matchedNone.length;
        totals.refused += refused.length;
      }
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    console.log(
      `[guard] 10 rounds of 20 concurrent updates: ${totals.modified} modified, ${totals.matchedNone} matched 0, ${totals.refused} refused by the guard`,
    );
  });

  it('refuses a write that does not advance version, and shows what the driver receives', async () => {
    const coll = client.db('engine_guard').collection('deals');
    const { insertedId } = await coll.insertOne({ title: 'stale', version: 3 });

    const err1 = await coll.updateOne({ _id: insertedId }, { $set: { title: 'x' } }).catch((e: unknown) => e);
    const err2 = await coll
      .findOneAndUpdate({ _id: insertedId }, { $set: { title: 'y', version: 3 } }, { returnDocument: 'after' })
      .catch((e: unknown) => e);
    const err3 = await coll.replaceOne({ _id: insertedId }, { title: 'z', version: 2 }).catch((e: unknown) => e);
    for (const [what, err] of [
      ['updateOne', err1],
      ['findOneAndUpdate', err2],
      ['replaceOne', err3],
    ] as const) {
      expect(err).toBeInstanceOf(MongoServerError);
      const e = err as MongoServerError;
      console.log(
        `[guard] ${what} refused: class=${e.constructor.name} name=${e.name} code=${e.code} codeName=${e.codeName} message=${JSON.stringify(e.message)} errorLabels=${JSON.stringify(e.errorLabels)}`,
      );
      expect(e.message).toMatch(/klarkonform: stale write: version must advance \(stored 3, written/);
    }
    expect(await coll.findOne({ _id: insertedId })).toMatchObject({ title: 'stale', version: 3 });

    // version kept as another numeric BSON type still compares as a number
    await coll.updateOne({ _id: insertedId }, { $set: { version: 3.5 } });
    await coll.updateOne({ _id: insertedId }, { $inc: { version: 1 } });
    expect(await coll.findOne({ _id: insertedId })).toMatchObject({ version: 4.5 });
    // a non-numeric version is refused
    await expect(coll.updateOne({ _id: insertedId }, { $set: { version: '5' } })).rejects.toThrow(/stale write/);
  });

  it('matches 0 when another writer moved the version before the read', async () => {
    const coll = client.db('engine_guard').collection('deals');
    const { insertedId } = await coll.insertOne({ title: 'moved', version: 1 });
    await coll.updateOne({ _id: insertedId, version: 1 }, { $set: { version: 2, by: 'first' } });
    const res = await coll.updateOne({ _id: insertedId, version: 1 }, { $set: { version: 2, by: 'second' } });
    expect(res).toMatchObject({ acknowledged: true, matchedCount: 0, modifiedCount: 0 });
    const fam = await coll.findOneAndUpdate({ _id: insertedId, version: 1 }, { $set: { version: 2 } });
    expect(fam).toBeNull();
    expect(await coll.findOne({ _id: insertedId })).toMatchObject({ version: 2, by: 'first' });
  });

  it('leaves documents without version alone', async () => {
    const coll = client.db('engine_guard').collection('notes');
    const { insertedId } = await coll.insertOne({ text: 'a' });
    await coll.updateOne({ _id: insertedId }, { $set: { text: 'b' } });
    await coll.updateOne({ _id: insertedId }, { $set: { text: 'c' } });
    // a document may gain a version; from then on it is guarded
    await coll.updateOne({ _id: insertedId }, { $set: { version: 1 } });
    expect(await coll.findOne({ _id: insertedId })).toMatchObject({ text: 'c', version: 1 });
    await expect(coll.updateOne({ _id: insertedId }, { $set: { text: 'd' } })).rejects.toThrow(/stale write/);
  });
});
