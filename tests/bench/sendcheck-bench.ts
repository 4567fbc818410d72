import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../api/src/index';
import { launchChromium } from '../browser/support/browser';
import { formatStats, startBenchServer, stats } from './bench-support';
import { create, demoUserClient } from '../browser/support/seed';
import { openEventRuntime, type StubMail, agedConsentCache } from '../browser/support/send-check-host';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const FRESH_RUNS = Number(process.env.BENCH_FRESH_RUNS ?? 8);

async function main() {
  const server = await startBenchServer('sendcheck-bench');
  const { baseUrl } = server;
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
      const old = {
        ...warmAllowed.session,
        'kk.consent': agedConsentCache(warmAllowed.session['kk.consent'], 2 * 60_000),
      };
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
    console.log(`  send, warm cache:            ${formatStats(result.warmCache, 1)}`);
    console.log(`  send, warm, all allowed:     ${formatStats(result.warmCacheAllAllowed, 1)}`);
    console.log(`  send, allowed 2 min ago:     ${formatStats(result.revalidatedAfterAMinute, 1)} (revalidated)`);
    console.log(`  send, cold cache:            ${formatStats(result.coldCache, 1)}`);
    console.log(`  send, fresh event runtime:   ${formatStats(result.freshRuntime, 1)}`);
    console.log(`  recipients changed prefetch: ${formatStats(result.recipientsChangedPrefetch, 1)}`);
    const out = path.join(REPO_ROOT, 'test-results', 'bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'sendcheck.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
