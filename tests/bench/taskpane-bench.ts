import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
import { DEMO_MAILBOX, type DemoMailItem } from '../../shared/src/ui/demo/demo-mailbox';
import { REPO_ROOT } from '../../api/src/index';
import { launchChromium } from '../browser/support/browser';
import { formatStats, startBenchServer, stats } from './bench-support';
import { create, demoUserClient, seedMusterGmbH } from '../browser/support/seed';

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 60);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10);
const DIST = path.join(REPO_ROOT, 'addin/dist');

const gzipKb = (files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length, 0) / 1024;

// The scripts taskpane.html itself references (office.js from the CDN excluded).
function staticEntryScripts(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/addin\/(assets\/[^"]+\.js)"/g)];
  return [...new Set(refs.map((match) => match[1] ?? ''))];
}

async function paneFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('task pane frame not found');
  return frame;
}

// Pairs each item switch with the first paint of its card (user-timing marks set by the pane).
// The page function stays free of named helpers: tsx would wrap them in a `__name` call that
// does not exist in the page.
async function switchDurations(frame: Frame): Promise<number[]> {
  const marks = await frame.evaluate(() =>
    ['kk:item-changed', 'kk:card-shown'].map((name) =>
      performance
        .getEntriesByName(name)
        .map((e) => ({ at: e.startTime, switchId: ((e as PerformanceMark).detail as { switchId: number }).switchId })),
    ),
  );
  const [changed = [], shown = []] = marks;
  const start = new Map(changed.map((m) => [m.switchId, m.at]));
  return shown.flatMap((m) => {
    const from = start.get(m.switchId);
    return from === undefined || m.switchId === 1 ? [] : [m.at - from];
  });
}

async function waitForSwitches(frame: Frame, count: number): Promise<void> {
  await frame.waitForFunction((n) => performance.getEntriesByName('kk:card-shown').length >= n, count, {
    timeout: 30_000,
  });
}

// Sends an item to the pane the way the demo page does on a click (postMessage from the parent).
async function selectItem(page: Page, item: Omit<DemoMailItem, 'preview' | 'received'>): Promise<void> {
  await page.evaluate((message) => {
    const frame = document.querySelector('iframe');
    frame?.contentWindow?.postMessage({ type: 'kk-demo/item', item: message }, location.origin);
  }, item);
}

