import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The sender card names the contact's Betreuer (owner) in the same request: one lookup of the
// tenant's user per distinct owner, never a user of another tenant.

let t: TestApp;
const bea = { userId: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' } as const;

beforeAll(async () => {
  t = await createTestApp();
  // Bea has used KlarKonform once, so she is a user of the tenant and can be named.
  await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
});
afterAll(() => t.close());

async function cards(...emails: string[]) {
  const query = emails.map((email) => `email=${encodeURIComponent(email)}`).join('&');
  const res = await t.request({ method: 'GET', url: `/api/v1/cards?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().cards as Array<{ status: string; owner?: { id: string; name: string } }>;
}

describe('the owner on the sender card', () => {
  it('names the owner of each known sender, the creator by default', async () => {
    const firm = await createContact(t, company('Eigner Bau GmbH', withEmail('info@eigner-bau.de')));
    await createContact(t, person('Olga', 'Eigner', { companyId: firm.id, ...withEmail('olga@eigner-bau.de') }));
    const handed = await createContact(
      t,
      person('Paul', 'Eigner', { companyId: firm.id, ownerId: bea.userId, ...withEmail('paul@eigner-bau.de') }),
    );
    expect(handed.ownerId).toBe(bea.userId);

    const [olga, paul, stranger] = await cards('olga@eigner-bau.de', 'Paul@Eigner-Bau.de', 'neu@eigner-bau.de');
    expect(olga?.owner).toEqual({ id: 'user-a', name: 'Test User' });
    expect(paul?.owner).toEqual({ id: 'user-bea', name: 'Bea Berater' });
    // An unknown sender has no contact and so no owner.
    expect(stranger?.status).toBe('unknown');
    expect(stranger?.owner).toBeUndefined();
  });

  it('follows a change of the owner and of the user’s name', async () => {
    const created = await createContact(t, person('Rita', 'Wechsel', withEmail('rita@wechsel.de')));
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${created.id}`,
      headers: { 'if-match': `"${created.version}"` },
      payload: { ownerId: bea.userId },
    });
    expect(res.statusCode).toBe(200);
    expect((await cards('rita@wechsel.de'))[0]?.owner).toEqual({ id: 'user-bea', name: 'Bea Berater' });

    // Her next token carries a new name (e.g. after a marriage): the card shows it.
    await t.request({ method: 'GET', url: '/api/v1/me' }, { ...bea, name: 'Bea Neumann' });
    expect((await cards('rita@wechsel.de'))[0]?.owner).toEqual({ id: 'user-bea', name: 'Bea Neumann' });
  });

  it('never takes a name from another tenant’s users', async () => {
    // The same user id signs in to tenant B under another name; tenant A's card keeps its own.
    await t.request({ method: 'GET', url: '/api/v1/me' }, { tenantId: TENANT_B, userId: 'user-a', name: 'Fremd B' });
    await createContact(t, person('Tina', 'Trennung', withEmail('tina@trennung.de')));
    expect((await cards('tina@trennung.de'))[0]?.owner).toEqual({ id: 'user-a', name: 'Test User' });
  });
});
