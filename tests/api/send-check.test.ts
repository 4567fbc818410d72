import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppRole, checkableAddresses } from '@klarkonform/shared';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The send-time consent check's API (Smart Alerts, issue 14): per recipient the card's e-mail
// marketing rule, the tenant's settings (defaults, admin-only saves with If-Match, audit trail),
// tenant isolation and refused input named by its label.

type Json = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const event = (id: unknown, body: Json) =>
    t.request({ method: 'POST', url: `/api/v1/contacts/${id}/consent-events`, payload: body });
  const optIn = await createContact(t, person('Olga', 'Optin', withEmail('olga@optin.de')));
  await event(optIn.id, { channel: 'email', type: 'optIn', source: 'Messe-Formular' });
  const doi = await createContact(t, person('Doris', 'Doppelt', withEmail('doris@doi.de')));
  await event(doi.id, { channel: 'email', type: 'doubleOptInRequested', source: 'Newsletter-Formular' });
  await event(doi.id, { channel: 'email', type: 'doubleOptInConfirmed', source: 'Bestätigungslink' });
  const unproven = await createContact(t, person('Uwe', 'Unbelegt', withEmail('uwe@doi.de')));
  await event(unproven.id, {
    channel: 'email',
    type: 'doubleOptInConfirmed',
    source: 'Altdaten',
    proof: 'Klick-Protokoll 2026-03-02, Mail-ID 4711',
  });
  const soft = await createContact(
    t,
    person('Sven', 'Bestandskunde', {
      ...withEmail('sven@kunde.de'),
      relationships: ['customer'],
      customerSince: '2022-05-01',
    }),
  );
  await event(soft.id, { channel: 'email', type: 'softOptIn', source: 'Kauf Auftrag 2024-118, ähnliche Produkte' });
  await createContact(t, person('Nina', 'Niemand', withEmail('nina@ohne.de')));
  const out = await createContact(t, person('Otto', 'Abgemeldet', withEmail('otto@optout.de')));
  await event(out.id, { channel: 'email', type: 'optIn', source: 'Messe' });
  await event(out.id, { channel: 'email', type: 'optOut', source: 'Antwort: bitte keine Werbung' });
  // One address on two records: the person may be mailed, the company record carries an opt-out.
  const shared = await createContact(t, person('Paula', 'Geteilt', withEmail('kontakt@geteilt.de')));
  await event(shared.id, { channel: 'email', type: 'optIn', source: 'Webformular' });
  const sharedCompany = await createContact(t, company('Geteilt GmbH', withEmail('kontakt@geteilt.de')));
  await event(sharedCompany.id, { channel: 'email', type: 'optOut', source: 'Brief vom 3. März' });
  // Another tenant knows an address with consent: for tenant A it stays unknown.
  const other = { tenantId: TENANT_B };
  const foreign = await createContact(t, person('Fritz', 'Fremd', withEmail('fritz@fremd.de')), other);
  await t.request(
    {
      method: 'POST',
      url: `/api/v1/contacts/${foreign.id}/consent-events`,
      payload: { channel: 'email', type: 'optIn', source: 'Messe' },
    },
    other,
  );
});
afterAll(() => t.close());

const as = (role: AppRole) => ({ roles: [role], userId: `user-${role}`, name: role });
const check = (emails: unknown, who = {}, lang = 'de') =>
  t.request(
    { method: 'POST', url: '/api/v1/send-check/consent', headers: { 'accept-language': lang }, payload: { emails } },
    who,
  );
