// API benchmark (npm run bench): server time (in-process inject) of every hot path on the
// embedded engine — or on MONGODB_URI when set — with N contacts in one tenant and 10,000 in
// another, and for each query shape the plan and the rows the database read.
// A script, not a test: it prints numbers and never fails on them.
//   BENCH_CONTACTS=100000 npm run bench     (default 10,000)
//   BENCH_OTHER_TENANT=0 / BENCH_ITERATIONS=200 / BENCH_ONLY=card / BENCH_OPPORTUNITIES=2000
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildApp,
  createLocalIssuer,
  type EmbeddedMongo,
  loadConfig,
  loadOrCreateIssuerKey,
  REPO_ROOT,
  startEmbeddedMongo,
} from '../../api/src/index';
import { contactModels } from '../../api/src/features/contacts/contacts.model';
import pg from 'pg';
import { HOT_PATH_SHAPES, planSummary } from '../support/query-shapes';
import { seedActivities } from '../support/seed-activities';
import { seedFollowUps } from '../support/seed-follow-ups';
import { lastName, pick, seedContacts } from '../support/seed-contacts';
import { seedContactId, seedOpportunities, seedOwners } from '../support/seed-opportunities';

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const OTHER = Number(process.env.BENCH_OTHER_TENANT ?? 10_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
/** Opportunities in each tenant (a two-year pipeline, seed-opportunities.ts). */
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 2_000);
/** Only the shapes whose name contains this text (e.g. BENCH_ONLY=card). */
const ONLY = process.env.BENCH_ONLY ?? '';
/** Activities seeded for the timeline cases (only when they run). */
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 100_000);
/** Follow-ups seeded with the activities (a third done), for the card and "Meine Wiedervorlagen". */
const FOLLOW_UPS = Number(process.env.BENCH_FOLLOW_UPS ?? 20_000);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)}`.padStart(7);

interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Times `run` up to `iterations` times (fewer when one shape would take more than 20 s). */
async function time(run: (i: number) => Promise<number>, iterations: number, okStatus = 200): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run(-1 - i); // warm up
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations && (i < 10 || performance.now() - started < 20_000); i++) {
    const t0 = performance.now();
    const status = await run(i);
    times.push(performance.now() - t0);
    if (status !== okStatus) throw new Error(`request ${i} answered ${status}`);
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99) };
}

/**
 * The filter FerretDB pushes down (top-level fields with plain values, `_jsonb -> f @> v`), run
 * with EXPLAIN ANALYZE directly in PostgreSQL: the rows its index found and the rows it returned.
 */
async function rowsRead(client: pg.Client, schema: string, collection: string, filter: Record<string, unknown>) {
  const meta = await client.query(
    `SELECT _jsonb->>'table' AS t FROM "${schema}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = $1`,
    [collection],
  );
  const table = meta.rows[0]?.t as string | undefined;
  if (!table) return 'no table';
  const conditions: string[] = [];
  const values: string[] = [];
  for (const [field, value] of Object.entries(filter)) {
    const plain =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : value && typeof value === 'object' && 'toHexString' in value
          ? (value as { toHexString(): string }).toHexString()
          : undefined;
    if (plain === undefined) continue;
    values.push(JSON.stringify(plain));
    conditions.push(`_jsonb -> '${field}' @> $${values.length}::jsonb`);
  }
  const res = await client.query(
    `EXPLAIN (ANALYZE, FORMAT JSON) SELECT _jsonb FROM "${schema}"."${table}" WHERE ${conditions.join(' AND ')}`,
    values,
  );
  type Node = { 'Node Type': string; 'Actual Rows': number; Plans?: Node[] };
  const root = (res.rows[0]['QUERY PLAN'] as Array<{ Plan: Node }>)[0]!.Plan;
  const all: Node[] = [];
  const walk = (n: Node) => {
    all.push(n);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(root);
  const indexRows = all.filter((n) => n['Node Type'] === 'Bitmap Index Scan').map((n) => n['Actual Rows']);
  const scanned = all.some((n) => n['Node Type'] === 'Seq Scan') ? 'SEQ SCAN ' : '';
  return `${scanned}index ${indexRows.join('+') || '-'} → ${root['Actual Rows']} rows`;
}

