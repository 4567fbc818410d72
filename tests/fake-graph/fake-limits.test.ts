import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_SCOPE, graphClient, IMMUTABLE_ID, msalClient } from './graph-test-client';
import { type FakeMicrosoft, type Faults, startFakeMicrosoft, trustingFetch } from './index';

// Throttling per app+mailbox and injected faults, seen by a plain client (no retries) and the SDK.

const tenant = randomUUID();
const app = { clientId: randomUUID(), clientSecret: 's3cret' };
const mailbox = 'limits@contoso.de';
let fake: FakeMicrosoft;
let token: string;
let send: typeof fetch;

async function setUp(seed: number): Promise<{ fake: FakeMicrosoft; token: string }> {
  const f = await startFakeMicrosoft({ seed });
  f.registerApp(tenant, app);
  f.addMailbox(tenant, mailbox);
  f.outlook(tenant, mailbox).createFolder('Limits');
  const t = (await msalClient(f, tenant, app).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!.accessToken;
  return { fake: f, token: t };
}

beforeAll(async () => {
  ({ fake, token } = await setUp(1));
  send = trustingFetch(fake.caPem);
});
afterEach(() => {
  fake.setFaults(null);
  fake.setLimits({ requestsPerWindow: 10_000, windowMs: 600_000, latencyMs: 0 });
});
afterAll(() => fake.close());

const headers = () => ({ Authorization: `Bearer ${token}`, ...IMMUTABLE_ID, 'Content-Type': 'application/json' });
const folders = () => `${fake.graphBaseUrl}/v1.0/users/${mailbox}/contactFolders`;
const get = (signal?: AbortSignal) => send(folders(), { headers: headers(), signal });

describe('throttling', () => {
  it('answers 429 ApplicationThrottled with Retry-After once the window is used up', async () => {
    fake.setLimits({ requestsPerWindow: 5, windowMs: 3_000 });
    fake.resetStats();
    for (let i = 0; i < 5; i += 1) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ApplicationThrottled');
    expect(fake.stats()).toMatchObject({ throttledByWindow: 1, retryAfterIgnored: 0 });
    // Asking again before the Retry-After has run is recorded.
    expect((await get()).status).toBe(429);
    expect(fake.stats()).toMatchObject({ throttledByWindow: 2, retryAfterIgnored: 1 });
  });

  it('counts a request against a Retry-After only when it was sent after the 429 was answered', async () => {
    // A mailbox of its own: its window starts empty.
    const own = 'answered@contoso.de';
    fake.addMailbox(tenant, own);
    const url = `${fake.graphBaseUrl}/v1.0/users/${own}/contactFolders`;
    const get = () => send(url, { headers: headers() });
    fake.setLimits({ requestsPerWindow: 3, windowMs: 60_000, latencyMs: 300 });
    fake.resetStats();
    const item = (id: string) => ({ id, method: 'GET', url: `/users/${own}/contactFolders`, headers: IMMUTABLE_ID });
    // A batch of four: three run, the fourth is refused at once but answered with the batch.
    const batch = send(`${fake.graphBaseUrl}/v1.0/$batch`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ requests: ['1', '2', '3', '4'].map(item) }),
    });
    while (fake.stats().throttledByWindow === 0) await new Promise((r) => setTimeout(r, 5));
    // Sent while the batch (and its 429) was still on its way: not against the Retry-After.
    expect((await get()).status).toBe(429);
    const answer = (await (await batch).json()) as { responses: Array<{ status: number }> };
    expect(answer.responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
    expect(fake.stats()).toMatchObject({ throttledByWindow: 2, retryAfterIgnored: 0 });
    // Sent after the 429s were answered, within their Retry-After: recorded.
    expect((await get()).status).toBe(429);
    expect(fake.stats()).toMatchObject({ throttledByWindow: 3, retryAfterIgnored: 1 });
  });

  it('refuses requests beyond four in flight for one app on one mailbox and records the attempt', async () => {
    fake.setLimits({ latencyMs: 150 });
    fake.resetStats();
    const statuses = (await Promise.all(Array.from({ length: 6 }, () => get()))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(fake.stats()).toMatchObject({ maxConcurrentPerMailbox: 5, throttledByConcurrency: 2 });
  });
});

