import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Double opt-in links (issue 15, Part A): the request is recorded and a signed link answered; the
// public page (no login) shows a button in German or English and a GET never confirms; the POST
// confirms once with its proof; expired, used and forged links get a clear page and change nothing.

type Json = Record<string, unknown>;
const HOUR = 3_600_000;

let t: TestApp;
let now = new Date();
beforeAll(async () => {
  t = await createTestApp({}, { clock: () => now });
});
afterAll(() => t.close());

const requestLink = async (id: unknown, as = {}) =>
  t.request(
    {
      method: 'POST',
      url: `/api/v1/privacy/contacts/${id}/double-opt-in`,
      payload: { channel: 'newsletter', source: 'Newsletter-Anmeldung Website' },
    },
    as,
  );
const pathOf = (url: string) => new URL(url).pathname;
const open = (url: string, lang = 'de-DE,de;q=0.9') =>
  t.app.inject({ method: 'GET', url: pathOf(url), headers: { 'accept-language': lang } });
const confirm = (url: string) =>
  t.app.inject({
    method: 'POST',
    url: pathOf(url),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'Mozilla/5.0 Testbrowser',
      'x-forwarded-for': '203.0.113.7',
    },
    payload: '',
  });
const newsletter = async (id: unknown) =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json().consent.channels.newsletter ?? [];

describe('a double opt-in link', () => {
  it('records the request, shows a confirm page on GET without confirming, and confirms once on POST', async () => {
    const c = await createContact(t, person('Nina', 'Neugier', withEmail('nina@neugier.de')));
    const res = await requestLink(c.id);
    expect(res.statusCode, res.body).toBe(200);
    const link = res.json();
    expect(link.url).toMatch(
      /^http:\/\/localhost:\d+\/api\/v1\/public\/doi\/[A-Za-z0-9_-]+\.[0-9a-f]{24}\.[A-Za-z0-9_-]+$/,
    );
    expect(new Date(link.expiresAt).getTime() - now.getTime()).toBe(72 * HOUR);
    expect((await newsletter(c.id)).map((e: Json) => e.type)).toEqual(['doubleOptInRequested']);

    const page = await open(link.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<button type="submit">Bestätigen</button>');
    expect(page.body).toContain('method="post"');
    expect(page.headers['content-security-policy']).toMatch(/form-action 'self'/);
    const english = await open(link.url, 'en-US,en;q=0.8');
    expect(english.body).toContain('>Confirm</button>');
    // Mail scanners fetch the link: still only requested.
    expect((await newsletter(c.id)).map((e: Json) => e.type)).toEqual(['doubleOptInRequested']);

    const done = await confirm(link.url);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Ihre Einwilligung ist bestätigt');
    const events = await newsletter(c.id);
    expect(events.map((e: Json) => e.type)).toEqual(['doubleOptInRequested', 'doubleOptInConfirmed']);
    expect(events[1].source).toBe('Newsletter-Anmeldung Website');
    expect(events[1].proof).toMatch(/Link-ID [0-9a-f]{24}/);
    expect(events[1].proof).toMatch(/IP-Hash \(SHA-256\) [0-9a-f]{32}/);
    expect(events[1].proof).toContain('User-Agent: Mozilla/5.0 Testbrowser');
    expect(events[1].proof).not.toContain('203.0.113.7');
    const decision = (
      await t.request({
        method: 'GET',
        url: `/api/v1/contacts/${c.id}/consent-decision?channel=newsletter&purpose=marketing`,
      })
    ).json();
    expect(decision.allowed).toBe(true);

    // Used: a clear page, nothing recorded twice.
    const again = await confirm(link.url);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('bereits verwendet');
    expect((await open(link.url)).statusCode).toBe(409);
    expect(await newsletter(c.id)).toHaveLength(2);
  });

  it('expires after doubleOptInValidHours (the clock moved on): a clear page, nothing changed', async () => {
    const c = await createContact(t, person('Erwin', 'Ewigwarten', withEmail('erwin@warten.de')));
    const link = (await requestLink(c.id)).json();
    const saved = now;
    now = new Date(saved.getTime() + 72 * HOUR + 1000);
    try {
      const page = await open(link.url);
      expect(page.statusCode).toBe(410);
      expect(page.body).toContain('abgelaufen');
      const post = await confirm(link.url);
      expect(post.statusCode).toBe(410);
      expect((await newsletter(c.id)).map((e: Json) => e.type)).toEqual(['doubleOptInRequested']);
    } finally {
      now = saved;
    }
    // Just before expiry it still works.
    const fresh = (await requestLink(c.id)).json();
    now = new Date(saved.getTime() + 72 * HOUR - 1000);
    try {
      expect((await confirm(fresh.url)).statusCode).toBe(200);
    } finally {
      now = saved;
    }
  });

  it('refuses a forged or altered token with a clear page and no change', async () => {
    const c = await createContact(t, person('Fritz', 'Fälscher', withEmail('fritz@faelscher.de')));
    const link = (await requestLink(c.id)).json();
    const [tenant, id, sig] = pathOf(link.url).split('/').at(-1)!.split('.');
    const base = link.url.slice(0, link.url.lastIndexOf('/') + 1);
    const flipped = `${sig!.slice(0, -2)}${sig!.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherTenant = Buffer.from('22222222-2222-4222-8222-222222222222').toString('base64url');
    for (const token of [
      `${tenant}.${id}.${flipped}`,
      `${otherTenant}.${id}.${sig}`,
      'abc.def.ghi',
      `${tenant}.${id}`,
    ]) {
      const page = await open(`${base}${token}`);
      expect(page.statusCode, token).toBe(404);
      expect(page.body).toContain('ungültig');
      expect((await confirm(`${base}${token}`)).statusCode).toBe(404);
    }
    expect((await newsletter(c.id)).map((e: Json) => e.type)).toEqual(['doubleOptInRequested']);
  });

  it('needs privacy:manage to be created, a contact with an address, and the tenant’s own contact', async () => {
    const c = await createContact(t, person('Olaf', 'Ohnemail'));
    const noMail = await requestLink(c.id);
    expect(noMail.statusCode).toBe(409);
    const withMail = await createContact(t, person('Sara', 'Sales', withEmail('sara@sales.de')));
    expect((await requestLink(withMail.id, { roles: ['CRM.Sales'] })).statusCode).toBe(403);
    expect((await requestLink(withMail.id, { roles: ['CRM.DataProtection'] })).statusCode).toBe(200);
    expect((await requestLink(withMail.id, { tenantId: TENANT_B })).statusCode).toBe(404);
    const bad = await t.request({
      method: 'POST',
      url: `/api/v1/privacy/contacts/${withMail.id}/double-opt-in`,
      payload: { channel: 'phone', source: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.channel');
    // Other /api/v1 routes still need a token.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/privacy/requests' })).statusCode).toBe(401);
  });
});
