import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Restriction of processing (Art. 18 DSGVO, issue 15 part B): a restricted contact is stored and
// shown, and nothing else — no marketing, no edits, no new sales work; lifting it is audited.

type Json = Record<string, unknown>;
let t: TestApp;
const dpo = { roles: ['CRM.DataProtection' as const], userId: 'user-dpo', name: 'Dana Datenschutz' };
const sales = { roles: ['CRM.Sales' as const] };

const state = async (id: unknown) =>
  (await t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${id}` }, dpo)).json();
const restrict = (id: unknown, version: unknown, body: Json = {}, as: Json = dpo) =>
  t.request(
    {
      method: 'POST',
      url: `/api/v1/privacy/contacts/${id}/restriction`,
      headers: { 'if-match': `"${version}"` },
      payload: body,
    },
    as,
  );

let firma: Json;
let rita: Json;

beforeAll(async () => {
  t = await createTestApp();
  firma = await createContact(t, company('Sperr GmbH'));
  rita = await createContact(
    t,
    person('Rita', 'Riegel', { ...withEmail('rita@sperr.de'), companyId: firma.id, relationships: ['customer'] }),
  );
  await t.request({
    method: 'POST',
    url: `/api/v1/contacts/${rita.id}/consent-events`,
    payload: { channel: 'email', type: 'optIn', source: 'Messe', proof: 'Formular 7' },
  });
});
afterAll(() => t.close());

describe('restricting a contact (Art. 18)', () => {
  it('is for the data-protection role and admins: CRM.Sales gets 403', async () => {
    const res = await restrict(rita.id, 2, {}, sales);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('needs the version (428 without, 412 on an old one)', async () => {
    const none = await t.request(
      { method: 'POST', url: `/api/v1/privacy/contacts/${rita.id}/restriction`, payload: {} },
      dpo,
    );
    expect(none.statusCode).toBe(428);
    expect((await restrict(rita.id, 1)).statusCode).toBe(412);
  });

  it('refuses unknown fields naming them (400 problem+json), and another tenant’s contact is 404', async () => {
    const bad = await restrict(rita.id, 2, { reason: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('reason');
    const longNote = await restrict(rita.id, 2, { note: 'x'.repeat(1001) });
    expect(longNote.statusCode).toBe(400);
    expect(JSON.stringify(longNote.json().errors)).toContain('body.note');
    expect((await restrict(rita.id, 2, {}, { ...dpo, tenantId: TENANT_B })).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${rita.id}` }, { ...dpo, tenantId: TENANT_B }))
        .statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/privacy/contacts/nope' }, dpo)).statusCode).toBe(400);
  });

  it('restricts: the card and search show it, consent answers restricted, the send check too', async () => {
    const res = await restrict(rita.id, 2, { note: 'Bestreitet Richtigkeit der Adresse' });
    expect(res.statusCode).toBe(200);
    expect(res.json().restriction).toMatchObject({
      reason: 'request',
      note: 'Bestreitet Richtigkeit der Adresse',
      by: { name: 'Dana Datenschutz' },
    });
    expect(res.headers.etag).toBe('"3"');

    const contact = (await t.request({ method: 'GET', url: `/api/v1/contacts/${rita.id}` })).json();
    expect(contact.restriction).toMatchObject({ reason: 'request' });
    const card = (await t.request({ method: 'GET', url: '/api/v1/cards?email=rita@sperr.de' })).json().cards[0];
    expect(card.contact.restriction).toMatchObject({ reason: 'request' });
    expect(card.marketingEmailAllowed).toMatchObject({ allowed: false, reason: 'restricted' });
    const found = (await t.request({ method: 'GET', url: '/api/v1/contacts?q=Riegel' })).json().items;
    expect(found.find((i: Json) => i.id === rita.id)).toMatchObject({ restricted: true });
    const decision = await t.request({
      method: 'GET',
      url: `/api/v1/contacts/${rita.id}/consent-decision?channel=letter&purpose=service`,
    });
    expect(decision.json()).toMatchObject({ allowed: false, reason: 'restricted' });
    const check = await t.request({
      method: 'POST',
      url: '/api/v1/send-check/consent',
      payload: { emails: ['rita@sperr.de'] },
    });
    expect(check.json().recipients[0]).toMatchObject({ known: true, allowed: false, reason: 'restricted' });
  });

  it('refuses every other use with 409 contactRestricted: edit, consent, notes, activities, follow-ups, opportunities', async () => {
    const attempts = [
      t.request({
        method: 'PATCH',
        url: `/api/v1/contacts/${rita.id}`,
        headers: { 'if-match': '"3"' },
        payload: { position: 'Chefin' },
      }),
      t.request({
        method: 'POST',
        url: `/api/v1/contacts/${rita.id}/consent-events`,
        payload: { channel: 'phone', type: 'optIn', source: 'Telefon' },
      }),
      t.request({ method: 'POST', url: `/api/v1/contacts/${rita.id}/notes/open-items`, payload: { text: 'Rückruf' } }),
      t.request({
        method: 'POST',
        url: '/api/v1/activities',
        headers: { 'idempotency-key': randomUUID() },
        payload: { type: 'call', subject: 'Anruf', contactIds: [rita.id] },
      }),
      t.request({
        method: 'POST',
        url: '/api/v1/follow-ups',
        headers: { 'idempotency-key': randomUUID() },
        payload: { title: 'Nachfassen', dueDate: '2030-01-10', contactId: rita.id },
      }),
      t.request({
        method: 'POST',
        url: '/api/v1/opportunities',
        headers: { 'idempotency-key': randomUUID() },
        payload: { title: 'Wartung', contactId: rita.id, amountCents: 1000 },
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain('Art. 18');
    }
    const english = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${rita.id}`,
      headers: { 'if-match': '"3"', 'accept-language': 'en' },
      payload: { position: 'Chefin' },
    });
    expect(english.json().detail).toContain('restricted');
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${rita.id}` })).json()).toMatchObject({
      version: 3,
    });
  });

  it('refuses a second restriction (409), lifts a requested one (audited) and allows use again', async () => {
    expect((await restrict(rita.id, 3)).statusCode).toBe(409);
    const lifted = await t.request(
      { method: 'DELETE', url: `/api/v1/privacy/contacts/${rita.id}/restriction`, headers: { 'if-match': '"3"' } },
      dpo,
    );
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().restriction).toBeNull();
    const again = await t.request(
      {
        method: 'DELETE',
        url: `/api/v1/privacy/contacts/${rita.id}/restriction`,
        headers: { 'if-match': '"4"' },
      },
      dpo,
    );
    expect(again.statusCode).toBe(409);
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${rita.id}/history` })).json().items;
    expect(history.map((e: Json) => e.action).slice(0, 2)).toEqual(['unrestrict', 'restrict']);
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${rita.id}`,
      headers: { 'if-match': '"4"' },
      payload: { position: 'Chefin' },
    });
    expect(edit.statusCode).toBe(200);
  });

  it('keeps a retention restriction: it cannot be lifted', async () => {
    const ulf = await createContact(t, person('Ulf', 'Urkunde', withEmail('ulf@sperr.de')));
    const letter = await t.request({
      method: 'POST',
      url: '/api/v1/activities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { type: 'letter', subject: 'Auftragsbestätigung', contactIds: [ulf.id] },
    });
    const erasure = await t.request(
      {
        method: 'POST',
        url: `/api/v1/privacy/contacts/${ulf.id}/erasure`,
        headers: { 'if-match': '"1"' },
        payload: { reason: 'relationshipEnded' },
      },
      dpo,
    );
    expect(erasure.json().outcome).toBe('restricted');
    const s = await state(ulf.id);
    expect(s.restriction).toMatchObject({ reason: 'retention', erasureReason: 'relationshipEnded' });
    const lift = await t.request(
      {
        method: 'DELETE',
        url: `/api/v1/privacy/contacts/${ulf.id}/restriction`,
        headers: { 'if-match': `"${s.version}"` },
      },
      dpo,
    );
    expect(lift.statusCode).toBe(409);
    expect(lift.json().detail).toContain('Aufbewahrungsfrist');
    // Its letter is kept as it is: not edited while restricted.
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/activities/${letter.json().id}`,
      headers: { 'if-match': `"${letter.json().version}"` },
      payload: { subject: 'Geändert' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('Art. 18');
  });
});

describe('sales work recorded before the restriction', () => {
  it('stays as it is: completing its follow-up, changing its opportunity and deleting its activity answer 409', async () => {
    const theo = await createContact(t, person('Theo', 'Treu', withEmail('theo@treu.de')));
    const made = async (url: string, payload: Json) => {
      const res = await t.request({ method: 'POST', url, headers: { 'idempotency-key': randomUUID() }, payload });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const followUp = await made('/api/v1/follow-ups', {
      title: 'Angebot nachfassen',
      dueDate: '2030-02-01',
      contactId: theo.id,
    });
    const deal = await made('/api/v1/opportunities', {
      title: 'Wartungsvertrag',
      contactId: theo.id,
      amountCents: 90_000,
    });
    const call = await made('/api/v1/activities', { type: 'call', subject: 'Erstgespräch', contactIds: [theo.id] });
    const version = (await t.request({ method: 'GET', url: `/api/v1/contacts/${theo.id}` })).json().version;
    expect((await restrict(theo.id, version)).statusCode).toBe(200);

    const attempts = await Promise.all([
      t.request({
        method: 'PATCH',
        url: `/api/v1/follow-ups/${followUp.id}`,
        headers: { 'if-match': `"${followUp.version}"` },
        payload: { state: 'done' },
      }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/opportunities/${deal.id}`,
        headers: { 'if-match': `"${deal.version}"` },
        payload: { amountCents: 1 },
      }),
      t.request({
        method: 'DELETE',
        url: `/api/v1/activities/${call.id}`,
        headers: { 'if-match': `"${call.version}"` },
      }),
    ]);
    expect(attempts.map((res) => res.statusCode)).toEqual([409, 409, 409]);
    for (const res of attempts) expect(res.json().detail).toContain('Art. 18');
    const get = async (url: string) => (await t.request({ method: 'GET', url })).json();
    expect(await get(`/api/v1/follow-ups/${followUp.id}`)).toMatchObject({ state: 'open', version: followUp.version });
    expect(await get(`/api/v1/opportunities/${deal.id}`)).toMatchObject({ amountCents: 90_000 });
    expect((await t.request({ method: 'GET', url: `/api/v1/activities/${call.id}` })).statusCode).toBe(200);
  });
});

