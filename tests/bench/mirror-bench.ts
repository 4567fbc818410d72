import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeMicrosoftProcess } from '../fake-graph/remote';
import { seedContacts } from '../support/seed-contacts';
import { CRM_ID_PROPERTY, FOLDER, graphEnv } from '../support/mirror-world';
import { startBenchServer } from './bench-support';

// The contacts mirror (issue 13) against the fake Microsoft in a process of its own, with
// Outlook's limits scaled so that the best possible speed is known: the initial mirror of
// BENCH_MIRROR_CONTACTS contacts (items/s against that maximum), the run after it (which reads
// its own creates back through the delta), 100 changes each way end to end, and the API
// process's memory before, at its peak and after.

const N = Number(process.env.BENCH_MIRROR_CONTACTS ?? 10_000);
/** Fake Graph limits: each call takes LATENCY ms, 4 at a time, WINDOW calls per WINDOW_MS per mailbox. */
const LATENCY = Number(process.env.BENCH_MIRROR_LATENCY_MS ?? 25);
const CONCURRENT = 4;
const WINDOW = Number(process.env.BENCH_MIRROR_WINDOW ?? 2_000);
const WINDOW_MS = Number(process.env.BENCH_MIRROR_WINDOW_MS ?? 20_000);
const TENANT = '11111111-1111-4111-8111-111111111111';
const MAILBOX = 'crm@bench.de';

/**
 * The shortest time (ms) in which `calls` Graph calls can be answered under the limits: call k
 * starts when one of the four slots is free and the window admits it (k − WINDOW started at
 * least WINDOW_MS before), and takes LATENCY.
 */
