import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createOpportunity, patchOpportunity } from '../support/opportunities';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The card carries the contact's sales work in the same request (issue 12): its newest three
// activities, its open follow-ups (due first, five shown, all counted) and the open opportunities
// with it or its company (closing first) — by address and by contact id alike.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function activity(contactIds: unknown[], subject: string, daysAgo: number) {
  const occurredAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/activities',
    headers: { 'idempotency-key': randomUUID() },
    payload: { type: 'call', subject, occurredAt, contactIds },
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function cardOf(email: string, as = {}) {
  const res = await t.request({ method: 'GET', url: `/api/v1/cards?email=${encodeURIComponent(email)}` }, as);
  expect(res.statusCode).toBe(200);
  return res.json().cards[0];
}

describe('sales work on the card', () => {
  it('shows the newest activities, the open follow-ups and the open opportunities', async () => {
    const firm = await createContact(t, company('Vertriebswerk GmbH', withEmail('info@vertriebswerk.de')));
    const vera = await createContact(
      t,
      person('Vera', 'Verkauf', { companyId: firm.id, ...withEmail('vera@vertriebswerk.de') }),
    );
    const kurt = await createContact(t, person('Kurt', 'Kollege', { companyId: firm.id }));
    for (const [subject, days] of [
      ['Erstes Gespräch', 30],
      ['Rückfrage Preise', 10],
      ['Angebot besprochen', 2],
      ['Termin bestätigt', 1],
    ] as const) {
      await activity([vera.id], subject, days);
    }
    await activity([kurt.id], 'Nur mit Kurt', 0);

    for (const days of [5, -2, 0, 9, 3, 1, 20]) {
      await createFollowUp(t, { title: `Nachfassen ${days}`, dueDate: berlinDay(days), contactId: vera.id });
    }
    const done = await createFollowUp(t, { title: 'Schon erledigt', dueDate: berlinDay(-9), contactId: vera.id });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${done.id}`,
      headers: { 'if-match': '"1"' },
      payload: { state: 'done' },
    });

    const month = berlinDay(0).slice(0, 7);
    await createOpportunity(t, {
      title: 'Rahmenvertrag',
      contactId: vera.id,
      amountCents: 500_000,
      expectedCloseDate: `${month}-28`,
    });
    await createOpportunity(t, {
      title: 'Standort Süd',
      contactId: firm.id,
      amountCents: 2_000_000,
      expectedCloseDate: `${month}-02`,
    });
    await createOpportunity(t, { title: 'Ohne Datum', contactId: kurt.id, amountCents: 10_000 });
    const lost = await createOpportunity(t, { title: 'Verloren', contactId: vera.id, amountCents: 1 });
    const closed = await patchOpportunity(t, String(lost.id), 1, { stage: 'lost', lossReason: 'Zu teuer' });
    expect(closed.statusCode).toBe(200);

    const card = await cardOf('Vera@Vertriebswerk.de');
    // Completing the follow-up just now put a note on her timeline: it is the newest.
    expect(card.recentActivities.map((a: { subject: string }) => a.subject)).toEqual([
      'Wiedervorlage erledigt: Schon erledigt',
      'Termin bestätigt',
      'Angebot besprochen',
    ]);
    expect(card.openFollowUps.map((f: { title: string }) => f.title)).toEqual([
      'Nachfassen -2',
      'Nachfassen 0',
      'Nachfassen 1',
      'Nachfassen 3',
      'Nachfassen 5',
    ]);
    expect(card.openFollowUpCount).toBe(7);
    // Hers and her company's (which include Kurt's), closing first; the lost one is not open.
    expect(card.openOpportunities.map((o: { title: string }) => o.title)).toEqual([
      'Standort Süd',
      'Rahmenvertrag',
      'Ohne Datum',
    ]);
    expect(card.openOpportunityCount).toBe(3);

    // The card by id says the same.
    const byId = (await t.request({ method: 'GET', url: `/api/v1/contacts/${vera.id}/card` })).json();
    expect(byId.recentActivities).toEqual(card.recentActivities);
    expect(byId.openFollowUps).toEqual(card.openFollowUps);
    expect(byId.openOpportunities).toEqual(card.openOpportunities);

    // The company's own card: its history includes its people's, its opportunities all three.
    const firmCard = await cardOf('info@vertriebswerk.de');
    expect(firmCard.recentActivities.map((a: { subject: string }) => a.subject)).toEqual([
      'Wiedervorlage erledigt: Schon erledigt',
      'Nur mit Kurt',
      'Termin bestätigt',
    ]);
    expect(firmCard.openOpportunityCount).toBe(3);
    expect(firmCard.openFollowUpCount).toBe(0);
  });

  it('shows nothing of another tenant, and nothing for unknown senders', async () => {
    const olaf = await createContact(t, person('Olaf', 'Offen', withEmail('olaf@offen.de')));
    await activity([olaf.id], 'Gespräch', 1);
    await createFollowUp(t, { title: 'Anrufen', dueDate: berlinDay(1), contactId: olaf.id });
    // Tenant B knows the same address as its own contact, without any work on it.
    await createContact(t, person('Olaf', 'Offen', withEmail('olaf@offen.de')), { tenantId: TENANT_B });
    const theirs = await cardOf('olaf@offen.de', { tenantId: TENANT_B });
    expect(theirs.status).toBe('known');
    expect(theirs.recentActivities).toEqual([]);
    expect(theirs.openFollowUps).toEqual([]);
    expect(theirs.openOpportunities).toEqual([]);
    const stranger = await cardOf('neu@offen.de');
    expect(stranger.status).toBe('unknown');
    expect(stranger.recentActivities).toBeUndefined();
  });
});
