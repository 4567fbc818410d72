import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact } from '../support/contacts';
import { createOpportunity } from '../support/opportunities';
import { createTestApp, type TestApp } from '../support/test-app';

// No input to the opportunity routes may produce a 500: random bodies near the real shape,
// random query strings; each answered with a 2xx or a 4xx problem.
let t: TestApp;
let contactId: string;
let oppId: string;
beforeAll(async () => {
  t = await createTestApp();
  contactId = String((await createContact(t, company('Fuzz Chancen GmbH'))).id);
  oppId = String((await createOpportunity(t, { title: 'Fuzz', contactId, amountCents: 1 })).id);
});
afterAll(() => t.close());

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      title: value,
      contactId: fc.oneof(value, fc.constant('0'.repeat(24))),
      amountCents: fc.oneof(value, fc.integer({ min: -10, max: 2e12 })),
      probability: fc.oneof(value, fc.integer({ min: -5, max: 105 })),
      stage: fc.oneof(value, fc.constantFrom('offer', 'won', 'lost', 'later')),
      lossReason: value,
      expectedCloseDate: fc.oneof(value, fc.constantFrom('2026-12-01', '2026-02-30', '')),
      ownerId: value,
    },
    { requiredKeys: [] },
  ),
);

async function noServerError(run: () => Promise<{ statusCode: number; body: string }>) {
  const res = await run();
  if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body}`);
  expect(res.statusCode).toBeLessThan(500);
}

describe('fuzzed opportunity input never yields a 500', () => {
  it('POST and PATCH', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const payload = JSON.stringify(b);
        await noServerError(() =>
          t.request({
            method: 'POST',
            url: '/api/v1/opportunities',
            headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
            payload,
          }),
        );
        await noServerError(() =>
          t.request({
            method: 'PATCH',
            url: `/api/v1/opportunities/${oppId}`,
            headers: { 'if-match': '*', 'content-type': 'application/json' },
            payload: payload.replace(/"contactId":"[^"]*"/, `"contactId":"${contactId}"`),
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('list, board and forecast queries', async () => {
    const key = fc.constantFrom('owner', 'stage', 'closeMonth', 'contactId', 'open', 'limit', 'cursor', 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, fc.string({ maxLength: 40 })), { maxLength: 4 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        for (const path of ['', '/board', '/forecast']) {
          await noServerError(() => t.request({ method: 'GET', url: `/api/v1/opportunities${path}?${query}` }));
        }
      }),
      { numRuns: 40 },
    );
  });
});