describe('legal hold', () => {
  it('is set and lifted with the version, audited; lifting none is 409', async () => {
    const lea = await createContact(t, person('Lea', 'Latte'));
    const set = await t.request(
      {
        method: 'PUT',
        url: `/api/v1/privacy/contacts/${lea.id}/legal-hold`,
        headers: { 'if-match': '"1"' },
        payload: { reason: 'Rechtsstreit Az. 3 O 12/26' },
      },
      dpo,
    );
    expect(set.statusCode).toBe(200);
    expect(set.json().legalHold).toMatchObject({ reason: 'Rechtsstreit Az. 3 O 12/26' });
    expect(set.json().erasurePreview.outcome).toBe('held');
    const empty = await t.request(
      {
        method: 'PUT',
        url: `/api/v1/privacy/contacts/${lea.id}/legal-hold`,
        headers: { 'if-match': '"2"' },
        payload: { reason: '' },
      },
      dpo,
    );
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json().errors)).toContain('body.reason');
    const lift = await t.request(
      { method: 'DELETE', url: `/api/v1/privacy/contacts/${lea.id}/legal-hold`, headers: { 'if-match': '"2"' } },
      dpo,
    );
    expect(lift.json().legalHold).toBeNull();
    const again = await t.request(
      { method: 'DELETE', url: `/api/v1/privacy/contacts/${lea.id}/legal-hold`, headers: { 'if-match': '"3"' } },
      dpo,
    );
    expect(again.statusCode).toBe(409);
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${lea.id}/history` })).json().items;
    expect(history.map((e: Json) => e.action).slice(0, 2)).toEqual(['legalHoldLift', 'legalHold']);
  });
});
