// API benchmark (npm run bench): sender-card server time at 10,000 contacts on
// the embedded engine, the in-process duplicate check at 10,000 and 100,000
// contacts, and the index each query shape relies on in production.
// A script, not a test: it prints numbers and never fails on them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findDuplicates, searchKeys } from '@klarkonform/shared';
import {
  buildApp,
  createLocalIssuer,
  loadConfig,
  loadOrCreateIssuerKey,
  REPO_ROOT,
  startEmbeddedMongo,
} from '../../api/src/index';
import { contactModels } from '../../api/src/features/contacts/contacts.model';
import { derive } from '../../api/src/features/contacts/contacts.mapper';
import { groupDuplicates, type Probe } from '../../api/src/features/contacts/duplicate-groups.rules';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
// The embedded engine scans every document per query (seconds at 10k), so few samples suffice.
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 10);
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
];
const FIRST = [
  'Max',
  'Anna',
  'Lukas',
  'Lena',
  'Jonas',
  'Mia',
  'Paul',
  'Emma',
  'Felix',
  'Sophie',
  'Leon',
  'Marie',
  'Tim',
  'Laura',
  'Jan',
  'Julia',
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function personFields(i: number, companyId: string, companyIndex: number) {
  const first = pick(FIRST, i);
  const last = `${pick(LAST, i * 7)}${i % 3 === 0 ? '' : `-${i}`}`;
  return {
    kind: 'person' as const,
    salutation: 'none',
    firstName: first,
    lastName: last,
    companyId,
    roles: i % 5 === 0 ? ['decisionMaker'] : [],
    emails: [{ address: `p${i}@firma${companyIndex}.de`, primary: true }],
    phone: `+49 30 ${String(1_000_000 + i)}`,
    relationships: [pick(['customer', 'lead', 'supplier', 'partner'], i)],
    tags: [],
    consent: { channels: { email: [], phone: [], letter: [], newsletter: [] } },
    notes: { specifics: '', history: [], openItems: [], free: [] },
    archived: null,
    version: 1,
  };
}

async function seed(connection: Parameters<typeof contactModels>[0]) {
  const { contacts, counters } = contactModels(connection);
  await contacts.init();
  const companies = Math.max(1, Math.round(CONTACTS / 10));
  const now = new Date().toISOString();
  const actor = { id: 'bench', name: 'Bench' };
  let n = 0;
  const docs: Record<string, unknown>[] = [];
  const companyIds: string[] = [];
  const push = (fields: Record<string, unknown>) => {
    n++;
    const { fields: f, keys } = derive({
      ...fields,
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
      updatedBy: actor,
    } as never);
    const doc = {
      ...f,
      tenantId: TENANT,
      contactNumber: `C${String(n).padStart(5, '0')}`,
      idempotencyKey: `bench-${n}`,
      requestHash: 'x',
      keys,
    };
    docs.push(doc);
    return doc;
  };
  for (let c = 0; c < companies; c++) {
    const doc = push({
      kind: 'company',
      name: `Firma ${c} GmbH`,
      email: `info@firma${c}.de`,
      relationships: ['customer'],
      tags: [],
      consent: { channels: { email: [], phone: [], letter: [], newsletter: [] } },
      notes: { specifics: '', history: [], openItems: [], free: [] },
      archived: null,
      version: 1,
    });
    const created = await contacts.create(doc);
    companyIds.push(String(created._id));
    docs.length = 0;
  }
  for (let i = 0; n < CONTACTS; i++) {
    const c = i % companies;
    push(personFields(i, companyIds[c]!, c));
    if (docs.length === 1000) {
      await contacts.insertMany(docs, { ordered: false });
      docs.length = 0;
    }
  }
  if (docs.length > 0) await contacts.insertMany(docs, { ordered: false });
  await counters.updateOne({ tenantId: TENANT, name: 'contactNumber' }, { $set: { seq: n } }, { upsert: true });
  return companies;
}

async function timeRequests(run: () => Promise<number>, iterations: number) {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const status = await run();
    times.push(performance.now() - t0);
    if (status !== 200) throw new Error(`request failed with ${status}`);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

function duplicateBench(size: number) {
  const probes: Probe[] = [];
  for (let i = 0; i < size; i++) {
    const c = i % Math.max(1, size / 10);
    probes.push({
      id: String(i),
      kind: 'person',
      companyId: `co${c}`,
      keys: searchKeys({
        kind: 'person',
        firstName: pick(FIRST, i),
        lastName: `${pick(LAST, i * 7)}`,
        emails: [{ address: `p${i}@firma${c}.de` }],
      }),
    });
  }
  const candidate: Probe = {
    id: 'new',
    kind: 'person',
    companyId: 'co1',
    keys: searchKeys({
      kind: 'person',
      firstName: 'Max',
      lastName: 'Maier',
      emails: [{ address: 'max.maier@firma1.de' }],
    }),
  };
  // Median of 7 runs each, after one warm-up, so JIT compilation does not skew the first shape.
  const median = (f: () => unknown) => {
    f();
    const times = Array.from({ length: 7 }, () => {
      const t = performance.now();
      f();
      return performance.now() - t;
    }).sort((a, b) => a - b);
    return times[3]!;
  };
  const full = findDuplicates(candidate, probes);
  const scanAll = median(() => findDuplicates(candidate, probes));
  const block = probes.filter(
    (p) => p.keys.phoneticLast === candidate.keys.phoneticLast || p.keys.emailsLower.includes('max.maier@firma1.de'),
  );
  const blocked = median(() => findDuplicates(candidate, block));
  const sample = probes.slice(0, Math.min(size, 10_000));
  const groups = groupDuplicates(sample);
  const grouping = median(() => groupDuplicates(sample));
  return { scanAll, blocked, blockSize: block.length, matches: full.length, grouping, groups: groups.length };
}

const QUERY_SHAPES: Array<[string, string]> = [
  ['cards: contacts by address', '{tenantId, keys.emailsLower: {$in}} → tenantId_1_keys.emailsLower_1'],
  [
    'cards: company by sender domain',
    '{tenantId, kind, keys.companyDomains: {$in}} → tenantId_1_keys.companyDomains_1',
  ],
  ['cards: companies by id', '{tenantId, _id: {$in}} → _id_ (tenantId is a filter on the fetched docs)'],
  ['cards: people of companies', '{tenantId, companyId: {$in}} → tenantId_1_companyId_1'],
  [
    'search: name prefix',
    '{tenantId, keys.nameTokens: /^…/} → tenantId_1_keys.nameTokens_1 (anchored regex = range scan)',
  ],
  ['search: phone prefix', '{tenantId, keys.phoneDigits: /^…/} → tenantId_1_keys.phoneDigits_1'],
  ['search: contact number', '{tenantId, contactNumber} → tenantId_1_contactNumber_1 (unique)'],
  ['list: keyset page', 'sort {keys.sortName, _id} → tenantId_1_keys.sortName_1__id_1'],
  ['create: idempotency replay', '{tenantId, idempotencyKey} → tenantId_1_idempotencyKey_1 (unique)'],
  [
    'duplicates: blocking $or',
    'keys.emailsLower | keys.phonesE164 | keys.phoneticLast | keys.companyKey | keys.phoneticCompany | keys.companyDomains, each tenantId_1_<key>_1',
  ],
  ['audit: history of a contact', '{tenantId, contactId} sort {at:-1} → tenantId_1_contactId_1_at_-1__id_-1'],
];

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-bench-'));
  const engine = await startEmbeddedMongo({
    binary: path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo'),
    dataDir,
  });
  const config = loadConfig({
    LOCAL_ISSUER: 'true',
    MONGODB_URI: process.env.MONGODB_URI ?? engine.uri,
    MONGODB_DB: `bench_${randomUUID().slice(0, 8)}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ALLOWED_TENANTS: TENANT,
  });
  const app = await buildApp(config);
  await app.ready();
  try {
    const t0 = performance.now();
    const companies = await seed(app.mongo);
    console.log(
      `seeded ${CONTACTS} contacts (${companies} companies) in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'the embedded engine'}`,
    );
    const issuer = createLocalIssuer(
      await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile),
      config.auth.issuerTemplate,
      config.auth.audience,
    );
    const token = await issuer.mint({ tenantId: TENANT, userId: 'bench', roles: ['CRM.Sales'] });
    const headers = { authorization: `Bearer ${token}` };
    const get = (url: string) => async () => (await app.inject({ method: 'GET', url, headers })).statusCode;
    const probe = performance.now();
    await get('/api/v1/cards?email=p7%40firma7.de')();
    console.log(`first card request: ${ms(performance.now() - probe)}`);
    const one = await timeRequests(get('/api/v1/cards?email=p7%40firma7.de'), ITERATIONS);
    const ten = await timeRequests(
      get(
        `/api/v1/cards?${Array.from({ length: 10 }, (_, i) => `email=p${i * 13}%40firma${(i * 13) % companies}.de`).join('&')}`,
      ),
      ITERATIONS,
    );
    const unknown = await timeRequests(get('/api/v1/cards?email=neu%40firma3.de'), ITERATIONS);
    const search = await timeRequests(get('/api/v1/contacts?q=Mue&limit=25'), ITERATIONS);
    console.log('\nsender card, server time via inject (embedded engine; it scans, see reference/ferretdb.md §4):');
    console.log(`  1 address:          p50 ${ms(one.p50)}  p99 ${ms(one.p99)} (n=${ITERATIONS})`);
    console.log(`  10 addresses:       p50 ${ms(ten.p50)}  p99 ${ms(ten.p99)}`);
    console.log(`  1 unknown (domain): p50 ${ms(unknown.p50)}  p99 ${ms(unknown.p99)}`);
    console.log(`  search q=Mue:       p50 ${ms(search.p50)}  p99 ${ms(search.p99)}`);
  } finally {
    await app.close();
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('\nduplicate check, in-process part (scoring; the database narrows by indexed blocking keys first):');
  for (const size of [10_000, 100_000]) {
    const r = duplicateBench(size);
    console.log(
      `  ${size.toLocaleString('en')} contacts: score all ${ms(r.scanAll)} (${r.matches} matches); blocked to ${r.blockSize} → ${ms(r.blocked)}; tenant-wide grouping of ${Math.min(size, 10_000).toLocaleString('en')} → ${ms(r.grouping)} (${r.groups} groups)`,
    );
  }
  console.log(
    '\nquery shapes and the index each relies on (MongoDB; all declared in contacts.model.ts / audit.model.ts):',
  );
  for (const [shape, index] of QUERY_SHAPES) console.log(`  ${shape.padEnd(32)} ${index}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
