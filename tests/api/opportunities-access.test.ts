import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRole } from '@klarkonform/shared';
import { company, createContact, person } from '../support/contacts';
import { createOpportunity, patchOpportunity } from '../support/opportunities';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Roles and tenant isolation on every opportunity route; loss reason, If-Match, audit, the
// lead-conversion hint, and bad input (400, never 500, nothing changed).

let t: TestApp;
let contact: Record<string, unknown>;
let opp: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  contact = await createContact(t, company('Zugriff GmbH'));
  opp = await createOpportunity(t, { title: 'Zugriffstest', contactId: contact.id, amountCents: 10_000 });
});
afterAll(async () => t.close());

const as = (role: AppRole, userId = `u-${role}`) => ({ roles: [role], userId, name: role });
const url = () => `/api/v1/opportunities/${opp.id}`;

/** Every route: [name, request, is a write]. */
const routes = (): Array<[string, InjectOptions, boolean]> => [
  [
    'POST /opportunities',
    {
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { title: 'Neu', contactId: contact.id, amountCents: 1 },
    },
    true,
  ],
  [
    'PATCH /opportunities/:id',
    { method: 'PATCH', url: url(), headers: { 'if-match': '*' }, payload: { title: 'X' } },
    true,
  ],
  ['GET /opportunities/:id', { method: 'GET', url: url() }, false],
  ['GET /opportunities', { method: 'GET', url: '/api/v1/opportunities' }, false],
  ['GET /opportunities/board', { method: 'GET', url: '/api/v1/opportunities/board' }, false],
  ['GET /opportunities/forecast', { method: 'GET', url: '/api/v1/opportunities/forecast' }, false],
];

