import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, IMMUTABLE_ID, msalClient } from './graph-test-client';
import { type FakeMicrosoft, startFakeMicrosoft } from './index';

// JSON batching through the real Graph SDK v3 (`client.api('/$batch').post`).

const tenant = randomUUID();
const app = { clientId: randomUUID(), clientSecret: 's3cret' };
const mailbox = 'batch@contoso.de';
const user = `/users/${encodeURIComponent(mailbox)}`;
let fake: FakeMicrosoft;
let client: Client;
let folderId: string;

interface BatchAnswer {
  responses: Array<{ id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> }>;
}

beforeAll(async () => {
  fake = await startFakeMicrosoft({ seed: 7 });
  fake.registerApp(tenant, app);
  fake.addMailbox(tenant, mailbox);
  client = graphClient(fake, msalClient(fake, tenant, app));
  folderId = (
    (await client.api(`${user}/contactFolders`).headers(IMMUTABLE_ID).post({ displayName: 'Batch' })) as { id: string }
  ).id;
});
afterEach(() => {
  fake.setFaults(null);
  fake.setLimits({ latencyMs: 0 });
});
afterAll(() => fake.close());

const create = (id: string, givenName: string) => ({
  id,
  method: 'POST',
  url: `${user}/contactFolders/${encodeURIComponent(folderId)}/contacts`,
  headers: { 'Content-Type': 'application/json', ...IMMUTABLE_ID },
  body: { givenName },
});
const batch = (requests: unknown[]) => client.api('/$batch').post({ requests }) as Promise<BatchAnswer>;

describe('$batch', () => {
  it('runs up to 20 items, answers in shuffled order, at most 4 at once, each counted', async () => {
    fake.setLimits({ latencyMs: 20 });
    fake.resetStats();
    const answer = await batch(Array.from({ length: 20 }, (_, i) => create(String(i + 1), `B${i + 1}`)));
    expect(answer.responses).toHaveLength(20);
    expect(answer.responses.every((r) => r.status === 201)).toBe(true);
    const ids = answer.responses.map((r) => Number(r.id));
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(20);
    const s = fake.stats();
    expect(s).toMatchObject({
      batches: 1,
      batchItems: 20,
      contactCreates: 20,
      maxConcurrentPerMailbox: 4,
      throttled: 0,
    });
    expect(s.missingImmutableIdPrefer).toBe(0);
  });

  it('refuses 21 items with 400 and relative urls only', async () => {
    const tooMany = await batch(Array.from({ length: 21 }, (_, i) => create(String(i), 'x'))).catch(
      (e: { statusCode: number }) => e,
    );
    expect(tooMany).toMatchObject({ statusCode: 400 });
    const absolute = await batch([{ ...create('1', 'x'), url: `${fake.graphBaseUrl}/v1.0${user}/contacts` }]).catch(
      (e: { statusCode: number }) => e,
    );
    expect(absolute).toMatchObject({ statusCode: 400 });
  });

  it('answers inner 429s with their own Retry-After inside an outer 200', async () => {
    fake.setFaults({ rate: 1, kinds: ['batch429'] });
    const answer = await batch([create('1', 'T1'), create('2', 'T2')]);
    for (const r of answer.responses) {
      expect(r.status).toBe(429);
      expect(r.headers['Retry-After']).toBe('1');
      expect(r.body).toMatchObject({ error: { code: 'ApplicationThrottled' } });
    }
    expect(
      fake
        .outlook(tenant, mailbox)
        .contacts('Batch')
        .some((c) => c.givenName === 'T1'),
    ).toBe(false);
    expect(fake.stats().faults.batch429).toBeGreaterThanOrEqual(2);
  });

  it('fails dependants of a failed item with 424 and runs the others', async () => {
    const answer = await batch([
      { id: 'bad', method: 'GET', url: `${user}/contacts/AAkA-nope=`, headers: IMMUTABLE_ID },
      { ...create('dep', 'Dependent'), dependsOn: ['bad'] },
      create('free', 'Free'),
    ]);
    const byId = Object.fromEntries(answer.responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual({ bad: 404, dep: 424, free: 201 });
  });

  it('counts items without Prefer IdType="ImmutableId" (items do not inherit the envelope headers)', async () => {
    fake.resetStats();
    await client
      .api('/$batch')
      .headers(IMMUTABLE_ID)
      .post({ requests: [{ id: '1', method: 'GET', url: `${user}/contactFolders` }] });
    expect(fake.stats().missingImmutableIdPrefer).toBe(1);
  });
});