const put = (body: Json, ifMatch: string | undefined, who = {}, lang = 'de') =>
  t.request(
    {
      method: 'PUT',
      url: '/api/v1/send-check/settings',
      headers: { 'accept-language': lang, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      payload: body,
    },
    who,
  );
const settingsBody = (extra: Json = {}): Json => ({
  enabled: true,
  mode: 'softBlock',
  marketingCategories: [],
  whenUnavailable: 'prompt',
  ...extra,
});

describe('POST /api/v1/send-check/consent', () => {
  it('answers the e-mail marketing decision per recipient, in the order asked', async () => {
    const res = await check([
      'Olga@Optin.de',
      'doris@doi.de',
      'sven@kunde.de',
      'nina@ohne.de',
      'otto@optout.de',
      'unbekannt@nirgends.de',
      'uwe@doi.de',
    ]);
    expect(res.statusCode).toBe(200);
    const { recipients } = res.json();
    expect(recipients.map((r: Json) => [r.email, r.known, r.allowed, r.reason])).toEqual([
      ['olga@optin.de', true, true, 'consentGranted'],
      ['doris@doi.de', true, true, 'consentGranted'],
      ['sven@kunde.de', true, true, 'softOptIn'],
      ['nina@ohne.de', true, false, 'noConsent'],
      ['otto@optout.de', true, false, 'optedOut'],
      ['unbekannt@nirgends.de', false, false, 'noConsent'],
      ['uwe@doi.de', true, true, 'consentGranted'],
    ]);
    expect(recipients[0]).toMatchObject({ name: 'Olga Optin', contactId: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(recipients[2].relationships).toEqual(['customer']);
    expect(recipients[5]).not.toHaveProperty('contactId');
  });

  it('gives the same answer as the card\'s "Marketing-E-Mail erlaubt?"', async () => {
    const addresses = ['olga@optin.de', 'sven@kunde.de', 'nina@ohne.de', 'otto@optout.de'];
    const { cards } = (
      await t.request({ method: 'GET', url: `/api/v1/cards?${addresses.map((a) => `email=${a}`).join('&')}` })
    ).json();
    const { recipients } = (await check(addresses)).json();
    expect(recipients.map((r: Json) => ({ allowed: r.allowed, reason: r.reason }))).toEqual(
      cards.map((c: { marketingEmailAllowed: Json }) => ({
        allowed: c.marketingEmailAllowed.allowed,
        reason: c.marketingEmailAllowed.reason,
      })),
    );
  });

  it('answers each address once, and holds it back when any record with the address is opted out', async () => {
    const { recipients } = (await check(['kontakt@geteilt.de', 'KONTAKT@geteilt.de', 'olga@optin.de'])).json();
    expect(recipients).toHaveLength(2);
    expect(recipients[0]).toMatchObject({ known: true, allowed: false, reason: 'optedOut', name: 'Geteilt GmbH' });
  });

  it('answers an address the same however many recipients the mail has (a large mailing)', async () => {
    const many = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        createContact(t, person(`Viel${i}`, 'Empfänger', withEmail(`viel${i}@grossverteiler.de`))),
      ),
    );
    const emails = [...many.map((_, i) => `viel${i}@grossverteiler.de`), 'kontakt@geteilt.de', 'otto@optout.de'];
    const { recipients } = (await check(emails)).json();
    expect(recipients).toHaveLength(26);
    // Both records of the shared address are seen, the company's opt-out included.
    expect(recipients[24]).toMatchObject({ known: true, allowed: false, reason: 'optedOut', name: 'Geteilt GmbH' });
    expect(recipients[25]).toMatchObject({ known: true, allowed: false, reason: 'optedOut', name: 'Otto Abgemeldet' });
    expect(recipients.slice(0, 24).every((r: Json) => r.known === true && r.reason === 'noConsent')).toBe(true);
  });

  it("treats another tenant's contact as unknown", async () => {
    const { recipients } = (await check(['fritz@fremd.de'])).json();
    expect(recipients).toEqual([{ email: 'fritz@fremd.de', known: false, allowed: false, reason: 'noConsent' }]);
    const theirs = (await check(['fritz@fremd.de'], { tenantId: TENANT_B })).json();
    expect(theirs.recipients[0]).toMatchObject({ known: true, allowed: true });
  });

  it('is open to every role that reads contacts, and closed without a token', async () => {
    for (const role of ['CRM.ReadOnly', 'CRM.Marketing', 'CRM.Service'] as const) {
      expect((await check(['olga@optin.de'], as(role))).statusCode).toBe(200);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/send-check/consent',
      payload: { emails: ['a@b.de'] },
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers an entry that is no e-mail address on its own: not checkable, not allowed', async () => {
    const x500 = '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=abc123-kollege';
    const res = await check(['olga@optin.de', x500, 'Verteiler Kunden', 'otto@optout.de']);
    expect(res.statusCode).toBe(200);
    expect(res.json().recipients).toEqual([
      expect.objectContaining({ email: 'olga@optin.de', known: true, allowed: true, reason: 'consentGranted' }),
      { email: x500.toLowerCase(), known: false, allowed: false, reason: 'unresolvedAddress' },
      { email: 'verteiler kunden', known: false, allowed: false, reason: 'unresolvedAddress' },
      expect.objectContaining({ email: 'otto@optout.de', known: true, allowed: false, reason: 'optedOut' }),
    ]);
    const only = await check(['Verteiler Kunden'], {}, 'en');
    expect(only.statusCode).toBe(200);
    expect(only.json().recipients).toEqual([
      { email: 'verteiler kunden', known: false, allowed: false, reason: 'unresolvedAddress' },
    ]);
  });

  it('answers every address the Outlook handler sends, each under the key the handler looks it up by', async () => {
    const address = fc.oneof(
      fc.string({ minLength: 1, maxLength: 330, unit: 'grapheme' }),
      fc.emailAddress(),
      fc.constantFrom('/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=x', ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(address, { minLength: 1, maxLength: 8 }), async (raw) => {
        const keys = checkableAddresses(raw.map((emailAddress) => ({ emailAddress })));
        if (keys.length === 0) return;
        const res = await check(keys);
        expect(res.statusCode).toBe(200);
        expect(res.json().recipients.map((r: Json) => r.email)).toEqual(keys);
      }),
      { numRuns: 60 },
    );
  });

  it.each<[string, unknown, string, string]>([
    ['no recipients', [], 'de', 'E-Mail-Adressen'],
    ['an empty entry', ['olga@optin.de', ''], 'de', 'E-Mail-Adressen, Eintrag 2'],
    ['an entry that is no text (English)', ['olga@optin.de', 42], 'en', 'email addresses, entry 2'],
    ['an entry longer than any address', [`${'a'.repeat(320)}@lang.de`], 'de', 'E-Mail-Adressen, Eintrag 1'],
    ['too many recipients', Array.from({ length: 501 }, (_, i) => `r${i}@viele.de`), 'de', 'E-Mail-Adressen'],
  ])('refuses %s with 400, naming the field', async (_case, emails, lang, label) => {
    const res = await check(emails, {}, lang);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail.toLowerCase()).toContain(label.toLowerCase());
  });

  it('refuses unknown fields', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/send-check/consent',
      payload: { emails: ['olga@optin.de'], purpose: 'marketing' },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('send-check settings', () => {
  it('reads the defaults before any save, then saves with If-Match, records who changed what, and refuses a stale save', async () => {
    const first = await t.request({ method: 'GET', url: '/api/v1/send-check/settings' }, { tenantId: TENANT_B });
    expect(first.json()).toEqual({
      enabled: true,
      mode: 'softBlock',
      marketingCategories: [],
      whenUnavailable: 'prompt',
      version: 0,
    });
    expect(first.headers.etag).toBe('"0"');

    const saved = await put(
      settingsBody({
        mode: 'promptUser',
        // Compared case-insensitively; the first spelling stays.
        marketingCategories: ['Newsletter', ' Aktion ', 'newsletter '],
        whenUnavailable: 'block',
      }),
      '"0"',
      { tenantId: TENANT_B },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      enabled: true,
      mode: 'promptUser',
      marketingCategories: ['Newsletter', 'Aktion'],
      whenUnavailable: 'block',
      version: 1,
    });
    const read = await t.request({ method: 'GET', url: '/api/v1/send-check/settings' }, { tenantId: TENANT_B });
    expect(read.json().version).toBe(1);
    // The consent answer carries them, so the handler knows them at send time.
    expect((await check(['a@b.de'], { tenantId: TENANT_B })).json().settings).toEqual(saved.json());
    // Tenant A still has its defaults.
    expect((await t.request({ method: 'GET', url: '/api/v1/send-check/settings' })).json().version).toBe(0);

    const { version: _v, ...current } = saved.json();
    const stale = await put({ ...current, enabled: false }, '"0"', { tenantId: TENANT_B });
    expect(stale.statusCode).toBe(412);
    const missing = await put({ ...current, enabled: false }, undefined, { tenantId: TENANT_B });
    expect(missing.statusCode).toBe(428);
    const off = await put({ ...current, enabled: false }, '"1"', { tenantId: TENANT_B });
    expect(off.json()).toMatchObject({ enabled: false, version: 2 });

    const history = await t.request(
      { method: 'GET', url: '/api/v1/send-check/settings/history' },
      { tenantId: TENANT_B },
    );
    const items = history.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ action: 'sendCheckSettingsUpdate', actor: { id: 'user-a' } });
    expect(items[0].changes).toEqual([{ field: 'enabled', before: true, after: false }]);
    expect(items[1].changes).toEqual(
      expect.arrayContaining([{ field: 'mode', before: 'softBlock', after: 'promptUser' }]),
    );
  });

  it('a save that changes nothing keeps the version', async () => {
    const res = await put(settingsBody(), '"0"', {});
    expect(res.json().version).toBe(0);
  });

  it('is saved only by admins', async () => {
    for (const role of ['CRM.Sales', 'CRM.Marketing', 'CRM.ReadOnly'] as const) {
      const res = await put(settingsBody({ enabled: false }), '"0"', as(role));
      expect(res.statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url: '/api/v1/send-check/settings' }, as(role))).statusCode).toBe(200);
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/send-check/settings' })).json().enabled).toBe(true);
  });

  it.each<[string, Json, string, string]>([
    ['an unknown mode', settingsBody({ mode: 'block' }), 'de', 'Verhalten bei fehlender Einwilligung'],
    ['an unknown fallback', settingsBody({ whenUnavailable: 'ignore' }), 'en', 'When the check is not possible'],
    ['a blank category', settingsBody({ marketingCategories: ['  '] }), 'de', 'Marketing-Kategorien'],
    ['a repeated category', settingsBody({ marketingCategories: ['A', 'A'] }), 'de', 'Marketing-Kategorien'],
    [
      'enabled missing',
      { mode: 'softBlock', marketingCategories: [], whenUnavailable: 'prompt' },
      'de',
      'Versandprüfung',
    ],
    ['an unknown field', settingsBody({ sendMode: 'block' }), 'de', ''],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_case, body, lang, label) => {
    const res = await put(body, '"0"', {}, lang);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain(label);
    expect((await t.request({ method: 'GET', url: '/api/v1/send-check/settings' })).json().version).toBe(0);
  });
});
