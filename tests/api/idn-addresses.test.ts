import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Umlaut domains are one address in Unicode and in punycode: stored in one form, found in the other.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const card = async (email: string) => {
  const res = await t.request({ method: 'GET', url: `/api/v1/cards?email=${encodeURIComponent(email)}` });
  expect(res.statusCode).toBe(200);
  return res.json().cards[0];
};

describe('umlaut domains', () => {
  it('creates a contact with max@müller.de and finds it from a punycode sender, and the reverse', async () => {
    const max = await createContact(t, person('Max', 'Müller', withEmail('max@müller.de')));
    expect((max.emails as Array<{ address: string }>)[0]?.address).toBe('max@müller.de');
    expect((await card('max@xn--mller-kva.de')).contact.id).toBe(max.id);
    expect((await card('MAX@Müller.DE')).contact.id).toBe(max.id);

    const erika = await createContact(t, person('Erika', 'Öztürk', withEmail('erika@xn--ztrk-4qa2b.de')));
    expect((await card('erika@öztürk.de')).contact.id).toBe(erika.id);
  });

  it('matches a company by its umlaut website for a sender in either form', async () => {
    const firm = await createContact(
      t,
      company('Bäckerei Schäfer GmbH', { website: 'https://www.bäckerei-schäfer.de' }),
    );
    const unknown = await card('anna@xn--bckerei-schfer-5hbk.de');
    expect(unknown.contact ?? null).toBeNull();
    expect(unknown.suggestion).toMatchObject({ email: 'anna@bäckerei-schäfer.de', companyId: firm.id });
    const again = await card('anna@bäckerei-schäfer.de');
    expect(again.suggestion.companyId).toBe(firm.id);
  });

  it('guesses a readable company name from a punycode domain it does not know', async () => {
    const unknown = await card('info@xn--grtnerei-grn-gcb06a.de');
    expect(unknown.suggestion.companyName).toBe('Gärtnerei-Grün');
  });

  it('finds the contact by searching the domain in either form', async () => {
    for (const q of ['müller.de', 'xn--mller-kva.de', '@müller.de']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json().items.map((i: { displayName: string }) => i.displayName),
        q,
      ).toContain('Max Müller');
    }
  });

  it('still refuses what is not an address', async () => {
    for (const address of ['max@mü ller.de', 'Max <max@müller.de>', 'mäx@muster.de']) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { 'idempotency-key': crypto.randomUUID() },
        payload: person('Kaputt', 'Adresse', withEmail(address)),
      });
      expect(res.statusCode, address).toBe(400);
    }
  });
});
