import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, localDate } from '@klarkonform/shared';
import type { LeadReviewPage } from '../../shared/src/http/api-client';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The lead state machine through the API: PATCH takes the plain changes between open statuses
// and refuses the others with a message naming the action; POST /contacts/:id/lead-status runs
// every change (If-Match, audit, roles); its undo takes the last one back.

type Json = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DE = { 'accept-language': 'de-DE' };
const EN = { 'accept-language': 'en-GB' };
const READ_ONLY = { roles: ['CRM.ReadOnly'] } as const;
const SERVICE = { roles: ['CRM.Service'] } as const;

const get = async (id: string): Promise<Contact> =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();
const history = async (id: string): Promise<Json[]> =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/history` })).json().items;
const inReview = async (id: string): Promise<boolean> => {
  const items: Array<{ contact: Contact }> = [];
  let cursor: string | null = null;
  do {
    const page: LeadReviewPage = (
      await t.request({ method: 'GET', url: `/api/v1/leads?limit=100${cursor ? `&cursor=${cursor}` : ''}` })
    ).json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items.some((item) => item.contact.id === id);
};

const patch = (id: string, version: number | undefined, payload: Json, headers: Json = DE, as = {}) =>
  t.request(
    {
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      headers: { ...headers, ...(version !== undefined ? { 'if-match': `"${version}"` } : {}) },
      payload,
    },
    as,
  );
const changeStatus = (id: string, version: number | undefined, payload: Json, headers: Json = DE, as = {}) =>
  t.request(
    {
      method: 'POST',
      url: `/api/v1/contacts/${id}/lead-status`,
      headers: { ...headers, ...(version !== undefined ? { 'if-match': `"${version}"` } : {}) },
      payload,
    },
    as,
  );
const undo = (id: string, version: number, payload: Json = {}, as = {}) =>
  t.request(
    {
      method: 'POST',
      url: `/api/v1/contacts/${id}/lead-status/undo`,
      headers: { ...DE, 'if-match': `"${version}"` },
      payload,
    },
    as,
  );

const make = async (body: Json): Promise<Contact> => (await createContact(t, body)) as unknown as Contact;
const newLead = (name: string, lead: Json = { source: 'tradeFair' }) =>
  make(company(name, { relationships: ['lead'], lead }));

describe('PATCH and the lead status', () => {
  it('takes a change between open statuses and counts it as activity', async () => {
    const lead = await newLead('Patchbar GmbH');
    const res = await patch(lead.id, lead.version, { lead: { source: 'tradeFair', status: 'qualifying' } });
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved.lead.status).toBe('qualifying');
    expect(Date.parse(saved.lead.lastActivityAt)).toBeGreaterThan(Date.parse(lead.lead?.lastActivityAt ?? ''));
    expect(await inReview(lead.id)).toBe(true);
    // A lead edit without a status keeps it, and a mere edit is no status change.
    const edited = (await patch(lead.id, saved.version, { lead: { source: 'website', nextSteps: 'Anrufen' } })).json();
    expect(edited.lead).toEqual({
      source: 'website',
      nextSteps: 'Anrufen',
      status: 'qualifying',
      lastActivityAt: saved.lead.lastActivityAt,
    });
  });

  it.each([
    ['won', 'Zum Kunden machen', 'Convert to customer'],
    ['lost', 'Verloren …', 'Lost …'],
    ['archived', 'Archivieren …', 'Archive …'],
  ])('refuses the status %s with a message naming the action, and changes nothing', async (status, de, en) => {
    const lead = await newLead(`Nicht per Patch ${status} GmbH`);
    const res = await patch(lead.id, lead.version, { lead: { source: 'tradeFair', status } });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.errors[0].field).toBe('body.lead.status');
    expect(problem.detail).toContain(de);
    expect(problem.detail).toContain(`/api/v1/contacts/${lead.id}/lead-status`);
    const english = (await patch(lead.id, lead.version, { lead: { status } }, EN)).json();
    expect(english.detail).toContain(en);
    expect(await get(lead.id)).toMatchObject({ version: lead.version, lead: { status: 'new' } });
  });

  it('refuses any status change of a won lead', async () => {
    const lead = await newLead('Schon Kunde GmbH');
    const won = (await changeStatus(lead.id, lead.version, { status: 'won' })).json().contact;
    const res = await patch(won.id, won.version, { lead: { status: 'offer' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      'Der Lead ist gewonnen und damit Kunde; sein Lead-Status lässt sich nicht mehr ändern.',
    );
    // Editing the rest of a won lead's data is fine.
    expect((await patch(won.id, won.version, { lead: { status: 'won', nextSteps: 'Onboarding' } })).statusCode).toBe(
      200,
    );
  });
});

describe('POST /contacts/:id/lead-status', () => {
  it('qualifies with If-Match and writes an audit entry of the change', async () => {
    const lead = await newLead('Qualifix GmbH');
    expect((await changeStatus(lead.id, undefined, { status: 'qualifying' })).statusCode).toBe(428);
    expect((await changeStatus(lead.id, lead.version + 1, { status: 'qualifying' })).statusCode).toBe(412);
    const res = await changeStatus(lead.id, lead.version, { status: 'qualifying' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe(`"${lead.version + 1}"`);
    const { contact, people } = res.json();
    expect(people).toEqual([]);
    expect(contact.lead.status).toBe('qualifying');
    const [entry] = await history(lead.id);
    expect(entry).toMatchObject({ action: 'lead', actor: { id: 'user-a' } });
    expect(entry?.changes).toEqual([{ field: 'lead', before: lead.lead, after: contact.lead }]);
  });

  it('wins: Lead → Kunde, "Kunde seit" today, out of the review; a retry changes nothing', async () => {
    const lead = await newLead('Gewinner GmbH', { source: 'referral', status: 'offer' });
    const res = await changeStatus(lead.id, lead.version, { status: 'won' });
    expect(res.statusCode).toBe(200);
    const won = res.json().contact;
    expect(won).toMatchObject({
      relationships: ['customer'],
      customerSince: localDate(new Date()),
      lead: { status: 'won', source: 'referral' },
      archived: null,
    });
    expect(await inReview(lead.id)).toBe(false);
    const retry = await changeStatus(lead.id, lead.version, { status: 'won' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().contact.version).toBe(won.version);
    expect((await history(lead.id)).filter((e) => e.action === 'lead')).toHaveLength(1);
  });

  it('wins a company with its people that are leads, each audited, and undoes all of it', async () => {
    const firm = await newLead('Mitnahme AG');
    const anna = await make(person('Anna', 'Mitnahme', { companyId: firm.id, relationships: ['lead'] }));
    const bert = await make(person('Bert', 'Mitnahme', { companyId: firm.id, relationships: ['lead'] }));
    const carl = await make(person('Carl', 'Mitnahme', { companyId: firm.id, relationships: ['supplier'] }));
    const res = await changeStatus(firm.id, firm.version, { status: 'won', includePeople: true });
    expect(res.statusCode).toBe(200);
    const { contact, people } = res.json();
    expect(people.map((p: Contact) => p.displayName).sort()).toEqual(['Anna Mitnahme', 'Bert Mitnahme']);
    for (const p of people) expect(p).toMatchObject({ relationships: ['customer'], lead: { status: 'won' } });
    expect((await get(carl.id)).version).toBe(carl.version);
    expect((await history(anna.id))[0]).toMatchObject({ action: 'lead' });
    // A retry of the whole action wins nobody twice.
    const again = (await changeStatus(firm.id, firm.version, { status: 'won', includePeople: true })).json();
    expect(again.people).toEqual([]);

    // Bert is changed in the meantime: his win stays, the others are taken back.
    const bertWon = people.find((p: Json) => p.id === bert.id);
    await patch(bert.id, bertWon.version, { tags: ['VIP'] });
    const undone = await undo(firm.id, contact.version, {
      people: people.map((p: Json) => ({ id: p.id, version: p.version })),
    });
    expect(undone.statusCode).toBe(200);
    const result = undone.json();
    expect(result.contact).toMatchObject({ relationships: ['lead'], lead: firm.lead, archived: null });
    expect(result.contact.customerSince).toBeUndefined();
    expect(result.people.map((p: Json) => p.id)).toEqual([anna.id]);
    expect(result.skipped).toEqual([bert.id]);
    expect(await get(anna.id)).toMatchObject({ relationships: ['lead'], lead: { status: 'new' } });
    expect((await get(bert.id)).relationships).toEqual(['customer']);
    expect((await history(firm.id))[0]).toMatchObject({ action: 'leadUndo' });
    expect((await history(anna.id))[0]).toMatchObject({ action: 'leadUndo' });
    expect(await inReview(firm.id)).toBe(true);
  });

  it('undoes only the last change, and only a lead status change', async () => {
    const lead = await newLead('Einmal Zurück GmbH');
    const won = (await changeStatus(lead.id, lead.version, { status: 'won' })).json().contact;
    const edited = (await patch(lead.id, won.version, { tags: ['Neu'] })).json();
    expect((await undo(lead.id, won.version)).statusCode).toBe(412);
    const refused = await undo(lead.id, edited.version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Rückgängig geht nur direkt nach einem Lead-Statuswechsel');
    expect((await get(lead.id)).relationships).toEqual(['customer']);
  });

  it('loses with a reason: archived with it, out of the review; reopening brings it back', async () => {
    const lead = await newLead('Verlierer KG');
    const missing = await changeStatus(lead.id, lead.version, { status: 'lost' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toEqual({
      field: 'body.reason',
      message: 'ist für „Verloren“ und „Archiviert“ nötig (mindestens 3 Zeichen)',
    });
    const lost = (await changeStatus(lead.id, lead.version, { status: 'lost', reason: 'Preis zu hoch' })).json()
      .contact;
    expect(lost).toMatchObject({
      lead: { status: 'lost' },
      archived: { reason: 'Preis zu hoch' },
      relationships: ['lead'],
    });
    expect(await inReview(lead.id)).toBe(false);
    const won = await changeStatus(lead.id, lost.version, { status: 'won' });
    expect(won.statusCode).toBe(409);
    expect(won.json().detail).toBe('Der Lead-Status kann nicht von „Verloren“ zu „Gewonnen“ wechseln.');
    const reopened = (await changeStatus(lead.id, lost.version, { status: 'qualifying' })).json().contact;
    expect(reopened).toMatchObject({ lead: { status: 'qualifying' }, archived: null });
    expect(await inReview(lead.id)).toBe(true);
  });

  it('archives through the route and through the archive route alike, and restores as new', async () => {
    const a = await newLead('Archiv Eins GmbH');
    const viaStatus = (await changeStatus(a.id, a.version, { status: 'archived', reason: 'Kein Bedarf' })).json()
      .contact;
    expect(viaStatus).toMatchObject({ lead: { status: 'archived' }, archived: { reason: 'Kein Bedarf' } });
    const b = await newLead('Archiv Zwei GmbH', { source: 'website', status: 'offer' });
    const viaArchive = await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${b.id}/archive`,
      payload: { reason: 'Seit über 12 Monaten kein Kontakt' },
    });
    expect(viaArchive.json()).toMatchObject({
      lead: { status: 'archived' },
      archived: { reason: 'Seit über 12 Monaten kein Kontakt' },
    });
    expect(await inReview(b.id)).toBe(false);
    const restored = (await t.request({ method: 'POST', url: `/api/v1/contacts/${b.id}/unarchive` })).json();
    expect(restored).toMatchObject({ lead: { status: 'new', source: 'website' }, archived: null });
    expect(await inReview(b.id)).toBe(true);
  });

  it('refuses read-only users, lets Service users win but not lose, and hides other tenants', async () => {
    const lead = await newLead('Rechte GmbH');
    const readOnly = await changeStatus(lead.id, lead.version, { status: 'qualifying' }, DE, READ_ONLY);
    expect(readOnly.statusCode).toBe(403);
    expect((await patch(lead.id, lead.version, { lead: { status: 'qualifying' } }, DE, READ_ONLY)).statusCode).toBe(
      403,
    );
    const lost = await changeStatus(lead.id, lead.version, { status: 'lost', reason: 'Kein Budget' }, DE, SERVICE);
    expect(lost.statusCode).toBe(403);
    expect(lost.json().detail).toContain('contacts:archive');
    expect((await get(lead.id)).version).toBe(lead.version);
    const won = await changeStatus(lead.id, lead.version, { status: 'won' }, DE, SERVICE);
    expect(won.statusCode).toBe(200);
    expect((await undo(lead.id, won.json().contact.version, {}, READ_ONLY)).statusCode).toBe(403);
    const other = await changeStatus(lead.id, won.json().contact.version, { status: 'won' }, DE, {
      tenantId: TENANT_B,
    });
    expect(other.statusCode).toBe(404);
  });

  it('refuses a contact that is not a lead, and unknown fields', async () => {
    const customer = await make(company('Nur Kunde GmbH', { relationships: ['customer'] }));
    const res = await changeStatus(customer.id, customer.version, { status: 'won' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Dieser Kontakt ist kein Lead; setzen Sie zuerst die Beziehung „Lead“.');
    expect((await changeStatus(customer.id, customer.version, { status: 'won', extra: 1 })).statusCode).toBe(400);
    expect((await changeStatus(customer.id, customer.version, { status: 'gone' })).statusCode).toBe(400);
  });
});

