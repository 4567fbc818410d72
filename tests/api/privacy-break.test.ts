import { randomUUID } from 'node:crypto';
import { EJSON } from 'bson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Adversarial probes of the DSGVO lifecycle (issue 15): merged duplicates, concurrent erasures,
// bad dates in the register and odd requests to the public double opt-in page.

type Json = Record<string, unknown>;
const dpo = { roles: ['CRM.DataProtection' as const], userId: 'user-dpo', name: 'Dana Datenschutz' };
let t: TestApp;
const now = new Date();
beforeAll(async () => {
  t = await createTestApp({}, { clock: () => now });
});
afterAll(() => t.close());

const version = async (id: unknown) =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json().version as number;
const erase = async (id: unknown) =>
  t.request(
    {
      method: 'POST',
      url: `/api/v1/privacy/contacts/${id}/erasure`,
      headers: { 'if-match': `"${await version(id)}"` },
      payload: { reason: 'request' },
    },
    dpo,
  );

/** Every document of every collection as lower-case JSON text. */
async function everything(): Promise<string> {
  const db = t.app.mongo.db;
  if (!db) throw new Error('no database');
  const parts: string[] = [];
  for (const { name } of await db.listCollections().toArray())
    for (const doc of await db.collection(name).find({}).toArray()) parts.push(EJSON.stringify(doc));
  return parts.join('\n').toLowerCase();
}
const around = (all: string, needle: string) => {
  const at = all.indexOf(needle);
  return at < 0 ? '' : all.slice(Math.max(0, at - 200), at + 100);
};