export function theoreticalMs(calls: number): number {
  const start: number[] = [];
  for (let k = 0; k < calls; k++) {
    const slot = k >= CONCURRENT ? start[k - CONCURRENT]! + LATENCY : 0;
    const window = k >= WINDOW ? start[k - WINDOW]! + WINDOW_MS : 0;
    start.push(Math.max(slot, window));
  }
  return calls === 0 ? 0 : start[calls - 1]! + LATENCY;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main() {
  const fake = await startFakeMicrosoftProcess({ seed: 1 });
  const app = { clientId: randomUUID(), clientSecret: `bench-${randomUUID()}` };
  await fake.registerApp(TENANT, app);
  await fake.addMailbox(TENANT, MAILBOX);
  const server = await startBenchServer('mirror-bench', { ...graphEnv(fake, app), MIRROR_DEBOUNCE_SECONDS: '3600' });
  const { app: api } = server;
  try {
    const token = await api.localIssuer!.mint({ tenantId: TENANT, userId: 'bench', roles: ['CRM.Admin'] });
    const call = async (method: 'GET' | 'PUT' | 'PATCH' | 'POST', url: string, payload?: object, headers = {}) => {
      const res = await api.inject({ method, url, payload, headers: { authorization: `Bearer ${token}`, ...headers } });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    console.log(`Seeding ${N} contacts …`);
    await seedContacts(api.mongo, TENANT, N, 'mirror');
    await fake.setLimits({
      latencyMs: LATENCY,
      concurrentPerMailbox: CONCURRENT,
      requestsPerWindow: WINDOW,
      windowMs: WINDOW_MS,
    });
    await fake.resetStats();

    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 200);

    // The initial mirror: switching it on starts a run; creates are timed from the fake's side.
    const leases = api.mongo.db!.collection('mirrorLeases');
    const settings = await call('GET', '/api/v1/mirror/settings');
    const t0 = Date.now();
    await call(
      'PUT',
      '/api/v1/mirror/settings',
      { enabled: true, targets: [{ mailbox: MAILBOX, folderName: FOLDER }] },
      { 'if-match': `"${settings.version}"` },
    );
    let firstCreate = 0;
    let lastCreate = 0;
    let creates = 0;
    for (;;) {
      await sleep(250);
      const s = await fake.stats();
      if (s.contactCreates > creates) {
        if (creates === 0) firstCreate = Date.now();
        lastCreate = Date.now();
        creates = s.contactCreates;
      }
      const lease = await leases.findOne({ tenantId: TENANT });
      if (lease?.lastRun?.finishedAt && (lease.until ?? 0) < Date.now()) break;
    }
    const t1 = Date.now();
    const initial = await fake.stats();
    const echoStart = Date.now();
    await api.mirror.runNow(TENANT);
    const echoMs = Date.now() - echoStart;
    const afterEcho = await fake.stats();

    // 100 changes made in Outlook, then 100 made in KlarKonform, each through one run.
    const copies = (await fake.outlook(TENANT, MAILBOX).contacts(FOLDER)).filter((c) => c.givenName);
    const edited = copies.slice(0, 100);
    for (const c of edited)
      await fake.outlook(TENANT, MAILBOX).update(FOLDER, c.id, { jobTitle: 'Aus Outlook geändert' });
    let t = Date.now();
    await api.mirror.runNow(TENANT);
    const pullMs = Date.now() - t;
    const crmIds = edited.map((c) => c.singleValueExtendedProperties?.find((p) => p.id === CRM_ID_PROPERTY)?.value);
    let arrived = 0;
    for (const id of crmIds)
      if ((await call('GET', `/api/v1/contacts/${id}`)).position === 'Aus Outlook geändert') arrived++;

    for (const id of crmIds) {
      const c = await call('GET', `/api/v1/contacts/${id}`);
      await call(
        'PATCH',
        `/api/v1/contacts/${id}`,
        { mobilePhone: '+49 170 1234567' },
        { 'if-match': `"${c.version}"` },
      );
    }
    t = Date.now();
    await api.mirror.runNow(TENANT);
    const pushMs = Date.now() - t;
    const now = await fake.outlook(TENANT, MAILBOX).contacts(FOLDER);
    const pushed = now.filter((c) => c.mobilePhone === '+49 170 1234567').length;
    clearInterval(sampler);
    gc();
    const after = process.memoryUsage();
    const end = await fake.stats();

    const calls = initial.batchItems + initial.requests - initial.batches;
    const createSpan = Math.max(1, lastCreate - firstCreate);
    const best = theoreticalMs(calls);
    const maxRate = Math.min((WINDOW * 1000) / WINDOW_MS, (CONCURRENT * 1000) / LATENCY);
    console.log(`\nContacts mirror: ${N} contacts into one mailbox`);
    console.log(
      `  limits: ${LATENCY} ms per call, ${CONCURRENT} at a time, ${WINDOW} calls per ${WINDOW_MS / 1000} s → at most ${maxRate} calls/s sustained`,
    );
    console.log(
      `  initial run: ${((t1 - t0) / 1000).toFixed(1)} s, ${initial.contactCreates} created (${now.length} in the folder), ${calls} Graph calls (${initial.batchItems} batch items in ${initial.batches} batches), ${initial.throttled} refused with 429`,
    );
    console.log(
      `  creates: ${(createSpan / 1000).toFixed(1)} s from the first to the last, ${(creates / (createSpan / 1000)).toFixed(1)} items/s`,
    );
    console.log(
      `  the best possible for ${calls} calls: ${(best / 1000).toFixed(1)} s (${(calls / (best / 1000)).toFixed(1)} calls/s); achieved ${((best / (t1 - t0)) * 100).toFixed(0)} % over the whole run, ${((theoreticalMs(creates) / createSpan) * 100).toFixed(0)} % over the creates`,
    );
    console.log(
      `  Graph busy (a call in flight at the mailbox): ${(initial.graphBusyMs / 1000).toFixed(1)} s of the initial run's ${((t1 - t0) / 1000).toFixed(1)} s; before the first create ${((firstCreate - t0) / 1000).toFixed(1)} s`,
    );
    console.log(
      `  the next run (reads its own ${N} creates back through the delta): ${(echoMs / 1000).toFixed(1)} s, ${afterEcho.requests - initial.requests} requests`,
    );
    console.log(`  100 changes in Outlook → CRM: ${(pullMs / 1000).toFixed(1)} s (${arrived}/100 arrived)`);
    console.log(`  100 changes in KlarKonform → Outlook: ${(pushMs / 1000).toFixed(1)} s (${pushed}/100 arrived)`);
    console.log(
      `  memory (API process): rss ${mb(before.rss)} → peak ${mb(peakRss)} → ${mb(after.rss)} MB; heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)} → ${mb(after.heapUsed)} MB`,
    );
    console.log(
      `  429s: ${end.throttled}, sent during a Retry-After: ${end.retryAfterIgnored}, most in flight: ${end.maxConcurrentPerMailbox}, without ImmutableId: ${end.missingImmutableIdPrefer}`,
    );
  } finally {
    await server.close();
    await fake.close();
  }
}

await main();
