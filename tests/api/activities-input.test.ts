import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '@klarkonform/shared';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Bad and random input on the activity routes: refused with a problem naming the field, never a
// 500, and nothing stored or changed.

let t: TestApp;
let contactId: string;
let note: Activity;
beforeAll(async () => {
  t = await createTestApp();
  contactId = String((await createContact(t, person('Fuzzi', 'Eingabe', withEmail('fuzzi@eingabe.de')))).id);
  note = (
    await t.request({
      method: 'POST',
      url: '/api/v1/activities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { type: 'note', subject: 'Bleibt', contactIds: [contactId] },
    })
  ).json();
});
afterAll(() => t.close());

const snapshot = async () =>
  JSON.stringify(
    (await t.request({ method: 'GET', url: `/api/v1/contacts/${contactId}/activities?limit=100` })).json(),
  );

const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      type: fc.constantFrom('call', 'note', 'email', 'meeting', 'letter', 'fax', ''),
      subject: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)),
      text: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null)),
      occurredAt: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
      ),
      contactIds: fc.oneof(fc.array(fc.constantFrom('aaaaaaaaaaaaaaaaaaaaaaaa', 'x', 'fff')), fc.string()),
      internetMessageId: fc.oneof(fc.string({ maxLength: 40 }), fc.integer()),
      iCalUId: fc.string({ maxLength: 40 }),
      start: fc.string({ maxLength: 30 }),
      direction: fc.constantFrom('in', 'out', 'up'),
      from: fc.oneof(fc.record({ name: fc.string(), email: fc.string() }), fc.string()),
      to: fc.array(fc.record({ name: fc.string({ maxLength: 10 }), email: fc.string({ maxLength: 20 }) }), {
        maxLength: 3,
      }),
      attendees: fc.array(fc.record({ name: fc.string(), email: fc.emailAddress() }), { maxLength: 3 }),
      body: fc.string({ maxLength: 50 }),
    },
    { requiredKeys: [] },
  ),
);

async function expectNoServerError(run: () => Promise<{ statusCode: number; body: string }>) {
  const res = await run();
  if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body}`);
  expect(res.statusCode).toBeLessThan(500);
}

describe('activity routes never answer 500', () => {
  it('creates, logs and changes with random bodies', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, fc.string({ maxLength: 12 }), async (body, ifMatch) => {
        const payload = JSON.stringify(body);
        for (const url of ['/api/v1/activities', '/api/v1/activities/mail', '/api/v1/activities/meeting']) {
          await expectNoServerError(() =>
            t.request({
              method: 'POST',
              url,
              headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
              payload,
            }),
          );
        }
        await expectNoServerError(() =>
          t.request({
            method: 'PATCH',
            url: `/api/v1/activities/${note.id}`,
            headers: { 'content-type': 'application/json', 'if-match': ifMatch || '"99"' },
            payload,
          }),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('query strings and ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 20 }), async (q, cursor) => {
        const enc = encodeURIComponent;
        for (const url of [
          `/api/v1/contacts/${contactId}/activities?cursor=${enc(cursor)}`,
          `/api/v1/contacts/${contactId}/activities?limit=${enc(cursor)}`,
          `/api/v1/contacts/${enc(q) || 'x'}/activities`,
          `/api/v1/activities/mail-status?internetMessageId=${enc(q)}`,
          `/api/v1/activities/meeting-status?iCalUId=${enc(q)}`,
          `/api/v1/activities/${enc(q) || 'x'}`,
        ]) {
          await expectNoServerError(() => t.request({ method: 'GET', url }));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('bad input changes nothing', () => {
  it('refuses with field problems and leaves the timeline as it was', async () => {
    const before = await snapshot();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['/api/v1/activities', { type: 'call', subject: 'x', contactIds: [contactId], hacked: 1 }, 'body.hacked'],
      ['/api/v1/activities', { type: 'call', subject: 'x'.repeat(501), contactIds: [contactId] }, 'body.subject'],
      ['/api/v1/activities', { type: 'call', subject: 'x', contactIds: [contactId, contactId] }, 'body.contactIds'],
      [
        '/api/v1/activities/mail',
        { internetMessageId: 'a@b', subject: '', occurredAt: 'gestern', direction: 'in', to: [] },
        'body.occurredAt',
      ],
      [
        '/api/v1/activities/mail',
        {
          internetMessageId: 'a@b',
          subject: '',
          occurredAt: '2026-01-01T00:00:00Z',
          direction: 'in',
          to: [{ name: '', email: 'kein' }],
        },
        'body.to.0.email',
      ],
      [
        '/api/v1/activities/meeting',
        { iCalUId: '', subject: '', start: '2026-01-01T00:00:00Z', attendees: [] },
        'body.iCalUId',
      ],
    ];
    for (const [url, payload, field] of cases) {
      const res = await t.request({
        method: 'POST',
        url,
        headers: { 'idempotency-key': randomUUID(), 'accept-language': 'de' },
        payload,
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const noKey = await t.request({
      method: 'POST',
      url: '/api/v1/activities',
      payload: { type: 'call', subject: 'x', contactIds: [contactId] },
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().detail).toContain('Idempotency-Key');
    expect(await snapshot()).toBe(before);
  });
});
