import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { CONVERGED, compareMirror, injectApi, liveContacts } from '../support/mirror-check';
import { FOLDER, type MirrorWorld, mirrorStatus, saveMirrorSettings, startMirrorWorld } from '../support/mirror-world';
import { TENANT_A } from '../support/test-app';

// Outlook's limits per app and mailbox (learn.microsoft.com/graph/throttling-limits), scaled
// down: 40 requests per 4 seconds and 4 at a time, each taking 20 ms. The mirror keeps to them —
// never more than four requests (batch items included) in flight, no request while a Retry-After
// is running — and still gets every contact there exactly once.

let w: MirrorWorld;
const PEOPLE = 150;

beforeAll(async () => {
  w = await startMirrorWorld({ seed: 4, env: { MIRROR_DEBOUNCE_SECONDS: '3600' } });
  for (let i = 0; i < PEOPLE; i++)
    await createContact(w.t, person(`Theo${i}`, 'Throttle', withEmail(`theo${i}@drossel.de`)));
});
afterAll(() => w?.close());

it('keeps to the window and the concurrency limit and honours Retry-After', { timeout: 600_000 }, async () => {
  w.fake.setLimits({ requestsPerWindow: 40, windowMs: 4_000, concurrentPerMailbox: 4, latencyMs: 20 });
  w.fake.resetStats();
  await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: FOLDER }]);
  for (let i = 0; i < 6 && (await mirrorStatus(w.t)).counts.pending > 0; i++) await w.t.app.mirror.runNow(TENANT_A);

  const s = w.fake.stats();
  // The window did bite (150 creates need four windows at least) …
  expect(s.throttledByWindow).toBeGreaterThan(0);
  // … but the mirror never had more than four requests in flight, nor asked while told to wait.
  expect(s.maxConcurrentPerMailbox).toBeLessThanOrEqual(4);
  expect(s.throttledByConcurrency).toBe(0);
  expect(s.retryAfterIgnored).toBe(0);
  // Refused items are the price of finding the window full: at most one batch (20) per window used.
  const calls = s.batchItems + s.requests - s.batches;
  expect(s.throttledByWindow).toBeLessThanOrEqual(20 * Math.ceil(calls / 40));
  expect(s.missingImmutableIdPrefer).toBe(0);

  const crm = await liveContacts(injectApi(w.t));
  expect(crm).toHaveLength(PEOPLE);
  expect(compareMirror(crm, w.fake.outlook(TENANT_A, w.mailbox).contacts(FOLDER))).toEqual(CONVERGED);
  expect((await mirrorStatus(w.t)).counts).toMatchObject({ synced: PEOPLE, pending: 0, error: 0 });
});
