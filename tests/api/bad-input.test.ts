import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, person } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let existing: Record<string, unknown>;
beforeAll(async () => {
  t = await createTestApp();
  existing = await createContact(t, person('Bleibt', 'Unverändert', { position: 'Original' }));
});
afterAll(() => t.close());

async function snapshot() {
  const list = (await t.request({ method: 'GET', url: '/api/v1/contacts?limit=100' })).json();
  const one = (await t.request({ method: 'GET', url: `/api/v1/contacts/${existing.id}` })).json();
  return JSON.stringify([list, one]);
}

const create = (payload: unknown, headers: Record<string, string> = {}) =>
  t.request({
    method: 'POST',
    url: '/api/v1/contacts',
    headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('bad input is refused with field-level problems and changes nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    [
      'an invalid email',
      { kind: 'person', lastName: 'X', emails: [{ address: 'not-an-email', primary: true }] },
      'body.emails.0.address',
    ],
    ['an unknown field', { kind: 'company', name: 'X GmbH', hacked: true }, 'body.hacked'],
    ['a wrong type', { kind: 'person', lastName: 42 }, 'body.lastName'],
    [
      'a number as a string',
      { kind: 'company', name: 'X GmbH', lead: { budget: { minEur: '1000' } } },
      'body.lead.budget.minEur',
    ],
    ['an unknown enum value', { kind: 'person', lastName: 'X', relationships: ['friend'] }, 'body.relationships.0'],
    ['an unknown kind', { kind: 'robot', name: 'R2' }, 'body.kind'],
    ['a string over its limit', { kind: 'person', lastName: 'x'.repeat(101) }, 'body.lastName'],
    ['a missing required field', { kind: 'person', firstName: 'Ohne' }, 'body.lastName'],
    ['an empty name', { kind: 'company', name: '' }, 'body.name'],
    ['a malformed company id', { kind: 'person', lastName: 'X', companyId: 'abc' }, 'body.companyId'],
    [
      'two primary emails',
      {
        kind: 'person',
        lastName: 'X',
        emails: [
          { address: 'a@b.de', primary: true },
          { address: 'c@d.de', primary: true },
        ],
      },
      'body.emails',
    ],
  ];

  it.each(cases)('%s', async (_name, body, field) => {
    const before = await snapshot();
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(problem.detail).toBeTruthy();
    expect(await snapshot()).toBe(before);
  });

  it('explains validation problems in English when asked', async () => {
    const res = await create({ kind: 'person', lastName: 42 }, { 'accept-language': 'en' });
    expect(res.json().title).toBe('Validation failed');
    expect(res.json().errors[0].message).toBe('must be text');
    const de = await create({ kind: 'person', lastName: 42 });
    expect(de.json().title).toBe('Eingabe ungültig');
    expect(de.json().errors[0].message).toBe('muss ein Text sein');
  });

  it('refuses malformed JSON', async () => {
    const res = await create('{"kind": "person", ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a 1 MB body', async () => {
    const before = await snapshot();
    const res = await create({ kind: 'company', name: 'Gross', industry: 'x'.repeat(1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['a malformed id', 'GET', '/api/v1/contacts/not-an-id', 'params.id'],
    ['an invalid cursor', 'GET', '/api/v1/contacts?cursor=%%%', 'querystring.cursor'],
    ['a limit out of range', 'GET', '/api/v1/contacts?limit=1000', 'querystring.limit'],
    ['an unknown query parameter', 'GET', '/api/v1/contacts?evil=1', 'querystring.evil'],
    ['an unknown filter value', 'GET', '/api/v1/contacts?relationship=friend', 'querystring.relationship'],
  ])('%s', async (_name, method, url, field) => {
    const res = await t.request({ method: method as 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a patch with an unknown field or a bad If-Match and keeps the contact', async () => {
    const before = await snapshot();
    const url = `/api/v1/contacts/${existing.id}`;
    const unknown = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { position: 'Neu', role: 'x' },
    });
    expect(unknown.statusCode).toBe(400);
    const badMatch = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': 'version-one' },
      payload: { position: 'Neu' },
    });
    expect(badMatch.statusCode).toBe(400);
    const empty = await t.request({ method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('answers an unsupported content type with 415, text/plain too, in the reader’s language', async () => {
    const res = await create('kind=person', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const text = await create('{"kind":"person","lastName":"X"}', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().detail).toMatch(/nicht unterstützt.*JSON/);
  });

  it('names the field by its label and says plainly what is wrong, in German or English', async () => {
    const missing = await create({ kind: 'person', firstName: 'Ohne' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Nachname: ist ein Pflichtfeld');
    expect(missing.json().errors).toEqual([{ field: 'body.lastName', message: 'ist ein Pflichtfeld' }]);
    const email = await create(
      { kind: 'person', lastName: 'X', emails: [{ address: 'kein-at-zeichen', primary: true }] },
      { 'accept-language': 'en' },
    );
    expect(email.json().detail).toBe('Email addresses, entry 1: is not a valid email address');
  });

  it('explains broken and empty JSON in German or English', async () => {
    const before = await snapshot();
    const broken = await create('{"kind":', { 'content-type': 'application/json' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toBe('Der Inhalt ist kein gültiges JSON.');
    const brokenEn = await create('{"kind":', { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(brokenEn.json().detail).toBe('The content is not valid JSON.');
    const empty = await create('', { 'content-type': 'application/json' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/leer/);
    expect(await snapshot()).toBe(before);
  });
});
