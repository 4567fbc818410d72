import { randomUUID } from 'node:crypto';
import { EJSON } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { runImport, uploaded } from '../support/imports';
import {
  FOLDER,
  type MirrorWorld,
  outlookByCrmId,
  saveMirrorSettings,
  startMirrorWorld,
} from '../support/mirror-world';
import { TENANT_A, TENANT_B } from '../support/test-app';

// Retention-aware erasure (Art. 17 DSGVO with HGB §257 / AO §147; issue 15 part B): erasure
// removes the person everywhere — every collection of the database and the Outlook copy — and
// leaves only a log without personal data; a business letter keeps the person restricted until
// six years after the end of its year; a legal hold stops it; an interrupted erasure resumes.

type Json = Record<string, unknown>;
let w: MirrorWorld;
let now = new Date();
const dpo = { roles: ['CRM.DataProtection' as const], userId: 'user-dpo', name: 'Dana Datenschutz' };

const req = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: Json,
  headers: Json = {},
  as: Json = dpo,
) => w.t.request({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) }, as);
const version = async (id: unknown) =>
  (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json().version as number;
const erase = async (id: unknown, reason = 'request', as: Json = dpo) =>
  req('POST', `/api/v1/privacy/contacts/${id}/erasure`, { reason }, { 'if-match': `"${await version(id)}"` }, as);
const runDue = async () => (await req('POST', '/api/v1/privacy/erasures/run', {})).json();
const activity = (type: string, subject: string, contactIds: unknown[]) =>
  w.t.request({
    method: 'POST',
    url: '/api/v1/activities',
    headers: { 'idempotency-key': randomUUID() },
    payload: { type, subject, contactIds },
  });

/** Every document of every collection, as JSON text (lower case), and the fake Outlook's contacts. */
async function everything(): Promise<string> {
  const db = w.t.app.mongo.db;
  if (!db) throw new Error('no database');
  const parts: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    for (const doc of await db.collection(name).find({}).toArray()) {
      const text = EJSON.stringify(doc);
      parts.push(text);
      // Stored file bytes (the import's original) are searched as text too.
      for (const m of text.matchAll(/"base64":"([^"]+)"/g))
        parts.push(Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
    }
  }
  parts.push(JSON.stringify(w.fake.outlook(TENANT_A, w.mailbox).contacts(FOLDER)));
  return parts.join('\n').toLowerCase();
}

beforeAll(async () => {
  w = await startMirrorWorld({ env: { MIRROR_DEBOUNCE_SECONDS: '3600' }, build: { clock: () => now } });
  await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: FOLDER }]);
});
afterAll(() => w?.close());

