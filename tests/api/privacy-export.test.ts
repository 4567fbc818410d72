import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createOpportunity } from '../support/opportunities';
import { readPdf } from '../support/pdf-text';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The access (Art. 15) / portability (Art. 20) export of one person (issue 15, Part A): every
// collection's data about them in the JSON, item by item; the same as a readable PDF; producing
// it is audited; permissions and tenant isolation.

type Json = Record<string, unknown>;
const AS_DPO = { roles: ['CRM.DataProtection'] } as never;
const AS_SALES = { roles: ['CRM.Sales'] } as never;

let t: TestApp;
let jorg: Json;
const made = {} as Record<'activity' | 'followUp' | 'opportunity' | 'request', Record<string, string>>;
beforeAll(async () => {
  t = await createTestApp();
  jorg = await createContact(
    t,
    person('Jörg', 'Übermaß', { ...withEmail('joerg@uebermass.de'), position: 'Geschäftsführer' }),
  );
  const post = async (url: string, payload: Json, headers: Record<string, string> = {}) => {
    const res = await t.request({ method: 'POST', url, payload, headers });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await post(`/api/v1/contacts/${jorg.id}/consent-events`, {
    channel: 'newsletter',
    type: 'optIn',
    source: 'Messe Köln',
    proof: 'Unterschriebenes Formular Nr. 4711',
  });
  await post(`/api/v1/contacts/${jorg.id}/notes/history`, { event: 'Erstgespräch über Wärmepumpen' });
  await post(`/api/v1/contacts/${jorg.id}/notes/open-items`, { text: 'Angebot für Süßwarenlager schicken' });
  made.activity = await post(
    '/api/v1/activities',
    {
      type: 'call',
      subject: 'Rückruf wegen Größe',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      contactIds: [jorg.id],
    },
    { 'idempotency-key': randomUUID() },
  );
  made.followUp = <Record<string, string>>(
    await createFollowUp(t, { title: 'Nachfassen Übergabe', dueDate: berlinDay(3), contactId: jorg.id })
  );
  made.opportunity = <Record<string, string>>await createOpportunity(t, {
    title: 'Wärmepumpe Straße 5',
    contactId: jorg.id,
    amountCents: 1_250_000,
  });
  made.request = await post(
    '/api/v1/privacy/requests',
    { type: 'access', requester: { name: 'Jörg Übermaß', channel: 'letter' }, contactIds: [jorg.id] },
    { 'idempotency-key': randomUUID() },
  );
});
afterAll(() => t.close());

const exportOf = (id: unknown, format: string, as = {}) =>
  t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${id}/export?format=${format}` }, as);

describe('the JSON export', () => {
  it('holds the master data, consent with proof, notes, activities, follow-ups, opportunities, requests, audit and mirror state', async () => {
    const res = await exportOf(jorg.id, 'json', AS_DPO);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/auskunft-C\d+\.json/);
    const data = res.json();
    expect(data).toMatchObject({ schema: 'klarkonform.privacy-export/1', exportedBy: { name: 'Test User' } });
    expect(data.contact).toMatchObject({
      id: jorg.id,
      firstName: 'Jörg',
      lastName: 'Übermaß',
      position: 'Geschäftsführer',
      emails: [{ address: 'joerg@uebermass.de', primary: true }],
    });
    expect(data.contact.consent.channels.newsletter).toEqual([
      expect.objectContaining({ type: 'optIn', source: 'Messe Köln', proof: 'Unterschriebenes Formular Nr. 4711' }),
    ]);
    expect(data.contact.notes.history).toEqual([expect.objectContaining({ event: 'Erstgespräch über Wärmepumpen' })]);
    expect(data.contact.notes.openItems).toEqual([
      expect.objectContaining({ text: 'Angebot für Süßwarenlager schicken' }),
    ]);
    expect(data.activities.map((a: Json) => a.id)).toEqual([made.activity.id]);
    expect(data.activities[0]).toMatchObject({ subject: 'Rückruf wegen Größe', type: 'call' });
    expect(data.followUps).toEqual([expect.objectContaining({ id: made.followUp.id, title: 'Nachfassen Übergabe' })]);
    expect(data.opportunities).toEqual([
      expect.objectContaining({ id: made.opportunity.id, title: 'Wärmepumpe Straße 5', amountCents: 1_250_000 }),
    ]);
    expect(data.privacyRequests).toEqual([
      expect.objectContaining({ id: made.request.id, reference: made.request.reference }),
    ]);
    // Without Graph credentials the mirror is off: the Outlook copy's state says so.
    expect(data.mirror).toEqual({ syncStatus: 'disabled' });
    const actions = data.audit.map((a: Json) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'consent', 'note', 'privacyExport']));
    expect(actions[0]).toBe('privacyExport');
  });

  it('is audited on every read, with its format', async () => {
    await exportOf(jorg.id, 'json');
    await exportOf(jorg.id, 'pdf');
    const history = await t.request({ method: 'GET', url: `/api/v1/contacts/${jorg.id}/history` });
    expect(history.statusCode).toBe(200);
    const exports = (history.json().items ?? history.json()).filter((e: Json) => e.action === 'privacyExport');
    expect(exports.length).toBeGreaterThanOrEqual(3);
    expect(exports[0].changes).toEqual([{ field: 'format', after: 'pdf' }]);
  });
});

describe('the PDF export', () => {
  it('is a valid PDF with the person’s data in readable German text', async () => {
    const res = await exportOf(jorg.id, 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    const { pages, text } = readPdf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'Auskunft nach Art. 15 DSGVO',
      'Übermaß',
      'joerg@uebermass.de',
      'Messe Köln',
      'Unterschriebenes Formular Nr. 4711',
      'Erstgespräch über Wärmepumpen',
      'Süßwarenlager',
      'Rückruf wegen Größe',
      'Nachfassen Übergabe',
      'Wärmepumpe Straße 5',
      made.request.reference,
      'disabled',
      'privacyExport',
    ]) {
      expect(text.replace(/\n/g, ''), expected).toContain(expected);
    }
  });
});

describe('access', () => {
  it('needs privacy:manage; another tenant’s contact answers 404; a bad format 400', async () => {
    expect((await exportOf(jorg.id, 'json', AS_SALES)).statusCode).toBe(403);
    expect((await exportOf(jorg.id, 'json', { tenantId: TENANT_B })).statusCode).toBe(404);
    const bad = await exportOf(jorg.id, 'docx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.format');
  });
});
