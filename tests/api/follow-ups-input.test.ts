import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createTestApp, type TestApp } from '../support/test-app';

// No input to the follow-up routes produces a 500: random bodies, query strings and headers are
// answered with a 2xx or a 4xx problem, and nothing refused is stored.

let t: TestApp;
let contactId: string;
let followUpId: string;
beforeAll(async () => {
  t = await createTestApp();
  contactId = String((await createContact(t, company('Fuzz Wiedervorlage GmbH'))).id);
  followUpId = String((await createFollowUp(t, { title: 'Fuzz', dueDate: berlinDay(1), contactId })).id);
});
afterAll(() => t.close());

const objectIdLike = fc
  .array(fc.constantFrom(...'0123456789abcdef'), { minLength: 24, maxLength: 24 })
  .map((chars) => chars.join(''));
const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', '\u0000', '\u200b', 'ä'.repeat(300)));
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      title: fc.oneof(text, fc.integer(), fc.constant(null)),
      dueDate: fc.oneof(fc.constantFrom('2026-12-01', '2026-02-30', '01.12.2026', '99999-01-01'), text),
      dueTime: fc.oneof(fc.constantFrom('09:30', '24:00', '9:30', null), text),
      assigneeId: fc.oneof(fc.constantFrom('user-a', 'me', 'all', ''), text, fc.integer()),
      contactId: fc.oneof(fc.constant('CONTACT'), objectIdLike, text),
      opportunityId: fc.oneof(objectIdLike, text, fc.constant(null)),
      state: fc.oneof(fc.constantFrom('open', 'done', 'DONE'), text),
    },
    { requiredKeys: [] },
  ),
);
const withContact = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (v === 'CONTACT' ? contactId : (v as unknown)));

async function expectNoServerError(run: () => Promise<{ statusCode: number; body: string }>) {
  const res = await run();
  if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body}`);
  expect(res.statusCode).toBeLessThan(500);
}

describe('fuzzed follow-up input never yields a 500', () => {
  it('POST /follow-ups and PATCH /follow-ups/:id', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('*', '"1"', '"999"', 'W/"2"', 'x'), async (payload, ifMatch) => {
        await expectNoServerError(() =>
          t.request({
            method: 'POST',
            url: '/api/v1/follow-ups',
            headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
            payload: withContact(payload),
          }),
        );
        await expectNoServerError(() =>
          t.request({
            method: 'PATCH',
            url: `/api/v1/follow-ups/${followUpId}`,
            headers: { 'if-match': ifMatch, 'content-type': 'application/json' },
            payload: withContact(payload),
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('GET /follow-ups and the contact list with random query strings and ids', async () => {
    const query = fc.dictionary(
      fc.constantFrom('assignee', 'state', 'range', 'limit', 'cursor', 'x'),
      fc.oneof(fc.string(), fc.constantFrom('me', 'all', 'open', 'done', 'due', '0', '501', 'MHwtfA')),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.oneof(fc.string(), objectIdLike), async (q, id) => {
        const qs = new URLSearchParams(q).toString();
        await expectNoServerError(() => t.request({ method: 'GET', url: `/api/v1/follow-ups?${qs}` }));
        await expectNoServerError(() =>
          t.request({ method: 'GET', url: `/api/v1/contacts/${encodeURIComponent(id)}/follow-ups?${qs}` }),
        );
        await expectNoServerError(() =>
          t.request({ method: 'GET', url: `/api/v1/follow-ups/${encodeURIComponent(id)}` }),
        );
      }),
      { numRuns: 60 },
    );
  });
});