async function main() {
  const external = process.env.MONGODB_URI;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-bench-'));
  const configOf = (uri: string) =>
    loadConfig({
      LOCAL_ISSUER: 'true',
      MONGODB_URI: uri,
      MONGODB_DB: `bench_${randomUUID().slice(0, 8)}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}`,
    });
  configOf('mongodb://127.0.0.1:1'); // a bad setting fails here, before anything starts
  // Its own directory: the engine hands it to the postgres user when we run as root.
  const engineDir = mkdtempSync(path.join(tmpdir(), 'kk-bench-db-'));
  let engine: EmbeddedMongo | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    if (!external) {
      engine = await startEmbeddedMongo({
        binary: path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo'),
        dataDir: engineDir,
      });
    }
    const config = configOf(external ?? engine!.uri);
    const server = await buildApp(config);
    app = server;
    await server.ready();
    await server.migrations.done;
    const t0 = performance.now();
    const companies = await seedContacts(server.mongo, TENANT, CONTACTS, 'a');
    if (OTHER > 0) await seedContacts(server.mongo, OTHER_TENANT, OTHER, 'b');
    await seedOpportunities(server.mongo, TENANT, OPPORTUNITIES);
    if (OTHER > 0) await seedOpportunities(server.mongo, OTHER_TENANT, OPPORTUNITIES);
    console.log(
      `seeded ${CONTACTS.toLocaleString('en')} contacts (+${OTHER.toLocaleString('en')} in a second tenant) and ${OPPORTUNITIES.toLocaleString('en')} opportunities per tenant in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${external ? 'MONGODB_URI' : 'the embedded engine (FerretDB 1.24 on PostgreSQL 17)'}`,
    );
    // The card carries activities and follow-ups (issue 12): both are seeded for the card cases too.
    const timelines = ACTIVITIES > 0 && (ONLY === '' || ONLY.includes('timeline'));
    if (ACTIVITIES > 0 && (timelines || ONLY.includes('card') || ONLY.includes('follow'))) {
      const t1 = performance.now();
      const n = await seedActivities(server.mongo, TENANT, ACTIVITIES);
      console.log(
        `seeded ${n.toLocaleString('en')} activities in ${((performance.now() - t1) / 1000).toFixed(1)} s (repository insertMany)`,
      );
      const f = await seedFollowUps(server.mongo, TENANT, FOLLOW_UPS);
      console.log(`seeded ${f.toLocaleString('en')} follow-ups (a third of them done)`);
    }
    // As autovacuum does a minute after a load: the planner's statistics (embedded engine only).
    const pgClient = engine ? new pg.Client({ connectionString: engine.postgresUrl }) : undefined;
    if (pgClient) {
      await pgClient.connect();
      await pgClient.query('ANALYZE');
    }
    const issuer = createLocalIssuer(
      await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile),
      config.auth.issuerTemplate,
      config.auth.audience,
    );
    const headers = {
      authorization: `Bearer ${await issuer.mint({ tenantId: TENANT, userId: 'bench', roles: ['CRM.Sales', 'CRM.Admin'] })}`,
    };
    const get = (url: (i: number) => string) => async (i: number) => {
      const res = await server.inject({ method: 'GET', url: url(i), headers });
      if (res.statusCode !== 200) console.error(`GET ${url(i)} → ${res.statusCode} ${res.body.slice(0, 500)}`);
      return res.statusCode;
    };
    const person = (i: number) => (Math.abs(i) * 97) % (CONTACTS - companies);
    const addr = (i: number) => `p${person(i)}%40firma${person(i) % companies}.de`;
    const tenAddresses = (i: number) =>
      [
        ...Array.from({ length: 6 }, (_, k) => addr(i * 10 + k)),
        `neu${i}%40firma${(i * 3) % companies}.de`,
        `einkauf${i}%40firma${(i * 7) % companies}.de`,
        `jemand${i}%40gmail.com`,
        `fremd${i}%40unbekannt${i}.de`,
      ]
        .map((a) => `email=${a}`)
        .join('&');

    const created: string[] = [];
    console.log(`\nserver time in ms (inject, up to n=${ITERATIONS} each after 3 warm-ups):`);
    console.log(`  ${'shape'.padEnd(40)}    p50     p95     p99     n`);
    const measure = async (name: string, run: (i: number) => Promise<number>, ok = 200) => {
      if (!name.includes(ONLY) && !(ONLY && name === 'create')) return; // patch needs created contacts
      const t = await time(run, ITERATIONS, ok);
      console.log(`  ${name.padEnd(40)}${ms(t.p50)} ${ms(t.p95)} ${ms(t.p99)} ${String(t.n).padStart(5)}`);
    };
    await measure(
      'card, 1 known address',
      get((i) => `/api/v1/cards?email=${addr(i)}`),
    );
    await measure(
      'card, 10 addresses',
      get((i) => `/api/v1/cards?${tenAddresses(i)}`),
    );
    const cardIds = (
      await contactModels(server.mongo)
        .contacts.find({ tenantId: TENANT, kind: 'person' }, { _id: 1 })
        .limit(500)
        .lean()
    ).map((d) => String(d._id));
    await measure(
      'card by contact id (Teams drawer)',
      get((i) => `/api/v1/contacts/${cardIds[Math.abs(i) % cardIds.length]}/card`),
    );
    await measure(
      'follow-ups: one assignee, open (Meine Wiedervorlagen)',
      get((i) => `/api/v1/follow-ups?assignee=bench-user-${Math.abs(i) % 10}`),
    );
    await measure(
      'card, unknown at a company domain',
      get((i) => `/api/v1/cards?email=neu${i}%40firma${Math.abs(i) % companies}.de`),
    );
    await measure(
      'search: name prefix (4 letters)',
      get((i) => `/api/v1/contacts?q=${encodeURIComponent(lastName(Math.abs(i) * 10 + 1).slice(0, 4))}&limit=25`),
    );
    await measure(
      'search: common name prefix (Müll, ~1 %)',
      get(
        (i) =>
          `/api/v1/contacts?q=${encodeURIComponent(pick(['Müll', 'Schmi', 'Wagn', 'Hoffm', 'Beck'], Math.abs(i)))}&limit=25`,
      ),
    );
    await measure(
      'search: first and last name',
      get((i) => `/api/v1/contacts?q=${encodeURIComponent(`${lastName(Math.abs(i) * 10 + 3)} M`)}&limit=25`),
    );
    // Ranked search by sound: "Meier" and "Schmitt" are no stored name, but sound like Meyer and
    // Schmidt (~1 % each); a rare name with its last letter typed twice sounds like it too.
    await measure(
      'search: phonetic, common (Meier → Meyer)',
      get((i) => `/api/v1/contacts?q=${pick(['Meier', 'Schmitt', 'Maier', 'Schmid'], Math.abs(i))}&limit=25`),
    );
    await measure(
      'search: phonetic, rare name (typo)',
      get((i) => {
        const name = lastName(Math.abs(i) * 10 + 1);
        return `/api/v1/contacts?q=${encodeURIComponent(`${name}${name.slice(-1)}`)}&limit=25`;
      }),
    );
    await measure(
      'search: e-mail address',
      get((i) => `/api/v1/contacts?q=${addr(i)}`),
    );
    await measure(
      'search: @domain',
      get((i) => `/api/v1/contacts?q=%40firma${Math.abs(i) % companies}.de`),
    );
    await measure(
      'search: phone digits',
      get((i) => `/api/v1/contacts?q=030${1_000_000 + person(i)}`),
    );
    await measure(
      'search: contact number',
      get((i) => `/api/v1/contacts?q=C${String(1 + (Math.abs(i) % CONTACTS)).padStart(5, '0')}`),
    );
    await measure(
      'duplicate check',
      async (i) =>
        (
          await server.inject({
            method: 'POST',
            url: '/api/v1/contacts/duplicate-check',
            headers,
            payload: {
              kind: 'person',
              firstName: 'Max',
              lastName: lastName(Math.abs(i) * 11),
              emails: [{ address: `neu${i}@firma${Math.abs(i) % companies}.de`, primary: true }],
            },
          })
        ).statusCode,
    );
    await measure(
      'create',
      async (i) => {
        const res = await server.inject({
          method: 'POST',
          url: '/api/v1/contacts',
          headers: { ...headers, 'idempotency-key': randomUUID() },
          payload: {
            kind: 'person',
            firstName: 'Neu',
            lastName: `Kontakt${i}`,
            emails: [{ address: `neu.kontakt${i}@bench.de`, primary: true }],
          },
        });
        if (res.statusCode === 201) created.push(res.json().id);
        return res.statusCode;
      },
      201,
    );
    const versions = new Map<string, number>();
    await measure('patch', async (i) => {
      const id = created[Math.abs(i) % created.length]!;
      const version = versions.get(id) ?? 1;
      const res = await server.inject({
        method: 'PATCH',
        url: `/api/v1/contacts/${id}`,
        headers: { ...headers, 'if-match': `"${version}"` },
        payload: { position: `Position ${i}` },
      });
      if (res.statusCode === 200) versions.set(id, res.json().version);
      return res.statusCode;
    });
    await measure(
      'lead list (first page of 50)',
      get(() => '/api/v1/leads?limit=50'),
    );
    await measure(
      'contact list, no filter (page of 25)',
      get(() => '/api/v1/contacts?limit=25'),
    );
    await measure(
      'data-care worklist (page of 25)',
      get(() => '/api/v1/quality/worklist?limit=25'),
    );
    const owner = (i: number) => pick(seedOwners(TENANT), Math.abs(i));
    await measure(
      'opportunities: board, team',
      get(() => '/api/v1/opportunities/board'),
    );
    await measure(
      'opportunities: board, one owner',
      get((i) => `/api/v1/opportunities/board?owner=${owner(i)}`),
    );
    await measure(
      'opportunities: forecast, team',
      get(() => '/api/v1/opportunities/forecast'),
    );
    await measure(
      'opportunities: forecast, one owner',
      get((i) => `/api/v1/opportunities/forecast?owner=${owner(i)}`),
    );
    await measure(
      'opportunities: a forecast figure’s list',
      get(
        (i) => `/api/v1/opportunities?owner=${owner(i)}&closeMonth=${new Date().toISOString().slice(0, 7)}&open=true`,
      ),
    );
    await measure(
      'opportunities: overdue list, team',
      get(() => '/api/v1/opportunities?closeMonth=overdue&open=true&limit=50'),
    );
    await measure(
      'opportunities: of a contact',
      get((i) => `/api/v1/opportunities?contactId=${seedContactId(Math.abs(i) * 10)}`),
    );

    if (timelines) {
      // A typical person (~11 entries) and a company with its ~9 people (~100 entries in all).
      const personIds = (
        await contactModels(server.mongo)
          .contacts.find({ tenantId: TENANT, kind: 'person' }, { _id: 1 })
          .limit(500)
          .lean()
      ).map((d) => String(d._id));
      const companyIds = (
        await contactModels(server.mongo)
          .contacts.find({ tenantId: TENANT, kind: 'company' }, { _id: 1 })
          .limit(500)
          .lean()
      ).map((d) => String(d._id));
      await measure(
        'timeline: person, page of 20',
        get((i) => `/api/v1/contacts/${personIds[Math.abs(i) % personIds.length]}/activities?limit=20`),
      );
      await measure(
        'timeline: company with people, page of 20',
        get((i) => `/api/v1/contacts/${companyIds[Math.abs(i) % companyIds.length]}/activities?limit=20`),
      );
      const secondPages: string[] = [];
      for (const id of companyIds.slice(0, 100)) {
        const url = `/api/v1/contacts/${id}/activities?limit=20`;
        const cursor = (await server.inject({ method: 'GET', url, headers })).json().nextCursor as string | null;
        if (cursor) secondPages.push(`${url}&cursor=${cursor}`);
      }
      await measure(
        'timeline: company, second page',
        get((i) => secondPages[Math.abs(i) % secondPages.length]!),
      );
    }

    console.log('\nquery plans of the hot-path shapes (FerretDB explain) and the rows PostgreSQL read for them:');
    const db = server.mongo.db!;
    const sample = await contactModels(server.mongo)
      .contacts.findOne({ tenantId: TENANT, kind: 'person', companyId: { $exists: true } })
      .lean();
    for (const shape of HOT_PATH_SHAPES) {
      const filter = shape.filter(TENANT, sample as never);
      const explained = await db.command({ explain: { find: shape.collection, filter } });
      const read = pgClient ? await rowsRead(pgClient, config.mongodbDb, shape.collection, filter) : '';
      console.log(`  ${shape.name.padEnd(40)} ${read.padEnd(22)} ${planSummary(explained)}`);
    }
    await pgClient?.end();
  } finally {
    await app?.close();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(engineDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
