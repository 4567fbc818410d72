import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_MARKER } from '../../api/src/features/contacts/contacts.migrations';
import { buildApp } from '../../api/src/index';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Every text a request carries is normalised once at the API boundary (shared text.rules.ts):
// invisible characters leave single-line fields, NFC everywhere, control characters and lone
// surrogates are refused with a field error, required text needs a visible character.

let t: TestApp;
let firma: Record<string, unknown>;
let existing: Record<string, unknown>;
beforeAll(async () => {
  t = await createTestApp();
  firma = await createContact(t, company('Unsichtbar GmbH'));
  existing = await createContact(t, person('Bleibt', 'Unverändert', { notes: { specifics: 'Original' } }));
});
afterAll(() => t.close());

type Problem = { status: number; detail: string; errors: Array<{ field: string; message: string }> };

// Raw JSON, so that escapes such as "\ud800" reach the server as written.
const post = (url: string, json: string | Buffer, headers: Record<string, string> = {}) =>
  t.request({
    method: 'POST',
    url,
    headers: { 'idempotency-key': randomUUID(), 'content-type': 'application/json', ...headers },
    payload: json,
  });
const create = (body: unknown, headers: Record<string, string> = {}) =>
  post('/api/v1/contacts', typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body), headers);

async function snapshot() {
  const list = (await t.request({ method: 'GET', url: '/api/v1/contacts?limit=100' })).json();
  const one = (await t.request({ method: 'GET', url: `/api/v1/contacts/${existing.id}` })).json();
  return JSON.stringify([list, one]);
}

