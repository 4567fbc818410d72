import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivitiesFeature } from '../../api/src/features/activities/activities.feature';
import { resetDemoActivities, seedDemoActivities } from '../../api/src/features/activities/activities.demo';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { demoSeedAuth } from '../../api/src/features/demo/demo.seed';
import { DEMO_TENANT_ID } from '../../api/src/features/demo/demo-tenant';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import { createTestApp, type TestApp } from '../support/test-app';

// The demo tenant's Kontakthistorie seed: idempotent, linked to the seeded demo contacts, and
// gone with the demo reset.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true' });
});
afterAll(() => t.close());

describe('demo activities', () => {
  it('seeds the entries once, on the demo contacts, and the reset removes them', async () => {
    const contacts = createContactsFeature(t.app.mongo, new UsersRepository(t.app.mongo));
    const activities = createActivitiesFeature(t.app.mongo, contacts);
    // The start seeded them (seedDemoTenant); seeding again adds nothing.
    expect(await seedDemoActivities(activities, contacts, DEMO_TENANT_ID)).toBe(0);
    const max = await contacts.repo.findByIdempotencyKey(DEMO_TENANT_ID, 'demo-seed:max');
    const muster = await contacts.repo.findByIdempotencyKey(DEMO_TENANT_ID, 'demo-seed:muster');
    const maxTimeline = await activities.activities.timeline(
      { tenantId: DEMO_TENANT_ID } as never,
      String(max?._id),
      {},
    );
    expect(maxTimeline.items.map((a) => a.subject)).toEqual([
      'Rückruf zum Rahmenvertrag',
      'Besuch vor Ort: Jahresgespräch',
    ]);
    expect(maxTimeline.items[0]?.createdBy.name).toBe('Sabine Vertrieb');
    // The company shows its people's entries.
    const company = await activities.activities.timeline(
      { tenantId: DEMO_TENANT_ID } as never,
      String(muster?._id),
      {},
    );
    expect(company.items).toHaveLength(4);
    expect(await resetDemoActivities(activities, DEMO_TENANT_ID)).toBe(4);
  });

  it('records a done follow-up as a note through record(), once per key', async () => {
    const contacts = createContactsFeature(t.app.mongo, new UsersRepository(t.app.mongo));
    const activities = createActivitiesFeature(t.app.mongo, contacts);
    const max = await contacts.repo.findByIdempotencyKey(DEMO_TENANT_ID, 'demo-seed:max');
    const auth = { ...demoSeedAuth(DEMO_TENANT_ID), userId: 'user-f', name: 'Fritz Folge' };
    const input = {
      type: 'note' as const,
      subject: 'Wiedervorlage erledigt: Angebot nachfassen',
      contactIds: [String(max?._id)],
    };
    const first = await activities.activities.record(auth, 'follow-up-done:abc12345', input);
    const again = await activities.activities.record(auth, 'follow-up-done:abc12345', input);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ type: 'note', createdBy: { id: 'user-f', name: 'Fritz Folge' } });
    const recent = await activities.activities.recentFor(DEMO_TENANT_ID, [
      String(max?._id),
      'aaaaaaaaaaaaaaaaaaaaaaaa',
    ]);
    expect(recent.get(String(max?._id))?.[0]?.id).toBe(first.id);
    expect(recent.get('aaaaaaaaaaaaaaaaaaaaaaaa')).toEqual([]);
  });
});
