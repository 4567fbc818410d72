import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityPage, Contact, LogResult } from '@klarkonform/shared';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The Kontakthistorie through the API (issue 12): quick entries, logging a mail or an appointment
// once per tenant, the timeline (a company's with its people), a lead's last activity, audit.

type Json = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DE = { 'accept-language': 'de-DE' };
const EN = { 'accept-language': 'en-GB' };
const READ_ONLY = { roles: ['CRM.ReadOnly'] } as const;
const MARKETING = { roles: ['CRM.Marketing'], userId: 'user-m', name: 'Mara Marketing' } as const;
const OTHER_SALES = { roles: ['CRM.Sales'], userId: 'user-b', name: 'Bernd Vertrieb' } as const;

const make = async (body: Json): Promise<Contact> => (await createContact(t, body)) as unknown as Contact;
const post = (url: string, payload: Json, as: Json = {}, headers: Json = DE, key = randomUUID()) =>
  t.request({ method: 'POST', url, headers: { ...headers, 'idempotency-key': key }, payload }, as);
const entry = (contactIds: string[], extra: Json = {}): Json => ({
  type: 'call',
  subject: 'Anruf wegen Angebot',
  text: 'Rückruf vereinbart',
  contactIds,
  ...extra,
});
const mail = (internetMessageId: string, extra: Json = {}): Json => ({
  internetMessageId,
  conversationId: 'conv-1',
  subject: 'Ihr Angebot',
  occurredAt: '2026-11-20T09:30:00.000Z',
  direction: 'in',
  from: { name: 'Max Muster', email: 'max@muster-log.de' },
  to: [{ name: 'Test User', email: 'me@klarkonform.test' }],
  cc: [],
  ...extra,
});
const timeline = async (id: string, query = ''): Promise<ActivityPage> =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/activities${query}` })).json();
const allOf = async (id: string, limit: number): Promise<Activity[]> => {
  const items: Activity[] = [];
  let cursor: string | null = null;
  do {
    const page = await timeline(id, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
};

describe('quick entries (Anruf, Notiz)', () => {
  it('records a call for a contact, replays the same key with 200, shows on the timeline', async () => {
    const max = await make(person('Carl', 'Caller', withEmail('carl@caller.de')));
    const key = randomUUID();
    const first = await post('/api/v1/activities', entry([max.id]), {}, DE, key);
    expect(first.statusCode).toBe(201);
    const activity: Activity = first.json();
    expect(activity).toMatchObject({
      type: 'call',
      subject: 'Anruf wegen Angebot',
      contactIds: [max.id],
      contactNames: ['Carl Caller'],
      createdBy: { id: 'user-a', name: 'Test User' },
      version: 1,
    });
    expect(Math.abs(Date.parse(activity.occurredAt) - Date.now())).toBeLessThan(60_000);
    expect(first.headers.etag).toBe('"1"');
    const again = await post('/api/v1/activities', entry([max.id]), {}, DE, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(activity);
    const changed = await post('/api/v1/activities', entry([max.id], { subject: 'Anders' }), {}, DE, key);
    expect(changed.statusCode).toBe(409);
    expect((await timeline(max.id)).items.map((a) => a.id)).toEqual([activity.id]);
  });

  it('refuses unknown, archived and other tenants’ contacts naming the entry, and a time more than a day ahead', async () => {
    const known = await make(person('Kai', 'Known'));
    const gone = await make(person('Archie', 'Archived'));
    await t.request({ method: 'POST', url: `/api/v1/contacts/${gone.id}/archive`, payload: { reason: 'Test' } });
    const foreign = (await createContact(t, person('Fremd', 'Mandant'), { tenantId: TENANT_B })) as { id: string };
    const res = await post('/api/v1/activities', entry([known.id, gone.id, foreign.id, 'aaaaaaaaaaaaaaaaaaaaaaaa']));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors.map((e: Json) => e.field)).toEqual([
      'body.contactIds.1',
      'body.contactIds.2',
      'body.contactIds.3',
    ]);
    expect(body.detail).toMatch(/^Kontakte, Eintrag 2: Diesen Kontakt gibt es nicht/);
    const ahead = new Date(Date.now() + 26 * 3600_000).toISOString();
    const future = await post('/api/v1/activities', entry([known.id], { occurredAt: ahead }), {}, EN);
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toBe('Time: The time may lie at most one day in the future.');
    const soon = new Date(Date.now() + 3600_000).toISOString();
    expect((await post('/api/v1/activities', entry([known.id], { occurredAt: soon }))).statusCode).toBe(201);
  });

  it('refuses bad input with 400 naming fields by label (German and English) and unknown fields', async () => {
    const c = await make(person('Bea', 'Bad'));
    const cases: Array<[Json, string, string]> = [
      [entry([c.id], { type: 'fax' }), 'de', 'Ereignis'],
      [entry([c.id], { subject: '' }), 'de', 'Betreff'],
      [entry([]), 'de', 'Kontakte'],
      [entry([c.id], { occurredAt: 'gestern' }), 'en', 'Time'],
      [entry([c.id], { secret: 1 }), 'en', 'secret'],
      [entry(['xyz']), 'en', 'Contacts'],
    ];
    for (const [payload, lang, label] of cases) {
      const res = await post('/api/v1/activities', payload, {}, lang === 'de' ? DE : EN);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().detail).toContain(label);
    }
    const mailRes = await post('/api/v1/activities/mail', mail('<x@y>', { direction: 'sideways' }));
    expect(mailRes.statusCode).toBe(400);
    expect(mailRes.json().detail).toMatch(/^Richtung: /);
    const extra = await post('/api/v1/activities/mail', mail('<x@y>', { extra: true }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().detail).toContain('extra');
  });
});

describe('E-Mail protokollieren', () => {
  it('links the mail to every known participant (person beats the company’s general address) and skips the user', async () => {
    const firm = await make(company('Muster Log GmbH', withEmail('info@muster-log.de')));
    const max = await make(person('Max', 'Muster', { ...withEmail('max@muster-log.de'), companyId: firm.id }));
    const eva = await make(person('Eva', 'Kopie', withEmail('eva@kopie.de')));
    const res = await post(
      '/api/v1/activities/mail',
      mail('<m1@muster-log.de>', {
        to: [
          { name: 'Test User', email: 'me@klarkonform.test' },
          { name: 'Info', email: 'INFO@muster-log.de' },
        ],
        cc: [
          { name: 'Eva', email: 'eva@kopie.de' },
          { name: 'Unbekannt', email: 'wer@unbekannt.de' },
        ],
        body: 'Guten Tag,\nanbei das Angebot.',
      }),
      { email: 'me@klarkonform.test' },
    );
    expect(res.statusCode).toBe(201);
    const result: LogResult = res.json();
    expect(result.alreadyLogged).toBe(false);
    expect(result.activity).toMatchObject({
      type: 'email',
      subject: 'Ihr Angebot',
      occurredAt: '2026-11-20T09:30:00.000Z',
      contactIds: [max.id, firm.id, eva.id],
      contactNames: ['Max Muster', 'Muster Log GmbH', 'Eva Kopie'],
      mail: { internetMessageId: '<m1@muster-log.de>', conversationId: 'conv-1', direction: 'in' },
    });
    expect(result.activity.mail?.body).toBe('Guten Tag,\nanbei das Angebot.');
    for (const id of [max.id, eva.id]) {
      expect((await timeline(id)).items.map((a) => a.id)).toContain(result.activity.id);
    }
  });

  it('stores a mail once: a second log by anyone answers 200 alreadyLogged, also racing with other keys', async () => {
    await make(person('Rita', 'Race', withEmail('rita@race.de')));
    const payload = mail('race-1@race.de', { from: { name: 'Rita', email: 'rita@race.de' } });
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post('/api/v1/activities/mail', payload, i % 2 ? OTHER_SALES : {})),
    );
    const statuses = racers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(racers.map((r) => (r.json() as LogResult).activity.id));
    expect(ids.size).toBe(1);
    expect(racers.filter((r) => (r.json() as LogResult).alreadyLogged)).toHaveLength(5);
    // Later, from another device, with the Message-ID in angle brackets.
    const later = await post('/api/v1/activities/mail', { ...payload, internetMessageId: '<race-1@race.de>' });
    expect(later.statusCode).toBe(200);
    expect(later.json()).toMatchObject({ alreadyLogged: true, activity: { id: [...ids][0] } });
    const status = await t.request({
      method: 'GET',
      url: `/api/v1/activities/mail-status?internetMessageId=${encodeURIComponent('race-1@race.de')}`,
    });
    expect(status.json()).toMatchObject({ logged: true, activity: { id: [...ids][0], createdBy: { id: 'user-a' } } });
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/activities/mail-status?internetMessageId=nope%40x',
    });
    expect(unknown.json()).toEqual({ logged: false });
  });

  it('refuses a mail none of whose participants is a contact, in German and English', async () => {
    const payload = mail('lonely@nowhere.de', { from: { name: 'Niemand', email: 'niemand@nowhere.de' } });
    const de = await post('/api/v1/activities/mail', payload);
    expect(de.statusCode).toBe(409);
    expect(de.json().detail).toMatch(/^Keiner der Beteiligten ist als Kontakt angelegt/);
    const en = await post('/api/v1/activities/mail', payload, {}, EN);
    expect(en.json().detail).toMatch(/^None of the participants is a contact yet/);
    const status = await t.request({
      method: 'GET',
      url: '/api/v1/activities/mail-status?internetMessageId=lonely%40nowhere.de',
    });
    expect(status.json()).toEqual({ logged: false });
  });

  it('stores a long body cut off at MAX_MAIL_BODY_LENGTH and says so', async () => {
    await make(person('Lang', 'Text', withEmail('lang@text.de')));
    const body = `${'Sehr lang. '.repeat(10_000)}Ende`;
    const res = await post(
      '/api/v1/activities/mail',
      mail('long@text.de', { from: { name: 'Lang', email: 'lang@text.de' }, body }),
    );
    expect(res.statusCode).toBe(201);
    const stored = (res.json() as LogResult).activity.mail;
    expect(stored?.body).toHaveLength(100_000);
    expect(stored?.bodyTruncated).toBe(true);
  });
});

describe('Termin protokollieren', () => {
  it('logs an appointment once by iCalUId, linked to the known attendees, at its start', async () => {
    const anna = await make(person('Anna', 'Termin', withEmail('anna@termin.de')));
    const payload = {
      iCalUId: '040000008200E00074C5B7101A82E008000000001',
      subject: 'Besuch vor Ort',
      start: '2026-11-25T13:00:00.000Z',
      end: '2026-11-25T14:00:00.000Z',
      location: 'Köln',
      organizer: { name: 'Test User', email: 'me@klarkonform.test' },
      attendees: [{ name: 'Anna', email: 'anna@termin.de' }],
    };
    const first = await post('/api/v1/activities/meeting', payload);
    expect(first.statusCode).toBe(201);
    expect(first.json().activity).toMatchObject({
      type: 'meeting',
      occurredAt: '2026-11-25T13:00:00.000Z',
      contactIds: [anna.id],
      meeting: { location: 'Köln', start: '2026-11-25T13:00:00.000Z' },
    });
    const second = await post('/api/v1/activities/meeting', payload, OTHER_SALES);
    expect(second.statusCode).toBe(200);
    expect(second.json().alreadyLogged).toBe(true);
    const status = await t.request({
      method: 'GET',
      url: `/api/v1/activities/meeting-status?iCalUId=${payload.iCalUId}`,
    });
    expect(status.json().logged).toBe(true);
  });
});

describe('the timeline', () => {
  it('lists newest first with pages that have neither gaps nor repeats (any page size)', async () => {
    const busy = await make(person('Tim', 'Timeline'));
    const base = Date.now() - 30 * 86_400_000;
    // Equal times included: the id orders them.
    const created: Activity[] = [];
    for (let i = 0; i < 23; i++) {
      const occurredAt = new Date(base + Math.floor(i / 3) * 3600_000).toISOString();
      const res = await post('/api/v1/activities', entry([busy.id], { type: 'note', subject: `N${i}`, occurredAt }));
      created.push(res.json());
    }
    const expected = [...created]
      .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || (a.id < b.id ? 1 : -1))
      .map((a) => a.id);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), async (limit) => {
        const ids = (await allOf(busy.id, limit)).map((a) => a.id);
        expect(ids).toEqual(expected);
      }),
      { numRuns: 12 },
    );
    const first = await timeline(busy.id, '?limit=5');
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const bad = await t.request({
      method: 'GET',
      url: `/api/v1/contacts/${busy.id}/activities?cursor=abc`,
      headers: DE,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Listenposition');
  });

  it('shows a company with its people’s entries, each entry once', async () => {
    const firm = await make(company('Zeitlinie AG'));
    const p1 = await make(person('Paul', 'Eins', { companyId: firm.id }));
    const p2 = await make(person('Petra', 'Zwei', { companyId: firm.id }));
    const other = await make(person('Otto', 'Anders'));
    const own = (await post('/api/v1/activities', entry([firm.id], { subject: 'Firma' }))).json() as Activity;
    const one = (await post('/api/v1/activities', entry([p1.id], { subject: 'Paul' }))).json() as Activity;
    const both = (await post('/api/v1/activities', entry([p1.id, p2.id], { subject: 'Beide' }))).json() as Activity;
    await post('/api/v1/activities', entry([other.id], { subject: 'Fremd' }));
    const ids = (await allOf(firm.id, 2)).map((a) => a.id);
    expect(ids.sort()).toEqual([own.id, one.id, both.id].sort());
    expect((await timeline(p2.id)).items.map((a) => a.id)).toEqual([both.id]);
  });

  it('answers 404 for unknown contacts', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/contacts/aaaaaaaaaaaaaaaaaaaaaaaa/activities' });
    expect(res.statusCode).toBe(404);
  });
});

describe('leads', () => {
  it('an activity moves a linked lead’s last activity forward (and its company’s), never back', async () => {
    const firm = await make(company('Lead Firma', { relationships: ['lead'], lead: { source: 'tradeFair' } }));
    const lead = await make(
      person('Lea', 'Lead', {
        ...withEmail('lea@lead-firma.de'),
        companyId: firm.id,
        relationships: ['lead'],
        lead: { source: 'website' },
      }),
    );
    const before = lead.lead?.lastActivityAt as string;
    const at = new Date(Date.now() + 3600_000).toISOString();
    await post('/api/v1/activities', entry([lead.id], { occurredAt: at }), MARKETING);
    const get = async (id: string): Promise<Contact> =>
      (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();
    const after = await get(lead.id);
    expect(after.lead?.lastActivityAt).toBe(at);
    expect(after.version).toBe(lead.version + 1);
    expect((await get(firm.id)).lead?.lastActivityAt).toBe(at);
    // An old mail does not turn it back.
    await post(
      '/api/v1/activities/mail',
      mail('old@lead-firma.de', {
        from: { name: 'Lea', email: 'lea@lead-firma.de' },
        occurredAt: '2020-01-01T00:00:00Z',
      }),
    );
    expect((await get(lead.id)).lead?.lastActivityAt).toBe(at);
    expect(Date.parse(at)).toBeGreaterThan(Date.parse(before));
  });
});

describe('change and delete', () => {
  it('its creator changes a note with If-Match; others get 403, stale 412, missing 428; a mail cannot change', async () => {
    const c = await make(person('Edith', 'Edit', withEmail('edith@edit.de')));
    const note = (await post('/api/v1/activities', entry([c.id], { type: 'note' }))).json() as Activity;
    const url = `/api/v1/activities/${note.id}`;
    const patch = (payload: Json, ifMatch?: string, as: Json = {}) =>
      t.request({ method: 'PATCH', url, headers: { ...DE, ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload }, as);
    expect((await patch({ subject: 'Neu' })).statusCode).toBe(428);
    expect((await patch({ subject: 'Neu' }, '"1"', OTHER_SALES)).statusCode).toBe(403);
    const ok = await patch({ subject: 'Neu', text: '' }, '"1"');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ subject: 'Neu', version: 2, updatedBy: { id: 'user-a' } });
    expect(ok.json().text).toBeUndefined();
    expect((await patch({ subject: 'Alt' }, '"1"')).statusCode).toBe(412);
    expect((await patch({}, '"2"')).statusCode).toBe(400);
    const logged = (
      await post('/api/v1/activities/mail', mail('edit@edit.de', { from: { name: 'E', email: 'edith@edit.de' } }))
    ).json() as LogResult;
    const mailPatch = await t.request({
      method: 'PATCH',
      url: `/api/v1/activities/${logged.activity.id}`,
      headers: { 'if-match': '"1"' },
      payload: { subject: 'x' },
    });
    expect(mailPatch.statusCode).toBe(409);
  });

  it('deletes with If-Match; the mail can then be logged again; every step is in the audit trail', async () => {
    const c = await make(person('Dora', 'Delete', withEmail('dora@delete.de')));
    const payload = mail('del@delete.de', { from: { name: 'Dora', email: 'dora@delete.de' } });
    const logged = (await post('/api/v1/activities/mail', payload)).json() as LogResult;
    const url = `/api/v1/activities/${logged.activity.id}`;
    expect((await t.request({ method: 'DELETE', url, headers: { 'if-match': '"1"' } }, OTHER_SALES)).statusCode).toBe(
      403,
    );
    expect((await t.request({ method: 'DELETE', url, headers: { 'if-match': '"1"' } })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(404);
    const again = await post('/api/v1/activities/mail', payload);
    expect(again.statusCode).toBe(201);
    const note = (await post('/api/v1/activities', entry([c.id], { type: 'note' }))).json() as Activity;
    await t.request({
      method: 'PATCH',
      url: `/api/v1/activities/${note.id}`,
      headers: { 'if-match': '"1"' },
      payload: { text: 'geändert' },
    });
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}/history` })).json()
      .items as Json[];
    const actions = history.map((h) => h.action);
    expect(actions.filter((a) => a === 'activityCreate')).toHaveLength(3);
    expect(actions).toContain('activityDelete');
    expect(actions).toContain('activityUpdate');
    const update = history.find((h) => h.action === 'activityUpdate') as { changes: Json[] };
    expect(update.changes).toEqual([{ field: 'text', before: 'Rückruf vereinbart', after: 'geändert' }]);
  });
});