async function search(q: string): Promise<string[]> {
  const res = await t.request({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id);
}

/** How the problem's detail names a field: by its label where it has one (German). */
const LABELS: Record<string, string> = {
  'body.name': 'Firmenname',
  'body.lastName': 'Nachname',
  'body.address.city': 'Ort',
  'body.notes.specifics': 'Besonderheiten',
  'body.tags': 'Schlagwörter',
  'body.tags.0': 'Schlagwörter, Eintrag 1',
  'body.text': 'Text',
  'body.event': 'Ereignis',
  'body.proof': 'Nachweis',
  'querystring.q': 'Suchbegriff',
};

function expectFieldError(
  res: { statusCode: number; json(): unknown },
  field: string,
  message: RegExp,
  label: string = LABELS[field] ?? field,
) {
  expect(res.statusCode).toBe(400);
  const problem = res.json() as Problem;
  const errors = problem.errors.filter((e) => e.field === field);
  // One clear message per field, not ajv's minLength and pattern errors beside it.
  expect(errors).toHaveLength(1);
  expect(errors[0]?.message).toMatch(message);
  expect(problem.detail.startsWith(`${label}: `)).toBe(true);
}

describe('text that is refused changes nothing', () => {
  it.each([
    ['a name of only U+200B', { kind: 'company', name: '\u200b' }, 'body.name', /darf nicht leer sein/],
    ['a name of only bidi controls', { kind: 'person', lastName: '\u202e\u202c' }, 'body.lastName', /nicht leer/],
    ['a name of soft hyphen and space', { kind: 'person', lastName: ' \u00ad ' }, 'body.lastName', /nicht leer/],
    ['a NUL byte in a name', { kind: 'company', name: 'Null\u0000 GmbH' }, 'body.name', /Steuerzeichen/],
    ['an escape in a tag', { kind: 'company', name: 'X', tags: ['\u001b[31m'] }, 'body.tags.0', /Steuerzeichen/],
    [
      'a C1 control in a city',
      { kind: 'company', name: 'X', address: { city: 'Köln\u0085' } },
      'body.address.city',
      /Steuerzeichen/,
    ],
    ['a line break in a name', { kind: 'person', lastName: 'Max\nMuster' }, 'body.lastName', /Zeilenumbr/],
    [
      'a NUL byte in the specifics',
      { kind: 'company', name: 'X', notes: { specifics: 'a\u0000b' } },
      'body.notes.specifics',
      /Steuerzeichen/,
    ],
  ])('%s', async (_name, body, field, message) => {
    const before = await snapshot();
    expectFieldError(await create(body), field, message);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a lone surrogate instead of storing U+FFFD', async () => {
    const before = await snapshot();
    expectFieldError(await create('{"kind":"company","name":"Kaputt \\ud800 GmbH"}'), 'body.name', /ungültige Zeichen/);
    expectFieldError(
      await create('{"kind":"person","lastName":"X","notes":{"specifics":"\\udc00"}}'),
      'body.notes.specifics',
      /ungültige Zeichen/,
    );
    expect(await snapshot()).toBe(before);
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD', async () => {
    const before = await snapshot();
    for (const bytes of [
      Buffer.concat([Buffer.from('{"kind":"person","lastName":"M'), Buffer.from([0xff, 0xfe]), Buffer.from('ller"}')]),
      Buffer.concat([Buffer.from('{"kind":"company","name":"M'), Buffer.from([0xfc]), Buffer.from('ller GmbH"}')]), // Latin-1 ü
      Buffer.concat([Buffer.from('{"kind":"company","name":"X'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), // cut off
    ]) {
      const res = await create(bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'badRequest', detail: expect.stringMatching(/kein gültiges UTF-8/) });
    }
    const en = await create(Buffer.from([0x7b, 0xff, 0x7d]), { 'accept-language': 'en' });
    expect(en.json().detail).toMatch(/not valid UTF-8/);
    expect(await snapshot()).toBe(before);
    // A BOM-free UTF-8 body still works.
    expect((await create(Buffer.from('{"kind":"person","lastName":"Müller"}', 'utf8'))).statusCode).toBe(201);
  });

  it('explains in English when asked', async () => {
    const en = { 'accept-language': 'en' };
    const name = 'Company name';
    expectFieldError(await create({ kind: 'company', name: '\u200b' }, en), 'body.name', /^must not be empty$/, name);
    expectFieldError(await create({ kind: 'company', name: 'a\u0000' }, en), 'body.name', /control characters/, name);
    expectFieldError(await create('{"kind":"company","name":"\\ud83d"}', en), 'body.name', /invalid characters/, name);
  });

  it('refuses a NUL byte in a note, a history entry and a consent proof; an invisible-only note is empty', async () => {
    const before = await snapshot();
    const url = `/api/v1/contacts/${existing.id}`;
    expectFieldError(await post(`${url}/notes/free`, '{"text":"Notiz\\u0000"}'), 'body.text', /Steuerzeichen/);
    expectFieldError(await post(`${url}/notes/free`, '{"text":"\\u200b\\n"}'), 'body.text', /nicht leer/);
    expectFieldError(await post(`${url}/notes/history`, '{"event":"\\u0007"}'), 'body.event', /Steuerzeichen/);
    expectFieldError(
      await post(`${url}/consent-events`, '{"channel":"email","type":"optIn","source":"Messe","proof":"\\u0000"}'),
      'body.proof',
      /Steuerzeichen/,
    );
    expect(await snapshot()).toBe(before);
  });

  it('refuses a blank name in a patch and keeps the contact', async () => {
    const before = await snapshot();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${existing.id}`,
      headers: { 'if-match': `"${existing.version}"` },
      payload: { lastName: '\u2066\u2069' },
    });
    expectFieldError(res, 'body.lastName', /nicht leer/);
    expect(await snapshot()).toBe(before);
  });

  it('checks query strings too', async () => {
    expectFieldError(
      await t.request({ method: 'GET', url: '/api/v1/contacts?q=a%00b' }),
      'querystring.q',
      /Steuerzeichen/,
    );
  });

  it('compares tags after normalising: "vip" and "vi\\u200bp" are the same tag', async () => {
    const res = await create({ kind: 'company', name: 'X', tags: ['vip', 'vi\u200bp'] });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors.map((e) => e.field)).toContain('body.tags');
  });
});

describe('text that is accepted is stored normalised', () => {
  it('stores "Mü\\u200bller" as "Müller", finds it by search and by the duplicate check', async () => {
    const created = await createContact(
      t,
      person('Karl\u200b', 'Mü\u200bller', { companyId: firma.id, ...withEmail('karl.mueller@unsichtbar.de') }),
    );
    expect(created.lastName).toBe('Müller');
    expect(created.firstName).toBe('Karl');
    expect(created.displayName).toBe('Karl Müller');
    const stored = (await t.request({ method: 'GET', url: `/api/v1/contacts/${created.id}` })).json();
    expect(stored.lastName).toBe('Müller');
    expect(await search('Müller')).toContain(created.id);
    expect(await search('Mü\u200bller')).toContain(created.id);
    expect(await search('Mu\u0308ller')).toContain(created.id);
    const check = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/duplicate-check',
      payload: { kind: 'person', firstName: 'Karl', lastName: 'Müller', companyId: firma.id },
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().candidates.map((c: { contact: { id: string } }) => c.contact.id)).toContain(created.id);
  });

  it('stores a decomposed (NFD) name composed (NFC) and finds it as Müller', async () => {
    const created = await createContact(t, person('Jo\u0308rg', 'Mu\u0308ller-Lu\u0308denscheidt'));
    expect(created.firstName).toBe('Jörg');
    expect(created.lastName).toBe('Müller-Lüdenscheidt');
    expect(created.lastName).toHaveLength('Müller-Lüdenscheidt'.length);
    expect(await search('Müller')).toContain(created.id);
    expect(await search('Jörg')).toContain(created.id);
  });

  it('strips an RTL override and direction marks from an e-mail address', async () => {
    const created = await createContact(t, person('Rita', 'Rechts', withEmail('\u200erita\u202e@unsichtbar.de\u200f')));
    expect(created.emails).toEqual([{ address: 'rita@unsichtbar.de', primary: true }]);
    expect(await search('rita@unsichtbar.de')).toContain(created.id);
  });

  it('keeps line breaks, tabs and the joiners inside emoji in free text, composed', async () => {
    const text = 'Zeile 1\r\n\tZeile 2 👩\u200d💻 ❤\ufe0f Mu\u0308ller';
    const created = await createContact(t, company('Notizen AG', { notes: { specifics: text } }));
    expect(created.notes).toMatchObject({ specifics: text.normalize('NFC') });
    const res = await post(`/api/v1/contacts/${created.id}/notes/free`, JSON.stringify({ text }));
    expect(res.statusCode).toBe(200);
    expect(res.json().notes.free[0].text).toBe(text.normalize('NFC'));
  });

  it('counts the length of the normalised text', async () => {
    const created = await createContact(t, person(undefined, `${'x'.repeat(100)}${'\u200b'.repeat(20)}`));
    expect(created.lastName).toBe('x'.repeat(100));
  });
});

describe('contacts stored before the text rules', () => {
  it('are re-derived at start-up, so "Müller" finds a stored "Mü\\u200bller"', async () => {
    // What an earlier version stored for "Mü\u200bller": the zero width space split the name,
    // so its keys were those of "Mue ller" (phonetic code "6 57", one per word; name prefixes of
    // the two words only). Created as that, then given the old stored name and keys.
    const old = await createContact(t, person('Karla', 'Mue ller', { companyId: firma.id }));
    const oldPrefixes = ['k', 'ka', 'kar', 'karl', 'karla', 'm', 'mu', 'mue', 'l', 'll', 'lle', 'ller'];
    const db = t.app.mongo.db!;
    const _id = new Types.ObjectId(String(old.id));
    await db.collection('contacts').updateOne(
      { _id },
      {
        $set: {
          lastName: 'Mü\u200bller',
          matchKeys: [`pl:6 57|c:${firma.id}`],
          namePrefixes: oldPrefixes,
          version: Number(old.version) + 1,
        },
        // Nor were whole name words and their phonetic codes stored then.
        $unset: { nameWords: '', phoneticKeys: '' },
      },
    );
    const duplicateCheck = async (app: typeof t.app, token: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/contacts/duplicate-check',
          headers: { authorization: `Bearer ${token}` },
          payload: { kind: 'person', firstName: 'Karla', lastName: 'Müller', companyId: firma.id },
        })
      )
        .json()
        .candidates.map((c: { contact: { id: string } }) => c.contact.id);
    const token = await t.token();
    expect(await search('Müller')).not.toContain(old.id);
    expect(await duplicateCheck(t.app, token)).not.toContain(old.id);

    await db.collection('migrations').deleteOne({ _id: REFRESH_MARKER as never });
    const restarted = await buildApp(t.config);
    await restarted.ready();
    await restarted.migrations.done;
    try {
      const res = await restarted.inject({
        method: 'GET',
        url: `/api/v1/contacts?q=${encodeURIComponent('Müller')}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.json().items.map((i: { id: string }) => i.id)).toContain(old.id);
      expect(await duplicateCheck(restarted, token)).toContain(old.id);
    } finally {
      await restarted.close();
    }
  });
});
