import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityPage, Contact, LogResult } from '@klarkonform/shared';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// "E-Mail protokollieren beim Senden" (issue 14): the send handler logs a mail as it leaves, once
// per tenant by its compose session's key; the sent copy, logged later from read mode with the same
// key, answers "Bereits protokolliert".

type Json = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DE = { 'accept-language': 'de-DE' };
const EN = { 'accept-language': 'en-GB' };
const ME = { email: 'me@klarkonform.test' } as const;
const OTHER_SALES = { roles: ['CRM.Sales'], userId: 'user-b', name: 'Bernd Vertrieb' } as const;

const make = async (body: Json): Promise<Contact> => (await createContact(t, body)) as unknown as Contact;
const sent = (payload: Json, as: Json = ME, headers: Record<string, string> = DE) =>
  t.request({ method: 'POST', url: '/api/v1/activities/sent-mail', headers, payload }, as);
const sentMail = (composeKey: string, extra: Json = {}): Json => ({
  composeKey,
  subject: 'Einladung zur Hausmesse',
  from: { name: 'Test User', email: 'me@klarkonform.test' },
  to: [],
  ...extra,
});
const status = (query: string, as: Json = {}, headers: Record<string, string> = DE) =>
  t.request({ method: 'GET', url: `/api/v1/activities/mail-status?${query}`, headers }, as);
