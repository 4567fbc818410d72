import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// A contact's card by id (`GET /contacts/{id}/card`): what the Teams tab opens for any contact, with
// or without an address — the same card the sender lookup gives, in one request.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function cardById(id: string, as = {}) {
  return t.request({ method: 'GET', url: `/api/v1/contacts/${id}/card` }, as);
}

describe('GET /contacts/{id}/card', () => {
  it('is the sender card of a contact with an address', async () => {
    const firm = await createContact(t, company('Kartenhaus GmbH', withEmail('info@kartenhaus.de')));
    const ida = await createContact(
      t,
      person('Ida', 'Karte', { companyId: firm.id, roles: ['decisionMaker'], ...withEmail('ida@kartenhaus.de') }),
    );
    const byId = await cardById(String(ida.id));
    expect(byId.statusCode).toBe(200);
    const bySender = (await t.request({ method: 'GET', url: '/api/v1/cards?email=ida@kartenhaus.de' })).json().cards[0];
    expect(byId.json()).toEqual(bySender);
    expect(byId.json().company.name).toBe('Kartenhaus GmbH');
    expect(byId.json().companyPeople.map((p: { displayName: string }) => p.displayName)).toEqual(['Ida Karte']);
  });

  it('gives a person without an address their company, its people, the owner and the findings', async () => {
    const firm = await createContact(t, company('Ohnepost KG'));
    const ole = await createContact(t, person('Ole', 'Ohnepost', { companyId: firm.id }));
    const res = await cardById(String(ole.id));
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({ email: '', status: 'known', contact: { id: ole.id }, company: { id: firm.id } });
    expect(card.owner).toEqual({ id: 'user-a', name: 'Test User' });
    expect(card.quality.map((f: { code: string }) => f.code)).toContain('contact.noEmail');
    // A company's own card lists its people too.
    const firmCard = (await cardById(String(firm.id))).json();
    expect(firmCard.companyPeople.map((p: { id: string }) => p.id)).toEqual([ole.id]);
    expect(firmCard.company).toBeUndefined();
  });

  it('answers 404 for another tenant’s contact, an unknown id and a contact merged away', async () => {
    const mine = await createContact(t, person('Mia', 'Mandant'));
    expect((await cardById(String(mine.id), { tenantId: TENANT_B })).statusCode).toBe(404);
    expect((await cardById('0123456789abcdef01234567')).statusCode).toBe(404);
    expect((await cardById('nicht-eine-id')).statusCode).toBe(400);
    const twin = await createContact(t, person('Mia', 'Mandant', withEmail('mia@mandant.de')));
    const merged = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      payload: { survivorId: twin.id, duplicateId: mine.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await cardById(String(mine.id))).statusCode).toBe(404);
  });
});
