import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Contact } from '@klarkonform/shared';
import { createContact as createJson, person } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// PATCH /contacts/:id/notes: all of a user's note changes in one request, on the real API and
// engine, with If-Match, an Idempotency-Key and one audit entry that lists every change.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Json = Record<string, unknown>;

const createContact = async (app: TestApp, body: Json) => (await createJson(app, body)) as unknown as Contact;

const saveNotes = (
  id: unknown,
  body: unknown,
  { version, key = randomUUID(), lang = 'de' }: { version?: number | '*'; key?: string | null; lang?: string } = {},
) =>
  t.request({
    method: 'PATCH',
    url: `/api/v1/contacts/${id}/notes`,
    headers: {
      'accept-language': lang,
      ...(version === undefined ? {} : { 'if-match': version === '*' ? '*' : `"${version}"` }),
      ...(key === null ? {} : { 'idempotency-key': key }),
    },
    payload: body as Json,
  });

const getContact = async (id: unknown): Promise<Contact> =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();
const auditOf = async (id: unknown): Promise<AuditEntry[]> =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${id}/history` })).json().items;

async function withOpenItem(text: string): Promise<Contact> {
  const c = await createContact(t, person('Paula', 'Punkt', { notes: { specifics: 'Vormittags' } }));
  const res = await t.request({ method: 'POST', url: `/api/v1/contacts/${c.id}/notes/open-items`, payload: { text } });
  return res.json();
}

describe('PATCH /contacts/:id/notes', () => {
  it('stores specifics, entries and a ticked item in one write with one audit entry per change', async () => {
    const c = await withOpenItem('Rückruf wegen Rabatt');
    const itemId = c.notes.openItems[0]?.id;
    const res = await saveNotes(
      c.id,
      {
        specifics: 'Vormittags, nie freitags',
        addHistory: [{ date: '2026-11-20', event: 'Angebot geschickt' }],
        addOpenItems: [{ text: 'Vertrag gegenlesen' }],
        setOpenItems: [{ id: itemId, done: true }],
        addFreeNotes: [{ text: 'Interessiert an Wartungsvertrag' }],
      },
      { version: c.version },
    );
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(res.headers.etag).toBe(`"${c.version + 1}"`);
    expect(saved.version).toBe(c.version + 1);
    expect(saved.notes.specifics).toBe('Vormittags, nie freitags');
    expect(saved.notes.history).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        event: 'Angebot geschickt',
        author: { id: 'user-a', name: 'Test User' },
      }),
    ]);
    expect(saved.notes.openItems.map((i: Json) => [i.text, i.done])).toEqual([
      ['Rückruf wegen Rabatt', true],
      ['Vertrag gegenlesen', false],
    ]);
    expect(saved.notes.free).toEqual([
      expect.objectContaining({ text: 'Interessiert an Wartungsvertrag', authorName: 'Test User', authorId: 'user-a' }),
    ]);

    const [entry, ...older] = await auditOf(c.id);
    expect(older.map((e) => e.action)).toEqual(['note', 'create']);
    expect(entry?.action).toBe('note');
    expect(entry?.actor).toEqual({ id: 'user-a', name: 'Test User' });
    expect(entry?.changes).toEqual([
      { field: 'notes.specifics', before: 'Vormittags', after: 'Vormittags, nie freitags' },
      {
        field: 'notes.openItems',
        before: expect.objectContaining({ id: itemId, done: false }),
        after: expect.objectContaining({ id: itemId, done: true }),
      },
      { field: 'notes.history', after: expect.objectContaining({ event: 'Angebot geschickt' }) },
      { field: 'notes.openItems', after: expect.objectContaining({ text: 'Vertrag gegenlesen', done: false }) },
      { field: 'notes.free', after: expect.objectContaining({ text: 'Interessiert an Wartungsvertrag' }) },
    ]);
  });

  it('answers a repeated request with the stored result, also with a stale If-Match, and changes nothing', async () => {
    const c = await createContact(t, person('Ida', 'Idempotent'));
    const key = randomUUID();
    const body = { addOpenItems: [{ text: 'Muster schicken' }], addFreeNotes: [{ text: 'Messe-Kontakt' }] };
    const first = await saveNotes(c.id, body, { version: c.version, key });
    expect(first.statusCode).toBe(200);
    const again = await saveNotes(c.id, body, { version: c.version, key });
    expect(again.statusCode).toBe(200);
    expect(again.json().notes).toEqual(first.json().notes);
    const starred = await saveNotes(c.id, body, { version: '*', key });
    expect(starred.statusCode).toBe(200);

    const stored = await getContact(c.id);
    expect(stored.version).toBe(c.version + 1);
    expect(stored.notes.openItems).toHaveLength(1);
    expect(stored.notes.free).toHaveLength(1);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['note', 'create']);

    const other = await saveNotes(c.id, { addFreeNotes: [{ text: 'Etwas anderes' }] }, { version: '*', key });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toMatch(/Idempotency-Key wurde bereits für andere Notiz-Änderungen/);
    expect((await getContact(c.id)).notes.free).toHaveLength(1);
  });

  it('makes racing copies of one request store it once', async () => {
    const c = await createContact(t, person('Rita', 'Rennen'));
    const key = randomUUID();
    const body = { addHistory: [{ event: 'Mehrfachklick auf Speichern' }] };
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => saveNotes(c.id, body, { version: i % 2 ? '*' : c.version, key })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect((await getContact(c.id)).notes.history).toHaveLength(1);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['note', 'create']);
  });

  it('requires If-Match and refuses a stale one without changing anything', async () => {
    const c = await createContact(t, person('Vera', 'Version', { notes: { specifics: 'Alt' } }));
    const missing = await saveNotes(c.id, { specifics: 'Neu' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().detail).toMatch(/If-Match/);

    const colleague = await saveNotes(
      c.id,
      { addFreeNotes: [{ text: 'Kollegin war schneller' }] },
      { version: c.version },
    );
    expect(colleague.statusCode).toBe(200);
    const stale = await saveNotes(
      c.id,
      { specifics: 'Neu', addOpenItems: [{ text: 'Punkt' }] },
      { version: c.version },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().detail).toMatch(/inzwischen Version 2, nicht 1/);
    const stored = await getContact(c.id);
    expect(stored.notes.specifics).toBe('Alt');
    expect(stored.notes.openItems).toEqual([]);

    const anyVersion = await saveNotes(c.id, { specifics: 'Neu' }, { version: '*' });
    expect(anyVersion.statusCode).toBe(200);
    expect(anyVersion.json().notes.specifics).toBe('Neu');
  });

  it('refuses bad input with a problem in the reader language naming the field, and stores nothing', async () => {
    const c = await withOpenItem('Angebot');
    const maxItem = 1000;
    const tooLong = await saveNotes(
      c.id,
      { addOpenItems: [{ text: 'x'.repeat(maxItem + 1) }] },
      { version: c.version },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({
      code: 'validationFailed',
      detail: 'Offene Punkte, Eintrag 1: darf höchstens 1.000 Zeichen lang sein',
    });
    expect(tooLong.json().errors[0].field).toBe('body.addOpenItems.0.text');

    const english = await saveNotes(c.id, { specifics: 's'.repeat(4001) }, { version: c.version, lang: 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.json().detail).toBe('Specifics: must be at most 4,000 characters long');

    const blank = await saveNotes(c.id, { addHistory: [{ event: '   ' }] }, { version: c.version });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().detail).toMatch(/^Historie, Eintrag 1: /);

    const manyTicks = Array.from({ length: 101 }, () => ({ id: c.notes.openItems[0]?.id, done: true }));
    const tooMany = await saveNotes(c.id, { setOpenItems: manyTicks }, { version: c.version });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().detail).toMatch(/^Offene Punkte: .*100/);

    const empty = await saveNotes(c.id, {}, { version: c.version });
    expect(empty.statusCode).toBe(400);

    const unknownField = await saveNotes(c.id, { history: [] }, { version: c.version });
    expect(unknownField.statusCode).toBe(400);

    const noKey = await saveNotes(c.id, { specifics: 'x' }, { version: c.version, key: null });
    expect(noKey.statusCode).toBe(400);

    const unknownItem = await saveNotes(
      c.id,
      { specifics: 'Darf nicht gespeichert werden', setOpenItems: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', done: true }] },
      { version: c.version },
    );
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().detail).toBe('Offene Punkte, Eintrag 1: Der offene Punkt existiert nicht (mehr).');

    const itemId = c.notes.openItems[0]?.id;
    const twice = await saveNotes(
      c.id,
      {
        setOpenItems: [
          { id: itemId, done: true },
          { id: itemId, done: false },
        ],
      },
      { version: c.version, lang: 'en' },
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toBe('Open items, entry 2: This open item is given more than once.');

    const stored = await getContact(c.id);
    expect(stored.version).toBe(c.version);
    expect(stored.notes.specifics).toBe('Vormittags');
    expect(stored.notes.openItems.map((i) => i.done)).toEqual([false]);
  });

  it('answers 404 for a contact of another tenant and leaves it unchanged', async () => {
    const c = await createContact(t, person('Tina', 'Tenant'));
    const res = await t.request(
      {
        method: 'PATCH',
        url: `/api/v1/contacts/${c.id}/notes`,
        headers: { 'if-match': '*', 'idempotency-key': randomUUID() },
        payload: { addFreeNotes: [{ text: 'fremd' }] },
      },
      { tenantId: TENANT_B },
    );
    expect(res.statusCode).toBe(404);
    expect((await getContact(c.id)).notes.free).toEqual([]);
  });

  it('needs the notes permission', async () => {
    const c = await createContact(t, person('Lea', 'Leserin'));
    const res = await t.request(
      {
        method: 'PATCH',
        url: `/api/v1/contacts/${c.id}/notes`,
        headers: { 'if-match': '*', 'idempotency-key': randomUUID() },
        payload: { addFreeNotes: [{ text: 'nur lesen' }] },
      },
      { roles: ['CRM.ReadOnly'] },
    );
    expect(res.statusCode).toBe(403);
  });
});
