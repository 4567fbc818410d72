import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// No input may produce a 500: random JSON bodies, query strings and headers
// against the write and read endpoints must all be answered with a 2xx or a
// 4xx problem, never a server error.
let t: TestApp;
let id: string;
beforeAll(async () => {
  t = await createTestApp();
  id = String((await createContact(t, company('Fuzz GmbH'))).id);
});
afterAll(() => t.close());

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record(
    {
      kind: fc.constantFrom('person', 'company', 'x'),
      name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      lastName: fc.oneof(fc.string(), fc.constant(null)),
      emails: fc.oneof(fc.array(fc.record({ address: fc.string(), primary: fc.boolean() })), fc.string()),
      relationships: fc.array(fc.string()),
      lead: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
);

async function expectNoServerError(run: () => Promise<{ statusCode: number; body: string }>) {
  const res = await run();
  if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body}`);
  expect(res.statusCode).toBeLessThan(500);
}

describe('fuzzed input never yields a 500', () => {
  it('POST /contacts and the duplicate check', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        await expectNoServerError(() =>
          t.request({
            method: 'POST',
            url: '/api/v1/contacts',
            headers: { 'idempotency-key': randomUUID() },
            payload: JSON.stringify(body),
          }),
        );
        await expectNoServerError(() =>
          t.request({
            method: 'POST',
            url: '/api/v1/contacts/duplicate-check',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('PATCH, consent events and notes on an existing contact', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, fc.string({ maxLength: 12 }), async (body, ifMatch) => {
        const payload = JSON.stringify(body);
        const headers = { 'content-type': 'application/json', 'if-match': ifMatch || '"1"' };
        for (const [method, url] of [
          ['PATCH', `/api/v1/contacts/${id}`],
          ['POST', `/api/v1/contacts/${id}/consent-events`],
          ['POST', `/api/v1/contacts/${id}/notes/history`],
          ['POST', `/api/v1/contacts/${id}/archive`],
        ] as const) {
          await expectNoServerError(() => t.request({ method, url, headers, payload }));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('query strings of search, cards and worklist', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), async (q, cursor) => {
        const enc = encodeURIComponent;
        for (const url of [
          `/api/v1/contacts?q=${enc(q)}&cursor=${enc(cursor)}`,
          `/api/v1/contacts?q=${enc(q)}&limit=${enc(cursor)}`,
          `/api/v1/cards?email=${enc(q)}&name=${enc(cursor)}`,
          `/api/v1/quality/worklist?cursor=${enc(cursor)}`,
          `/api/v1/contacts/${enc(q) || 'x'}`,
        ]) {
          await expectNoServerError(() => t.request({ method: 'GET', url }));
        }
      }),
      { numRuns: 60 },
    );
  });
});
