import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, requestDueOn } from '@klarkonform/shared';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The requests register (issue 15, Part A): Art. 15–21 requests with their Art. 12(3) due dates,
// references per tenant, idempotent creates, If-Match changes, extension once, overdue requests
// in the register and in data care, permissions and tenant isolation.

type Json = Record<string, unknown>;
const DAY = 86_400_000;
const AS_DPO = { roles: ['CRM.DataProtection'] } as never;
const AS_SALES = { roles: ['CRM.Sales'] } as never;

let t: TestApp;
let now = new Date();
beforeAll(async () => {
  t = await createTestApp({}, { clock: () => now });
});
afterAll(() => t.close());

const requester = { name: 'Erika Müller', email: 'erika@mueller.de', channel: 'email' };
const create = (body: Json, key = randomUUID(), as = {}) =>
  t.request(
    { method: 'POST', url: '/api/v1/privacy/requests', headers: { 'idempotency-key': key }, payload: body },
    as,
  );
const patch = (id: unknown, version: unknown, body: Json, as = {}) =>
  t.request(
    { method: 'PATCH', url: `/api/v1/privacy/requests/${id}`, headers: { 'if-match': `"${version}"` }, payload: body },
    as,
  );
const list = async (which: string, as = {}) =>
  (await t.request({ method: 'GET', url: `/api/v1/privacy/requests?list=${which}` }, as)).json();

