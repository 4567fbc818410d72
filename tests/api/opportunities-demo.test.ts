import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { demoRecords } from '../../api/src/features/demo/demo-data';
import { demoSeedAuth } from '../../api/src/features/demo/demo.seed';
import { DEMO_TENANT_ID } from '../../api/src/features/demo/demo-tenant';
import { seedOpportunitiesDemo } from '../../api/src/features/opportunities/opportunities.demo';
import { createOpportunitiesFeature } from '../../api/src/features/opportunities/opportunities.feature';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import { createTestApp, type TestApp } from '../support/test-app';

// The demo opportunities (for the lead's demo seed): created once through the service, across
// stages, owners and the forecast's months; a second run creates nothing.

let t: TestApp;
const as = { tenantId: DEMO_TENANT_ID };

beforeAll(async () => {
  t = await createTestApp({
    SEED_DEMO: 'true',
    ALLOWED_TENANTS: DEMO_TENANT_ID,
    MONGODB_DB: `demo_${randomUUID().slice(0, 8)}`,
  });
});
afterAll(async () => t.close());

describe('demo opportunities', () => {
  it('seeds a pipeline once, visible on the board and in the forecast', async () => {
    const users = new UsersRepository(t.app.mongo);
    const contacts = createContactsFeature(t.app.mongo, users);
    const ids = new Map<string, string>();
    for (const record of demoRecords(new Date())) {
      const doc = await contacts.repo.findByIdempotencyKey(DEMO_TENANT_ID, `demo-seed:${record.ref}`);
      if (doc) ids.set(record.ref, String(doc._id));
    }
    const { service } = createOpportunitiesFeature(t.app.mongo, contacts.contacts, users);
    const auth = demoSeedAuth(DEMO_TENANT_ID);
    // The start seeded the nine (seedDemoTenant); seeding again adds nothing.
    expect(await seedOpportunitiesDemo(service, auth, ids)).toBe(0);
    const all = (await t.request({ method: 'GET', url: '/api/v1/opportunities?limit=100' }, as)).json();
    expect(all.items).toHaveLength(9);

    const board = (await t.request({ method: 'GET', url: '/api/v1/opportunities/board' }, as)).json();
    expect(board.columns.map((c: { count: number }) => c.count)).toEqual([1, 1, 1, 2, 1, 1, 1, 1]);
    const forecast = (await t.request({ method: 'GET', url: '/api/v1/opportunities/forecast' }, as)).json();
    expect(forecast.rows.map((r: { ownerName: string }) => r.ownerName)).toEqual([
      'Aylin Demir',
      'Sabine Vertrieb',
      'Thomas Becker',
    ]);
    expect(forecast.total.cells.every((c: { count: number }) => c.count > 0)).toBe(true);
    expect(forecast.total.overdue.count).toBe(1);
    expect(forecast.total.undated.count).toBe(1);
    const lost = (await t.request({ method: 'GET', url: '/api/v1/opportunities?stage=lost' }, as)).json().items;
    expect(lost[0]).toMatchObject({ contactName: 'Fischer & Söhne OHG', lossReason: expect.any(String) });
  });
});
