import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person } from '../support/contacts';
import { createOpportunity, patchOpportunity } from '../support/opportunities';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { createOpportunitiesFeature } from '../../api/src/features/opportunities/opportunities.feature';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';

// Opportunities (Verkaufschancen): create (idempotent), defaults, stage changes, loss reason,
// If-Match, audit.

let t: TestApp;
let firma: Record<string, unknown>;
let anna: Record<string, unknown>;
const bea = { userId: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' } as const;

beforeAll(async () => {
  t = await createTestApp();
  await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
  firma = await createContact(t, company('Muster GmbH', { ownerId: 'user-bea' }));
  anna = await createContact(t, person('Anna', 'Arndt', { companyId: firma.id }));
});
afterAll(async () => t.close());

describe('creating an opportunity', () => {
  it('stores it with defaults and denormalised names; a retry with the same key answers 200 with the same body', async () => {
    const key = randomUUID();
    const body = { title: 'Wartungsvertrag 2027', contactId: anna.id, amountCents: 1_250_000 };
    const first = await t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': key },
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const o = first.json();
    expect(o).toMatchObject({
      title: 'Wartungsvertrag 2027',
      contactId: anna.id,
      contactName: 'Anna Arndt',
      companyId: firma.id,
      companyName: 'Muster GmbH',
      amountCents: 1_250_000,
      stage: 'needsAnalysis',
      probability: 10,
      ownerId: 'user-a',
      ownerName: 'Test User',
      version: 1,
    });
    expect(o.stageHistory).toEqual([
      { stage: 'needsAnalysis', at: o.createdAt, by: { id: 'user-a', name: 'Test User' } },
    ]);
    expect(first.headers.etag).toBe('"1"');
    expect(first.headers.location).toBe(`/api/v1/opportunities/${o.id}`);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': key },
      payload: body,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(o);
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': key },
      payload: { ...body, amountCents: 1 },
    });
    expect(other.statusCode).toBe(409);
  });

  it("takes the company's Betreuer as owner when the contact is the company", async () => {
    const o = await createOpportunity(t, { title: 'Rahmenvertrag', contactId: firma.id, amountCents: 0 });
    expect(o).toMatchObject({
      ownerId: 'user-bea',
      ownerName: 'Bea Berater',
      companyId: firma.id,
      contactName: 'Muster GmbH',
    });
  });
});

describe('stage changes', () => {
  it('appends to the stage history, sets the default probability unless given, closes and reopens', async () => {
    const o = await createOpportunity(t, { title: 'Neue Anlage', contactId: anna.id, amountCents: 500_000 });
    const offer = await patchOpportunity(t, o.id as string, 1, { stage: 'offer' });
    expect(offer.statusCode).toBe(200);
    expect(offer.json()).toMatchObject({ stage: 'offer', probability: 60, version: 2 });
    expect(offer.json().stageHistory.map((s: { stage: string }) => s.stage)).toEqual(['needsAnalysis', 'offer']);
    const own = await patchOpportunity(t, o.id as string, 2, { stage: 'negotiation', probability: 70 });
    expect(own.json()).toMatchObject({ stage: 'negotiation', probability: 70 });
    const won = await patchOpportunity(t, o.id as string, 3, { stage: 'won' });
    expect(won.json()).toMatchObject({ stage: 'won', probability: 100 });
    expect(won.json().closedAt).toEqual(expect.any(String));
    const reopened = await patchOpportunity(t, o.id as string, 4, { stage: 'offer' });
    expect(reopened.json().closedAt).toBeUndefined();
    expect(reopened.json().probability).toBe(60);
  });
});

describe('races', () => {
  it('answers concurrent retries of one create with one opportunity', async () => {
    const key = randomUUID();
    const body = { title: 'Doppelklick', contactId: anna.id, amountCents: 42 };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.request({ method: 'POST', url: '/api/v1/opportunities', headers: { 'idempotency-key': key }, payload: body }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
  });

  it('lets one of two changes from the same version win; the other gets 412', async () => {
    const o = await createOpportunity(t, { title: 'Zwei Köche', contactId: anna.id, amountCents: 1 });
    const [x, y] = await Promise.all([
      patchOpportunity(t, o.id as string, 1, { amountCents: 2 }),
      patchOpportunity(t, o.id as string, 1, { amountCents: 3 }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 412]);
    const stored = (await t.request({ method: 'GET', url: `/api/v1/opportunities/${o.id}` })).json();
    expect(stored.version).toBe(2);
    expect(stored.amountCents).toBe((x.statusCode === 200 ? x : y).json().amountCents);
  });
});

describe('openFor (the sender card)', () => {
  it('gives each contact its open opportunities; a company also its people’s', async () => {
    const users = new UsersRepository(t.app.mongo);
    const { service } = createOpportunitiesFeature(
      t.app.mongo,
      createContactsFeature(t.app.mongo, users).contacts,
      users,
    );
    const solo = await createContact(t, person('Sven', 'Solo'));
    const closed = await createOpportunity(t, { title: 'Erledigt', contactId: anna.id, amountCents: 1, stage: 'won' });
    const open = await service.openFor(TENANT_A, [anna.id as string, firma.id as string, solo.id as string]);
    const annas = open.get(anna.id as string) ?? [];
    expect(annas.length).toBeGreaterThan(0);
    expect(annas.every((o) => o.contactId === anna.id && !['won', 'lost', 'later'].includes(o.stage))).toBe(true);
    expect(annas.map((o) => o.id)).not.toContain(closed.id);
    const firmas = open.get(firma.id as string) ?? [];
    expect(firmas.map((o) => o.id)).toEqual(expect.arrayContaining(annas.map((o) => o.id)));
    expect(firmas.some((o) => o.contactId === firma.id)).toBe(true);
    expect(open.get(solo.id as string)).toEqual([]);
    expect((await service.openFor(TENANT_B, [anna.id as string])).get(anna.id as string)).toEqual([]);
  });
});