describe('faults', () => {
  it('injects 503 and 429 with Retry-After, reproducibly for a seed', async () => {
    const run = async (seed: number) => {
      const s = await setUp(seed);
      s.fake.setFaults({ rate: 0.4, kinds: ['503', '429'] });
      const f = trustingFetch(s.fake.caPem);
      const out: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        const r = await f(`${s.fake.graphBaseUrl}/v1.0/users/${mailbox}/contactFolders`, {
          headers: { Authorization: `Bearer ${s.token}` },
        });
        if (r.status !== 200) expect(r.headers.get('retry-after')).toBe('1');
        out.push(r.status);
      }
      await s.fake.close();
      return out;
    };
    const a = await run(42);
    expect(a).toEqual(await run(42));
    expect(a).toContain(503);
    expect(a).toContain(429);
    expect(a).toContain(200);
  });

  it('drops connections and times out, sometimes after the create took effect', async () => {
    const contacts = `${folders()}/${encodeURIComponent(fake.outlook(tenant, mailbox).folders()[0]!.id)}/contacts`;
    // A dropped connection fails at once however loaded the machine is; a hung one only by the client's timeout.
    const attempt = async (faults: Faults, n: number, timeoutMs = faults.kinds[0] === 'drop' ? 10_000 : 500) => {
      fake.setFaults(faults);
      const outcomes: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const givenName = `${faults.kinds[0]}-${i}`;
        const err = await send(contacts, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify({ givenName }),
          signal: AbortSignal.timeout(timeoutMs),
        }).then(
          () => expect.fail('expected no answer'),
          (e: Error) => e.name,
        );
        outcomes.push(err);
      }
      fake.setFaults(null);
      const made = fake
        .outlook(tenant, mailbox)
        .contacts('Limits')
        .filter((c) => String(c.givenName).startsWith(`${faults.kinds[0]}-`));
      return { outcomes, made: made.length };
    };
    const dropped = await attempt({ rate: 1, kinds: ['drop'] }, 12);
    expect(new Set(dropped.outcomes)).toEqual(new Set(['TypeError']));
    expect(dropped.made).toBeGreaterThan(0);
    expect(dropped.made).toBeLessThan(12);
    const timedOut = await attempt({ rate: 1, kinds: ['timeout'] }, 8);
    expect(new Set(timedOut.outcomes)).toEqual(new Set(['TimeoutError']));
    expect(timedOut.made).toBeGreaterThan(0);
    expect(timedOut.made).toBeLessThan(8);
  });

  it('lets the SDK RetryHandler ride out 503/429 faults by their Retry-After', async () => {
    fake.setFaults({ rate: 0.3, kinds: ['503', '429'] });
    const client = graphClient(fake, msalClient(fake, tenant, app), { retries: 10 });
    for (let i = 0; i < 5; i += 1)
      await expect(client.api(`/users/${mailbox}/contactFolders`).get()).resolves.toHaveProperty('value');
  });
});

describe('instances', () => {
  it('records calls of two apps of one tenant that overlap, and none when they take turns', async () => {
    const second = { clientId: randomUUID(), clientSecret: 'other' };
    fake.registerApp(tenant, second);
    const other = (await msalClient(fake, tenant, second).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] }))!
      .accessToken;
    const as = (t: string) => send(folders(), { headers: { Authorization: `Bearer ${t}` } });
    fake.setLimits({ latencyMs: 100 });
    fake.resetStats();
    await as(token);
    await as(other);
    expect(fake.stats().tenantOverlaps).toBe(0);
    await Promise.all([as(token), as(other)]);
    expect(fake.stats().tenantOverlaps).toBe(1);
  });
});
