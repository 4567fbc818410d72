import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_CHANNELS } from '@klarkonform/shared';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Objection to direct marketing (Art. 21, issue 15 Part A): one request records an opt-out on
// every channel through the consent path, on the contact's version, with an `objection` audit entry.

type Json = Record<string, unknown>;
const AS_DPO = { roles: ['CRM.DataProtection'] } as never;
const AS_SALES = { roles: ['CRM.Sales'] } as never;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const object = (id: unknown, version: unknown, body: Json, as = {}) =>
  t.request(
    {
      method: 'POST',
      url: `/api/v1/privacy/contacts/${id}/objection`,
      headers: { 'if-match': `"${version}"` },
      payload: body,
    },
    as,
  );
const decision = async (id: unknown, channel: string) =>
  (
    await t.request({
      method: 'GET',
      url: `/api/v1/contacts/${id}/consent-decision?channel=${channel}&purpose=marketing`,
    })
  ).json();

describe('an objection to direct marketing', () => {
  it('opts the person out on every channel at once, audited, and marketing is no longer allowed', async () => {
    const c = await createContact(t, person('Olga', 'Ohnewerbung', withEmail('olga@ohne.de')));
    await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${c.id}/consent-events`,
      payload: { channel: 'email', type: 'optIn', source: 'Webformular', proof: 'Formular-ID 17' },
    });
    expect((await decision(c.id, 'email')).allowed).toBe(true);
    const current = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).json();
    const res = await object(
      c.id,
      current.version,
      { source: 'Brief vom 28.11.', proof: 'Scan im DMS, Az. 12' },
      AS_DPO,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${current.version + 1}"`);
    const contact = res.json();
    for (const channel of CONSENT_CHANNELS) {
      const events = contact.consent.channels[channel] ?? [];
      expect(events.at(-1), channel).toMatchObject({
        type: 'optOut',
        source: 'Brief vom 28.11.',
        proof: 'Scan im DMS, Az. 12',
      });
      expect((await decision(c.id, channel)).allowed, channel).toBe(false);
    }
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}/history` })).json();
    const items = history.items ?? history;
    expect(items[0]).toMatchObject({ action: 'objection', actor: { id: 'user-a' } });
  });

  it('needs the current version (412 otherwise, nothing recorded) and bad input answers 400 naming the field', async () => {
    const c = await createContact(t, person('Paul', 'Parallel'));
    const stale = await object(c.id, 0, { source: 'Telefon' });
    expect(stale.statusCode).toBe(412);
    const after = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).json();
    expect(after.version).toBe(c.version);
    const noSource = await object(c.id, c.version, {});
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().errors[0].field).toBe('body.source');
    const extra = await object(c.id, c.version, { source: 'Telefon', channels: ['email'] });
    expect(extra.statusCode).toBe(400);
  });

  it('is for privacy:manage only, and another tenant’s contact answers 404', async () => {
    const c = await createContact(t, person('Rita', 'Rechte'));
    expect((await object(c.id, c.version, { source: 'Telefon' }, AS_SALES)).statusCode).toBe(403);
    expect((await object(c.id, c.version, { source: 'Telefon' }, { tenantId: TENANT_B })).statusCode).toBe(404);
  });
});
