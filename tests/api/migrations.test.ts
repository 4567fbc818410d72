import { Types } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { REFRESH_MARKER, RESHAPE_MARKER } from '../../api/src/features/contacts/contacts.migrations';
import { LOOKUP_FIELDS } from '../../api/src/features/contacts/lookup-keys.rules';
import { buildApp } from '../../api/src/index';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

// Contacts stored by the previous version (search keys in `keys`, no top-level lookup fields)
// are found by cards and search after an upgrade.

const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

describe('start-up migration of contacts from an earlier version', () => {
  it('adds the lookup fields once, so cards and search find old contacts', async () => {
    const t = await createTestApp();
    apps.push(t);
    const db = t.app.mongo.db!;
    // A contact as the previous version stored it: created through the API, then turned back
    // into the old shape (search keys in `keys`, no top-level lookup fields).
    const created = await createContact(
      t,
      person('Olga', 'Altbestand', { relationships: ['customer'], ...withEmail('olga@altbestand.de') }),
    );
    const _id = new Types.ObjectId(String(created.id));
    await db.collection('contacts').updateOne(
      { _id },
      {
        $unset: Object.fromEntries(LOOKUP_FIELDS.map((f) => [f, ''])),
        $set: { keys: { emailsLower: ['olga@altbestand.de'], sortName: 'altbestand olga' }, version: 3 },
      },
    );
    expect((await db.collection('contacts').findOne({ _id }))?.emailKeys).toBeUndefined();
    await db.collection('migrations').deleteMany({});

    // The next start of the API (same database) migrates.
    const restarted = await buildApp(t.config);
    await restarted.ready();
    await restarted.migrations.done;
    try {
      const token = await t.token();
      const get = async (url: string) =>
        (await restarted.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).json();
      const cards = await get('/api/v1/cards?email=olga@altbestand.de');
      const card = cards.cards?.[0] ?? cards;
      expect(card).toMatchObject({ status: 'known', contact: { displayName: 'Olga Altbestand', version: 4 } });
      expect((await get('/api/v1/contacts?q=Altbest')).items.map((i: { id: string }) => i.id)).toEqual([String(_id)]);
      const stored = await db.collection('contacts').findOne({ _id });
      expect(stored).not.toHaveProperty('keys');
      // Adding the lookup fields, then re-deriving them by the current text rules.
      expect(await db.collection('migrations').countDocuments()).toBe(3);
    } finally {
      await restarted.close();
    }
  });

  it('re-derives the blocking keys stored by earlier rules, so "Karl-Heinz Müller-Lüdenscheidt" is found', async () => {
    const t = await createTestApp();
    apps.push(t);
    const db = t.app.mongo.db!;
    const firma = await createContact(t, company('Lüdenscheidt Werkzeuge GmbH'));
    const stored = await createContact(t, person('Karl Heinz', 'Müller Lüdenscheidt', { companyId: firma.id }));
    const _id = new Types.ObjectId(String(stored.id));
    // What the earlier rules stored: one phonetic code per word of the last name.
    await db
      .collection('contacts')
      .updateOne({ _id }, { $set: { matchKeys: [`pl:657 52682|c:${firma.id}`], version: Number(stored.version) + 1 } });
    const duplicateCheck = async (app: typeof t.app) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/contacts/duplicate-check',
          headers: { authorization: `Bearer ${await t.token()}` },
          payload: { kind: 'person', firstName: 'Karl-Heinz', lastName: 'Müller-Lüdenscheidt', companyId: firma.id },
        })
      )
        .json()
        .candidates.map((c: { contact: { id: string } }) => c.contact.id);
    expect(await duplicateCheck(t.app)).not.toContain(stored.id);

    await db.collection('migrations').deleteOne({ _id: REFRESH_MARKER as never });
    const restarted = await buildApp(t.config);
    await restarted.ready();
    await restarted.migrations.done;
    try {
      expect(await duplicateCheck(restarted)).toContain(stored.id);
      expect((await db.collection('contacts').findOne({ _id }))?.matchKeys).toEqual([`pl:65752682|c:${firma.id}`]);
      expect(await db.collection('migrations').countDocuments()).toBe(3);
    } finally {
      await restarted.close();
    }
  });

  it('brings e-mails and phones of the earlier shape into the shape of a Graph contact, losing nothing', async () => {
    const t = await createTestApp();
    apps.push(t);
    const db = t.app.mongo.db!;
    const firma = await createContact(t, company('Altform Bau GmbH'));
    const mensch = await createContact(t, person('Paula', 'Altform', { companyId: firma.id }));
    const firmaId = new Types.ObjectId(String(firma.id));
    const menschId = new Types.ObjectId(String(mensch.id));
    // As the earlier version stored them: a company with `email`/`phone`, a person with five
    // addresses (the old limit was ten), `phone` and `mobile`; no owner.
    const five = ['p1', 'p2', 'p3', 'p4', 'p5'].map((local, i) => ({
      address: `${local}@altform.de`,
      primary: i === 2,
    }));
    await db.collection('contacts').updateOne(
      { _id: firmaId },
      {
        $set: { email: 'info@altform.de', phone: '030 4455660', version: 7 },
        $unset: { emails: '', businessPhones: '', homePhones: '', ownerId: '' },
      },
    );
    await db.collection('contacts').updateOne(
      { _id: menschId },
      {
        $set: { emails: five, phone: '030 4455661', mobile: '0171 2233445', version: 7 },
        $unset: { businessPhones: '', homePhones: '', ownerId: '' },
      },
    );
    await db.collection('users').deleteMany({});
    await db.collection('migrations').deleteOne({ _id: RESHAPE_MARKER as never });

    const restarted = await buildApp(t.config);
    await restarted.ready();
    await restarted.migrations.done;
    try {
      const token = await t.token();
      const get = async (url: string) =>
        (await restarted.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).json();
      const company = await get(`/api/v1/contacts/${firma.id}`);
      expect(company).toMatchObject({
        emails: [{ address: 'info@altform.de', primary: true }],
        businessPhones: ['030 4455660'],
        homePhones: [],
        ownerId: 'user-a',
        syncStatus: 'disabled',
        version: 8,
      });
      expect(company).not.toHaveProperty('email');
      expect(company).not.toHaveProperty('phone');
      const staff = await get(`/api/v1/contacts/${mensch.id}`);
      // The primary address leads; two more stay; the other two are kept in the history.
      expect(staff.emails).toEqual([
        { address: 'p3@altform.de', primary: true },
        { address: 'p1@altform.de', primary: false },
        { address: 'p2@altform.de', primary: false },
      ]);
      expect(staff).toMatchObject({ businessPhones: ['030 4455661'], mobilePhone: '0171 2233445' });
      expect(staff.notes.history.map((h: { event: string }) => h.event)).toEqual([
        expect.stringContaining('p4@altform.de, p5@altform.de'),
      ]);
      // Found by the moved fields: the company's address, the person's mobile number.
      expect((await get('/api/v1/cards?email=info@altform.de')).cards[0]).toMatchObject({ status: 'known' });
      expect((await get('/api/v1/contacts?q=0171 22334')).items.map((i: { id: string }) => i.id)).toEqual([mensch.id]);
      // The creator is a user of the tenant again, so the owner can be shown and chosen.
      expect((await get('/api/v1/users')).items).toEqual([expect.objectContaining({ id: 'user-a' })]);

      // A second start changes nothing.
      await db.collection('migrations').deleteOne({ _id: RESHAPE_MARKER as never });
      const again = await buildApp(t.config);
      await again.ready();
      await again.migrations.done;
      await again.close();
      expect((await db.collection('contacts').findOne({ _id: menschId }))?.version).toBe(8);
    } finally {
      await restarted.close();
    }
  });

  it('reads and edits a contact of the earlier shape before the background migration reaches it', async () => {
    const t = await createTestApp();
    apps.push(t);
    await t.app.migrations.done;
    const db = t.app.mongo.db!;
    const firma = await createContact(t, company('Wartend GmbH'));
    const _id = new Types.ObjectId(String(firma.id));
    // The migration has not come to this contact yet (its marker is set, the shape is old).
    await db.collection('contacts').updateOne(
      { _id },
      {
        $set: { email: 'info@wartend.de', phone: '030 99887', version: 5 },
        $unset: { emails: '', businessPhones: '', homePhones: '' },
      },
    );
    const got = await t.request({ method: 'GET', url: `/api/v1/contacts/${firma.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      emails: [{ address: 'info@wartend.de', primary: true }],
      businessPhones: ['030 99887'],
      version: 5,
    });
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${firma.id}`,
      headers: { 'if-match': '"5"' },
      payload: { mobilePhone: '0171 55566' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stored = await db.collection('contacts').findOne({ _id });
    expect(stored).toMatchObject({
      emails: [{ address: 'info@wartend.de', primary: true }],
      mobilePhone: '0171 55566',
    });
    expect(stored).not.toHaveProperty('email');
    expect(stored).not.toHaveProperty('phone');
  });
});
