import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person } from '../support/contacts';
import { seedActivities } from '../support/seed-activities';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// The tenant's DSGVO settings and the records of processing (Art. 30 DSGVO; issue 15 part B):
// German defaults until saved, If-Match, audited, 400 naming the field; the Art. 30 document as
// JSON and PDF from the settings. And what a period of 0 years means for an erasure.

type Json = Record<string, unknown>;
let t: TestApp;
const dpo = { roles: ['CRM.DataProtection' as const], userId: 'user-dpo', name: 'Dana Datenschutz' };

const get = (as: Json = dpo) => t.request({ method: 'GET', url: '/api/v1/privacy/settings' }, as);
const put = (body: Json, ifMatch: string, as: Json = dpo) =>
  t.request({ method: 'PUT', url: '/api/v1/privacy/settings', headers: { 'if-match': ifMatch }, payload: body }, as);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('privacy settings', () => {
  it('answers the German defaults as version 0: 6/8/10 years, Microsoft named as processor', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    const s = res.json();
    expect(s).toMatchObject({
      retentionYears: { businessLetter: 6, bookingVoucher: 8, books: 10 },
      consentReviewMonths: 12,
      doubleOptInValidHours: 72,
      version: 0,
    });
    expect(JSON.stringify(s.activities)).toContain('Microsoft');
  });

  it('is for privacy:manage only: CRM.Sales gets 403, CRM.Admin may', async () => {
    expect((await get({ roles: ['CRM.Sales'] })).statusCode).toBe(403);
    expect((await get({ roles: ['CRM.Admin'] })).statusCode).toBe(200);
  });

  it('saves on the version (412 on a stale one), audited, and keeps tenants apart', async () => {
    const { version: _v, ...body } = (await get()).json();
    const changed = {
      ...body,
      retentionYears: { ...body.retentionYears, businessLetter: 7 },
      controller: {
        name: 'Muster GmbH',
        address: 'Hauptstr. 1\n10115 Berlin',
        representative: 'Max Muster',
        dpoContact: 'dsb@muster.de',
      },
    };
    const saved = await put(changed, '"0"');
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, retentionYears: { businessLetter: 7 } });
    expect((await put(changed, '"0"')).statusCode).toBe(412);
    expect((await get({ ...dpo, tenantId: TENANT_B })).json().version).toBe(0);
    const audit = await t.app.mongo.db
      ?.collection('audit')
      .find({ contactId: 'privacy-settings', action: 'privacySettingsUpdate' })
      .toArray();
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input with 400 problem+json naming the field, in German', async () => {
    const { version: _v, ...body } = (await get()).json();
    const res = await put({ ...body, retentionYears: { ...body.retentionYears, books: 31 } }, '"1"');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json().errors)).toContain('body.retentionYears.books');
    const extra = await put({ ...body, hacked: true }, '"1"');
    expect(extra.statusCode).toBe(400);
    expect(JSON.stringify(extra.json())).toContain('hacked');
    expect((await get()).json().version).toBe(1);
  });
});

describe('records of processing (Art. 30)', () => {
  it('is generated from the settings as JSON', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/privacy/records-of-processing?format=json' }, dpo);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('verarbeitungsverzeichnis-');
    const doc = res.json();
    expect(doc).toMatchObject({
      title: expect.stringContaining('Art. 30'),
      controller: { name: 'Muster GmbH', dpoContact: 'dsb@muster.de' },
      retentionYears: { businessLetter: 7 },
    });
    expect(doc.activities.length).toBeGreaterThan(0);
  });

  it('is generated as a PDF', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/privacy/records-of-processing?format=pdf' }, dpo);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
  });

  it('refuses an unknown format naming the parameter', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/privacy/records-of-processing?format=docx' }, dpo);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('format');
  });
});

describe('a retention period of 0 years keeps nothing', () => {
  it('erases a person with 1,000 activities (e-mails and letters among them) at once', async () => {
    const as = { ...dpo, tenantId: TENANT_B };
    const vera = await createContact(t, person('Vera', 'Vielschreiber'), { tenantId: TENANT_B });
    expect(await seedActivities(t.app.mongo, TENANT_B, 1000)).toBe(1000);
    const state = (await t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${vera.id}` }, as)).json();
    expect(state.erasurePreview.outcome).toBe('restricted');
    const { version: _v, ...body } = (await get(as)).json();
    await put({ ...body, retentionYears: { businessLetter: 0, bookingVoucher: 0, books: 0 } }, '"0"', as);
    const started = Date.now();
    const res = await t.request(
      {
        method: 'POST',
        url: `/api/v1/privacy/contacts/${vera.id}/erasure`,
        headers: { 'if-match': `"${state.version}"` },
        payload: { reason: 'request' },
      },
      as,
    );
    const ms = Date.now() - started;
    expect(res.json()).toMatchObject({ outcome: 'erased' });
    // A measurement for the report, not an assertion.
    console.log(`erasure of a person with 1,000 activities: ${ms} ms`);
    expect(await t.app.mongo.db?.collection('activities').countDocuments({ tenantId: TENANT_B })).toBe(0);
    const log = (await t.request({ method: 'GET', url: '/api/v1/privacy/erasures/log' }, as)).json().items;
    expect(log[0].removed).toMatchObject({ activities: 1000, contacts: 1 });
    const badCursor = await t.request({ method: 'GET', url: '/api/v1/privacy/erasures/log?cursor=nonsense' }, as);
    expect(badCursor.statusCode).toBe(400);
    const badList = await t.request({ method: 'GET', url: '/api/v1/privacy/erasures?list=all' }, as);
    expect(badList.statusCode).toBe(400);
    expect(JSON.stringify(badList.json().errors)).toContain('list');
  }, 180_000);
});
