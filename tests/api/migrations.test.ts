import { Types } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { REFRESH_MARKER } from '../../api/src/features/contacts/contacts.migrations';
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
      expect(await db.collection('migrations').countDocuments()).toBe(2);
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
    try {
      expect(await duplicateCheck(restarted)).toContain(stored.id);
      expect((await db.collection('contacts').findOne({ _id }))?.matchKeys).toEqual([`pl:65752682|c:${firma.id}`]);
      expect(await db.collection('migrations').countDocuments()).toBe(2);
    } finally {
      await restarted.close();
    }
  });
});
