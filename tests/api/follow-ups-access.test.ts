import { randomUUID } from 'node:crypto';
import type { AppRole } from '@klarkonform/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Follow-ups: who may do what (every route, every role), tenant isolation, and refused input
// named by its label in German and English; nothing refused changes data.

let t: TestApp;
let contact: Record<string, unknown>;
let followUp: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  contact = await createContact(t, company('Zugriff GmbH'));
  followUp = await createFollowUp(t, { title: 'Prüfen', dueDate: berlinDay(1), contactId: contact.id });
});
afterAll(async () => t.close());

const as = (role: AppRole) => ({ roles: [role], userId: `user-${role}`, name: role });
const post = (payload: Record<string, unknown>, headers: Record<string, string> = {}, who = {}) =>
  t.request(
    { method: 'POST', url: '/api/v1/follow-ups', headers: { 'idempotency-key': randomUUID(), ...headers }, payload },
    who,
  );

describe('roles', () => {
  const reads = () => [
    `/api/v1/follow-ups`,
    `/api/v1/follow-ups?assignee=all`,
    `/api/v1/follow-ups/${followUp.id}`,
    `/api/v1/contacts/${contact.id}/follow-ups?state=open`,
  ];

  it.each<AppRole>(['CRM.ReadOnly', 'CRM.Marketing', 'CRM.Service', 'CRM.Sales', 'CRM.Admin'])(
    '%s reads every list and follow-up',
    async (role) => {
      for (const url of reads()) expect((await t.request({ method: 'GET', url }, as(role))).statusCode).toBe(200);
    },
  );

  it.each<[AppRole, boolean]>([
    ['CRM.ReadOnly', false],
    ['CRM.Marketing', true],
    ['CRM.Service', true],
    ['CRM.Sales', true],
  ])('%s may create and change follow-ups: %s', async (role, allowed) => {
    const created = await post({ title: `Von ${role}`, dueDate: berlinDay(2), contactId: contact.id }, {}, as(role));
    expect(created.statusCode).toBe(allowed ? 201 : 403);
    const current = (await t.request({ method: 'GET', url: `/api/v1/follow-ups/${followUp.id}` })).json();
    const patched = await t.request(
      {
        method: 'PATCH',
        url: `/api/v1/follow-ups/${followUp.id}`,
        headers: { 'if-match': `"${current.version}"` },
        payload: { title: `Geändert von ${role}` },
      },
      as(role),
    );
    expect(patched.statusCode).toBe(allowed ? 200 : 403);
  });

  it('shows the audit trail only to roles with audit:read', async () => {
    const url = `/api/v1/follow-ups/${followUp.id}/history`;
    expect((await t.request({ method: 'GET', url }, as('CRM.ReadOnly'))).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url }, as('CRM.Marketing'))).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url }, as('CRM.Sales'))).statusCode).toBe(200);
  });

  it('answers 401 without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/follow-ups' });
    expect(res.statusCode).toBe(401);
  });
});

