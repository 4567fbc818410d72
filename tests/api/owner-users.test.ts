import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Betreuer (owner): every contact has one, the creating user by default; only users the tenant
// has seen in verified tokens can be named; "Meine Kontakte" and "Meine Leads" list a user's own.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const bea = { userId: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' } as const;
const ids = (res: { json(): { items: Array<{ id?: string; contact?: { id: string } }> } }) =>
  res.json().items.map((i) => i.id ?? i.contact?.id);

describe('owner and tenant users', () => {
  it('gives a new contact its creator as owner and lists the users the tenant has seen', async () => {
    const mine = await createContact(t, company('Eigen Werk GmbH'));
    expect(mine.ownerId).toBe('user-a');
    // Bea has not used KlarKonform yet: she cannot be named.
    const early = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${mine.id}`,
      headers: { 'if-match': `"${mine.version}"` },
      payload: { ownerId: bea.userId },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toContain('Betreuer');
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${mine.id}` })).json().version).toBe(mine.version);

    // After her first request she is a user of the tenant (name and e-mail from her token).
    expect((await t.request({ method: 'GET', url: '/api/v1/me' }, bea)).statusCode).toBe(200);
    const users = (await t.request({ method: 'GET', url: '/api/v1/users' })).json().items;
    expect(users).toEqual([
      { id: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' },
      expect.objectContaining({ id: 'user-a', name: 'Test User' }),
    ]);
    // Another tenant sees none of them.
    expect((await t.request({ method: 'GET', url: '/api/v1/users' }, { tenantId: TENANT_B })).json().items).toEqual([
      expect.objectContaining({ id: 'user-a' }),
    ]);

    const handed = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${mine.id}`,
      headers: { 'if-match': `"${mine.version}"` },
      payload: { ownerId: bea.userId },
    });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().ownerId).toBe('user-bea');
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${mine.id}/history` })).json().items;
    expect(history[0].changes).toEqual([{ field: 'ownerId', before: 'user-a', after: 'user-bea' }]);
  });

  it('lists "Meine Kontakte" and "Meine Leads" per owner, in name order and page by page', async () => {
    await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
    const a1 = await createContact(t, person('Anna', 'Aal', { relationships: ['lead'] }));
    const a2 = await createContact(t, person('Zora', 'Zander', { relationships: ['customer'] }));
    const b1 = await createContact(t, person('Bert', 'Bach', { relationships: ['lead'], ownerId: bea.userId }));
    const b2 = await createContact(t, person('Carl', 'Cramer', { relationships: ['lead'] }));
    expect(b1.ownerId).toBe('user-bea');

    const mine = await t.request({ method: 'GET', url: '/api/v1/contacts?owner=me&limit=2' });
    expect(ids(mine)).toEqual([a1.id, b2.id]);
    const next = await t.request({
      method: 'GET',
      url: `/api/v1/contacts?owner=me&limit=2&cursor=${mine.json().nextCursor}`,
    });
    expect(ids(next)).toContain(a2.id);
    expect(ids(next)).not.toContain(b1.id);

    const myLeads = await t.request({ method: 'GET', url: '/api/v1/contacts?owner=me&relationship=lead' });
    expect(ids(myLeads)).toEqual([a1.id, b2.id]);
    const beasLeads = await t.request({ method: 'GET', url: '/api/v1/leads?owner=me' }, bea);
    expect(ids(beasLeads)).toEqual([b1.id]);
    const byId = await t.request({ method: 'GET', url: `/api/v1/leads?owner=${bea.userId}` });
    expect(ids(byId)).toEqual([b1.id]);
    // With a search text the owner narrows the matches too.
    expect(ids(await t.request({ method: 'GET', url: '/api/v1/contacts?q=Bach&owner=me' }))).toEqual([]);
  });
});