describe('defaults on create', () => {
  it('a person at a customer starts as customer since the company, without lead findings', async () => {
    const firm = await make(company('Stammkunde GmbH', { relationships: ['customer'], customerSince: '2019-04-01' }));
    const p = await make(person('Clara', 'Neu', { companyId: firm.id, ...withEmail('clara.neu@stammkunde.de') }));
    expect(p).toMatchObject({ relationships: ['customer'], customerSince: '2019-04-01' });
    expect(p.lead).toBeUndefined();
    const supplier = await make(company('Zulieferer AG', { relationships: ['supplier', 'partner'] }));
    const q = await make(person('Dirk', 'Zulieferer', { companyId: supplier.id }));
    expect(q.relationships).toEqual(['supplier', 'partner']);
    // Explicit relationships win.
    const r = await make(person('Eva', 'Neu', { companyId: firm.id, relationships: ['lead'] }));
    expect(r.relationships).toEqual(['lead']);
  });

  it('a new lead starts as status new, so "Lead ohne Lead-Angaben" never appears', async () => {
    const p = await make(person('Frida', 'Frisch', { relationships: ['lead'], ...withEmail('frida@frisch.de') }));
    expect(p.lead?.status).toBe('new');
    expect(Date.parse(p.lead?.lastActivityAt ?? '')).toBeLessThanOrEqual(Date.parse(p.createdAt));
    const findings = (await t.request({ method: 'GET', url: `/api/v1/contacts/${p.id}/quality` })).json().findings;
    const codes = findings.map((f: Json) => f.code);
    expect(codes).not.toContain('lead.noLeadData');
    expect(codes).not.toContain('lead.noStatus');
    const plain = await make(person('Gerd', 'Ohne'));
    expect(plain.relationships).toEqual([]);
  });

  it('keeps leads closed before the state machine existed out of the review', async () => {
    const old = await newLead('Altbestand GmbH', { source: 'website', status: 'archived' });
    expect(await inReview(old.id)).toBe(false);
  });
});