const timelineIds = async (id: string): Promise<string[]> =>
  ((await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/activities` })).json() as ActivityPage).items.map(
    (a) => a.id,
  );
const TEMPLATE = { id: '65a1b2c3d4e5f6a7b8c9d0e1', name: 'Hausmesse 2026', purpose: 'marketing' } as const;

describe('POST /api/v1/activities/sent-mail', () => {
  it('links every known recipient in to, cc and bcc, skips the user, records the template', async () => {
    const anna = await make(person('Anna', 'Senden', withEmail('anna@senden.de')));
    const carl = await make(person('Carl', 'Kopie', withEmail('carl@senden.de')));
    const bert = await make(person('Bert', 'Blind', withEmail('bert@senden.de')));
    const key = randomUUID();
    const res = await sent(
      sentMail(key, {
        to: [
          { name: 'Anna', email: 'ANNA@senden.de' },
          { name: 'Ich', email: 'me@klarkonform.test' },
        ],
        cc: [
          { name: 'Carl', email: 'carl@senden.de' },
          { name: 'Wer', email: 'wer@unbekannt-senden.de' },
        ],
        bcc: [{ name: 'Bert', email: 'bert@senden.de' }],
        template: TEMPLATE,
      }),
    );
    expect(res.statusCode).toBe(201);
    const result: LogResult = res.json();
    expect(result.alreadyLogged).toBe(false);
    expect(result.activity).toMatchObject({
      type: 'email',
      subject: 'Einladung zur Hausmesse',
      contactIds: [anna.id, carl.id, bert.id],
      contactNames: ['Anna Senden', 'Carl Kopie', 'Bert Blind'],
      mail: { composeKey: key, direction: 'out', template: TEMPLATE, bcc: [{ name: 'Bert', email: 'bert@senden.de' }] },
    });
    expect(result.activity.mail?.internetMessageId).toBeUndefined();
    expect(Math.abs(Date.parse(result.activity.occurredAt) - Date.now())).toBeLessThan(60_000);
    for (const id of [anna.id, carl.id, bert.id]) expect(await timelineIds(id)).toContain(result.activity.id);
    const byKey = await status(`composeKey=${key}`);
    expect(byKey.json()).toMatchObject({ logged: true, activity: { id: result.activity.id } });
  });

  it('a mail only to a blind copy is linked to that contact', async () => {
    const bea = await make(person('Bea', 'Nurbcc', withEmail('bea@nurbcc.de')));
    const res = await sent(sentMail(randomUUID(), { bcc: [{ name: '', email: 'bea@nurbcc.de' }] }));
    expect(res.statusCode).toBe(201);
    expect((res.json() as LogResult).activity.contactIds).toEqual([bea.id]);
  });

  it('stores once per compose key: parallel sends from several users answer one 201 and 200 alreadyLogged', async () => {
    await make(person('Paul', 'Parallel', withEmail('paul@parallel.de')));
    const key = randomUUID();
    const payload = sentMail(key, { to: [{ name: 'Paul', email: 'paul@parallel.de' }] });
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        sent(i % 3 === 0 ? { ...payload, subject: 'Anderer Betreff' } : payload, i % 2 ? OTHER_SALES : ME),
      ),
    );
    expect(racers.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const ids = new Set(racers.map((r) => (r.json() as LogResult).activity.id));
    expect(ids.size).toBe(1);
    expect(racers.filter((r) => (r.json() as LogResult).alreadyLogged)).toHaveLength(5);
    // With an Idempotency-Key the same request replays (200, not "already logged" — it is the same call).
    const keyed = randomUUID();
    const headers = { ...DE, 'idempotency-key': keyed };
    const other = sentMail(randomUUID(), { to: [{ name: 'Paul', email: 'paul@parallel.de' }] });
    expect((await sent(other, ME, headers)).statusCode).toBe(201);
    const replay = await sent(other, ME, headers);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ alreadyLogged: false });
    expect((await sent({ ...other, subject: 'x' }, ME, headers)).statusCode).toBe(409);
  });

  it('the sent copy logged from read mode with the same compose key answers alreadyLogged', async () => {
    await make(person('Sina', 'Kopie', withEmail('sina@sentcopy.de')));
    const key = randomUUID();
    const first = await sent(sentMail(key, { to: [{ name: 'Sina', email: 'sina@sentcopy.de' }] }));
    expect(first.statusCode).toBe(201);
    const copy = {
      internetMessageId: '<sent-copy-1@klarkonform.test>',
      subject: 'Einladung zur Hausmesse',
      occurredAt: new Date().toISOString(),
      direction: 'out',
      from: { name: 'Test User', email: 'me@klarkonform.test' },
      to: [{ name: 'Sina', email: 'sina@sentcopy.de' }],
      composeKey: key,
    };
    const later = await t.request(
      {
        method: 'POST',
        url: '/api/v1/activities/mail',
        headers: { ...DE, 'idempotency-key': randomUUID() },
        payload: copy,
      },
      ME,
    );
    expect(later.statusCode).toBe(200);
    expect(later.json()).toMatchObject({
      alreadyLogged: true,
      activity: { id: (first.json() as LogResult).activity.id },
    });
    // Logged in read mode first (no send-time log): a send-time log with that key then finds it.
    const key2 = randomUUID();
    const readFirst = await t.request(
      {
        method: 'POST',
        url: '/api/v1/activities/mail',
        headers: { ...DE, 'idempotency-key': randomUUID() },
        payload: { ...copy, internetMessageId: '<sent-copy-2@klarkonform.test>', composeKey: key2 },
      },
      ME,
    );
    expect(readFirst.statusCode).toBe(201);
    expect(readFirst.json()).toMatchObject({ activity: { mail: { composeKey: key2 } } });
    const again = await sent(sentMail(key2, { to: [{ name: 'Sina', email: 'sina@sentcopy.de' }] }));
    expect(again.json()).toMatchObject({
      alreadyLogged: true,
      activity: { id: (readFirst.json() as LogResult).activity.id },
    });
  });

  it('refuses a mail to nobody known like the mail log, in German and English', async () => {
    const payload = sentMail(randomUUID(), {
      to: [
        { name: 'Niemand', email: 'niemand@nowhere-sent.de' },
        { name: 'Ich', email: 'me@klarkonform.test' },
      ],
    });
    const de = await sent(payload);
    expect(de.statusCode).toBe(409);
    expect(de.json().detail).toMatch(/^Keiner der Beteiligten ist als Kontakt angelegt/);
    const en = await sent(payload, ME, EN);
    expect(en.json().detail).toMatch(/^None of the participants is a contact yet/);
    expect((await status(`composeKey=${payload.composeKey}`)).json()).toEqual({ logged: false });
  });

  it('refuses bad input with 400 naming the field by its label', async () => {
    const cases: Array<[Json, RegExp, RegExp]> = [
      [sentMail('kurz'), /Sitzungsschlüssel/, /Compose key/],
      [sentMail('a b c d e f g h'), /Sitzungsschlüssel/, /Compose key/],
      [sentMail(randomUUID(), { bcc: [{ name: 'x', email: 'keine-adresse' }] }), /Bcc/, /Bcc/],
      [sentMail(randomUUID(), { template: { name: 'X', purpose: 'werbung' } }), /Vorlage/, /Template/],
      [
        sentMail(randomUUID(), { internetMessageId: '<x@y>' }),
        /„Internet-Message-ID“ kann hier nicht/,
        /Internet message ID/,
      ],
      [{ subject: 'ohne Schlüssel', to: [] }, /Sitzungsschlüssel/, /Compose key/],
    ];
    for (const [payload, de, en] of cases) {
      const resDe = await sent(payload);
      expect(resDe.statusCode, JSON.stringify(payload)).toBe(400);
      expect(resDe.json().detail).toMatch(de);
      const resEn = await sent(payload, ME, EN);
      expect(resEn.json().detail).toMatch(en);
    }
    await make(person('Fritz', 'Future', withEmail('fritz@future-sent.de')));
    const future = await sent(
      sentMail(randomUUID(), {
        to: [{ name: 'Fritz', email: 'fritz@future-sent.de' }],
        occurredAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toMatch(/Zeitpunkt/);
  });

  it('mail-status takes exactly one of internetMessageId and composeKey', async () => {
    for (const query of ['', `internetMessageId=a%40b&composeKey=${randomUUID()}`]) {
      const de = await status(query);
      expect(de.statusCode, query).toBe(400);
      expect(de.json().detail).toBe(
        'Bitte genau eines angeben: die Internet-Message-ID oder den Sitzungsschlüssel (composeKey).',
      );
      expect((await status(query, {}, EN)).json().detail).toBe(
        'Give exactly one: the Internet message ID or the compose key.',
      );
    }
    const bad = await status('composeKey=%3Cnope%3E');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/Sitzungsschlüssel/);
    expect((await status(`composeKey=${randomUUID()}`)).json()).toEqual({ logged: false });
  });

  it('another tenant neither sees the logged key nor can log to its contacts', async () => {
    await make(person('Tom', 'Tenant', withEmail('tom@tenant-sent.de')));
    const key = randomUUID();
    const payload = sentMail(key, { to: [{ name: 'Tom', email: 'tom@tenant-sent.de' }] });
    expect((await sent(payload)).statusCode).toBe(201);
    const B = { tenantId: TENANT_B, email: 'me@klarkonform.test' };
    expect((await status(`composeKey=${key}`, B)).json()).toEqual({ logged: false });
    // The same key in tenant B is B's own: nobody there is a contact, so it is refused (not "already logged").
    const inB = await sent(payload, B);
    expect(inB.statusCode).toBe(409);
  });

  it('CRM.ReadOnly may not log', async () => {
    const res = await sent(sentMail(randomUUID(), { to: [{ name: 'x', email: 'x@y.de' }] }), {
      roles: ['CRM.ReadOnly'],
    });
    expect(res.statusCode).toBe(403);
  });
});
