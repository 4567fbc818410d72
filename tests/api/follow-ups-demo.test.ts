import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { demoRecords } from '../../api/src/features/demo/demo-data';
import { demoSeedAuth } from '../../api/src/features/demo/demo.seed';
import { DEMO_TENANT_ID, DEMO_USER, DEMO_USERS } from '../../api/src/features/demo/demo-tenant';
import { seedFollowUpsDemo } from '../../api/src/features/follow-ups/follow-ups.demo';
import { createFollowUpsFeature } from '../../api/src/features/follow-ups/follow-ups.feature';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import { createTestApp, type TestApp } from '../support/test-app';

// The demo's follow-ups: Sabine (the demo user) has overdue ones, one today, some this week and
// one later; seeding again changes nothing.

let t: TestApp;
const as = { tenantId: DEMO_TENANT_ID, userId: DEMO_USER.id, name: DEMO_USER.name };
beforeAll(async () => {
  t = await createTestApp({
    SEED_DEMO: 'true',
    ALLOWED_TENANTS: DEMO_TENANT_ID,
    MONGODB_DB: `demo_fu_${randomUUID().slice(0, 8)}`,
  });
});
afterAll(async () => t.close());

describe('demo follow-ups', () => {
  it('fill every group of "Meine Wiedervorlagen" and are seeded once', async () => {
    const users = new UsersRepository(t.app.mongo);
    const contacts = createContactsFeature(t.app.mongo, users);
    const { service } = createFollowUpsFeature(t.app.mongo, contacts, users);
    const ids = new Map<string, string>();
    for (const record of demoRecords(new Date())) {
      const doc = await contacts.repo.findByIdempotencyKey(DEMO_TENANT_ID, `demo-seed:${record.ref}`);
      if (doc) ids.set(record.ref, String(doc._id));
    }
    const auth = demoSeedAuth(DEMO_TENANT_ID);
    // The start seeded them (seedDemoTenant): ten, and seeding again (another day too) adds nothing.
    expect((await service.openFor(DEMO_TENANT_ID, [...ids.values()])).size).toBeGreaterThan(0);
    expect(await seedFollowUpsDemo(service, auth, ids, DEMO_USERS)).toBe(0);
    expect(await seedFollowUpsDemo(service, auth, ids, DEMO_USERS, new Date(Date.now() + 86_400_000))).toBe(0);
    const all = await t.request({ method: 'GET', url: '/api/v1/follow-ups?assignee=all&limit=100' }, as);
    expect(all.json().items).toHaveLength(10);

    const page = (await t.request({ method: 'GET', url: '/api/v1/follow-ups' }, as)).json();
    const buckets = page.items.map((i: { bucket: string }) => i.bucket);
    expect(buckets.filter((b: string) => b === 'overdue')).toHaveLength(2);
    expect(buckets.filter((b: string) => b === 'today')).toHaveLength(1);
    expect(buckets).toContain('later');
    expect(page.items[0]).toMatchObject({ assigneeName: 'Sabine Vertrieb', contactName: 'Dr. Stefan Hoffmann' });
    const everyone = (await t.request({ method: 'GET', url: '/api/v1/follow-ups?assignee=all' }, as)).json();
    expect(new Set(everyone.items.map((i: { assigneeName: string }) => i.assigneeName))).toEqual(
      new Set(['Sabine Vertrieb', 'Thomas Becker', 'Aylin Demir']),
    );
  });
});
