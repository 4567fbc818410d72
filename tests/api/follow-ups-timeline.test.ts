import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpModel } from '../../api/src/features/follow-ups/follow-ups.model';
import { company, createContact, person } from '../support/contacts';
import { berlinDay, createFollowUp } from '../support/follow-ups';
import { createTestApp, TENANT_A, type TestApp } from '../support/test-app';

// Completing a follow-up leaves one entry on the contact's timeline (Kontakthistorie), however
// often the completion is sent, and also when the API stopped before recording it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const timeline = async (contactId: unknown) =>
  (await t.request({ method: 'GET', url: `/api/v1/contacts/${contactId}/activities` })).json().items as Array<
    Record<string, unknown>
  >;
const done = (id: unknown, ifMatch: string) =>
  t.request({
    method: 'PATCH',
    url: `/api/v1/follow-ups/${id}`,
    headers: { 'if-match': ifMatch },
    payload: { state: 'done' },
  });

describe('the timeline entry of a completed follow-up', () => {
  it('is written once, even when the completion is sent again', async () => {
    const c = await createContact(t, person('Tim', 'Timeline'));
    const f = await createFollowUp(t, {
      title: 'Angebot besprechen',
      dueDate: '2026-12-03',
      dueTime: '10:00',
      contactId: c.id,
    });
    expect(await timeline(c.id)).toEqual([]);

    const first = await done(f.id, '"1"');
    expect(first.statusCode).toBe(200);
    // The client did not hear the answer and sends the same PATCH again; then a double click with *.
    const retry = await done(f.id, '"1"');
    expect(retry.statusCode).toBe(412);
    const star = await done(f.id, '*');
    expect(star.statusCode).toBe(200);
    expect(star.json().version).toBe(2);
    await Promise.all([done(f.id, '"1"'), done(f.id, '*'), done(f.id, '*')]);

    const entries = await timeline(c.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      type: 'note',
      subject: 'Wiedervorlage erledigt: Angebot besprechen',
      text: 'Fällig am 03.12.2026, 10:00 Uhr',
      contactIds: [c.id],
      occurredAt: first.json().doneAt,
      createdBy: { id: 'user-a', name: 'Test User' },
    });
  });

  it('stays when the follow-up is reopened, and a second completion adds a second entry', async () => {
    const c = await createContact(t, company('Zweimal GmbH'));
    const f = await createFollowUp(t, { title: 'Nachhaken', dueDate: berlinDay(0), contactId: c.id });
    await done(f.id, '"1"');
    const reopened = await t.request({
      method: 'PATCH',
      url: `/api/v1/follow-ups/${f.id}`,
      headers: { 'if-match': '"2"' },
      payload: { state: 'open' },
    });
    expect(reopened.json().state).toBe('open');
    expect(await timeline(c.id)).toHaveLength(1);
    await done(f.id, '"3"');
    expect((await timeline(c.id)).map((a) => a.subject)).toEqual([
      'Wiedervorlage erledigt: Nachhaken',
      'Wiedervorlage erledigt: Nachhaken',
    ]);
  });

  it('is recorded by the next read when the API stopped between the change and the entry', async () => {
    const c = await createContact(t, company('Absturz AG'));
    const f = await createFollowUp(t, { title: 'Nach dem Absturz', dueDate: berlinDay(1), contactId: c.id });
    // The state of a follow-up whose completion was stored but whose entry was not: written
    // directly, as the API would have left it.
    const doneAt = new Date().toISOString();
    await followUpModel(t.app.mongo).updateOne(
      { tenantId: TENANT_A, _id: new Types.ObjectId(String(f.id)) },
      {
        $set: {
          state: 'done',
          doneAt,
          doneBy: { id: 'user-a', name: 'Test User' },
          version: 2,
          assigneeState: `user-a:done:${berlinDay(0).slice(0, 7)}`,
          pendingTimeline: {
            key: `follow-up:${f.id}:done:2`,
            actor: { id: 'user-a', name: 'Test User' },
            occurredAt: doneAt,
          },
        },
      },
    );
    expect(await timeline(c.id)).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/api/v1/follow-ups/${f.id}` })).json().state).toBe('done');
    expect(await timeline(c.id)).toHaveLength(1);
    // Further reads record nothing more.
    await t.request({ method: 'GET', url: `/api/v1/follow-ups/${f.id}` });
    expect(await timeline(c.id)).toHaveLength(1);
  });
});