async function measureSwitches(browser: Browser, baseUrl: string, people: string[]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/addin/demo.html`, { waitUntil: 'domcontentloaded' });
  const frame = await paneFrame(page);
  await waitForSwitches(frame, 1);
  // Every script the pane requested before its first card was painted.
  const beforeFirstCard = await frame.evaluate(() => {
    const card = performance.getEntriesByName('kk:card-shown')[0]?.startTime ?? Number.POSITIVE_INFINITY;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime < card && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => new URL(e.name).pathname.replace('/addin/', ''));
  });

  // Each switch to a person not seen before: the card comes from the API (one GET /cards).
  let shown = 1;
  const message = (email: string, i: number) => ({
    kind: 'message' as const,
    key: `bench-${i}`,
    subject: `Bench ${i}`,
    from: { name: email, email },
    to: [],
    cc: [],
    requiredAttendees: [],
    optionalAttendees: [],
  });
  for (let i = 0; i < Math.min(SWITCHES, people.length); i++) {
    await selectItem(page, message(people[i] ?? '', i));
    await waitForSwitches(frame, ++shown);
  }
  const uncached = await switchDurations(frame);
  const cardRequests = await frame.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/v1/cards'))
      .map((e) => e.duration),
  );

  // Switching back and forth between demo mails: cards from the in-memory cache, refreshed behind.
  const demoItems = DEMO_MAILBOX.slice(0, 2);
  for (let i = 0; i < SWITCHES; i++) {
    const { preview: _p, received: _r, ...item } = demoItems[i % demoItems.length] as DemoMailItem;
    await selectItem(page, item);
    await waitForSwitches(frame, ++shown);
  }
  const cached = (await switchDurations(frame)).slice(uncached.length);
  await context.close();
  return { uncached, cached, beforeFirstCard, cardRequests: cardRequests.slice(1) };
}

async function measureColdOpen(browser: Browser, baseUrl: string, throttled: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 40,
        downloadThroughput: (20 * 1024 * 1024) / 8,
        uploadThroughput: (5 * 1024 * 1024) / 8,
      });
    }
    await page.goto(`${baseUrl}/addin/demo.html`, { waitUntil: 'domcontentloaded' });
    const frame = await paneFrame(page);
    await waitForSwitches(frame, 1);
    // Relative to the pane document's own navigation start: from its HTML request to the card.
    times.push(await frame.evaluate(() => performance.getEntriesByName('kk:card-shown')[0]?.startTime ?? Number.NaN));
    await context.close();
  }
  return times;
}

async function main(): Promise<void> {
  const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  const entryScripts = staticEntryScripts(html);
  const allScripts = readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));

  const server = await startBenchServer('pane-bench');
  const { baseUrl } = server;
  const browser = await launchChromium();
  try {
    const api = await demoUserClient(baseUrl);
    await seedMusterGmbH(api);
    // Customers as a small sales team has them: firms with a few people each.
    const people: string[] = [];
    for (let firm = 0; people.length < SWITCHES; firm++) {
      const company = await create(api, {
        kind: 'company',
        name: `Bench ${firm} GmbH`,
        website: `bench${firm}.de`,
        relationships: ['customer'],
      });
      for (let i = 0; i < 3; i++) {
        const email = `person${i}@bench${firm}.de`;
        await create(api, {
          kind: 'person',
          salutation: 'none',
          firstName: 'Person',
          lastName: `Nummer ${firm}-${i}`,
          emails: [{ address: email, primary: true }],
          companyId: company.id,
          relationships: ['customer'],
          roles: i === 0 ? ['decisionMaker'] : [],
        });
        people.push(email);
      }
    }

    const switches = await measureSwitches(browser, baseUrl, people);
    const cold = await measureColdOpen(browser, baseUrl, false);
    const coldThrottled = await measureColdOpen(browser, baseUrl, true);
    const result = {
      bundle: {
        criticalPathGzipKb: gzipKb(switches.beforeFirstCard),
        criticalPathFiles: switches.beforeFirstCard,
        taskpaneHtmlEntryGzipKb: gzipKb(entryScripts),
        allChunksGzipKb: gzipKb(allScripts.map((f) => `assets/${f}`)),
        msalOnCriticalPath: switches.beforeFirstCard.some((f) =>
          readFileSync(path.join(DIST, f), 'utf8').includes('createNestablePublicClientApplication'),
        ),
      },
      switchUncachedMs: stats(switches.uncached),
      switchCachedMs: stats(switches.cached),
      cardsRequestMs: stats(switches.cardRequests),
      coldOpenMs: stats(cold),
      coldOpenThrottledMs: stats(coldThrottled),
    };
    const b = result.bundle;
    console.log('\nTask pane (Chromium, real API on the embedded database, local issuer)');
    console.log(`  JS before the first card, gzip:   ${b.criticalPathGzipKb.toFixed(1)} KB (budget 200 KB)`);
    console.log(`    files: ${b.criticalPathFiles.join(', ')}`);
    console.log(`    MSAL on the critical path:      ${b.msalOnCriticalPath ? 'yes' : 'no'}`);
    console.log(
      `  of which in taskpane.html, gzip:  ${b.taskpaneHtmlEntryGzipKb.toFixed(1)} KB (office.js excluded; the UI chunk follows)`,
    );
    console.log(`  all chunks incl. lazy, gzip:      ${b.allChunksGzipKb.toFixed(1)} KB`);
    console.log(`  item switch → card, new person:   ${formatStats(result.switchUncachedMs)} (budget p95 ≤ 300 ms)`);
    console.log(`    of which GET /api/v1/cards:     ${formatStats(result.cardsRequestMs)}`);
    console.log(`  item switch → card, seen before:  ${formatStats(result.switchCachedMs)}`);
    console.log(`  cold open HTML → card, loopback:  ${formatStats(result.coldOpenMs)} (budget ≤ 1 s)`);
    console.log(`  cold open, 20 Mbit/s + 40 ms RTT: ${formatStats(result.coldOpenThrottledMs)}`);
    const out = path.join(REPO_ROOT, 'test-results', 'bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'taskpane.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