describe('tenant isolation', () => {
  const other = { tenantId: TENANT_B };

  it("answers another tenant's follow-ups and contacts with 404 and lists none of them", async () => {
    const url = `/api/v1/follow-ups/${followUp.id}`;
    expect((await t.request({ method: 'GET', url }, other)).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `${url}/history` }, other)).statusCode).toBe(404);
    const patch = await t.request(
      { method: 'PATCH', url, headers: { 'if-match': '*' }, payload: { state: 'done' } },
      other,
    );
    expect(patch.statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/contacts/${contact.id}/follow-ups` }, other)).statusCode,
    ).toBe(404);
    // The same user id in tenant B sees an empty list.
    const mine = await t.request({ method: 'GET', url: '/api/v1/follow-ups?assignee=all' }, other);
    expect(mine.json().items).toEqual([]);
    // A follow-up for tenant A's contact cannot be created from tenant B.
    const created = await post({ title: 'Fremd', dueDate: berlinDay(1), contactId: contact.id }, {}, other);
    expect(created.statusCode).toBe(404);
    expect(created.json().errors[0].field).toBe('body.contactId');
    // Tenant A's follow-up is untouched.
    expect((await t.request({ method: 'GET', url })).json().state).toBe('open');
  });
});

describe('refused input', () => {
  it('names the field by its label, in German and in English', async () => {
    const body = { title: 'Datum falsch', dueDate: '2026-02-30', contactId: contact.id };
    const de = await post(body);
    expect(de.statusCode).toBe(400);
    expect(de.json().detail).toContain('Fällig am');
    const en = await post(body, { 'accept-language': 'en' });
    expect(en.json().detail).toContain('Due date');

    const time = await post({ title: 'Zeit', dueDate: berlinDay(1), dueTime: '25:00', contactId: contact.id });
    expect(time.statusCode).toBe(400);
    expect(time.json().detail).toContain('Uhrzeit');

    const blank = await post({ title: '   ', dueDate: berlinDay(1), contactId: contact.id });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().detail).toContain('Titel');

    const state = await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${followUp.id}`,
      headers: { 'if-match': '*', 'accept-language': 'en' },
      payload: { state: 'finished' },
    });
    expect(state.statusCode).toBe(400);
    expect(state.json().detail).toContain('Follow-up state');
    const range = await t.request({ method: 'GET', url: '/api/v1/follow-ups?range=gestern' });
    expect(range.statusCode).toBe(400);
    expect(range.json().detail).toContain('Fälligkeit');
  });

  it('refuses unknown fields, an empty change and a missing Idempotency-Key', async () => {
    const unknown = await post({ title: 'X', dueDate: berlinDay(1), contactId: contact.id, priority: 'hoch' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('priority');
    const forged = await post({ title: 'X', dueDate: berlinDay(1), contactId: contact.id, state: 'done' });
    expect(forged.statusCode).toBe(400);
    const empty = await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${followUp.id}`,
      headers: { 'if-match': '*' },
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const noKey = await t.request({
      method: 'POST',
      url: '/api/v1/follow-ups',
      payload: { title: 'X', dueDate: berlinDay(1), contactId: contact.id },
    });
    expect(noKey.statusCode).toBe(400);
  });

  it('refuses an unknown contact (404), an archived one (409) and an unknown assignee (400)', async () => {
    const missing = await post({ title: 'X', dueDate: berlinDay(1), contactId: '65a1b2c3d4e5f60718293a4b' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toContain('Kontakt');
    const archived = await createContact(t, company('Archiv GmbH'));
    await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${archived.id}/archive`,
      payload: { reason: 'Firma aufgelöst' },
    });
    const onArchived = await post({ title: 'X', dueDate: berlinDay(1), contactId: archived.id });
    expect(onArchived.statusCode).toBe(409);
    const nobody = await post({
      title: 'X',
      dueDate: berlinDay(1),
      contactId: contact.id,
      assigneeId: 'user-unbekannt',
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().detail).toContain('Zuständig');
    const nobodyEn = await post(
      { title: 'X', dueDate: berlinDay(1), contactId: contact.id, assigneeId: 'user-unbekannt' },
      { 'accept-language': 'en' },
    );
    expect(nobodyEn.json().detail).toContain('Assignee');
    const badId = await t.request({ method: 'GET', url: '/api/v1/follow-ups/123' });
    expect(badId.statusCode).toBe(400);
    const none = await t.request({ method: 'GET', url: '/api/v1/follow-ups/65a1b2c3d4e5f60718293a4b' });
    expect(none.statusCode).toBe(404);
    // Nothing refused was stored.
    const all = (await t.request({ method: 'GET', url: '/api/v1/follow-ups?assignee=all' })).json().items;
    expect(all.map((i: { title: string }) => i.title)).not.toContain('X');
  });

  it('answers 400 with the If-Match field for a malformed If-Match', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${followUp.id}`,
      headers: { 'if-match': 'abc' },
      payload: { title: 'Y' },
    });
    expect(res.statusCode).toBe(400);
  });
});