describe('roles and tenants', () => {
  it('CRM.ReadOnly reads but cannot write; Marketing may log', async () => {
    const c = await make(person('Rolf', 'Rolle', withEmail('rolf@rolle.de')));
    expect((await post('/api/v1/activities', entry([c.id]), READ_ONLY)).statusCode).toBe(403);
    const m = mail('role@rolle.de', { from: { name: 'Rolf', email: 'rolf@rolle.de' } });
    expect((await post('/api/v1/activities/mail', m, READ_ONLY)).statusCode).toBe(403);
    expect(
      (
        await post(
          '/api/v1/activities/meeting',
          { iCalUId: 'x', subject: '', start: m.occurredAt, attendees: [] },
          READ_ONLY,
        )
      ).statusCode,
    ).toBe(403);
    const logged = await post('/api/v1/activities/mail', m, MARKETING);
    expect(logged.statusCode).toBe(201);
    const id = (logged.json() as LogResult).activity.id;
    expect((await t.request({ method: 'GET', url: `/api/v1/activities/${id}` }, READ_ONLY)).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}/activities` }, READ_ONLY)).statusCode).toBe(
      200,
    );
    const del = await t.request(
      { method: 'DELETE', url: `/api/v1/activities/${id}`, headers: { 'if-match': '*' } },
      READ_ONLY,
    );
    expect(del.statusCode).toBe(403);
  });

  it('another tenant gets 404 for every route and never sees the mail as logged', async () => {
    const c = await make(person('Tina', 'Tenant', withEmail('tina@tenant.de')));
    const logged = (
      await post('/api/v1/activities/mail', mail('tenant@tenant.de', { from: { name: 'T', email: 'tina@tenant.de' } }))
    ).json() as LogResult;
    const B = { tenantId: TENANT_B };
    const id = logged.activity.id;
    const routes: Array<[string, string, Json | undefined]> = [
      ['GET', `/api/v1/activities/${id}`, undefined],
      ['PATCH', `/api/v1/activities/${id}`, { subject: 'x' }],
      ['DELETE', `/api/v1/activities/${id}`, undefined],
      ['GET', `/api/v1/contacts/${c.id}/activities`, undefined],
    ];
    for (const [method, url, payload] of routes) {
      const res = await t.request(
        { method: method as 'GET', url, headers: { 'if-match': '*' }, ...(payload ? { payload } : {}) },
        B,
      );
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const status = await t.request(
      { method: 'GET', url: '/api/v1/activities/mail-status?internetMessageId=tenant%40tenant.de' },
      B,
    );
    expect(status.json()).toEqual({ logged: false });
    expect((await post('/api/v1/activities', entry([c.id]), B)).statusCode).toBe(400);
    // In tenant B the same mail is not known: no participant is B's contact.
    expect(
      (
        await post(
          '/api/v1/activities/mail',
          mail('tenant@tenant.de', { from: { name: 'T', email: 'tina@tenant.de' } }),
          B,
        )
      ).statusCode,
    ).toBe(409);
  });
});
