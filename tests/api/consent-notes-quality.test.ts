import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const consentEvent = (id: unknown, body: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/contacts/${id}/consent-events`, payload: body });
const decision = async (id: unknown, channel: string, purpose: string) =>
  (
    await t.request({
      method: 'GET',
      url: `/api/v1/contacts/${id}/consent-decision?channel=${channel}&purpose=${purpose}`,
    })
  ).json();

describe('consent (DSGVO)', () => {
  it('records events with proof, derives the state, and lets an opt-out win', async () => {
    const c = await createContact(
      t,
      person('Olga', 'Optin', { legalBasis: 'contract', ...withEmail('olga@beispiel.de') }),
    );
    expect(await decision(c.id, 'email', 'marketing')).toMatchObject({ allowed: false, reason: 'noConsent' });
    expect(await decision(c.id, 'email', 'service')).toMatchObject({ allowed: true, reason: 'contract' });

    const optIn = await consentEvent(c.id, { channel: 'email', type: 'optIn', source: 'Messe', proof: 'Formular 7' });
    expect(optIn.statusCode).toBe(200);
    const event = optIn.json().consent.channels.email[0];
    expect(event).toMatchObject({ type: 'optIn', source: 'Messe', proof: 'Formular 7', recordedBy: { id: 'user-a' } });
    expect(await decision(c.id, 'email', 'marketing')).toMatchObject({ allowed: true, reason: 'consentGranted' });

    await consentEvent(c.id, { channel: 'email', type: 'optOut', source: 'Antwort-Mail' });
    expect(await decision(c.id, 'email', 'marketing')).toMatchObject({ allowed: false, reason: 'optedOut' });
    expect(await decision(c.id, 'newsletter', 'marketing')).toMatchObject({ allowed: false, reason: 'optedOut' });
    expect(await decision(c.id, 'email', 'service')).toMatchObject({ allowed: false, reason: 'optedOut' });

    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).json().consent.channels.email;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['optIn', 'optOut']);
  });

  it('rejects an unknown event type and a consent event in the future', async () => {
    const c = await createContact(t, person('Zeit', 'Reisende'));
    expect((await consentEvent(c.id, { channel: 'email', type: 'maybe', source: 'X' })).statusCode).toBe(400);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await consentEvent(c.id, { channel: 'email', type: 'optIn', source: 'X', at: future })).statusCode).toBe(
      400,
    );
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).json().consent.channels.email).toEqual(
      [],
    );
  });
});

describe('notes', () => {
  it('keeps specifics, history entries, open items and free notes with their authors', async () => {
    const c = await createContact(t, person('Nina', 'Notiz', { notes: { specifics: 'Nur vormittags anrufen' } }));
    const url = `/api/v1/contacts/${c.id}`;
    await t.request({
      method: 'POST',
      url: `${url}/notes/history`,
      payload: { date: '2026-11-20', event: 'Angebot geschickt' },
    });
    const withItem = (
      await t.request({ method: 'POST', url: `${url}/notes/open-items`, payload: { text: 'Rückruf wegen Rabatt' } })
    ).json();
    const itemId = withItem.notes.openItems[0].id;
    await t.request({ method: 'PATCH', url: `${url}/notes/open-items/${itemId}`, payload: { done: true } });
    await t.request(
      { method: 'POST', url: `${url}/notes/free`, payload: { text: 'Sehr an Cloud-Lösung interessiert' } },
      { name: 'Vera Vertrieb' },
    );
    const patched = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': `"${withItem.version + 2}"` },
      payload: { notes: { specifics: 'Nur vormittags anrufen, nie freitags' } },
    });
    expect(patched.statusCode).toBe(200);
    const notes = patched.json().notes;
    expect(notes.specifics).toBe('Nur vormittags anrufen, nie freitags');
    expect(notes.history).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        event: 'Angebot geschickt',
        author: { id: 'user-a', name: 'Test User' },
      }),
    ]);
    expect(notes.openItems).toEqual([expect.objectContaining({ text: 'Rückruf wegen Rabatt', done: true })]);
    expect(notes.free).toEqual([
      expect.objectContaining({ text: 'Sehr an Cloud-Lösung interessiert', authorName: 'Vera Vertrieb' }),
    ]);
    const actions = (await t.request({ method: 'GET', url: `${url}/history` }))
      .json()
      .items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['update', 'note', 'note', 'note', 'note', 'create']);
  });

  it('answers 404 for an open item that does not exist', async () => {
    const c = await createContact(t, person('Otto', 'Offen'));
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}/notes/open-items/aaaaaaaaaaaaaaaaaaaaaaaa`,
      payload: { done: true },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('data quality', () => {
  it('flags a customer company without decision maker or billing contact, and clears when fixed', async () => {
    const firma = await createContact(
      t,
      company('Qualität GmbH', {
        relationships: ['customer'],
        emails: [{ address: 'info@qualitaet.de', primary: true }],
      }),
    );
    const staff = await createContact(
      t,
      person('Quentin', 'Qualle', { companyId: firma.id, ...withEmail('q@qualitaet.de') }),
    );
    const codes = async (id: unknown) =>
      (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/quality` }))
        .json()
        .findings.map((f: { code: string }) => f.code);
    expect(await codes(firma.id)).toEqual(
      expect.arrayContaining(['company.noDecisionMaker', 'company.noBillingContact']),
    );
    expect(await codes(staff.id)).toContain('person.noRole');

    const worklist = (await t.request({ method: 'GET', url: '/api/v1/quality/worklist?limit=100' })).json();
    expect(worklist.items.map((i: { contact: { id: string } }) => i.contact.id)).toEqual(
      expect.arrayContaining([firma.id, staff.id]),
    );

    await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${staff.id}`,
      headers: { 'if-match': '"1"' },
      payload: { roles: ['decisionMaker', 'billingContact'] },
    });
    const after = await codes(firma.id);
    expect(after).not.toContain('company.noDecisionMaker');
    expect(after).not.toContain('company.noBillingContact');
  });

  it("shows company findings on a staff member's card", async () => {
    const firma = await createContact(
      t,
      company('Kartenfirma GmbH', {
        relationships: ['customer'],
        emails: [{ address: 'info@kartenfirma.de', primary: true }],
      }),
    );
    await createContact(t, person('Karla', 'Karte', { companyId: firma.id, ...withEmail('karla@kartenfirma.de') }));
    const [card] = (await t.request({ method: 'GET', url: '/api/v1/cards?email=karla%40kartenfirma.de' })).json().cards;
    expect(card.quality.map((f: { code: string }) => f.code)).toContain('company.noDecisionMaker');
  });
});

