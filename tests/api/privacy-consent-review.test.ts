import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';

// The yearly DSGVO check (issue 15, Part A): consents granted longer ago than
// `consentReviewMonths` (default 12; the tenant's privacy settings may say otherwise).

type Json = Record<string, unknown>;
const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function withConsent(name: string, daysAgo: number, as = {}) {
  const c = await createContact(t, person('Karl', name, withEmail(`${name.toLowerCase()}@review.de`)), as);
  const res = await t.request(
    {
      method: 'POST',
      url: `/api/v1/contacts/${c.id}/consent-events`,
      payload: {
        channel: 'email',
        type: 'optIn',
        source: 'Formular',
        proof: 'Nr. 1',
        at: new Date(Date.now() - daysAgo * DAY).toISOString(),
      },
    },
    as,
  );
  expect(res.statusCode, res.body).toBe(200);
  return c;
}
const review = async (as = {}) => {
  const res = await t.request({ method: 'GET', url: '/api/v1/privacy/consent-review' }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the consent review', () => {
  it('lists consents older than 12 months by default, not newer ones, per tenant', async () => {
    const old = await withConsent('Altbestand', 400);
    const recent = await withConsent('Frisch', 60);
    await withConsent('Fremd', 500, { tenantId: TENANT_B });
    const page = await review();
    expect(page.items).toEqual([
      expect.objectContaining({
        contactId: old.id,
        channel: 'email',
        eventType: 'optIn',
        displayName: old.displayName,
      }),
    ]);
    expect(page.items.map((i: Json) => i.contactId)).not.toContain(recent.id);
    expect(page.nextCursor).toBeUndefined();
  });

  it('follows the tenant’s consentReviewMonths', async () => {
    await t.app.mongo
      .db!.collection('privacySettings')
      .insertOne({ tenantId: TENANT_A, consentReviewMonths: 1, version: 1 });
    const ids = (await review()).items.map((i: Json) => i.displayName);
    expect(ids).toEqual(expect.arrayContaining(['Karl Altbestand', 'Karl Frisch']));
  });

  it('is for privacy:manage only; a bad cursor answers 400 naming it', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/privacy/consent-review' }, { roles: ['CRM.Sales'] })).statusCode,
    ).toBe(403);
    const bad = await t.request({ method: 'GET', url: '/api/v1/privacy/consent-review?cursor=zz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.cursor');
  });
});
