import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactsFeature } from '../../api/src/features/contacts/contacts.feature';
import { createFollowUpsFeature } from '../../api/src/features/follow-ups/follow-ups.feature';
import { UsersRepository } from '../../api/src/features/users/users.repository';
import { company, createContact, person } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createTestApp, TENANT_A, TENANT_B, type TestApp } from '../support/test-app';

// Follow-ups (Wiedervorlage): create, "Meine Wiedervorlagen" grouped by due day in Berlin,
// per assignee, the contact's follow-ups, changes with If-Match, completing and reopening.

let t: TestApp;
const bea = { userId: 'user-bea', name: 'Bea Berater', email: 'bea@firma.de' } as const;
let firma: Record<string, unknown>;
let kunde: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
  firma = await createContact(t, company('Wiedervorlage GmbH'));
  kunde = await createContact(t, person('Klara', 'Kunde', { ownerId: bea.userId }));
});
afterAll(async () => t.close());

const list = async (query: string, as = {}) => {
  const res = await t.request({ method: 'GET', url: `/api/v1/follow-ups?${query}` }, as);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    today: string;
    weekEnd: string;
    items: Array<Record<string, unknown>>;
    nextCursor: string | null;
  };
};
const titles = (page: { items: Array<Record<string, unknown>> }) => page.items.map((i) => i.title);