describe("a company's people", () => {
  it('lists the live people of a company with their roles, by name, and nothing of another tenant', async () => {
    const firma = await createContact(t, company('Leutewerk GmbH', { relationships: ['customer'] }));
    await createContact(t, person('Zita', 'Zander', { companyId: firma.id, roles: ['billingContact'] }));
    await createContact(t, person('Anton', 'Adler', { companyId: firma.id, position: 'Einkauf' }));
    const gone = await createContact(t, person('Gerd', 'Gegangen', { companyId: firma.id }));
    await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${gone.id}/archive`,
      payload: { reason: 'Ausgeschieden' },
    });

    const res = await t.request({ method: 'GET', url: `/api/v1/contacts/${firma.id}/people` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: expect.any(String), displayName: 'Anton Adler', position: 'Einkauf', roles: [] },
      { id: expect.any(String), displayName: 'Zita Zander', roles: ['billingContact'] },
    ]);

    const other = await t.request(
      { method: 'GET', url: `/api/v1/contacts/${firma.id}/people` },
      { tenantId: TENANT_B },
    );
    expect(other.statusCode).toBe(404);
  });

  it('answers 404 for a person and for an id that does not exist', async () => {
    const someone = await createContact(t, person('Paul', 'Person'));
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${someone.id}/people` })).statusCode).toBe(404);
    const missing = await t.request({ method: 'GET', url: '/api/v1/contacts/aaaaaaaaaaaaaaaaaaaaaaaa/people' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});