describe('erasure with nothing kept', () => {
  it('removes the person from every collection and from Outlook, leaving a log without personal data', async () => {
    const firma = await createContact(w.t, company('Bleibfirma GmbH', withEmail('info@bleibfirma.de')));
    const otto = await createContact(w.t, person('Otto', 'Bleiber', withEmail('otto@bleibfirma.de')));
    const erika = await createContact(
      w.t,
      person('Erika', 'Xylofonia', {
        ...withEmail('erika.xylofonia@example.org'),
        companyId: firma.id,
        businessPhones: ['030 98765432'],
        mobilePhone: '0171 5550123',
        notes: { specifics: 'Erika Xylofonia mag Tee' },
      }),
    );
    const id = erika.id;
    await w.t.request({
      method: 'POST',
      url: `/api/v1/contacts/${id}/consent-events`,
      payload: { channel: 'email', type: 'optIn', source: 'Messe', proof: 'Formular von Erika Xylofonia' },
    });
    await w.t.request({
      method: 'POST',
      url: `/api/v1/contacts/${id}/notes/open-items`,
      payload: { text: 'Xylofonia zurückrufen' },
    });
    await w.t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      headers: { 'if-match': `"${await version(id)}"` },
      payload: { position: 'Einkauf' },
    });
    expect((await activity('call', 'Anruf Erika Xylofonia', [id])).statusCode).toBe(201);
    expect((await activity('meeting', 'Termin mit Frau Xylofonia und Otto', [id, otto.id])).statusCode).toBe(201);
    const followUp = await w.t.request({
      method: 'POST',
      url: '/api/v1/follow-ups',
      headers: { 'idempotency-key': randomUUID() },
      payload: { title: 'Xylofonia anrufen', dueDate: '2030-01-10', contactId: id },
    });
    expect(followUp.statusCode).toBe(201);
    const deal = await w.t.request({
      method: 'POST',
      url: '/api/v1/opportunities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { title: 'Angebot Xylofonia', contactId: id, amountCents: 50_000 },
    });
    expect(deal.statusCode).toBe(201);
    // A person who came in through the import assistant: the file and its rows hold her too.
    const imp = await uploaded(
      w.t,
      'Vorname;Nachname;E-Mail;Telefon\nImke;Quastorf;imke.quastorf@example.org;040 7654321\nIngo;Bleibt;ingo@bleibt.de;\n',
      'kontakte.csv',
    );
    const done = await runImport(w.t, imp.id);
    expect(done.status).toBe('done');
    const imke = (await w.t.request({ method: 'GET', url: '/api/v1/contacts?q=Quastorf' })).json().items[0];
    expect(imke).toBeDefined();

    // Her request in the register (its texts name her) and a double opt-in link sent to her.
    const request = await req(
      'POST',
      '/api/v1/privacy/requests',
      {
        type: 'erasure',
        requester: { name: 'Erika Xylofonia', email: 'erika.xylofonia@example.org', channel: 'email' },
        contactIds: [id],
        description: 'Frau Xylofonia bittet per Mail von erika.xylofonia@example.org um Löschung.',
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(request.statusCode).toBe(201);
    const doi = await req('POST', `/api/v1/privacy/contacts/${id}/double-opt-in`, {
      channel: 'newsletter',
      source: 'Webformular',
    });
    expect(doi.statusCode).toBe(200);
    await w.t.app.mirror.runNow(TENANT_A);
    expect(outlookByCrmId(w.fake, w.mailbox).get(String(id))).toHaveLength(1);
    expect(await everything()).toContain('xylofonia');

    // Another tenant cannot see or erase her; a sales user may not.
    expect((await erase(id, 'request', { ...dpo, tenantId: TENANT_B })).statusCode).toBe(404);
    expect((await erase(id, 'request', { roles: ['CRM.Sales'] })).statusCode).toBe(403);
    const bad = await req('POST', `/api/v1/privacy/contacts/${id}/erasure`, { reason: 'weil' }, { 'if-match': '"1"' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('body.reason');

    const preview = (await req('GET', `/api/v1/privacy/contacts/${id}`)).json();
    expect(preview.erasurePreview).toEqual({ outcome: 'erased', coveredBy: [] });
    const res = await erase(id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'erased', coveredBy: [] });
    expect((await erase(imke.id, 'consentWithdrawn')).json().outcome).toBe('erased');
    await w.t.app.mirror.runNow(TENANT_A);

    const all = await everything();
    for (const needle of [
      'xylofonia',
      'erika.xylofonia@example.org',
      '98765432',
      '5550123',
      'quastorf',
      'imke.quastorf@example.org',
      '7654321',
    ]) {
      const at = all.indexOf(needle);
      expect(at < 0 ? '' : all.slice(Math.max(0, at - 300), at + 100), needle).toBe('');
    }
    // What stays: Otto's meeting (without her), the company's opportunity, the import's other row.
    expect(all).toContain('bleiber');
    expect(all).toContain('ingo@bleibt.de');
    const kept = (await w.t.request({ method: 'GET', url: `/api/v1/opportunities/${deal.json().id}` })).json();
    expect(kept).toMatchObject({ contactId: firma.id, contactName: 'Bleibfirma GmbH', title: 'Angebot [gelöscht]' });
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).statusCode).toBe(404);
    expect(
      (await req('POST', `/api/v1/privacy/contacts/${id}/erasure`, { reason: 'request' }, { 'if-match': '*' }))
        .statusCode,
    ).toBe(404);

    const log = (await req('GET', '/api/v1/privacy/erasures/log')).json().items;
    expect(log.find((e: Json) => e.contactNumber === erika.contactNumber)).toMatchObject({
      kind: 'person',
      reason: 'request',
      erasedBy: { name: 'Dana Datenschutz' },
      removed: expect.objectContaining({
        contacts: 1,
        activities: 1,
        activitiesUnlinked: 1,
        followUps: 1,
        privacyRequests: 1,
        doubleOptInTokens: 1,
      }),
    });
    const trail = (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${id}/history` })).statusCode;
    expect(trail).toBe(404);
  }, 180_000);
});

describe('retention periods and legal hold (the clock moves years ahead)', () => {
  it('restricts a person with a logged letter now and erases them six years after the end of that year', async () => {
    const bruno = await createContact(w.t, person('Bruno', 'Briefwechsler', withEmail('bruno@brief.de')));
    const hanna = await createContact(w.t, person('Hanna', 'Haltbar', withEmail('hanna@halt.de')));
    expect((await activity('letter', 'Auftragsbestätigung', [bruno.id])).statusCode).toBe(201);
    expect((await activity('email', 'Rechnung', [hanna.id])).statusCode).toBe(201);
    await w.t.app.mirror.runNow(TENANT_A);
    expect(outlookByCrmId(w.fake, w.mailbox).get(String(bruno.id))).toHaveLength(1);

    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(now));
    const eraseOn = `${year + 7}-01-01`;
    const scheduled = await erase(bruno.id, 'relationshipEnded');
    expect(scheduled.json()).toMatchObject({
      outcome: 'restricted',
      eraseOn,
      coveredBy: [
        expect.objectContaining({ recordType: 'businessLetter', record: 'activity', keepUntil: `${year + 6}-12-31` }),
      ],
    });
    expect((await erase(hanna.id, 'request')).json().outcome).toBe('restricted');
    // Restricted: the Outlook copy goes and the sync status says disabled.
    await w.t.app.mirror.runNow(TENANT_A);
    expect(outlookByCrmId(w.fake, w.mailbox).get(String(bruno.id)) ?? []).toHaveLength(0);
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${bruno.id}` })).json()).toMatchObject({
      syncStatus: 'disabled',
      restriction: { reason: 'retention', eraseOn, erasureReason: 'relationshipEnded' },
    });
    const hold = await req(
      'PUT',
      `/api/v1/privacy/contacts/${hanna.id}/legal-hold`,
      { reason: 'Betriebsprüfung 2027' },
      { 'if-match': `"${await version(hanna.id)}"` },
    );
    expect(hold.statusCode).toBe(200);
    const list = (await req('GET', '/api/v1/privacy/erasures?list=scheduled')).json();
    expect(list.items.map((i: Json) => i.contactId)).toEqual(expect.arrayContaining([bruno.id, hanna.id]));
    expect(list.dueCount).toBe(0);

    // The last day of the period: nothing happens.
    now = new Date(`${year + 6}-12-31T12:00:00Z`);
    expect(await runDue()).toEqual({ erased: 0, held: 0 });
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${bruno.id}` })).statusCode).toBe(200);

    // New Year's morning in Berlin: due; the held one stays.
    now = new Date(`${year + 7}-01-01T06:00:00Z`);
    const due = (await req('GET', '/api/v1/privacy/erasures?list=due')).json();
    expect(due.dueCount).toBe(2);
    expect(due.items.find((i: Json) => i.contactId === hanna.id)).toMatchObject({ held: true, due: true });
    expect(await runDue()).toEqual({ erased: 1, held: 1 });
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${bruno.id}` })).statusCode).toBe(404);
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${hanna.id}` })).statusCode).toBe(200);
    expect((await erase(hanna.id)).json().outcome).toBe('held');
    const log = (await req('GET', '/api/v1/privacy/erasures/log')).json().items;
    expect(log[0]).toMatchObject({
      contactNumber: bruno.contactNumber,
      reason: 'relationshipEnded',
      erasedBy: { name: 'Aufbewahrungsfristen (automatisch)' },
    });
    expect(await everything()).not.toContain('briefwechsler');

    // The hold lifted: the next run erases her.
    await req('DELETE', `/api/v1/privacy/contacts/${hanna.id}/legal-hold`, undefined, {
      'if-match': `"${await version(hanna.id)}"`,
    });
    expect(await runDue()).toEqual({ erased: 1, held: 0 });
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${hanna.id}` })).statusCode).toBe(404);
  }, 120_000);

  it('resumes an erasure interrupted halfway and leaves one log entry and one audit entry', async () => {
    const kai = await createContact(
      w.t,
      person('Kai', 'Kaputtnik', { ...withEmail('kai@kaputt.de'), businessPhones: ['089 3141592'] }),
    );
    await activity('call', 'Anruf Kaputtnik', [kai.id]);
    await w.t.request({
      method: 'POST',
      url: '/api/v1/follow-ups',
      headers: { 'idempotency-key': randomUUID() },
      payload: { title: 'Kaputtnik', dueDate: '2040-01-10', contactId: kai.id },
    });
    const erasure = w.t.app.privacyB.erasure;
    erasure.afterStep = (step) => {
      if (step === 'followUps') throw new Error('simulated crash');
    };
    const crashed = await erase(kai.id);
    expect(crashed.statusCode).toBe(500);
    erasure.afterStep = undefined;
    // Halfway: the contact is still there, its follow-ups are gone.
    expect((await w.t.request({ method: 'GET', url: `/api/v1/contacts/${kai.id}` })).statusCode).toBe(200);
    expect(await runDue()).toEqual({ erased: 1, held: 0 });
    expect(await runDue()).toEqual({ erased: 0, held: 0 });
    const log = (await req('GET', '/api/v1/privacy/erasures/log')).json().items;
    expect(log.filter((e: Json) => e.contactNumber === kai.contactNumber)).toHaveLength(1);
    const audit = await w.t.app.mongo.db
      ?.collection('audit')
      .find({ tenantId: TENANT_A, contactId: kai.id, action: 'erasure' })
      .toArray();
    expect(audit).toHaveLength(1);
    const all = await everything();
    expect(all).not.toContain('kaputtnik');
    expect(all).not.toContain('3141592');
  }, 120_000);
});
