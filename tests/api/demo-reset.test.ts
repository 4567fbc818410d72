import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@klarkonform/shared';
import { DEMO_COLLEAGUES, DEMO_TENANT_ID, DEMO_USER } from '../../api/src/features/demo/demo-tenant';
import { createContact, person, withEmail } from '../support/contacts';
import { demoContacts, demoSnapshot } from '../support/demo-snapshot';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// POST /api/v1/demo/reset: the demo tenant back to a fresh seed, for admins of the demo tenant
// only; every other tenant gets the 404 of a path that does not exist, and keeps its data.

const demo = { tenantId: DEMO_TENANT_ID, userId: DEMO_USER.id, name: DEMO_USER.name };
const reset = (t: TestApp, as: Record<string, unknown>, language = 'de') =>
  t.request({ method: 'POST', url: '/api/v1/demo/reset', headers: { 'accept-language': language }, payload: {} }, as);
const history = async (t: TestApp, id: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/history` }, demo)).json().items as Array<{
    action: string;
  }>;
const byName = (contacts: readonly Contact[], name: string) => {
  const found = contacts.find((contact) => contact.displayName === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe('demo reset', () => {
  let t: TestApp;
  let fresh: TestApp;
  const tenants = { ALLOWED_TENANTS: `${DEMO_TENANT_ID},${TENANT_A}`, SEED_DEMO: 'true' };

  beforeAll(async () => {
    // Two servers seeded the same day: `fresh` is what a reset must give back. (One after the
    // other: each seeds within Fastify's start-up time limit also on a busy machine.)
    t = await createTestApp({ ...tenants, MONGODB_DB: `reset_${randomUUID().slice(0, 8)}` });
    fresh = await createTestApp({ ...tenants, MONGODB_DB: `fresh_${randomUUID().slice(0, 8)}` });
  });
  afterAll(async () => {
    await Promise.all([t?.close(), fresh?.close()]);
  });

  it('answers 404 on every other tenant, as for a path that does not exist, and changes nothing', async () => {
    const mine = await createContact(t, person('Erika', 'Musterfrau', withEmail('erika@firma-a.de')));
    const status = await t.request({ method: 'GET', url: '/api/v1/demo' });
    expect(status.statusCode).toBe(404);
    const res = await reset(t, {});
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('Diese Adresse gibt es nicht: POST /api/v1/demo/reset');
    expect((await reset(t, {}, 'en')).json().detail).toContain('POST /api/v1/demo/reset');
    const still = await t.request({ method: 'GET', url: `/api/v1/contacts/${mine.id}` });
    expect(still.statusCode).toBe(200);
    expect((await demoContacts(t, demo)).length).toBe((await demoContacts(fresh, demo)).length);
  });

  it('tells the front ends who may reset, and refuses users without the admin permission', async () => {
    const sales = { ...demo, roles: ['CRM.Sales' as const] };
    const asSales = await t.request({ method: 'GET', url: '/api/v1/demo' }, sales);
    expect(asSales.json()).toEqual({ resettable: false });
    const asAdmin = await t.request({ method: 'GET', url: '/api/v1/demo' }, demo);
    expect(asAdmin.json()).toEqual({ resettable: true });
    const refused = await reset(t, sales);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('admin');
  });

  it('brings back exactly a fresh seed, deleting what users added, changed and recorded', async () => {
    const expected = demoSnapshot(await demoContacts(fresh, demo));
    const before = await demoContacts(t, demo);
    expect(demoSnapshot(before)).toEqual(expected);

    // What a visitor of the demo does: adds a contact, edits one, archives one, records consent.
    const added = await createContact(t, person('Jana', 'Meier', withEmail('j.meier@muster.de')), demo);
    const max = byName(before, 'Max Mustermann');
    const edit = await t.request(
      {
        method: 'PATCH',
        url: `/api/v1/contacts/${max.id}`,
        headers: { 'if-match': `"${max.version}"` },
        payload: { position: 'Vorstand' },
      },
      demo,
    );
    expect(edit.statusCode).toBe(200);
    const weber = byName(before, 'Weber Logistik AG');
    const archived = await t.request(
      { method: 'POST', url: `/api/v1/contacts/${weber.id}/archive`, payload: { reason: 'Kein Kunde mehr' } },
      demo,
    );
    expect(archived.statusCode).toBe(200);
    expect((await history(t, max.id)).map((entry) => entry.action)).toContain('update');
    // … and works with him: an opportunity, a follow-up, a call in his history.
    const keyed = (url: string, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url, headers: { 'idempotency-key': randomUUID() }, payload }, demo);
    expect(
      (await keyed('/api/v1/opportunities', { title: 'Besuchs-Test', contactId: max.id, amountCents: 100 })).statusCode,
    ).toBe(201);
    expect(
      (await keyed('/api/v1/follow-ups', { title: 'Besucher ruft an', contactId: max.id, dueDate: '2030-01-02' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await keyed('/api/v1/activities', { type: 'call', subject: 'Testanruf', contactIds: [max.id] })).statusCode,
    ).toBe(201);

    const res = await reset(t, demo);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deletedContacts: before.length + 1, createdContacts: before.length });

    const after = await demoContacts(t, demo);
    expect(demoSnapshot(after)).toEqual(expected);
    expect(after.map((contact) => contact.displayName)).not.toContain('Jana Meier');
    expect(byName(after, 'Max Mustermann')).toMatchObject({ kind: 'person', position: 'Geschäftsführer' });
    expect(after[0]?.contactNumber).toBe('C00001');
    const gone = await t.request({ method: 'GET', url: `/api/v1/contacts/${added.id}` }, demo);
    expect(gone.statusCode).toBe(404);
    // The audit trail starts again with the seed: the create, Max's two consent events and the seeded
    // activities with him — as on a server seeded afresh.
    const actions = async (app: TestApp, contacts: readonly Contact[]) =>
      (await history(app, byName(contacts, 'Max Mustermann').id)).map((entry) => entry.action).sort();
    expect(await actions(t, after)).toEqual(await actions(fresh, await demoContacts(fresh, demo)));
    expect(await actions(t, after)).toEqual(expect.arrayContaining(['consent', 'consent', 'create']));
    // The sales work too: what the visitor added is gone, the seeded pipeline, follow-ups and history are back.
    const work = async (app: TestApp) => {
      const get = async (url: string) => (await app.request({ method: 'GET', url }, demo)).json().items;
      const maxId = byName(await demoContacts(app, demo), 'Max Mustermann').id;
      return {
        opportunities: (await get('/api/v1/opportunities?limit=100')).map((o: { title: string }) => o.title).sort(),
        followUps: (await get('/api/v1/follow-ups?assignee=all&limit=100'))
          .map((f: { title: string }) => f.title)
          .sort(),
        history: (await get(`/api/v1/contacts/${maxId}/activities`)).map((a: { subject: string }) => a.subject),
      };
    };
    const seeded = await work(fresh);
    expect(seeded.opportunities.length).toBeGreaterThan(0);
    expect(seeded.followUps.length).toBeGreaterThan(0);
    expect(seeded.history.length).toBeGreaterThan(0);
    expect(await work(t)).toEqual(seeded);
    // The colleagues are tenant users again; so is the demo user, who signed in.
    const users = (await t.request({ method: 'GET', url: '/api/v1/users' }, demo)).json().items;
    expect(users.map((user: { id: string }) => user.id).sort()).toEqual(
      [DEMO_USER.id, ...DEMO_COLLEAGUES.map((user) => user.id)].sort(),
    );
  });

  it('can be repeated, also twice at once, and always ends as a fresh seed', async () => {
    const expected = demoSnapshot(await demoContacts(fresh, demo));
    const again = await reset(t, demo);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ deletedContacts: expected.length, createdContacts: expected.length });
    const [one, two] = await Promise.all([reset(t, demo), reset(t, demo)]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(demoSnapshot(await demoContacts(t, demo))).toEqual(expected);
  });

  it('leaves no Microsoft 365 mirror entries of the deleted contacts behind', async () => {
    const entries = (app: TestApp) =>
      app.app.mongo.collection('mirrorEntries').countDocuments({ tenantId: DEMO_TENANT_ID });
    await createContact(t, person('Sabine', 'Spiegel', withEmail('sabine.spiegel@example.org')), demo);
    expect(await entries(t)).toBe((await entries(fresh)) + 1);
    expect((await reset(t, demo)).statusCode).toBe(200);
    expect(await entries(t)).toBe(await entries(fresh));
  });
});
