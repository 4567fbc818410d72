import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../api/src/features/demo/demo-tenant';
import { countContacts } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps.reverse()) await app.close();
});

describe('demo tenant', () => {
  it('is seeded once, in German, and survives a restart without duplicates', async () => {
    const env = { SEED_DEMO: 'true', ALLOWED_TENANTS: DEMO_TENANT_ID, MONGODB_DB: `demo_${randomUUID().slice(0, 8)}` };
    const first = await createTestApp(env);
    apps.push(first);
    const as = { tenantId: DEMO_TENANT_ID };
    const seeded = await countContacts({ ...first, request: (o, a) => first.request(o, { ...as, ...a }) });
    expect(seeded).toBeGreaterThanOrEqual(15);

    const [card] = (
      await first.request({ method: 'GET', url: '/api/v1/cards?email=max.mustermann%40muster.de' }, as)
    ).json().cards;
    expect(card.contact).toMatchObject({
      displayName: 'Max Mustermann',
      position: 'Geschäftsführer',
      roles: ['decisionMaker'],
    });
    expect(card.company).toMatchObject({
      name: 'Muster GmbH',
      tags: ['Branche-IT', 'Grosskunde'],
      relationships: ['customer'],
    });
    expect(card.companyPeople.map((p: { displayName: string }) => p.displayName)).toEqual(
      expect.arrayContaining(['Max Mustermann', 'Lisa Müller', 'Tom Techniker']),
    );
    expect(card.marketingEmailAllowed.allowed).toBe(true);

    const leads = (
      await first.request({ method: 'GET', url: '/api/v1/contacts?relationship=lead&limit=100' }, as)
    ).json();
    expect(leads.items.length).toBeGreaterThanOrEqual(4);

    const second = await createTestApp({ ...env, DATA_DIR: first.config.dataDir });
    apps.push(second);
    const again = await countContacts({ ...second, request: (o, a) => second.request(o, { ...as, ...a }) });
    expect(again).toBe(seeded);
  });
});
