import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, countContacts, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (body: unknown, key: string = randomUUID()) =>
  t.request({ method: 'POST', url: '/api/v1/contacts', headers: { 'idempotency-key': key }, payload: body as object });

describe('creating contacts', () => {
  it('numbers contacts sequentially per tenant and derives name texts', async () => {
    const muster = await createContact(t, company('Muster GmbH', { relationships: ['customer'] }));
    const max = await createContact(
      t,
      person('Max', 'Mustermann', {
        salutation: 'Herr',
        title: 'Dr.',
        companyId: muster.id,
        ...withEmail('Max.Mustermann@Muster.de'),
      }),
    );
    expect(muster.contactNumber).toMatch(/^C\d{5}$/);
    expect(Number(String(max.contactNumber).slice(1))).toBe(Number(String(muster.contactNumber).slice(1)) + 1);
    expect(max).toMatchObject({
      kind: 'person',
      displayName: 'Dr. Max Mustermann',
      letterSalutation: 'Sehr geehrter Herr Dr. Mustermann',
      version: 1,
      // The tenant has not switched the Microsoft 365 mirror on (mirror.test.ts covers the rest).
      syncStatus: 'disabled',
      archived: null,
    });
    expect(muster.customerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const other = await createContact(t, company('Andere AG'), { tenantId: TENANT_B });
    expect(other.contactNumber).toBe('C00001');
  });

  it('answers 201 with ETag and Location, and the same contact for a repeated Idempotency-Key', async () => {
    const key = randomUUID();
    const body = person('Erika', 'Musterfrau', withEmail('erika@beispiel.de'));
    const first = await post(body, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    expect(first.headers.location).toBe(`/api/v1/contacts/${first.json().id}`);
    const again = await post(body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(await countContacts(t, '&q=Musterfrau')).toBe(1);
  });

  it('never creates two contacts for concurrent retries with one key', async () => {
    const key = randomUUID();
    const body = person('Doppel', 'Klick', withEmail('doppel.klick@beispiel.de'));
    const results = await Promise.all(Array.from({ length: 5 }, () => post(body, key)));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await countContacts(t, '&q=Klick')).toBe(1);
  });

  it('refuses a reused Idempotency-Key with a different body', async () => {
    const key = randomUUID();
    expect((await post(company('Erste GmbH'), key)).statusCode).toBe(201);
    const res = await post(company('Zweite GmbH'), key);
    expect(res.statusCode).toBe(409);
    expect(await countContacts(t, '&q=Zweite')).toBe(0);
  });

  it('requires an Idempotency-Key', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/contacts', payload: company('Ohne Schlüssel GmbH') });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('headers.idempotency-key');
  });

  it('rejects a person linked to a company that does not exist', async () => {
    const res = await post(person('Lose', 'Person', { companyId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body.companyId', message: 'Diese Firma gibt es nicht.' }]);
  });
  it('greets a person without a salutation anonymously, also one stored under the older rule', async () => {
    const kim = await createContact(t, person('Kim', 'Ohneanrede', withEmail('kim@ohneanrede.de')));
    expect(kim.letterSalutation).toBe('Sehr geehrte Damen und Herren');
    // Stored before issue 14, when an unknown salutation gave "Guten Tag <Name>".
    await t.app.mongo
      .db!.collection('contacts')
      .updateOne(
        { _id: new Types.ObjectId(String(kim.id)) },
        { $set: { letterSalutation: 'Guten Tag Kim Ohneanrede' }, $inc: { version: 1 } },
      );
    const read = await t.request({ method: 'GET', url: `/api/v1/contacts/${kim.id}` });
    expect(read.json().letterSalutation).toBe('Sehr geehrte Damen und Herren');
  });
});

describe('reading and tenant isolation', () => {
  it("answers 404 for another tenant's contact, for reads and writes alike", async () => {
    const secret = await createContact(t, company('Geheim GmbH'));
    const asB = { tenantId: TENANT_B };
    const url = `/api/v1/contacts/${secret.id}`;
    expect((await t.request({ method: 'GET', url }, asB)).statusCode).toBe(404);
    const patch = await t.request(
      { method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { industry: 'X' } },
      asB,
    );
    expect(patch.statusCode).toBe(404);
    const archive = await t.request({ method: 'POST', url: `${url}/archive`, payload: { reason: 'weg damit' } }, asB);
    expect(archive.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${url}/history` }, asB)).statusCode).toBe(404);
    const search = await t.request({ method: 'GET', url: '/api/v1/contacts?q=Geheim' }, asB);
    expect(search.json().items).toEqual([]);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(200);
  });
});

describe('updating with optimistic concurrency', () => {
  it('needs If-Match, refuses a stale version and keeps the newer data', async () => {
    const c = await createContact(t, person('Paula', 'Patch', { position: 'Einkauf' }));
    const url = `/api/v1/contacts/${c.id}`;
    const missing = await t.request({ method: 'PATCH', url, payload: { position: 'Vertrieb' } });
    expect(missing.statusCode).toBe(428);
    const ok = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { position: 'Vertrieb' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const stale = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { position: 'Einkauf' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('preconditionFailed');
    expect((await t.request({ method: 'GET', url })).json()).toMatchObject({ position: 'Vertrieb', version: 2 });
  });

  it('sets "Kunde seit" when a contact becomes a customer, and clears fields with null', async () => {
    const c = await createContact(t, company('Bald Kunde GmbH', { relationships: ['lead'], industry: 'Handel' }));
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '"1"' },
      payload: { relationships: ['lead', 'customer'], industry: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().customerSince).toBe(new Date().toISOString().slice(0, 10));
    expect(res.json()).not.toHaveProperty('industry');
  });

  it('rejects a person-only field on a company', async () => {
    const c = await createContact(t, company('Firma ohne Vorname GmbH'));
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '"1"' },
      payload: { firstName: 'Hans' },
    });
    expect(res.statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` })).json().version).toBe(1);
  });
});

describe('archiving', () => {
  it('needs a reason, hides the contact from lists, and can be undone', async () => {
    const c = await createContact(t, company('Archiv Test GmbH'));
    const url = `/api/v1/contacts/${c.id}`;
    expect((await t.request({ method: 'POST', url: `${url}/archive`, payload: {} })).statusCode).toBe(400);
    const archived = await t.request({ method: 'POST', url: `${url}/archive`, payload: { reason: 'Firma aufgelöst' } });
    expect(archived.json().archived).toMatchObject({ reason: 'Firma aufgelöst', by: { id: 'user-a' } });
    expect(await countContacts(t, '&q=Archiv')).toBe(0);
    expect(await countContacts(t, '&q=Archiv&archived=true')).toBe(1);
    const restored = await t.request({ method: 'POST', url: `${url}/unarchive` });
    expect(restored.json().archived).toBeNull();
    expect(await countContacts(t, '&q=Archiv')).toBe(1);
  });
});

describe('permissions and audit', () => {
  it('lets a read-only user read but not write', async () => {
    const c = await createContact(t, company('Nur Lesen GmbH'));
    const ro = { roles: ['CRM.ReadOnly' as const] };
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}` }, ro)).statusCode).toBe(200);
    const res = await t.request(
      {
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { 'idempotency-key': randomUUID() },
        payload: company('X GmbH'),
      },
      ro,
    );
    expect(res.statusCode).toBe(403);
  });

  it('records who changed which field from what to what', async () => {
    const c = await createContact(t, person('Hanna', 'Historie', { position: 'Assistenz' }), {
      name: 'Anna Anlegerin',
    });
    await t.request(
      {
        method: 'PATCH',
        url: `/api/v1/contacts/${c.id}`,
        headers: { 'if-match': '"1"' },
        payload: { position: 'Leitung' },
      },
      { name: 'Bernd Bearbeiter', userId: 'user-b' },
    );
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].actor).toEqual({ id: 'user-b', name: 'Bernd Bearbeiter' });
    expect(history[0].changes).toContainEqual({ field: 'position', before: 'Assistenz', after: 'Leitung' });
    expect(history[1].actor.name).toBe('Anna Anlegerin');
  });
});

describe('audit entries survive a stop between the change and its audit copy', () => {
  it('restores the audit entry of a change whose copy to the audit collection was lost', async () => {
    const c = await createContact(t, person('Ada', 'Absturz', { position: 'Alt' }));
    await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${c.id}`,
      headers: { 'if-match': '"1"' },
      payload: { position: 'Neu' },
    });
    // Simulate the API dying after the contact write: the audit copy of the update is gone.
    const { auditModel } = await import('../../api/src/features/audit/audit.model');
    await auditModel(t.app.mongo).deleteMany({ tenantId: TENANT_A, contactId: String(c.id), action: 'update' });
    const history = (await t.request({ method: 'GET', url: `/api/v1/contacts/${c.id}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toContainEqual({ field: 'position', before: 'Alt', after: 'Neu' });
  });
});
