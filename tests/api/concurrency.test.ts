import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Every acknowledged write is stored (issue: no lost updates, no lost opt-outs). The requests
// run concurrently against the real engine, so the races happen where they would in production:
// in the database, between a read and the write that follows it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const contactUrl = (id: unknown) => `/api/v1/contacts/${id}`;
const historyActions = async (id: unknown) =>
  (await t.request({ method: 'GET', url: `${contactUrl(id)}/history` }))
    .json()
    .items.map((h: { action: string }) => h.action) as string[];

describe('concurrent writes to one contact', () => {
  it('20 PATCHes from one version: exactly one wins, the others get 412, and the winner is what is stored', async () => {
    const c = await createContact(t, person('Paula', 'Parallel', withEmail('paula@parallel.de')));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request({
          method: 'PATCH',
          url: contactUrl(c.id),
          headers: { 'if-match': '"1"' },
          payload: { position: `Position ${i}` },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code === 412)).toHaveLength(19);
    const winner = responses.find((r) => r.statusCode === 200)?.json();
    const stored = (await t.request({ method: 'GET', url: contactUrl(c.id) })).json();
    expect(stored.position).toBe(winner.position);
    expect(stored.version).toBe(2);
    expect(await historyActions(c.id)).toEqual(['update', 'create']);
  });

  it('two users editing different fields at once: one change is confirmed and stored, the other is told to reload', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const c = await createContact(t, person('Ben', `Beide${trial}`));
      const [a, b] = await Promise.all([
        t.request({
          method: 'PATCH',
          url: contactUrl(c.id),
          headers: { 'if-match': '"1"' },
          payload: { position: 'Leiter' },
        }),
        t.request({
          method: 'PATCH',
          url: contactUrl(c.id),
          headers: { 'if-match': '"1"' },
          payload: { department: 'Einkauf' },
        }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      const stored = (await t.request({ method: 'GET', url: contactUrl(c.id) })).json();
      if (a.statusCode === 200) expect(stored.position).toBe('Leiter');
      else expect(stored.department).toBe('Einkauf');
    }
  });

  it('PATCHes with If-Match: * (any version) at once are all applied, one after another', async () => {
    const c = await createContact(t, person('Stern', 'Chen'));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.request({
          method: 'PATCH',
          url: contactUrl(c.id),
          headers: { 'if-match': '*' },
          payload: { position: `P${i}` },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    const stored = (await t.request({ method: 'GET', url: contactUrl(c.id) })).json();
    expect(stored.version).toBe(11);
    expect((await historyActions(c.id)).filter((a) => a === 'update')).toHaveLength(10);
  });

  // 40 writers racing for one document retry many times; on a loaded 2-core machine that takes longer than the default 30 s.
  it('40 notes added at once are all stored, each with its audit entry', { timeout: 120_000 }, async () => {
    const c = await createContact(t, person('Nora', 'Notiz'));
    const texts = Array.from({ length: 40 }, (_, i) => `Notiz ${i} ${randomUUID().slice(0, 8)}`);
    const responses = await Promise.all(
      texts.map((text) => t.request({ method: 'POST', url: `${contactUrl(c.id)}/notes/free`, payload: { text } })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(texts.map(() => 200));
    const stored = (await t.request({ method: 'GET', url: contactUrl(c.id) })).json();
    expect(stored.notes.free.map((n: { text: string }) => n.text).sort()).toEqual([...texts].sort());
    expect(stored.version).toBe(41);
    const actions = await historyActions(c.id);
    expect(actions.filter((a) => a === 'note')).toHaveLength(40);
  });

  it('10 consent events at once, one an opt-out: all are stored and the opt-out is effective', async () => {
    const c = await createContact(
      t,
      person('Otto', 'Optout', { legalBasis: 'consent', ...withEmail('otto@optout.de') }),
    );
    const lastWeek = (day: number) => new Date(Date.UTC(2026, 10, 20 + (day % 5), 9, day)).toISOString();
    const events = [
      ...Array.from({ length: 9 }, (_, i) => ({
        channel: i % 2 === 0 ? 'email' : 'phone',
        type: 'optIn',
        at: lastWeek(i),
        source: `Messe ${i}`,
        proof: `Formular ${i}`,
      })),
      { channel: 'email', type: 'optOut', source: 'Antwort-Mail: bitte keine Werbung' },
    ];
    const responses = await Promise.all(
      events.map((payload) => t.request({ method: 'POST', url: `${contactUrl(c.id)}/consent-events`, payload })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(events.map(() => 200));
    const stored = (await t.request({ method: 'GET', url: contactUrl(c.id) })).json();
    const all = [...stored.consent.channels.email, ...stored.consent.channels.phone];
    expect(all.map((e: { source: string }) => e.source).sort()).toEqual(events.map((e) => e.source).sort());
    const decision = (
      await t.request({ method: 'GET', url: `${contactUrl(c.id)}/consent-decision?channel=email&purpose=marketing` })
    ).json();
    expect(decision).toMatchObject({ allowed: false, reason: 'optedOut' });
    const actions = await historyActions(c.id);
    expect(actions).toHaveLength(events.length + 1);
  });
});

describe('concurrent creates', () => {
  it('30 creates into a new tenant at once: all succeed with distinct, gapless contact numbers', async () => {
    const tenant = { tenantId: '22222222-2222-4222-8222-222222222222' };
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.request(
          {
            method: 'POST',
            url: '/api/v1/contacts',
            headers: { 'idempotency-key': randomUUID() },
            payload: person('Sturm', `Anlage${i}`),
          },
          tenant,
        ),
      ),
    );
    expect(responses.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const numbers = responses.map((r) => r.json().contactNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `C${String(i + 1).padStart(5, '0')}`));
  });
});
