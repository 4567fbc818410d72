import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createOpportunity, patchOpportunity } from '../support/opportunities';
import { createTestApp, type TestApp } from '../support/test-app';

// Sales work follows its contact: a merge hands the duplicate's opportunities, follow-ups and
// timeline entries to the survivor (nothing is left pointing at a merged-away contact), and an
// archived contact's opportunities can still be closed and its follow-ups completed into history.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const call = async (contactIds: unknown[], subject: string) => {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/activities',
    headers: { 'idempotency-key': randomUUID() },
    payload: { type: 'call', subject, contactIds },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const merge = async (survivorId: unknown, duplicateId: unknown) => {
  const res = await t.request({ method: 'POST', url: '/api/v1/contacts/merge', payload: { survivorId, duplicateId } });
  expect(res.statusCode, res.body).toBe(200);
};

describe('a merge moves the sales work to the survivor', () => {
  it('moves opportunities, follow-ups and timeline entries of people and companies', async () => {
    const firm = await createContact(t, company('Zusammen GmbH', withEmail('info@zusammen.de')));
    const twinFirm = await createContact(t, company('Zusammen GmbH (alt)'));
    const max = await createContact(
      t,
      person('Max', 'Zusammen', { companyId: firm.id, ...withEmail('max@zusammen.de') }),
    );
    const maxi = await createContact(t, person('Maxi', 'Zusammen', { companyId: twinFirm.id }));

    const personDeal = await createOpportunity(t, {
      title: 'Deal des Duplikats',
      contactId: maxi.id,
      amountCents: 50_000,
    });
    const firmDeal = await createOpportunity(t, {
      title: 'Deal der alten Firma',
      contactId: twinFirm.id,
      amountCents: 70_000,
    });
    const followUp = await createFollowUp(t, { title: 'Duplikat anrufen', contactId: maxi.id, dueDate: berlinDay(2) });
    await call([maxi.id], 'Gespräch mit dem Duplikat');

    await merge(max.id, maxi.id);
    await merge(firm.id, twinFirm.id);

    const deal = await get(`/api/v1/opportunities/${personDeal.id}`);
    expect(deal).toMatchObject({ contactId: max.id, contactName: 'Max Zusammen' });
    expect(await get(`/api/v1/opportunities/${firmDeal.id}`)).toMatchObject({
      contactId: firm.id,
      contactName: 'Zusammen GmbH',
    });
    expect(await get(`/api/v1/follow-ups/${followUp.id}`)).toMatchObject({
      contactId: max.id,
      contactName: 'Max Zusammen',
    });
    const timeline = await get(`/api/v1/contacts/${max.id}/activities`);
    expect(timeline.items.map((a: { subject: string }) => a.subject)).toContain('Gespräch mit dem Duplikat');
    expect(
      timeline.items.find((a: { subject: string }) => a.subject === 'Gespräch mit dem Duplikat').contactIds,
    ).toEqual([max.id]);

    // The survivor's card carries it all; the lists by contact find it under the survivor.
    const card = (await get('/api/v1/cards?email=max@zusammen.de')).cards[0];
    expect(card.openOpportunities.map((o: { title: string }) => o.title)).toEqual(
      expect.arrayContaining(['Deal des Duplikats', 'Deal der alten Firma']),
    );
    expect(card.openFollowUps.map((f: { title: string }) => f.title)).toEqual(['Duplikat anrufen']);
    expect((await get(`/api/v1/opportunities?contactId=${maxi.id}`)).items).toEqual([]);

    // And the moved opportunity can be won (its contact is live again).
    const won = await patchOpportunity(t, String(deal.id), deal.version, { stage: 'won' });
    expect(won.statusCode, won.body).toBe(200);
  });
});

describe('an archived contact’s sales work', () => {
  it('can still be closed and completed, and the completion goes into the history', async () => {
    const olga = await createContact(t, person('Olga', 'Archiv', withEmail('olga@archiv.de')));
    const deal = await createOpportunity(t, { title: 'Letzter Auftrag', contactId: olga.id, amountCents: 10_000 });
    const followUp = await createFollowUp(t, {
      title: 'Abschlussgespräch',
      contactId: olga.id,
      dueDate: berlinDay(-1),
    });
    const archived = await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${olga.id}/archive`,
      payload: { reason: 'Geschäft aufgegeben' },
    });
    expect(archived.statusCode).toBe(200);

    const won = await patchOpportunity(t, String(deal.id), Number(deal.version), { stage: 'won' });
    expect(won.statusCode, won.body).toBe(200);
    // Winning does not offer to convert an archived lead.
    expect(won.headers['x-lead-to-convert']).toBeUndefined();

    const done = await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${followUp.id}`,
      headers: { 'if-match': `"${followUp.version}"` },
      payload: { state: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const timeline = await get(`/api/v1/contacts/${olga.id}/activities`);
    expect(timeline.items.map((a: { subject: string }) => a.subject)).toEqual([
      'Wiedervorlage erledigt: Abschlussgespräch',
    ]);

    // A new entry by hand still needs a live contact.
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/activities',
      headers: { 'idempotency-key': randomUUID() },
      payload: { type: 'note', subject: 'Nachtrag', contactIds: [olga.id] },
    });
    expect(refused.statusCode).toBe(400);
  });
});
