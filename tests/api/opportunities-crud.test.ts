import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person } from '../support/contacts';
import { createOpportunity, patchOpportunity } from '../support/opportunities';
import { createTestApp, type TestApp } from '../support/test-app';

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