describe('roles', () => {
  for (const role of ['CRM.Marketing', 'CRM.ReadOnly', 'CRM.Service'] as const) {
    it(`${role} reads but never changes opportunities`, async () => {
      for (const [name, request, write] of routes()) {
        const res = await t.request(request, as(role));
        expect([name, res.statusCode]).toEqual([name, write ? 403 : 200]);
      }
      const current = (await t.request({ method: 'GET', url: url() })).json();
      expect(current.title).toBe('Zugriffstest');
      expect((await t.request({ method: 'GET', url: '/api/v1/opportunities' })).json().items).toHaveLength(1);
    });
  }

  it('Sales changes opportunities; the audit trail is for Sales, Service and Admin', async () => {
    for (const [name, request] of routes()) {
      const res = await t.request(request, as('CRM.Sales'));
      expect([name, res.statusCode]).toEqual([name, request.method === 'POST' ? 201 : 200]);
    }
    const history = { method: 'GET', url: `${url()}/history` } as const;
    expect((await t.request(history, as('CRM.Service'))).statusCode).toBe(200);
    expect((await t.request(history, as('CRM.Marketing'))).statusCode).toBe(403);
    expect((await t.request(history, as('CRM.ReadOnly'))).statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  const asB = { tenantId: TENANT_B, userId: 'user-b' };

  it("answers another tenant's opportunity with 404 on every route that names it, and lists none of it", async () => {
    for (const request of [
      { method: 'GET', url: url() },
      { method: 'PATCH', url: url(), headers: { 'if-match': '*' }, payload: { title: 'Übernommen' } },
      { method: 'GET', url: `${url()}/history` },
    ] as InjectOptions[]) {
      const res = await t.request(request, asB);
      expect([request.method, res.statusCode]).toEqual([request.method, 404]);
    }
    const list = await t.request({ method: 'GET', url: `/api/v1/opportunities?contactId=${contact.id}` }, asB);
    expect(list.json().items).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/opportunities' }, asB)).json().items).toEqual([]);
    const board = (await t.request({ method: 'GET', url: '/api/v1/opportunities/board' }, asB)).json();
    expect(board.columns.every((c: { count: number }) => c.count === 0)).toBe(true);
    const forecast = (await t.request({ method: 'GET', url: '/api/v1/opportunities/forecast' }, asB)).json();
    expect(forecast.rows).toEqual([]);
    // A create for another tenant's contact finds no such contact (as for an unknown id).
    const create = await t.request(
      {
        method: 'POST',
        url: '/api/v1/opportunities',
        headers: { 'idempotency-key': randomUUID() },
        payload: { title: 'Fremd', contactId: contact.id, amountCents: 1 },
      },
      asB,
    );
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0].field).toBe('body.contactId');
    expect((await t.request({ method: 'GET', url: url() })).json().title).not.toBe('Übernommen');
  });
});

describe('loss reason', () => {
  const lang = (l: 'de' | 'en') => ({ 'accept-language': l });

  it('is required to create an opportunity as lost (named Verlustgrund / Loss reason)', async () => {
    for (const [l, word] of [
      ['de', 'Verlustgrund'],
      ['en', 'Loss reason'],
    ] as const) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/opportunities',
        headers: { 'idempotency-key': randomUUID(), ...lang(l) },
        payload: { title: 'Verloren', contactId: contact.id, amountCents: 1, stage: 'lost' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain(word);
      expect(res.json().errors[0].field).toBe('body.lossReason');
    }
    const ok = await createOpportunity(t, {
      title: 'Verloren',
      contactId: contact.id,
      amountCents: 1,
      stage: 'lost',
      lossReason: 'Zu teuer',
    });
    expect(ok).toMatchObject({ stage: 'lost', probability: 0, lossReason: 'Zu teuer' });
  });

  it('is required to move to lost, refused with another stage, and dropped when leaving lost', async () => {
    const o = await createOpportunity(t, {
      title: 'Wackelt',
      contactId: contact.id,
      amountCents: 5_000,
      stage: 'offer',
    });
    for (const [l, word] of [
      ['de', 'Verlustgrund'],
      ['en', 'Loss reason'],
    ] as const) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/opportunities/${o.id}`,
        headers: { 'if-match': '"1"', ...lang(l) },
        payload: { stage: 'lost' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain(word);
    }
    expect((await patchOpportunity(t, o.id as string, 1, { lossReason: 'Zu früh' })).statusCode).toBe(400);
    const lost = await patchOpportunity(t, o.id as string, 1, { stage: 'lost', lossReason: 'Wettbewerber günstiger' });
    expect(lost.json()).toMatchObject({
      stage: 'lost',
      probability: 0,
      lossReason: 'Wettbewerber günstiger',
      version: 2,
    });
    expect((await patchOpportunity(t, o.id as string, 2, { lossReason: null })).statusCode).toBe(400);
    const back = await patchOpportunity(t, o.id as string, 2, { stage: 'negotiation' });
    expect(back.json().lossReason).toBeUndefined();
    expect(back.json().closedAt).toBeUndefined();
    expect(back.json().probability).toBe(80);
  });
});

describe('If-Match, audit and the lead-conversion hint', () => {
  it('needs If-Match (428), refuses a stale version (412) and records every change', async () => {
    const o = await createOpportunity(t, { title: 'Versioniert', contactId: contact.id, amountCents: 100 });
    const missing = await t.request({ method: 'PATCH', url: `/api/v1/opportunities/${o.id}`, payload: { title: 'A' } });
    expect(missing.statusCode).toBe(428);
    const first = await patchOpportunity(t, o.id as string, 1, { amountCents: 200, expectedCloseDate: '2027-03-31' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await patchOpportunity(t, o.id as string, 1, { amountCents: 300 });
    expect(stale.statusCode).toBe(412);
    const cleared = await patchOpportunity(t, o.id as string, 2, { expectedCloseDate: null, stage: 'meeting' });
    expect(cleared.json().expectedCloseDate).toBeUndefined();
    const got = await t.request({ method: 'GET', url: `/api/v1/opportunities/${o.id}` });
    expect(got.headers.etag).toBe('"3"');
    expect(got.json()).toMatchObject({ amountCents: 200, stage: 'meeting', probability: 40, version: 3 });

    const history = (await t.request({ method: 'GET', url: `/api/v1/opportunities/${o.id}/history` })).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'amountCents', before: 100, after: 200 },
        { field: 'expectedCloseDate', after: '2027-03-31' },
      ]),
    );
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'stage', before: 'needsAnalysis', after: 'meeting' },
        { field: 'probability', before: 10, after: 40 },
        { field: 'expectedCloseDate', before: '2027-03-31' },
      ]),
    );
    expect(history[0].actor).toEqual({ id: 'user-a', name: 'Test User' });
  });

  it('names the lead to convert when winning an open lead’s opportunity (the contact, else its company)', async () => {
    const leadCo = await createContact(t, company('Lead Firma', { relationships: ['lead'] }));
    // A person at a lead company is a lead too (the company's relationships are its defaults)…
    const leadPerson = await createContact(t, person('Lea', 'Lead', { companyId: leadCo.id }));
    // …unless created with others: then the company is the lead to convert.
    const colleague = await createContact(t, person('Kai', 'Kollege', { companyId: leadCo.id, relationships: [] }));
    const customer = await createContact(t, company('Kunde AG', { relationships: ['customer'] }));
    const win = async (contactId: unknown) => {
      const o = await createOpportunity(t, { title: 'Gewinn', contactId, amountCents: 1 });
      return patchOpportunity(t, o.id as string, 1, { stage: 'won' });
    };
    expect((await win(leadCo.id)).headers['x-lead-to-convert']).toBe(leadCo.id);
    expect((await win(leadPerson.id)).headers['x-lead-to-convert']).toBe(leadPerson.id);
    expect((await win(colleague.id)).headers['x-lead-to-convert']).toBe(leadCo.id);
    expect((await win(customer.id)).headers['x-lead-to-convert']).toBeUndefined();
  });

  it('refuses an unknown owner and an archived contact, naming the field', async () => {
    const owner = await t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { title: 'X', contactId: contact.id, amountCents: 1, ownerId: 'nobody-here' },
    });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().detail).toContain('Betreuer');
    const gone = await createContact(t, company('Archiv GmbH'));
    await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${gone.id}/archive`,
      payload: { reason: 'Firma aufgelöst' },
    });
    const archived = await t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { title: 'X', contactId: gone.id, amountCents: 1 },
    });
    expect(archived.statusCode).toBe(400);
    expect(archived.json().detail).toContain('Kontakt');
  });
});

