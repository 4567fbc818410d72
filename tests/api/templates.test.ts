import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../../api/src/index';
import { company, createContact, person } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Templates (Vorlagen): CRUD with Idempotency-Key and If-Match, the restricted placeholder
// grammar, HTML sanitising, rendering for contacts, permissions and tenant isolation.

type Json = Record<string, unknown>;
let t: TestApp;
let muster: Json;
let erika: Json;
let hans: Json;
let kim: Json;
let solo: Json;
const bea = { userId: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' } as const;
const marketing: Partial<TokenRequest> = { userId: 'user-m', roles: ['CRM.Marketing'], name: 'Mia Marketing' };
const sales: Partial<TokenRequest> = { userId: 'user-s', roles: ['CRM.Sales'], name: 'Sam Sales' };
const otherTenant: Partial<TokenRequest> = { tenantId: TENANT_B, userId: 'user-b' };

const draft = (extra: Json = {}): Json => ({
  name: `Vorlage ${randomUUID().slice(0, 8)}`,
  subject: 'Hallo {{vorname}}',
  bodyHtml: '<p>{{briefanrede}}</p><p>Grüße von {{betreuer}}</p>',
  language: 'de',
  purpose: 'marketing',
  ...extra,
});

async function post(body: Json, as: Partial<TokenRequest> = {}, key = randomUUID(), lang = 'de') {
  return t.request(
    {
      method: 'POST',
      url: '/api/v1/templates',
      headers: { 'idempotency-key': key, 'accept-language': lang },
      payload: body,
    },
    as,
  );
}

async function create(body: Json = draft(), as: Partial<TokenRequest> = {}): Promise<Json> {
  const res = await post(body, as);
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

const patch = (id: unknown, version: number | string, body: Json, lang = 'de') =>
  t.request({
    method: 'PATCH',
    url: `/api/v1/templates/${id}`,
    headers: { 'if-match': `"${version}"`, 'accept-language': lang },
    payload: body,
  });

const render = (id: unknown, contactId: unknown, as: Partial<TokenRequest> = {}) =>
  t.request({ method: 'POST', url: `/api/v1/templates/${id}/render`, payload: { contactId } }, as);

const preview = (body: Json, as: Partial<TokenRequest> = {}, lang = 'de') =>
  t.request(
    { method: 'POST', url: '/api/v1/templates/preview', headers: { 'accept-language': lang }, payload: body },
    as,
  );

beforeAll(async () => {
  t = await createTestApp();
  await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
  muster = await createContact(t, company('Muster GmbH'));
  erika = await createContact(
    t,
    person('Erika', 'Müller', {
      salutation: 'Frau',
      title: 'Dr.',
      companyId: muster.id,
      position: 'Leiterin Einkauf',
      department: 'Einkauf',
      ownerId: 'user-bea',
    }),
  );
  hans = await createContact(t, person('Hans', 'Mustermann', { salutation: 'Herr', companyId: muster.id }));
  kim = await createContact(t, person('Kim', 'Schmidt', { salutation: 'none' }));
  solo = await createContact(t, person('Ole', '<script>alert(1)</script> & Söhne', { salutation: 'Herr' }));
});
afterAll(async () => t.close());

describe('creating and reading templates', () => {
  it('stores a template with its derived placeholders; a retry with the same key answers the same one', async () => {
    const key = randomUUID();
    const body = draft({
      subject: 'Angebot für {{ firma }}',
      bodyHtml: '<p>{{briefanrede}}</p><p>{{firma}} {{vorname}}</p>',
    });
    const first = await post(body, {}, key);
    expect(first.statusCode).toBe(201);
    const template = first.json();
    expect(template).toMatchObject({
      name: body.name,
      subject: 'Angebot für {{ firma }}',
      placeholders: ['firma', 'briefanrede', 'vorname'],
      createdBy: { id: 'user-a', name: 'Test User' },
      version: 1,
    });
    expect(first.headers.etag).toBe('"1"');
    expect(first.headers.location).toBe(`/api/v1/templates/${template.id}`);

    const again = await post(body, {}, key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(template);
    expect((await post({ ...body, subject: 'anders' }, {}, key)).statusCode).toBe(409);

    const got = await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(template);
  });

  it('lists by name and filters by purpose and language, without bodies', async () => {
    await create(draft({ name: 'zz Letzte', purpose: 'transactional', language: 'en' }));
    await create(draft({ name: 'AA Erste', purpose: 'personal' }));
    const all = (await t.request({ method: 'GET', url: '/api/v1/templates' })).json().items as Json[];
    const names = all.map((i) => String(i.name));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de', { sensitivity: 'base' })));
    expect(names[0]).toBe('AA Erste');
    expect(all[0]).not.toHaveProperty('bodyHtml');
    const en = (await t.request({ method: 'GET', url: '/api/v1/templates?purpose=transactional&language=en' })).json();
    expect(en.items.map((i: Json) => i.name)).toEqual(['zz Letzte']);
  });

  it('refuses a second template of the same name, whatever its case, naming „Name“ (409)', async () => {
    await create(draft({ name: 'Einladung Sommerfest' }));
    const res = await post(draft({ name: '  einladung   SOMMERFEST ' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/^Name: /);
    expect(res.json().errors[0].field).toBe('body.name');
    const en = await post(draft({ name: 'EINLADUNG SOMMERFEST' }), {}, randomUUID(), 'en');
    expect(en.json().detail).toMatch(/^Name: A template/);
  });

  it('names the field by its label in schema errors, in German and English', async () => {
    const de = await post(draft({ name: '' }));
    expect(de.statusCode).toBe(400);
    expect(de.json().detail).toMatch(/^Name: /);
    const en = await post(draft({ language: 'fr' }), {}, randomUUID(), 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().detail).toMatch(/^Language: /);
    const extra = await post(draft({ sender: 'x' }));
    expect(extra.statusCode).toBe(400);
  });
});

describe('the placeholder grammar', () => {
  it.each([
    [
      'an unknown placeholder',
      '<p>{{foo}}</p>',
      /Unbekannter Platzhalter \{\{foo\}\}\. Erlaubt: \{\{briefanrede\}\}, /,
    ],
    ['a wrongly cased one', '<p>{{Vorname}}</p>', /kleingeschrieben: \{\{vorname\}\}/],
    ['a tag', '<p>{% if vorname %}x{% endif %}</p>', /Befehle wie \{% if vorname %\}/],
    ['a filter', '<p>{{ vorname | upcase }}</p>', /Filter \(\|\)/],
    ['a dotted path', '<p>{{ contact.vorname }}</p>', /Punkte und Klammern/],
    ['a literal', '<p>{{ "x" }}</p>', /ist kein Platzhalter/],
    ['an unclosed one', '<p>{{ vorname </p>', /nicht geschlossen/],
  ])('refuses %s in the body with 422 naming „Text“', async (_what, bodyHtml, message) => {
    const res = await post(draft({ bodyHtml }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.bodyHtml');
    expect(res.json().detail).toMatch(/^Text: /);
    expect(res.json().detail).toMatch(message);
  });

  it('refuses an unknown placeholder in the subject naming „Betreff“ / "Subject"', async () => {
    const de = await post(draft({ subject: 'Hallo {{kundennummer}}' }));
    expect(de.statusCode).toBe(422);
    expect(de.json().detail).toMatch(/^Betreff: Unbekannter Platzhalter \{\{kundennummer\}\}/);
    const en = await post(draft({ subject: 'Hi {{kundennummer}}' }), {}, randomUUID(), 'en');
    expect(en.json().detail).toMatch(/^Subject: Unknown placeholder \{\{kundennummer\}\}\. Allowed: /);
  });

  it('refuses the same on a change and in a preview', async () => {
    const template = await create();
    const changed = await patch(template.id, 1, { bodyHtml: '<p>{{ vorname | downcase }}</p>' }, 'en');
    expect(changed.statusCode).toBe(422);
    expect(changed.json().detail).toMatch(/^Text: /);
    const unchanged = await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}` });
    expect(unchanged.json().version).toBe(1);
    const previewed = await preview({ subject: '{% include "x" %}', bodyHtml: '<p>hi</p>', language: 'de' });
    expect(previewed.statusCode).toBe(422);
    expect(previewed.json().errors[0].field).toBe('body.subject');
  });

  it.each([
    [
      'an extra pair of braces, quoted as written',
      '<p>{{{vorname}}}</p>',
      /^Text: \{\{\{vorname\}\}\} ist kein Platzhalter\. Meinten Sie \{\{vorname\}\}\?/,
    ],
    [
      'a near miss',
      '<p>Hallo {{vornam}},</p>',
      /^Text: Unbekannter Platzhalter \{\{vornam\}\}\. Meinten Sie \{\{vorname\}\}\? Erlaubt: /,
    ],
    [
      'a near miss in other case',
      '<p>{{Nachnahme}}</p>',
      /Unbekannter Platzhalter \{\{Nachnahme\}\}\. Meinten Sie \{\{nachname\}\}\?/,
    ],
    [
      'whitespace control',
      '<p>{{- vorname -}}</p>',
      /^Text: \{\{- vorname -\}\}: Bindestriche an den Klammern \(Leerraum-Steuerung\) sind in Platzhaltern nicht erlaubt; schreiben Sie \{\{vorname\}\}\./,
    ],
  ])('words %s so the user can fix it', async (_what, bodyHtml, message) => {
    const res = await post(draft({ bodyHtml }));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('body.bodyHtml');
    expect(res.json().detail).toMatch(message);
  });

  it('suggests in English too, and nothing for a name far from every placeholder', async () => {
    const en = await post(draft({ subject: 'Hi {{vornam}}' }), {}, randomUUID(), 'en');
    expect(en.json().detail).toMatch(
      /^Subject: Unknown placeholder \{\{vornam\}\}\. Did you mean \{\{vorname\}\}\? Allowed: /,
    );
    const far = await post(draft({ bodyHtml: '<p>{{kundennummer}}</p>' }));
    expect(far.json().detail).not.toMatch(/Meinten Sie/);
  });

  it('refuses a placeholder inside a link target', async () => {
    const res = await post(draft({ bodyHtml: '<p><a href="https://x.de/{{firma}}">Link</a></p>' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/Links und anderen HTML-Attributen/);
  });
});

describe('sanitising the body', () => {
  it('keeps formatting and safe links, drops scripts, handlers, images and unsafe links', async () => {
    const template = await create(
      draft({
        bodyHtml:
          '<h2 onclick="x()">Titel</h2><p style="color:red">Text <strong>fett</strong> <em>kursiv</em></p>' +
          '<script>alert(1)</script><style>p{}</style><img src="https://tracker.example/p.gif">' +
          '<ul><li>eins</li></ul><a href="javascript:alert(1)">böse</a> <a href="https://klarkonform.de" target="_self">gut</a>' +
          '<a href="mailto:info@muster.de">Mail</a><iframe src="https://x"></iframe><div>frei</div>',
      }),
    );
    const html = String(template.bodyHtml);
    expect(html).toContain('<h2>Titel</h2>');
    expect(html).toContain('<p>Text <strong>fett</strong> <em>kursiv</em></p>');
    expect(html).toContain('<ul><li>eins</li></ul>');
    expect(html).toContain('<a rel="noopener noreferrer" target="_blank">böse</a>');
    expect(html).toContain('<a rel="noopener noreferrer" target="_blank" href="https://klarkonform.de">gut</a>');
    expect(html).toContain('href="mailto:info@muster.de"');
    expect(html).toContain('frei');
    expect(html).not.toMatch(/script|style|onclick|img|iframe|javascript|<div/);
  });
});

describe('changing and deleting', () => {
  it('changes with If-Match, answers 412 on a stale version and 428 without', async () => {
    const template = await create();
    const changed = await patch(template.id, 1, { name: `${template.name} neu`, purpose: 'personal' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ purpose: 'personal', version: 2, updatedBy: { id: 'user-a' } });
    expect(changed.headers.etag).toBe('"2"');
    const stale = await patch(template.id, 1, { subject: 'alt' });
    expect(stale.statusCode).toBe(412);
    const none = await t.request({
      method: 'PATCH',
      url: `/api/v1/templates/${template.id}`,
      payload: { subject: 'x' },
    });
    expect(none.statusCode).toBe(428);
  });

  it('refuses renaming to a name another template has (409), keeps its own name case-changed', async () => {
    const a = await create(draft({ name: 'Alpha Vorlage' }));
    const b = await create(draft({ name: 'Beta Vorlage' }));
    expect((await patch(b.id, 1, { name: 'ALPHA vorlage' })).statusCode).toBe(409);
    expect((await patch(a.id, 1, { name: 'ALPHA VORLAGE' })).statusCode).toBe(200);
  });

  it('deletes with If-Match (204); the audit trail keeps what it was; the name is free again', async () => {
    const template = await create(draft({ name: 'Kurzlebig' }));
    const stale = await t.request({
      method: 'DELETE',
      url: `/api/v1/templates/${template.id}`,
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    const gone = await t.request({
      method: 'DELETE',
      url: `/api/v1/templates/${template.id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(gone.statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}` })).statusCode).toBe(404);
    const audit = await t.app.mongo.collection('audit').find({ contactId: template.id }).sort({ at: 1 }).toArray();
    expect(audit.map((e) => e.action)).toEqual(['templateCreate', 'templateDelete']);
    expect(audit.every((e) => e.entity === 'template')).toBe(true);
    const deleted = audit[1]?.changes as Array<{ field: string; before?: unknown; after?: unknown }>;
    expect(deleted.find((c) => c.field === 'name')).toEqual({ field: 'name', before: 'Kurzlebig' });
    expect(deleted.map((c) => c.field)).toContain('bodyHtml');
    await create(draft({ name: 'Kurzlebig' }));
  });

  it('shows its audit trail, newest first, to whoever may read audits', async () => {
    const template = await create();
    await patch(template.id, 1, { purpose: 'transactional' });
    const history = await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}/history` });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((e: Json) => e.action)).toEqual(['templateUpdate', 'templateCreate']);
    const theirs = await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}/history` }, otherTenant);
    expect(theirs.statusCode).toBe(404);
  });

  it('writes an audit entry for a change, with before and after', async () => {
    const template = await create();
    await patch(template.id, 1, { subject: 'Neu {{nachname}}' });
    const entry = await t.app.mongo.collection('audit').findOne({ contactId: template.id, action: 'templateUpdate' });
    expect(entry?.changes).toContainEqual({ field: 'subject', before: 'Hallo {{vorname}}', after: 'Neu {{nachname}}' });
  });
});

describe('permissions and tenants', () => {
  it('lets CRM.Marketing manage templates and CRM.Sales only read and render them', async () => {
    const template = await create(draft(), marketing);
    expect((await post(draft(), sales)).statusCode).toBe(403);
    expect((await patch(template.id, 1, { subject: 'x' })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}` }, sales)).statusCode).toBe(200);
    expect((await render(template.id, hans.id, sales)).statusCode).toBe(200);
    expect((await preview({ subject: 'x', bodyHtml: '', language: 'de' }, sales)).statusCode).toBe(403);
    const del = await t.request(
      { method: 'DELETE', url: `/api/v1/templates/${template.id}`, headers: { 'if-match': '*' } },
      sales,
    );
    expect(del.statusCode).toBe(403);
  });

  it("answers 404 for another tenant's template and contact", async () => {
    const template = await create();
    expect((await t.request({ method: 'GET', url: `/api/v1/templates/${template.id}` }, otherTenant)).statusCode).toBe(
      404,
    );
    expect((await render(template.id, hans.id, otherTenant)).statusCode).toBe(404);
    const theirs = await create(draft(), otherTenant);
    expect((await render(theirs.id, hans.id, otherTenant)).statusCode).toBe(404);
    const list = await t.request({ method: 'GET', url: '/api/v1/templates' }, otherTenant);
    expect(list.json().items.map((i: Json) => i.id)).toEqual([theirs.id]);
  });
});