describe('creating a follow-up', () => {
  it('stores title, due day and time, the contact and its name; the caller is assignee of a contact they look after', async () => {
    const key = randomUUID();
    const body = { title: 'Angebot nachfassen', dueDate: berlinDay(1), dueTime: '09:30', contactId: firma.id };
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/follow-ups',
      headers: { 'idempotency-key': key },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      title: 'Angebot nachfassen',
      dueDate: berlinDay(1),
      dueTime: '09:30',
      contactId: firma.id,
      contactName: 'Wiedervorlage GmbH',
      assigneeId: 'user-a',
      assigneeName: 'Test User',
      state: 'open',
      version: 1,
      createdBy: { id: 'user-a', name: 'Test User' },
    });
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/follow-ups/${created.id}`);

    // The same request again (a retry, a double click) answers with the same follow-up.
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/follow-ups',
      headers: { 'idempotency-key': key },
      payload: body,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(created);
    // The same key with another body is refused.
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/follow-ups',
      headers: { 'idempotency-key': key },
      payload: { ...body, title: 'Anders' },
    });
    expect(other.statusCode).toBe(409);
    const ofContact = await t.request({ method: 'GET', url: `/api/v1/contacts/${firma.id}/follow-ups` });
    expect(ofContact.json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);
  });

  it("gives the follow-up to the contact's Betreuer unless someone is named", async () => {
    const forBea = await createFollowUp(t, { title: 'Rückruf', dueDate: berlinDay(2), contactId: kunde.id });
    expect(forBea).toMatchObject({ assigneeId: 'user-bea', assigneeName: 'Bea Berater' });
    const forMe = await createFollowUp(t, {
      title: 'Selbst anrufen',
      dueDate: berlinDay(2),
      contactId: kunde.id,
      assigneeId: 'user-a',
    });
    expect(forMe.assigneeId).toBe('user-a');
  });

  it('stores an opportunity id as given', async () => {
    const opportunityId = '65a1b2c3d4e5f60718293a4b';
    const f = await createFollowUp(t, { title: 'Chance', dueDate: berlinDay(3), contactId: firma.id, opportunityId });
    expect(f.opportunityId).toBe(opportunityId);
  });
});

describe('Meine Wiedervorlagen', () => {
  it('groups my open follow-ups into overdue, today, this week and later, by Berlin day', async () => {
    const c = await createContact(t, company('Buckets AG'));
    const make = (title: string, dueDate: string, dueTime?: string) =>
      createFollowUp(t, { title, dueDate, contactId: c.id, ...(dueTime ? { dueTime } : {}) });
    await make('Vorgestern', berlinDay(-2));
    await make('Heute nachmittag', berlinDay(0), '15:00');
    await make('Heute', berlinDay(0));
    await make('In 40 Tagen', berlinDay(40));

    const page = await list('assignee=me');
    const today = berlinDay(0);
    expect(page.today).toBe(today);
    const mine = page.items.filter((i) => i.contactId === c.id);
    expect(mine.map((i) => [i.title, i.bucket])).toEqual([
      ['Vorgestern', 'overdue'],
      ['Heute', 'today'],
      ['Heute nachmittag', 'today'],
      ['In 40 Tagen', 'later'],
    ]);
    // A follow-up due today is in the "today" range; overdue ones are not.
    expect(titles(await list('range=today'))).toEqual(expect.arrayContaining(['Heute', 'Heute nachmittag']));
    expect(titles(await list('range=today'))).not.toContain('Vorgestern');
    expect(titles(await list('range=overdue'))).toContain('Vorgestern');
    expect(titles(await list('range=due'))).not.toContain('In 40 Tagen');
  });

  it('puts a follow-up due after today up to Sunday into "this week"', async () => {
    const page = await list('assignee=me');
    const days = Math.round((Date.parse(page.weekEnd) - Date.parse(page.today)) / 86_400_000);
    expect(days).toBeGreaterThanOrEqual(0);
    expect(days).toBeLessThanOrEqual(6);
    const c = await createContact(t, company('Wochen KG'));
    await createFollowUp(t, { title: 'Sonntag', dueDate: page.weekEnd, contactId: c.id });
    await createFollowUp(t, { title: 'Montag danach', dueDate: berlinDay(days + 1), contactId: c.id });
    const items = (await list('assignee=me')).items.filter((i) => i.contactId === c.id);
    expect(items.map((i) => [i.title, i.bucket])).toEqual([
      ['Sonntag', days === 0 ? 'today' : 'week'],
      ['Montag danach', 'later'],
    ]);
  });

  it("shows a colleague's list and everyone's, and pages in due order", async () => {
    const beas = await list(`assignee=${bea.userId}`);
    expect(beas.items.length).toBeGreaterThan(0);
    expect(beas.items.every((i) => i.assigneeId === 'user-bea')).toBe(true);
    // Bea's own "me" is the same list.
    expect(titles(await list('assignee=me', bea))).toEqual(titles(beas));
    const all = await list('assignee=all');
    const assignees = new Set(all.items.map((i) => i.assigneeId));
    expect(assignees).toEqual(new Set(['user-a', 'user-bea']));
    const dues = all.items.map((i) => `${i.dueDate}|${i.dueTime ?? '-'}`);
    expect([...dues].sort()).toEqual(dues);

    const first = await list('assignee=all&limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(`assignee=all&limit=100&cursor=${first.nextCursor}`);
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    const bad = await t.request({ method: 'GET', url: '/api/v1/follow-ups?cursor=kaputt' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Listenposition');
  });
});

describe('changing a follow-up', () => {
  it('moves the due day, clears the time, reassigns, with If-Match (412 stale, 428 missing)', async () => {
    const f = await createFollowUp(t, {
      title: 'Termin',
      dueDate: berlinDay(1),
      dueTime: '10:00',
      contactId: firma.id,
    });
    const url = `/api/v1/follow-ups/${f.id}`;
    const missing = await t.request({ method: 'PATCH', url, payload: { dueTime: null } });
    expect(missing.statusCode).toBe(428);
    const moved = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { dueDate: berlinDay(5), dueTime: null, title: 'Termin verschoben' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toBe('"2"');
    expect(moved.json()).toMatchObject({ dueDate: berlinDay(5), title: 'Termin verschoben', version: 2 });
    expect(moved.json().dueTime).toBeUndefined();
    const stale = await t.request({ method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { title: 'Alt' } });
    expect(stale.statusCode).toBe(412);
    const reassigned = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"2"' },
      payload: { assigneeId: bea.userId },
    });
    expect(reassigned.json()).toMatchObject({ assigneeId: 'user-bea', assigneeName: 'Bea Berater', version: 3 });
    expect(titles(await list('assignee=me'))).not.toContain('Termin verschoben');
    expect(titles(await list(`assignee=${bea.userId}`))).toContain('Termin verschoben');

    const history = (await t.request({ method: 'GET', url: `${url}/history` })).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'followUpUpdate',
      'followUpUpdate',
      'followUpCreate',
    ]);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'assigneeId', before: 'user-a', after: 'user-bea' },
        { field: 'assigneeName', before: 'Test User', after: 'Bea Berater' },
      ]),
    );
    expect(history[0].actor).toEqual({ id: 'user-a', name: 'Test User' });
    // The contact's history (Änderungsprotokoll) shows the follow-up's changes too.
    const ofContact = (await t.request({ method: 'GET', url: `/api/v1/contacts/${firma.id}/history` })).json().items;
    expect(ofContact.filter((h: { action: string }) => h.action.startsWith('followUp')).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(ofContact[0]).toMatchObject({ action: 'followUpUpdate', contactId: firma.id });
  });

  it('completes it (done with who and when; it leaves the open list) and reopens it', async () => {
    const f = await createFollowUp(t, { title: 'Erledigen', dueDate: berlinDay(0), contactId: firma.id });
    const url = `/api/v1/follow-ups/${f.id}`;
    const done = await t.request({ method: 'PATCH', url, headers: { 'if-match': '"1"' }, payload: { state: 'done' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', doneBy: { id: 'user-a', name: 'Test User' }, version: 2 });
    expect(Date.parse(done.json().doneAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(titles(await list('assignee=me'))).not.toContain('Erledigen');
    expect(titles(await list('assignee=me&state=done'))).toContain('Erledigen');
    const open = await t.request({ method: 'GET', url: `/api/v1/contacts/${firma.id}/follow-ups?state=open` });
    expect(open.json().items.map((i: { id: string }) => i.id)).not.toContain(f.id);

    // Completing it again with If-Match * changes nothing.
    const twice = await t.request({ method: 'PATCH', url, headers: { 'if-match': '*' }, payload: { state: 'done' } });
    expect(twice.json().version).toBe(2);

    const reopened = await t.request({
      method: 'PATCH',
      url,
      headers: { 'if-match': '"2"' },
      payload: { state: 'open' },
    });
    expect(reopened.json()).toMatchObject({ state: 'open', version: 3 });
    expect(reopened.json().doneAt).toBeUndefined();
    expect(titles(await list('assignee=me&range=today'))).toContain('Erledigen');
  });
});

describe('open follow-ups for the card (FollowUpsService.openFor)', () => {
  it('gives each contact all its open follow-ups by due day, and nothing of another tenant', async () => {
    const users = new UsersRepository(t.app.mongo);
    const { service } = createFollowUpsFeature(t.app.mongo, createContactsFeature(t.app.mongo, users), users);
    const c = await createContact(t, company('Karten GmbH'));
    const empty = await createContact(t, company('Leer GmbH'));
    for (const days of [6, 3, 1, -1, 4, 2, 5]) {
      await createFollowUp(t, { title: `Tag ${days}`, dueDate: berlinDay(days), contactId: c.id });
    }
    const completed = await createFollowUp(t, { title: 'Erledigt', dueDate: berlinDay(-5), contactId: c.id });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${completed.id}`,
      headers: { 'if-match': '"1"' },
      payload: { state: 'done' },
    });
    const map = await service.openFor(TENANT_A, [String(c.id), String(empty.id), String(c.id)]);
    expect(map.get(String(c.id))?.map((f) => f.title)).toEqual([
      'Tag -1',
      'Tag 1',
      'Tag 2',
      'Tag 3',
      'Tag 4',
      'Tag 5',
      'Tag 6',
    ]);
    expect(map.has(String(empty.id))).toBe(false);
    expect((await service.openFor(TENANT_B, [String(c.id)])).size).toBe(0);
  });
});