describe('bad input', () => {
  const create = (payload: unknown, headers: Record<string, string> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': randomUUID(), ...headers },
      payload: payload as Record<string, unknown>,
    });
  const base = () => ({ title: 'Eingabe', contactId: contact.id, amountCents: 100 });

  it.each([
    ['amount as float', { amountCents: 12.5 }, 'Betrag'],
    ['negative amount', { amountCents: -1 }, 'Betrag'],
    ['amount as string', { amountCents: '100' }, 'Betrag'],
    ['amount too large', { amountCents: 1e13 }, 'Betrag'],
    ['probability 101', { probability: 101 }, 'Wahrscheinlichkeit'],
    ['probability as float', { probability: 50.5 }, 'Wahrscheinlichkeit'],
    ['unknown stage', { stage: 'hot' }, 'Verkaufsphase'],
    ['unknown field', { discount: 5 }, 'discount'],
    ['stored field', { version: 3 }, 'version'],
    ['impossible date', { expectedCloseDate: '2026-02-30' }, 'Voraussichtlicher Abschluss'],
    ['bad contact id', { contactId: 'x' }, 'Kontakt'],
    ['empty title', { title: '  ' }, 'Titel'],
  ])('refuses %s on create (400, naming the field)', async (_name, change, word) => {
    const res = await create({ ...base(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain(word);
  });

  it('names the allowed stages by their labels', async () => {
    const de = await create({ ...base(), stage: 'hot' });
    expect(de.json().detail).toContain('Bedarfsermittlung (needsAnalysis)');
    expect(de.json().detail).toContain('Später (kein Budget/Zeitpunkt) (later)');
    const en = await create({ ...base(), stage: 'hot' }, { 'accept-language': 'en' });
    expect(en.json().detail).toContain('Stage');
    expect(en.json().detail).toContain('Needs analysis (needsAnalysis)');
  });

  it('refuses bad patches and bad queries with 400, never 500, and changes nothing', async () => {
    const before = (await t.request({ method: 'GET', url: url() })).json();
    for (const payload of [
      {},
      { title: null },
      { amountCents: 1.5 },
      { stage: 'lost', x: 1 },
      { probability: -1 },
      { ownerId: '' },
    ]) {
      const res = await t.request({ method: 'PATCH', url: url(), headers: { 'if-match': '*' }, payload });
      expect([payload, res.statusCode]).toEqual([payload, 400]);
    }
    const badIfMatch = await t.request({
      method: 'PATCH',
      url: url(),
      headers: { 'if-match': 'abc' },
      payload: { title: 'Y' },
    });
    expect(badIfMatch.statusCode).toBe(400);
    for (const query of [
      'closeMonth=2026-13',
      'closeMonth=soon',
      'stage=hot',
      'limit=0',
      'limit=1000',
      'open=vielleicht',
      'cursor=kaputt',
      `cursor=${Buffer.from('{"s":1}').toString('base64url')}`,
      'contactId=123',
      'unknown=1',
    ]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/opportunities?${query}` });
      expect([query, res.statusCode]).toEqual([query, 400]);
    }
    for (const path of ['board?owner=', 'forecast?month=2026-01', 'board?stage=offer']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/opportunities/${path}` });
      expect([path, res.statusCode]).toEqual([path, 400]);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/opportunities/123' })).statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: `/api/v1/opportunities/${'0'.repeat(24)}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: url() })).json()).toEqual(before);
  });
});