describe('rendering for a contact', () => {
  let template: Json;
  beforeAll(async () => {
    template = await create(
      draft({
        name: 'Alle Platzhalter',
        subject: 'Für {{anrede}} {{titel}} {{nachname}} ({{firma}})',
        bodyHtml:
          '<p>{{briefanrede}}</p><p>{{vorname}} {{nachname}}, {{position}}, {{abteilung}}, {{firma}}</p><p>{{betreuer}} {{kontaktnummer}}</p>',
      }),
    );
  });

  it('fills a person with title and salutation', async () => {
    const res = await render(template.id, erika.id);
    expect(res.statusCode).toBe(200);
    const rendered = res.json();
    expect(rendered).toMatchObject({
      templateId: template.id,
      templateName: 'Alle Platzhalter',
      purpose: 'marketing',
      language: 'de',
      contactId: erika.id,
      subject: 'Für Frau Dr. Müller (Muster GmbH)',
      emptyPlaceholders: [],
    });
    expect(rendered.bodyHtml).toBe(
      `<p>Sehr geehrte Frau Dr. Müller,</p><p>Erika Müller, Leiterin Einkauf, Einkauf, Muster GmbH</p><p>Bea Berater ${erika.contactNumber}</p>`,
    );
  });

  it('fills Herr without title, and names the empty placeholders', async () => {
    const rendered = (await render(template.id, hans.id)).json();
    expect(rendered.bodyHtml).toContain('<p>Sehr geehrter Herr Mustermann,</p>');
    expect(rendered.subject).toBe('Für Herr  Mustermann (Muster GmbH)');
    // The Betreuer defaults to whoever created the contact.
    expect(rendered.bodyHtml).toContain(`<p>Test User ${hans.contactNumber}</p>`);
    expect(rendered.emptyPlaceholders).toEqual(['titel', 'position', 'abteilung']);
  });

  it('greets anonymously without a salutation; empty company is an empty placeholder', async () => {
    const rendered = (await render(template.id, kim.id)).json();
    expect(rendered.bodyHtml).toContain('<p>Sehr geehrte Damen und Herren,</p>');
    expect(rendered.emptyPlaceholders).toEqual(['anrede', 'titel', 'firma', 'position', 'abteilung']);
  });

  it('fills a company contact with its own name', async () => {
    const rendered = (await render(template.id, muster.id)).json();
    expect(rendered.subject).toBe('Für    (Muster GmbH)');
    expect(rendered.bodyHtml).toContain('<p>Sehr geehrte Damen und Herren,</p>');
    expect(rendered.emptyPlaceholders).toContain('vorname');
    expect(rendered.emptyPlaceholders).not.toContain('firma');
  });

  it('escapes contact values in the body, keeps them plain in the subject', async () => {
    const rendered = (await render(template.id, solo.id)).json();
    expect(rendered.bodyHtml).toContain('Sehr geehrter Herr &lt;script&gt;alert(1)&lt;/script&gt; &amp; Söhne,');
    expect(rendered.bodyHtml).not.toContain('<script>');
    expect(rendered.subject).toBe('Für Herr  <script>alert(1)</script> & Söhne ()');
  });

  it('fills an English template in English', async () => {
    const english = await create(
      draft({ language: 'en', subject: 'News for {{anrede}} {{nachname}}', bodyHtml: '<p>{{briefanrede}}</p>' }),
    );
    const rendered = (await render(english.id, erika.id)).json();
    expect(rendered.subject).toBe('News for Ms Müller');
    expect(rendered.bodyHtml).toBe('<p>Dear Dr Müller,</p>');
    expect((await render(english.id, kim.id)).json().bodyHtml).toBe('<p>Dear Sir or Madam,</p>');
  });

  it('refuses an archived contact (409 naming the contact) and answers 404 for an unknown one', async () => {
    const gone = await createContact(t, person('Alt', 'Kunde', { salutation: 'Herr' }));
    const archived = await t.request({
      method: 'POST',
      url: `/api/v1/contacts/${gone.id}/archive`,
      payload: { reason: 'Firma aufgelöst' },
    });
    expect(archived.statusCode).toBe(200);
    const res = await render(template.id, gone.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('body.contactId');
    expect(res.json().detail).toMatch(/archiviert/);
    expect((await render(template.id, '0123456789abcdef01234567')).statusCode).toBe(404);
  });
});

describe('preview', () => {
  it('fills a draft for the sample person without a contact, and for a chosen contact', async () => {
    const body = { subject: 'Hallo {{vorname}}', bodyHtml: '<p>{{briefanrede}}</p><p>{{firma}}</p>', language: 'de' };
    const sample = await preview(body);
    expect(sample.statusCode).toBe(200);
    expect(sample.json()).toMatchObject({
      subject: 'Hallo Erika',
      bodyHtml: '<p>Sehr geehrte Frau Dr. Musterfrau,</p><p>Muster GmbH</p>',
      emptyPlaceholders: [],
    });
    expect(sample.json()).not.toHaveProperty('contactId');
    const forHans = (await preview({ ...body, contactId: hans.id, purpose: 'transactional' })).json();
    expect(forHans).toMatchObject({ subject: 'Hallo Hans', purpose: 'transactional', contactId: hans.id });
  });
});

describe('odd input', () => {
  it('never answers 500 to any subject and body on create and preview', async () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '{{',
        '}}',
        '{%',
        '%}',
        '{{vorname}}',
        '<a href="',
        '">',
        '<p>',
        '</p>',
        '<script>',
        '{{-',
        '|',
        '\u0000',
      ),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, text, async (subject, bodyHtml) => {
        const created = await post(draft({ subject: subject.slice(0, 500), bodyHtml }));
        expect([201, 400, 422]).toContain(created.statusCode);
        const previewed = await preview({ subject: subject.slice(0, 500), bodyHtml, language: 'en' });
        expect([200, 400, 422]).toContain(previewed.statusCode);
        if (previewed.statusCode !== 200) expect(previewed.json().errors?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('an empty text', () => {
  it.each([
    ['nothing', ''],
    ['only a script', '<script>x</script>'],
    ['empty paragraphs and spaces', '<p></p><p>&nbsp;</p><p> \u200b </p><br>'],
    ['only an image', '<p><img src="https://x.de/p.gif"></p>'],
  ])('refuses %s with 422 at „Text“, in German and English', async (_what, bodyHtml) => {
    const de = await post(draft({ bodyHtml }));
    expect(de.statusCode).toBe(422);
    expect(de.json().errors).toEqual([expect.objectContaining({ field: 'body.bodyHtml' })]);
    expect(de.json().detail).toMatch(/^Text: Der Text ist leer/);
    const en = await post(draft({ bodyHtml }), {}, randomUUID(), 'en');
    expect(en.json().detail).toMatch(/^Text: The text is empty/);
  });

  it('refuses emptying the text on a change, and keeps a text that is only a placeholder', async () => {
    const template = await create();
    const emptied = await patch(template.id, 1, { bodyHtml: '<p><style>p{}</style></p>' });
    expect(emptied.statusCode).toBe(422);
    expect(emptied.json().detail).toMatch(/^Text: Der Text ist leer/);
    const placeholderOnly = await post(draft({ bodyHtml: '<p>{{briefanrede}}</p>' }));
    expect(placeholderOnly.statusCode).toBe(201);
  });
});

describe('the limit per tenant', () => {
  it('refuses a create beyond MAX_TEMPLATES_PER_TENANT with 409, and still lists them all', async () => {
    const existing = (await t.request({ method: 'GET', url: '/api/v1/templates' }, otherTenant)).json().items.length;
    await t.app.mongo.collection('templates').insertMany(
      Array.from({ length: 500 - existing }, (_, i) => ({
        tenantId: TENANT_B,
        name: `Massenvorlage ${i}`,
        nameKey: `massenvorlage ${i}`,
        subject: '',
        bodyHtml: '',
        language: 'de',
        purpose: 'personal',
        placeholders: [],
        createdBy: { id: 'u', name: 'U' },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
        idempotencyKey: `bulk-${i}`,
        requestHash: 'h',
      })),
    );
    const refused = await post(draft(), otherTenant);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/500 Vorlagen/);
    const list = await t.request({ method: 'GET', url: '/api/v1/templates' }, otherTenant);
    expect(list.json().items).toHaveLength(500);
  });
});
