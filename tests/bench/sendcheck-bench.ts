// Send-check benchmark (BENCH_ONLY=sendcheck npm run bench): how long the Smart Alerts handler
// takes from its call to event.completed for a marketing mail to 10 recipients, with a warm
// cache (the recipients-changed handler ran before), with a cold cache (the send handler asks the
// API itself), and in a fresh event runtime (sign-in config and token fetched first); and for a
// mail to the 8 with consent, warm (under a minute: no request) and with answers two minutes old
// (revalidated at send time within 800 ms). The real
// events.js in Debian's Chromium against the real API on the embedded database; prints numbers,
// never fails on them. Outlook shows its "taking longer" dialog at 5 s; the budget is 1 s warm.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, loadConfig, REPO_ROOT, startEmbeddedMongo } from '../../api/src/index';
import { launchChromium } from '../browser/support/browser';
import { create, demoUserClient } from '../browser/support/seed';
import { openEventRuntime, type StubMail } from '../browser/support/send-check-host';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const FRESH_RUNS = Number(process.env.BENCH_FRESH_RUNS ?? 8);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const stats = (values: number[]) => ({
  n: values.length,
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  max: Math.max(...values),
});
const fmt = (s: ReturnType<typeof stats>) =>
  `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The item's consent cache as if it had been fetched `ms` earlier (the revalidation case). */
function aged(json: string | undefined, ms: number): string {
  const cache = JSON.parse(json ?? '{}') as { checkedAt: string; recipients: Record<string, { fetchedAt: string }> };
  const back = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
  cache.checkedAt = back(cache.checkedAt);
  for (const entry of Object.values(cache.recipients)) entry.fetchedAt = back(entry.fetchedAt);
  return JSON.stringify(cache);
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-sendcheck-bench-'));
  const engineDir = mkdtempSync(path.join(tmpdir(), 'kk-sendcheck-bench-db-'));
  const engine = await startEmbeddedMongo({
    binary: path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo'),
    dataDir: engineDir,
  });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const app = await buildApp(
    loadConfig({
      LOCAL_ISSUER: 'true',
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      MONGODB_URI: engine.uri,
      MONGODB_DB: `bench_${randomUUID().slice(0, 8)}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
  );
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  try {
    const api = await demoUserClient(baseUrl);
    const to: StubMail['to'] = [];
    for (let i = 0; i < 10; i++) {
      const address = `empfaenger${i}@bench-kunde.de`;
      await create(
        api,
        {
          kind: 'person',
          salutation: 'none',
          firstName: 'Empfänger',
          lastName: `Nr ${i}`,
          emails: [{ address, primary: true }],
        },
        i < 8 ? [{ channel: 'email', type: 'optIn', source: 'Messe' }] : [],
      );
      to.push({ emailAddress: address, displayName: `Empfänger Nr ${i}` });
    }
    const mail: StubMail = { to, session: { 'kk.purpose': 'marketing' } };
    // The eight with consent: the cache says "allowed" for all, so an answer older than a minute
    // is revalidated at send time (CONSENT_FRESH_MS); under a minute it is used as it is.
    const allowedMail: StubMail = { to: to.slice(0, 8), session: { 'kk.purpose': 'marketing' } };

    const runtime = await openEventRuntime(browser, baseUrl, { settleMs: 0 });
    const warmup = await runtime.invoke('onMessageRecipientsChangedHandler', mail);
    const warmAllowed = await runtime.invoke('onMessageRecipientsChangedHandler', allowedMail);
    const warm: number[] = [];
    const warmAllowedMs: number[] = [];
    const revalidated: number[] = [];
    const cold: number[] = [];
    const prefetch: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const changed = await runtime.invoke('onMessageRecipientsChangedHandler', mail);
      prefetch.push(changed.ms);
      warm.push((await runtime.invoke('onMessageSendHandler', { ...mail, session: warmup.session })).ms);
      const allowedRun = await runtime.invoke('onMessageSendHandler', { ...allowedMail, session: warmAllowed.session });
      warmAllowedMs.push(allowedRun.ms);
      const old = { ...warmAllowed.session, 'kk.consent': aged(warmAllowed.session['kk.consent'], 2 * 60_000) };
      revalidated.push((await runtime.invoke('onMessageSendHandler', { ...allowedMail, session: old })).ms);
      cold.push((await runtime.invoke('onMessageSendHandler', mail)).ms);
    }
    await runtime.close();
    const fresh: number[] = [];
    for (let i = 0; i < FRESH_RUNS; i++) {
      const rt = await openEventRuntime(browser, baseUrl, { settleMs: 0 });
      fresh.push((await rt.invoke('onMessageSendHandler', mail)).ms);
      await rt.close();
    }
    const result = {
      warmCache: stats(warm),
      warmCacheAllAllowed: stats(warmAllowedMs),
      revalidatedAfterAMinute: stats(revalidated),
      coldCache: stats(cold),
      freshRuntime: stats(fresh),
      recipientsChangedPrefetch: stats(prefetch),
    };
    console.log('Send check (marketing mail, 10 recipients, 2 without consent):');
    console.log(`  send, warm cache:            ${fmt(result.warmCache)}`);
    console.log(`  send, warm, all allowed:     ${fmt(result.warmCacheAllAllowed)}`);
    console.log(`  send, allowed 2 min ago:     ${fmt(result.revalidatedAfterAMinute)} (revalidated)`);
    console.log(`  send, cold cache:            ${fmt(result.coldCache)}`);
    console.log(`  send, fresh event runtime:   ${fmt(result.freshRuntime)}`);
    console.log(`  recipients changed prefetch: ${fmt(result.recipientsChangedPrefetch)}`);
    const out = path.join(REPO_ROOT, 'test-results', 'bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'sendcheck.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await app.close();
    await engine.stop();
  }
}

await main();