describe('registering a request', () => {
  it('numbers it per tenant and year, due one month after receipt, and replays a repeated create', async () => {
    const today = localDate(now);
    const year = today.slice(0, 4);
    const key = randomUUID();
    const first = await create({ type: 'access', requester }, key);
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({
      reference: `DS-${year}-0001`,
      type: 'access',
      status: 'open',
      receivedOn: today,
      dueOn: requestDueOn(today),
      overdue: false,
      contactIds: [],
      version: 1,
    });
    expect(first.headers.etag).toBe('"1"');
    const again = await create({ type: 'access', requester }, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(body.id);
    const other = await create({ type: 'erasure', requester }, key);
    expect(other.statusCode).toBe(409);
    const second = await create({ type: 'portability', requester });
    expect(second.json().reference).toBe(`DS-${year}-0002`);
    // Another tenant counts on its own.
    const b = await create({ type: 'access', requester }, randomUUID(), { tenantId: TENANT_B });
    expect(b.json().reference).toBe(`DS-${year}-0001`);
    // Each create is in the audit trail.
    const audit = await t.app.mongo.db!.collection('audit').find({ contactId: body.id }).toArray();
    expect(audit.map((a) => a.action)).toEqual(['privacyRequestCreate']);
  });

  it('dates a backdated receipt by the Art. 12(3) rule (31 January → 28 February)', async () => {
    const res = await create({ type: 'objection', requester, receivedOn: '2026-01-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ receivedOn: '2026-01-31', dueOn: '2026-02-28' });
    expect(res.json().reference).toMatch(/^DS-2026-\d{4}$/);
  });

  it('links contacts of the tenant only, and refuses bad input naming the field', async () => {
    const c = await createContact(t, person('Erika', 'Müller', withEmail('erika@mueller.de')));
    const linked = await create({ type: 'erasure', requester, contactIds: [c.id] });
    expect(linked.json().contactIds).toEqual([c.id]);
    const foreign = await createContact(t, person('Bea', 'Fremd'), { tenantId: TENANT_B });
    const wrong = await create({ type: 'erasure', requester, contactIds: [foreign.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.contactIds.0');
    const future = await create({
      type: 'access',
      requester,
      receivedOn: localDate(new Date(now.getTime() + 3 * DAY)),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'body.receivedOn', message: expect.stringMatching(/Zukunft/) }]);
    const badType = await create({ type: 'complaint', requester });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors[0].field).toBe('body.type');
    const unknown = await create({ type: 'access', requester, priority: 'high' });
    expect(unknown.statusCode).toBe(400);
    const noKey = await t.request({
      method: 'POST',
      url: '/api/v1/privacy/requests',
      payload: { type: 'access', requester },
    });
    expect(noKey.statusCode).toBe(400);
  });
});

describe('handling a request', () => {
  it('closes only with an outcome, records who handled it, and refuses a stale version', async () => {
    const r = (await create({ type: 'access', requester })).json();
    const noOutcome = await patch(r.id, r.version, { status: 'done' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().errors[0].field).toBe('body.outcome');
    const started = await patch(r.id, r.version, { status: 'inProgress' });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'inProgress', handledBy: { id: 'user-a' }, version: 2 });
    const stale = await patch(r.id, r.version, { status: 'done', outcome: 'Auskunft versandt' });
    expect(stale.statusCode).toBe(412);
    const done = await patch(r.id, 2, { status: 'done', outcome: 'Auskunft per Post versandt' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      outcome: 'Auskunft per Post versandt',
      closedAt: expect.any(String),
    });
    expect((await list('closed')).items.map((i: Json) => i.id)).toContain(r.id);
    expect((await list('open')).items.map((i: Json) => i.id)).not.toContain(r.id);
    // Reopened: open again, no closing time.
    const reopened = await patch(r.id, 3, { status: 'inProgress' });
    expect(reopened.json().closedAt).toBeUndefined();
    const audit = await t.app.mongo.db!.collection('audit').find({ contactId: r.id }).toArray();
    expect(audit.filter((a) => a.action === 'privacyRequestUpdate')).toHaveLength(3);
  });

  it('extends once, by at most two months with a reason, only within the first month', async () => {
    const r = (await create({ type: 'erasure', requester, receivedOn: '2026-11-30' })).json();
    expect(r.dueOn).toBe('2026-12-30');
    const tooLong = await patch(r.id, 1, { extension: { months: 3, reason: 'Umfangreich' } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('body.extension.months');
    const noReason = await patch(r.id, 1, { extension: { months: 2 } });
    expect(noReason.statusCode).toBe(400);
    const saved = now;
    now = new Date('2026-12-10T10:00:00Z');
    try {
      const extended = await patch(r.id, 1, { extension: { months: 2, reason: 'Daten aus drei Systemen' } });
      expect(extended.statusCode, extended.body).toBe(200);
      expect(extended.json()).toMatchObject({
        dueOn: '2027-02-28',
        extension: { months: 2, reason: 'Daten aus drei Systemen' },
      });
      const twice = await patch(r.id, 2, { extension: { months: 1, reason: 'Noch einmal' } });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().errors[0].field).toBe('body.extension');
      const late = (await create({ type: 'access', requester, receivedOn: '2026-11-01' })).json();
      const tooLate = await patch(late.id, 1, { extension: { months: 1, reason: 'Zu spät' } });
      expect(tooLate.statusCode).toBe(400);
      expect(tooLate.json().detail).toMatch(/innerhalb eines Monats/);
    } finally {
      now = saved;
    }
  });
});

describe('overdue requests', () => {
  it('show in the register (overdue list and count) and in data care for users with privacy:manage', async () => {
    const saved = now;
    now = new Date('2026-12-01T09:00:00Z');
    try {
      const old = (await create({ type: 'access', requester, receivedOn: '2026-10-15' })).json();
      expect(old.overdue).toBe(true);
      const page = await list('overdue');
      expect(page.items.map((i: Json) => i.id)).toContain(old.id);
      expect(page.items.every((i: Json) => i.overdue)).toBe(true);
      expect(page.overdueCount).toBe(page.items.length);
      const dpo = await list('overdue', AS_DPO);
      expect(dpo.overdueCount).toBe(page.overdueCount);
      const care = (await t.request({ method: 'GET', url: '/api/v1/quality/worklist' })).json();
      expect(care.privacyOverdue.count).toBe(page.overdueCount);
      expect(care.privacyOverdue.items[0]).toMatchObject({ overdue: true });
      const sales = (await t.request({ method: 'GET', url: '/api/v1/quality/worklist' }, AS_SALES)).json();
      expect(sales.privacyOverdue).toBeUndefined();
      // Answered: no longer overdue.
      await patch(old.id, 1, { status: 'done', outcome: 'Auskunft erteilt' });
      expect((await list('overdue')).items.map((i: Json) => i.id)).not.toContain(old.id);
    } finally {
      now = saved;
    }
  });
});

describe('access', () => {
  it('is for CRM.Admin and CRM.DataProtection; another tenant’s request answers 404', async () => {
    const r = (await create({ type: 'access', requester })).json();
    expect((await t.request({ method: 'GET', url: `/api/v1/privacy/requests/${r.id}` }, AS_DPO)).statusCode).toBe(200);
    expect((await create({ type: 'access', requester }, randomUUID(), AS_DPO)).statusCode).toBe(201);
    expect((await t.request({ method: 'GET', url: '/api/v1/privacy/requests' }, AS_SALES)).statusCode).toBe(403);
    expect((await create({ type: 'access', requester }, randomUUID(), AS_SALES)).statusCode).toBe(403);
    const other = await t.request({ method: 'GET', url: `/api/v1/privacy/requests/${r.id}` }, { tenantId: TENANT_B });
    expect(other.statusCode).toBe(404);
    expect((await patch(r.id, 1, { status: 'inProgress' }, { tenantId: TENANT_B })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/privacy/requests/xyz' })).statusCode).toBe(400);
  });
});