describe('erasing the survivor of a merge', () => {
  it('erases the merged-away duplicate too (its name, address and phone are gone everywhere)', async () => {
    const survivor = await createContact(t, person('Mara', 'Quendelmerg', withEmail('mara@quendel.de')));
    const duplicate = await createContact(
      t,
      person('Mara', 'Quendelmerg', { ...withEmail('m.quendelmerg@privat-mail.de'), mobilePhone: '0171 4443332' }),
    );
    const merged = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      payload: { survivorId: survivor.id, duplicateId: duplicate.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const res = await erase(survivor.id);
    expect(res.json()).toEqual({ outcome: 'erased', coveredBy: [] });
    const all = await everything();
    for (const needle of ['quendelmerg', 'm.quendelmerg@privat-mail.de', '4443332'])
      expect(around(all, needle), needle).toBe('');
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${duplicate.id}` })).statusCode).toBe(404);
  });
});

describe('two erasures of one contact at once', () => {
  it('erases it once: one answers erased, the other 404 or 412, one log entry, never a 500', async () => {
    const c = await createContact(t, person('Zora', 'Zweimalig', withEmail('zora@zweimal.de')));
    const v = await version(c.id);
    const send = () =>
      t.request(
        {
          method: 'POST',
          url: `/api/v1/privacy/contacts/${c.id}/erasure`,
          headers: { 'if-match': `"${v}"` },
          payload: { reason: 'request' },
        },
        dpo,
      );
    const answers = await Promise.all([send(), send()]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(
      codes.every((code) => code < 500),
      JSON.stringify(answers.map((a) => a.body)),
    ).toBe(true);
    expect(codes).toContain(200);
    const log = (await t.request({ method: 'GET', url: '/api/v1/privacy/erasures/log' }, dpo)).json().items as Json[];
    expect(log.filter((e) => e.contactNumber === c.contactNumber)).toHaveLength(1);
    expect(around(await everything(), 'zweimalig')).toBe('');
  });
});

describe('bad dates and texts in the register', () => {
  const create = (body: Json) =>
    t.request(
      { method: 'POST', url: '/api/v1/privacy/requests', headers: { 'idempotency-key': randomUUID() }, payload: body },
      dpo,
    );
  const requester = { name: 'Erika Müller', email: 'erika@mueller.de', channel: 'email' };
  it.each([
    ['an impossible day', { receivedOn: '2026-02-30' }],
    ['a future day', { receivedOn: '2099-01-01' }],
    ['a control character in the name', { requester: { ...requester, name: 'Erika\u0000Müller' } }],
    ['a huge description', { description: 'x'.repeat(200_000) }],
    ['an unknown field', { secret: 1 }],
  ])('refuses %s with a problem and stores nothing', async (_what, extra) => {
    const before = (await t.request({ method: 'GET', url: '/api/v1/privacy/requests?list=open' }, dpo)).json().items
      .length;
    const res = await create({ type: 'access', requester, ...extra });
    expect([400, 413]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const after = (await t.request({ method: 'GET', url: '/api/v1/privacy/requests?list=open' }, dpo)).json().items
      .length;
    expect(after).toBe(before);
  });
});

describe('the public double opt-in page, poked at', () => {
  it('answers odd tokens with a page or a problem, never a 500, and echoes nothing unescaped', async () => {
    for (const token of [
      'x'.repeat(5000),
      '..%2F..%2Fetc%2Fpasswd',
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      'a'.repeat(40),
      `${'A'.repeat(30)}.${'B'.repeat(43)}`,
    ]) {
      for (const method of ['GET', 'POST', 'HEAD'] as const) {
        const res = await t.app.inject({ method, url: `/api/v1/public/doi/${token}` });
        expect(res.statusCode, `${method} ${token.slice(0, 40)}`).toBeLessThan(500);
        expect(res.body).not.toContain('<script>');
      }
    }
  });
});

describe('merging and restriction or legal hold', () => {
  const restrict = async (id: unknown) =>
    t.request(
      {
        method: 'POST',
        url: `/api/v1/privacy/contacts/${id}/restriction`,
        headers: { 'if-match': `"${await version(id)}"` },
        payload: {},
      },
      dpo,
    );
  it('refuses to merge a restricted duplicate and changes neither contact', async () => {
    const survivor = await createContact(t, person('Sven', 'Sperrmerge', withEmail('sven@sperrmerge.de')));
    const duplicate = await createContact(t, person('Sven', 'Sperrmerge', withEmail('sven.privat@sperrmerge.de')));
    expect((await restrict(duplicate.id)).statusCode).toBe(200);
    const before = (await t.request({ method: 'GET', url: `/api/v1/contacts/${survivor.id}` })).json();
    const merged = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      payload: { survivorId: survivor.id, duplicateId: duplicate.id },
    });
    expect(merged.statusCode).toBe(409);
    expect(merged.json().detail).toBeTruthy();
    const after = (await t.request({ method: 'GET', url: `/api/v1/contacts/${survivor.id}` })).json();
    expect(after.version).toBe(before.version);
    expect(JSON.stringify(after.emails)).not.toContain('sven.privat');
  });
  it('answers held when a duplicate merged into the contact is under a legal hold, and erases nothing', async () => {
    const survivor = await createContact(t, person('Hilde', 'Haltmerge', withEmail('hilde@haltmerge.de')));
    const duplicate = await createContact(t, person('Hilde', 'Haltmerge', withEmail('h.privat@haltmerge.de')));
    const hold = await t.request(
      {
        method: 'PUT',
        url: `/api/v1/privacy/contacts/${duplicate.id}/legal-hold`,
        headers: { 'if-match': `"${await version(duplicate.id)}"` },
        payload: { reason: 'Rechtsstreit Az. 12 O 34/26' },
      },
      dpo,
    );
    expect(hold.statusCode, hold.body).toBe(200);
    const merged = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      payload: { survivorId: survivor.id, duplicateId: duplicate.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // The preview says what erasing will do.
    const preview = await t.request({ method: 'GET', url: `/api/v1/privacy/contacts/${survivor.id}` }, dpo);
    expect(preview.json().erasurePreview.outcome).toBe('held');
    const res = await erase(survivor.id);
    expect(res.json().outcome).toBe('held');
    expect(await everything()).toContain('h.privat@haltmerge.de');
  });
});

describe('templates and a restricted contact', () => {
  it('refuse to fill a template for it (409 contactRestricted): no mail or letter from restricted data', async () => {
    const rolf = await createContact(t, person('Rolf', 'Vorlagensperre', withEmail('rolf@vorlage.de')));
    const restricted = await t.request(
      {
        method: 'POST',
        url: `/api/v1/privacy/contacts/${rolf.id}/restriction`,
        headers: { 'if-match': `"${await version(rolf.id)}"` },
        payload: {},
      },
      dpo,
    );
    expect(restricted.statusCode).toBe(200);
    const draft = { name: 'Angebot', subject: 'Ihr Angebot', bodyHtml: '<p>{{briefanrede}}</p>', language: 'de' };
    const template = await t.request({
      method: 'POST',
      url: '/api/v1/templates',
      headers: { 'idempotency-key': randomUUID() },
      payload: { ...draft, purpose: 'marketing' },
    });
    expect(template.statusCode, template.body).toBe(201);
    const render = await t.request({
      method: 'POST',
      url: `/api/v1/templates/${template.json().id}/render`,
      payload: { contactId: rolf.id },
    });
    expect(render.statusCode).toBe(409);
    expect(render.body).not.toContain('Vorlagensperre');
    const preview = await t.request({
      method: 'POST',
      url: '/api/v1/templates/preview',
      payload: { subject: draft.subject, bodyHtml: draft.bodyHtml, language: 'de', contactId: rolf.id },
    });
    expect(preview.statusCode).toBe(409);
  });
});

describe('a forged double opt-in link naming an unknown tenant', () => {
  it('answers the invalid page and stores nothing (no link secret for that tenant)', async () => {
    const db = t.app.mongo.db;
    if (!db) throw new Error('no database');
    const before = await db.collection('doubleOptInSecrets').countDocuments({});
    for (let i = 0; i < 3; i++) {
      const tenant = Buffer.from(randomUUID()).toString('base64url');
      const token = `${tenant}.${'a'.repeat(24)}.${'B'.repeat(43)}`;
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({ method, url: `/api/v1/public/doi/${token}` });
        expect(res.statusCode).toBe(404);
      }
    }
    expect(await db.collection('doubleOptInSecrets').countDocuments({})).toBe(before);
  });
});

describe('odd queries and params on the privacy routes', () => {
  it('never answer a 500', async () => {
    const c = await createContact(t, person('Quirin', 'Querystring', withEmail('quirin@query.de')));
    const bad = [
      '%00',
      'x'.repeat(3000),
      '2026-02-30|aaaaaaaaaaaaaaaaaaaaaaaa',
      '%7B%22%24gt%22%3A%22%22%7D',
      '..%2F..',
    ];
    const urls = bad.flatMap((v) => [
      `/api/v1/privacy/requests?list=open&cursor=${v}`,
      `/api/v1/privacy/requests?list=overdue&cursor=${v}`,
      `/api/v1/privacy/requests/${v}`,
      `/api/v1/privacy/erasures?list=due&cursor=${v}`,
      `/api/v1/privacy/erasures/log?cursor=${v}`,
      `/api/v1/privacy/consent-review?cursor=${v}`,
      `/api/v1/privacy/contacts/${c.id}/export?format=${v}`,
      `/api/v1/privacy/contacts/${v}`,
      `/api/v1/privacy/records-of-processing?format=${v}`,
    ]);
    for (const url of urls) {
      const res = await t.request({ method: 'GET', url }, dpo);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
