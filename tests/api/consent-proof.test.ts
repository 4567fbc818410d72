import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// "Double-Opt-in bestätigt" needs proof: the open double-opt-in request it confirms, or a proof
// reference of its own. Without either it is refused, and a confirmation stored without either
// (legacy data) never makes "Marketing-E-Mail erlaubt".

type Json = Record<string, unknown>;
const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const record = (id: unknown, body: Json, lang = 'de') =>
  t.request({
    method: 'POST',
    url: `/api/v1/contacts/${id}/consent-events`,
    headers: { 'accept-language': lang },
    payload: body,
  });
const contact = async (id: unknown) => (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();
const marketing = async (id: unknown) =>
  (
    await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/consent-decision?channel=email&purpose=marketing` })
  ).json();
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const confirmation = { channel: 'email', type: 'doubleOptInConfirmed', source: 'Newsletter-Formular' };

describe('recording a double-opt-in confirmation', () => {
  it('is refused without an open request and without proof, in German or English, and changes nothing', async () => {
    const c = await createContact(t, person('Doris', 'Doi', withEmail('doris@doi.de')));
    const before = await contact(c.id);
    const de = await record(c.id, confirmation);
    expect(de.statusCode).toBe(409);
    expect(de.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(de.json()).toMatchObject({ title: 'Konflikt', code: 'conflict' });
    expect(de.json().detail).toMatch(
      /^Nachweis: Eine Double-Opt-in-Bestätigung braucht eine offene Double-Opt-in-Anfrage/,
    );
    expect(de.json().errors).toEqual([{ field: 'body.proof', message: expect.stringMatching(/oder einen Nachweis/) }]);
    const en = await record(c.id, confirmation, 'en');
    expect(en.statusCode).toBe(409);
    expect(en.json().detail).toMatch(/^Proof: A double opt-in confirmation needs an open double opt-in request/);
    const blank = await record(c.id, { ...confirmation, proof: ' \u200b ' });
    expect(blank.statusCode).toBe(409);
    expect(await contact(c.id)).toEqual(before);
    expect(await marketing(c.id)).toMatchObject({ allowed: false, reason: 'noConsent' });
  });

  it('is accepted with a proof reference, and then allows marketing email', async () => {
    const c = await createContact(t, person('Paul', 'Proof', withEmail('paul@proof.de')));
    const res = await record(c.id, { ...confirmation, proof: 'Klick-Protokoll 2026-03-02 09:14, Mail-ID 4711' });
    expect(res.statusCode).toBe(200);
    expect(await marketing(c.id)).toMatchObject({ allowed: true, reason: 'consentGranted' });
  });

  it('is accepted without proof when it answers the open request of the channel', async () => {
    const c = await createContact(t, person('Rita', 'Request', withEmail('rita@request.de')));
    const request = await record(c.id, {
      channel: 'email',
      type: 'doubleOptInRequested',
      source: 'Newsletter-Formular',
      at: daysAgo(2),
    });
    expect(request.statusCode).toBe(200);
    expect(await marketing(c.id)).toMatchObject({ allowed: false, reason: 'doubleOptInPending' });
    // Another channel's request proves nothing here.
    const elsewhere = await record(c.id, { ...confirmation, channel: 'newsletter' });
    expect(elsewhere.statusCode).toBe(409);
    expect((await record(c.id, confirmation)).statusCode).toBe(200);
    expect(await marketing(c.id)).toMatchObject({ allowed: true, reason: 'consentGranted' });
    // The request is answered: a second bare confirmation has nothing left to confirm.
    expect((await record(c.id, confirmation)).statusCode).toBe(409);
  });

  it('is refused when the request expired, was followed by an opt-out, or came after the confirmation', async () => {
    const expired = await createContact(t, person('Ernst', 'Expired'));
    await record(expired.id, { channel: 'email', type: 'doubleOptInRequested', source: 'Formular', at: daysAgo(45) });
    expect((await record(expired.id, confirmation)).statusCode).toBe(409);

    const objected = await createContact(t, person('Olaf', 'Objected'));
    await record(objected.id, { channel: 'email', type: 'doubleOptInRequested', source: 'Formular', at: daysAgo(3) });
    await record(objected.id, { channel: 'email', type: 'optOut', source: 'Antwort', at: daysAgo(2) });
    expect((await record(objected.id, confirmation)).statusCode).toBe(409);

    const early = await createContact(t, person('Erika', 'Early'));
    await record(early.id, { channel: 'email', type: 'doubleOptInRequested', source: 'Formular', at: daysAgo(1) });
    expect((await record(early.id, { ...confirmation, at: daysAgo(5) })).statusCode).toBe(409);
    expect((await contact(early.id)).consent.channels.email).toHaveLength(1);
  });
});

describe('a confirmation stored without request or proof (legacy data)', () => {
  it('does not count: no marketing email, the card says why, and data care flags it', async () => {
    const c = await createContact(
      t,
      person('Lotte', 'Legacy', {
        legalBasis: 'contract',
        relationships: ['customer'],
        ...withEmail('lotte@legacy.de'),
      }),
    );
    // As an earlier version or an import stored it: a bare confirmation, no request, no proof
    // (every write advances the version; the engine refuses one that does not).
    await t.app.mongo.db!.collection('contacts').updateOne({ _id: new Types.ObjectId(String(c.id)) }, {
      $push: {
        'consent.channels.email': {
          id: new Types.ObjectId().toHexString(),
          type: 'doubleOptInConfirmed',
          at: daysAgo(400),
          source: 'Import 2024',
          recordedBy: { id: 'import', name: 'Import' },
        },
      },
      $inc: { version: 1 },
    } as never);
    expect(await marketing(c.id)).toEqual({
      allowed: false,
      reason: 'unprovenConfirmation',
      channel: 'email',
      purpose: 'marketing',
    });
    const service = await t.request({
      method: 'GET',
      url: `/api/v1/contacts/${c.id}/consent-decision?channel=email&purpose=service`,
    });
    expect(service.json()).toMatchObject({ allowed: true, reason: 'contract' });

    const cards = (await t.request({ method: 'GET', url: '/api/v1/cards?email=lotte@legacy.de' })).json();
    const card = cards.cards?.[0] ?? cards;
    expect(card.marketingEmailAllowed).toMatchObject({ allowed: false, reason: 'unprovenConfirmation' });
    expect(card.consent.email.status).toBe('none');

    const findings = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}/quality` })).json().findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'contact.consentWithoutProof', field: 'consent.email' }),
    );

    // Recording it again with its proof makes it count.
    const proven = await record(c.id, {
      ...confirmation,
      proof: 'Bestätigungs-Mail vom 03.02.2025 (Ablage DSGVO/2025)',
    });
    expect(proven.statusCode).toBe(200);
    expect(await marketing(c.id)).toMatchObject({ allowed: true, reason: 'consentGranted' });
  });
});
