import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { demoSeedAuth } from '../../api/src/features/demo/demo.seed';
import { DEMO_TENANT_ID, DEMO_USER } from '../../api/src/features/demo/demo-tenant';
import { seedTemplatesDemo } from '../../api/src/features/templates/templates.demo';
import { createTemplatesFeature } from '../../api/src/features/templates/templates.feature';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import { createTestApp, type TestApp } from '../support/test-app';

// The demo templates: seeded once with the demo tenant, one per purpose in German and an English
// one, each filling for a demo contact; a reset brings them back after a user deleted one.

let t: TestApp;
const as = { tenantId: DEMO_TENANT_ID, userId: DEMO_USER.id, name: DEMO_USER.name, roles: DEMO_USER.roles };

beforeAll(async () => {
  t = await createTestApp({
    SEED_DEMO: 'true',
    ALLOWED_TENANTS: DEMO_TENANT_ID,
    MONGODB_DB: `demo_${randomUUID().slice(0, 8)}`,
  });
});
afterAll(async () => t.close());

const list = async () =>
  (await t.request({ method: 'GET', url: '/api/v1/templates' }, as)).json().items as Array<Record<string, unknown>>;

describe('demo templates', () => {
  it('are seeded once, in both languages and all purposes, with several placeholders each', async () => {
    const items = await list();
    expect(items.map((i) => [i.name, i.purpose, i.language])).toEqual([
      ['Angebot nachfassen', 'transactional', 'de'],
      ['Danke für das Gespräch', 'personal', 'de'],
      ['Einladung Hausmesse', 'marketing', 'de'],
      ['Product news', 'marketing', 'en'],
    ]);
    for (const item of items) expect((item.placeholders as string[]).length).toBeGreaterThanOrEqual(3);
  });

  it('fill for a demo contact; a reset restores a deleted one', async () => {
    const people = (await t.request({ method: 'GET', url: '/api/v1/contacts?q=Mustermann' }, as)).json().items;
    const max = people.find((c: { displayName: string }) => c.displayName === 'Max Mustermann');
    const invitation = (await list()).find((i) => i.name === 'Einladung Hausmesse');
    const rendered = await t.request(
      { method: 'POST', url: `/api/v1/templates/${invitation?.id}/render`, payload: { contactId: max.id } },
      as,
    );
    expect(rendered.statusCode).toBe(200);
    expect(rendered.json().subject).toBe('Einladung zu unserer Hausmesse, Herr Mustermann');
    expect(rendered.json().bodyHtml).toContain('<p>Sehr geehrter Herr Mustermann,</p>');
    expect(rendered.json().bodyHtml).toContain('der Muster GmbH');
    expect(rendered.json().bodyHtml).toContain('Thomas Becker');

    const deleted = await t.request(
      { method: 'DELETE', url: `/api/v1/templates/${invitation?.id}`, headers: { 'if-match': '*' } },
      as,
    );
    expect(deleted.statusCode).toBe(204);
    expect(await list()).toHaveLength(3);
    const reset = await t.request({ method: 'POST', url: '/api/v1/demo/reset', payload: {} }, as);
    expect(reset.statusCode).toBe(200);
    expect((await list()).map((i) => i.name)).toContain('Einladung Hausmesse');
    expect(await seedTemplatesDemo(serviceOf(), demoSeedAuth(DEMO_TENANT_ID))).toBe(0);
  });
});

function serviceOf() {
  const users = new UsersRepository(t.app.mongo);
  return createTemplatesFeature(t.app.mongo, createContactsFeature(t.app.mongo, users).contacts, users).service;
}
