import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// One address, one person: the sender card shows one contact per address, so an address already
// stored on another person (or company) is refused, naming who has it; a person may share their
// company's general address.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('an e-mail address belongs to one contact of a kind', () => {
  it('refuses to give a person an address another person has, in German and English, and changes nothing', async () => {
    const lisa = await createContact(t, person('Lisa', 'Adresse', withEmail('lisa@adressbuch.de')));
    const max = await createContact(t, person('Max', 'Adresse', withEmail('max@adressbuch.de')));
    const patch = {
      emails: [
        { address: 'max@adressbuch.de', primary: true },
        { address: 'Lisa@Adressbuch.de', primary: false },
      ],
    };
    const refused = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${max.id}`,
      headers: { 'if-match': `"${max.version}"` },
      payload: patch,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'conflict',
      detail: `E-Mail-Adressen, Eintrag 2: Diese E-Mail-Adresse gehört schon zu Lisa Adresse (${lisa.contactNumber}). Führen Sie die beiden zusammen oder nehmen Sie eine andere Adresse.`,
      errors: [expect.objectContaining({ field: 'body.emails.1.address' })],
    });
    const english = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${max.id}`,
      headers: { 'if-match': `"${max.version}"`, 'accept-language': 'en' },
      payload: patch,
    });
    expect(english.json().detail).toContain(`already belongs to Lisa Adresse (${lisa.contactNumber})`);
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${max.id}` })).json().version).toBe(max.version);
    // Lisa's card still opens for her address.
    const card = (await t.request({ method: 'GET', url: '/api/v1/cards?email=lisa@adressbuch.de' })).json().cards[0];
    expect(card.contact.id).toBe(lisa.id);

    const twin = await t.request({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { 'idempotency-key': randomUUID() },
      payload: person('Lisa', 'Zwilling', withEmail('lisa@adressbuch.de')),
    });
    expect(twin.statusCode).toBe(409);
  });

  it('lets a person share their company’s general address, and a contact keep its own addresses', async () => {
    const firma = await createContact(t, company('Gemeinsam GmbH', withEmail('info@gemeinsam.de')));
    const inhaber = await createContact(
      t,
      person('Ina', 'Inhaberin', { companyId: firma.id, ...withEmail('info@gemeinsam.de') }),
    );
    const reordered = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${inhaber.id}`,
      headers: { 'if-match': `"${inhaber.version}"` },
      payload: {
        emails: [
          { address: 'ina@gemeinsam.de', primary: true },
          { address: 'info@gemeinsam.de', primary: false },
        ],
      },
    });
    expect(reordered.statusCode).toBe(200);
  });
});
