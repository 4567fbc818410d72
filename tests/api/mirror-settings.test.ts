import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRole } from '@klarkonform/shared';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';

// The Microsoft 365 mirror's settings and what every contact shows about it (issue 13): admin-only
// saves with If-Match, 422 for settings that cannot run, the audit trail, and the sync status on
// contacts and cards — `disabled` until the tenant switches the mirror on (`noEmail` without an address). No Graph here: the
// server points at an address nobody answers (mirror.test.ts runs against the fake Microsoft).

type Json = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    GRAPH_CLIENT_ID: '0f0e0d0c-0b0a-4909-8807-060504030201',
    GRAPH_CLIENT_SECRET: 'not-a-real-secret',
    GRAPH_BASE_URL: 'https://127.0.0.1:9',
    GRAPH_AUTHORITY_HOST: 'https://127.0.0.1:9',
    MIRROR_DEBOUNCE_SECONDS: '3600',
  });
});
afterAll(() => t.close());

const as = (role: AppRole) => ({ roles: [role], userId: `user-${role}`, name: role });
const put = (body: Json, ifMatch: string | undefined, who = {}, lang = 'de') =>
  t.request(
    {
      method: 'PUT',
      url: '/api/v1/mirror/settings',
      headers: { 'accept-language': lang, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      payload: body,
    },
    who,
  );
const get = (url: string, who = {}) => t.request({ method: 'GET', url }, who);

describe('mirror settings', () => {
  it('are off without targets until an admin saves them', async () => {
    const res = await get('/api/v1/mirror/settings');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json()).toEqual({ enabled: false, targets: [], version: 0 });
  });

  it('refuse switching on without a target (422 naming the field, German and English)', async () => {
    const de = await put({ enabled: true, targets: [] }, '0');
    expect(de.statusCode).toBe(422);
    expect(de.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(de.json().detail).toMatch(/^Zielpostfächer: .*mindestens ein Zielpostfach/);
    const en = await put({ enabled: true, targets: [] }, '0', {}, 'en');
    expect(en.json().detail).toMatch(/^Target mailboxes: .*at least one target mailbox/);
  });

  it('refuse a mailbox given twice, whatever its case', async () => {
    const res = await put(
      {
        enabled: true,
        targets: [
          { mailbox: 'crm@firma.de', folderName: 'KlarKonform CRM' },
          { mailbox: 'CRM@Firma.de', folderName: 'Andere' },
        ],
      },
      '0',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.targets.1.mailbox' })]);
    expect(res.json().detail).toMatch(/^Postfach: Das Postfach crm@firma\.de ist mehrfach angegeben/);
  });

  it('refuse bad input with 4xx problems naming the field', async () => {
    const cases: Array<[Json, number, RegExp]> = [
      [{ enabled: true, targets: [{ mailbox: 'kein-postfach', folderName: 'X' }] }, 400, /Postfach/],
      [{ enabled: true, targets: [{ mailbox: 'a@b.de', folderName: '' }] }, 400, /Kontaktordner/],
      [{ enabled: 'ja', targets: [] }, 400, /Synchronisierung aktiv/],
      [{ enabled: false, targets: [], secret: 'x' }, 400, /secret/],
      [{ enabled: false }, 400, /Zielpostfächer/],
    ];
    for (const [body, status, detail] of cases) {
      const res = await put(body, '0');
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().detail, JSON.stringify(body)).toMatch(detail);
    }
    expect((await put({ enabled: false, targets: [] }, undefined)).statusCode).toBe(428);
    expect((await put({ enabled: false, targets: [] }, 'drei')).statusCode).toBe(400);
  });

  it('are saved by an admin on the version read, mailboxes in lower case, and audited', async () => {
    const body = { enabled: true, targets: [{ mailbox: 'CRM@Firma.de', folderName: ' KlarKonform CRM ' }] };
    const saved = await put(body, '0');
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toEqual({
      enabled: true,
      targets: [{ mailbox: 'crm@firma.de', folderName: 'KlarKonform CRM' }],
      version: 1,
    });
    expect((await put(body, '0')).statusCode).toBe(412);
    // The same settings again change nothing.
    expect((await put(body, '1')).json().version).toBe(1);
    const history = (await get('/api/v1/mirror/settings/history')).json().items;
    expect(history[0]).toMatchObject({ action: 'mirrorSettingsUpdate', actor: { id: 'user-a' } });
    expect(history[0].changes.map((c: Json) => c.field).sort()).toEqual(['enabled', 'targets']);
    // Another tenant's settings are its own.
    expect((await get('/api/v1/mirror/settings', { tenantId: TENANT_B })).json().version).toBe(0);
  });

  it('are the admin’s: sales may read the worklists but not the settings, the overview or a run', async () => {
    const sales = as('CRM.Sales');
    expect((await get('/api/v1/mirror/settings', sales)).statusCode).toBe(403);
    expect((await put({ enabled: false, targets: [] }, '1', sales)).statusCode).toBe(403);
    expect((await get('/api/v1/mirror/status', sales)).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/v1/mirror/run', payload: {} }, sales)).statusCode).toBe(403);
    expect((await get('/api/v1/mirror/contacts?list=error', sales)).statusCode).toBe(200);
    expect((await get('/api/v1/mirror/contacts?list=error', as('CRM.ReadOnly'))).statusCode).toBe(403);
  });
});

describe('the sync status on contacts', () => {
  it('is disabled while the mirror is off, pending or noEmail once it is on', async () => {
    const other = { tenantId: TENANT_B };
    const offContact = await createContact(t, person('Olaf', 'Aus', withEmail('olaf@aus.de')), other);
    expect(offContact.syncStatus).toBe('disabled');
    const b = (await get(`/api/v1/contacts/${offContact.id}`, other)).json();
    expect(b.syncStatus).toBe('disabled');
    // Without an address a contact is never mirrored, whether the mirror is on or not.
    expect((await createContact(t, person('Olga', 'Ohne'), other)).syncStatus).toBe('noEmail');

    const withMail = await createContact(t, person('Petra', 'Post', withEmail('petra@post.de')));
    const without = await createContact(t, person('Nora', 'Ohnemail'));
    expect(withMail.syncStatus).toBe('pending');
    expect(without.syncStatus).toBe('noEmail');
    const card = (await get('/api/v1/cards?email=petra@post.de')).json().cards[0];
    expect(card.contact.syncStatus).toBe('pending');
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${without.id}`,
      headers: { 'if-match': '"1"' },
      payload: { position: 'Einkauf' },
    });
    expect(patched.json().syncStatus).toBe('noEmail');
  });

  it('counts every live contact once in the overview; Microsoft out of reach is one tenant problem', async () => {
    const run = await t.app.mirror.runNow(TENANT_A);
    expect(run.problem).toMatchObject({ code: 'unavailable' });
    const status = (await get('/api/v1/mirror/status')).json();
    expect(status).toMatchObject({ configured: true, enabled: true, reviewCount: 0, errors: [], running: false });
    expect(status.problem).toMatchObject({ code: 'unavailable' });
    expect(status.counts).toEqual({ synced: 0, pending: 1, error: 0, noEmail: 1, disabled: 0 });
    expect(status.targets).toEqual([
      {
        mailbox: 'crm@firma.de',
        folderName: 'KlarKonform CRM',
        folderReady: false,
        problem: expect.objectContaining({ code: 'unavailable' }),
      },
    ]);
    expect(status.lastRun).toMatchObject({ trigger: 'manual', pushed: 0, problem: { code: 'unavailable' } });
    expect(Date.parse(status.nextRunAt)).toBeGreaterThan(Date.now());
  });
});

describe('bad input to the mirror routes', () => {
  it('is refused with 4xx problems, never a 500', async () => {
    const cases: Array<[string, string, unknown, number]> = [
      ['GET', '/api/v1/mirror/contacts', undefined, 400],
      ['GET', '/api/v1/mirror/contacts?list=bogus', undefined, 400],
      ['GET', '/api/v1/mirror/contacts?list=error&limit=0', undefined, 400],
      ['GET', '/api/v1/mirror/contacts?list=error&limit=viele', undefined, 400],
      ['GET', '/api/v1/mirror/contacts?list=error&cursor=xyz', undefined, 400],
      ['GET', '/api/v1/mirror/contacts?list=error&extra=1', undefined, 400],
      ['POST', '/api/v1/mirror/contacts/kein-id/reviewed', {}, 400],
      ['POST', '/api/v1/mirror/contacts/65a1b2c3d4e5f60718293a4b/reviewed', {}, 404],
      ['POST', '/api/v1/mirror/contacts/65a1b2c3d4e5f60718293a4b/reviewed', { reviewed: true }, 400],
      ['POST', '/api/v1/mirror/run', { now: true }, 400],
      ['POST', '/api/v1/mirror/run', [], 400],
      ['PUT', '/api/v1/mirror/settings', null, 400],
      ['PUT', '/api/v1/mirror/settings', { enabled: true, targets: 'crm@firma.de' }, 400],
      [
        'PUT',
        '/api/v1/mirror/settings',
        {
          enabled: true,
          targets: Array.from({ length: 11 }, (_, i) => ({ mailbox: `m${i}@firma.de`, folderName: 'X' })),
        },
        400,
      ],
      [
        'PUT',
        '/api/v1/mirror/settings',
        { enabled: true, targets: [{ mailbox: 'a@b.de', folderName: 'x'.repeat(256) }] },
        400,
      ],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await t.request({
        method: method as 'GET',
        url,
        headers: { 'if-match': '"1"' },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(status);
      expect(res.headers['content-type'], url).toMatch(/application\/problem\+json/);
    }
    const text = await t.request({
      method: 'PUT',
      url: '/api/v1/mirror/settings',
      headers: { 'if-match': '"1"', 'content-type': 'text/plain' },
      payload: 'enabled',
    });
    expect(text.statusCode).toBe(415);
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/mirror/contacts?list=bogus',
      headers: { 'accept-language': 'de' },
    });
    expect(list.json().detail).toMatch(/^Liste/);
  });
});
