import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutlookContact } from '../fake-graph/index';
import { company, createContact, person, withEmail } from '../support/contacts';
import {
  crmIdOf,
  FOLDER,
  type MirrorWorld,
  mirrorStatus,
  outlookByCrmId,
  saveMirrorSettings,
  startMirrorWorld,
} from '../support/mirror-world';
import { TENANT_A, TENANT_B } from '../support/test-app';

// The Microsoft 365 contacts mirror against the fake Microsoft (issue 13): what users see in
// KlarKonform and in Outlook after runs — the initial mirror, edits both ways, ownership in a
// conflict, deletes both ways, contacts created in Outlook, contacts without e-mail.

type Json = Record<string, unknown>;

let w: MirrorWorld;
const run = () => w.t.app.mirror.runNow(TENANT_A);
const outlook = () => w.fake.outlook(TENANT_A, w.mailbox);
const get = async (id: unknown): Promise<Json> =>
  (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${id}` })).json();
const patch = (id: unknown, version: unknown, body: Json) =>
  w.t.request({
    method: 'PATCH',
    url: `/api/v1/contacts/${id}`,
    headers: { 'if-match': `"${version}"` },
    payload: body,
  });
const copiesOf = (id: unknown): OutlookContact[] => outlookByCrmId(w.fake, w.mailbox).get(String(id)) ?? [];
const copyOf = (id: unknown): OutlookContact => {
  const copies = copiesOf(id);
  expect(copies).toHaveLength(1);
  return copies[0] as OutlookContact;
};

let firma: Json;
let max: Json;
let nora: Json;

beforeAll(async () => {
  w = await startMirrorWorld({ env: { MIRROR_DEBOUNCE_SECONDS: '3600' } });
  firma = await createContact(w.t, company('Muster GmbH', { ...withEmail('info@muster.de'), website: 'muster.de' }));
  max = await createContact(
    w.t,
    person('Max', 'Mustermann', {
      salutation: 'Herr',
      title: 'Dr.',
      ...withEmail('max@muster.de'),
      companyId: firma.id,
      position: 'Einkaufsleiter',
      businessPhones: ['030 1234567'],
      address: { street: 'Hauptstr. 1', postcode: '10115', city: 'Berlin', country: 'DE' },
      relationships: ['customer'],
      tags: ['VIP'],
    }),
  );
  nora = await createContact(w.t, person('Nora', 'Ohnemail', { position: 'Vertrieb' }));
  await saveMirrorSettings(w.t, true, [{ mailbox: w.mailbox, folderName: FOLDER }]);
  await run();
});
afterAll(() => w?.close());

describe('the initial mirror', () => {
  it('creates one Outlook contact per contact with an e-mail address, with the fields Microsoft 365 owns', () => {
    const copy = copyOf(max.id);
    expect(copy).toMatchObject({
      givenName: 'Max',
      surname: 'Mustermann',
      title: 'Dr.',
      displayName: 'Dr. Max Mustermann',
      companyName: 'Muster GmbH',
      jobTitle: 'Einkaufsleiter',
      businessPhones: ['030 1234567'],
      emailAddresses: [expect.objectContaining({ address: 'max@muster.de' })],
      businessAddress: expect.objectContaining({
        street: 'Hauptstr. 1',
        city: 'Berlin',
        countryOrRegion: 'Deutschland',
      }),
    });
    expect(copyOf(firma.id)).toMatchObject({ companyName: 'Muster GmbH', businessHomePage: 'muster.de' });
    // KlarKonform's own fields never reach Outlook.
    expect(JSON.stringify(copy)).not.toMatch(/VIP|customer/);
    expect(copiesOf(nora.id)).toHaveLength(0);
    expect(outlook().contacts(FOLDER)).toHaveLength(2);
  });

  it('shows each contact as synced with the time, and one without e-mail as noEmail', async () => {
    const m = await get(max.id);
    expect(m.syncStatus).toBe('synced');
    expect(Date.parse(String(m.syncedAt))).toBeGreaterThan(Date.now() - 120_000);
    expect((await get(nora.id)).syncStatus).toBe('noEmail');
    const card = (await w.t.request({ method: 'GET', url: '/api/v1/cards?email=max@muster.de' })).json().cards[0];
    expect(card.contact.syncStatus).toBe('synced');
    expect(card.company.syncStatus).toBe('synced');
    const status = await mirrorStatus(w.t);
    expect(status.counts).toEqual({ synced: 2, pending: 0, error: 0, noEmail: 1, disabled: 0 });
    expect(status.targets[0]).toMatchObject({ mailbox: w.mailbox, folderReady: true });
    expect(status.problem).toBeUndefined();
  });

  it('does not write again when nothing changed', async () => {
    const before = w.fake.stats();
    await run();
    const after = w.fake.stats();
    expect(after.contactCreates + after.contactUpdates).toBe(before.contactCreates + before.contactUpdates);
  });
});

describe('edits', () => {
  it('go from KlarKonform to Outlook (only the changed fields)', async () => {
    const current = await get(max.id);
    const res = await patch(max.id, current.version, { position: 'Geschäftsführer', mobilePhone: '0171 1111111' });
    expect(res.statusCode).toBe(200);
    expect(res.json().syncStatus).toBe('pending');
    await run();
    expect(copyOf(max.id)).toMatchObject({ jobTitle: 'Geschäftsführer', mobilePhone: '0171 1111111' });
    expect((await get(max.id)).syncStatus).toBe('synced');
  });

  it('come back from Outlook for the fields Microsoft 365 owns, and leave KlarKonform’s fields alone', async () => {
    const copy = copyOf(max.id);
    outlook().update(FOLDER, copy.id, {
      department: 'Einkauf',
      homePhones: ['030 999'],
      personalNotes: 'Nur in Outlook',
      categories: ['Rot'],
    });
    await run();
    const m = await get(max.id);
    expect(m).toMatchObject({
      department: 'Einkauf',
      homePhones: ['030 999'],
      relationships: ['customer'],
      tags: ['VIP'],
    });
    expect(JSON.stringify(m.notes)).not.toMatch(/Nur in Outlook/);
    const history = (await w.t.request({ method: 'GET', url: `/api/v1/contacts/${max.id}/history` })).json().items;
    expect(history[0]).toMatchObject({ actor: { name: 'Microsoft 365 (Outlook)' } });
  });

  it('in both places to one field: Outlook wins; to different fields: both are kept', async () => {
    const current = await get(max.id);
    await patch(max.id, current.version, { position: 'CRM-Titel', department: 'Vertrieb' });
    outlook().update(FOLDER, copyOf(max.id).id, { jobTitle: 'Outlook-Titel', mobilePhone: '0172 2222222' });
    await run();
    const m = await get(max.id);
    expect(m).toMatchObject({ position: 'Outlook-Titel', department: 'Vertrieb', mobilePhone: '0172 2222222' });
    expect(copyOf(max.id)).toMatchObject({
      jobTitle: 'Outlook-Titel',
      department: 'Vertrieb',
      mobilePhone: '0172 2222222',
    });
  });

  it('of a company’s name reach its people’s Outlook contacts', async () => {
    const current = await get(firma.id);
    await patch(firma.id, current.version, { name: 'Muster AG' });
    await run();
    expect(copyOf(firma.id).companyName).toBe('Muster AG');
    expect(copyOf(max.id).companyName).toBe('Muster AG');
  });

  it('that Outlook cannot take back into the CRM are written over with the CRM’s value', async () => {
    outlook().update(FOLDER, copyOf(max.id).id, { surname: '' });
    await run();
    expect((await get(max.id)).lastName).toBe('Mustermann');
    expect(copyOf(max.id).surname).toBe('Mustermann');
  });
});

describe('deletes', () => {
  it('archiving in KlarKonform deletes the Outlook contact', async () => {
    const gone = await createContact(w.t, person('Anna', 'Archiv', withEmail('anna@archiv.de')));
    await run();
    expect(copiesOf(gone.id)).toHaveLength(1);
    const res = await w.t.request({
      method: 'POST',
      url: `/api/v1/contacts/${gone.id}/archive`,
      payload: { reason: 'Kein Kontakt mehr' },
    });
    expect(res.statusCode).toBe(200);
    await run();
    expect(copiesOf(gone.id)).toHaveLength(0);
    // No Outlook copy: not "synced" (README "Status").
    expect((await get(gone.id)).syncStatus).toBe('disabled');
  });

  it('deleting in Outlook archives the contact with a reason naming the mailbox', async () => {
    const doomed = await createContact(w.t, person('Dieter', 'Delete', withEmail('dieter@delete.de')));
    await run();
    outlook().delete(FOLDER, copyOf(doomed.id).id);
    await run();
    const d = await get(doomed.id);
    expect(d.archived).toMatchObject({
      reason: `In Outlook gelöscht (Postfach ${w.mailbox})`,
      by: { name: 'Microsoft 365 (Outlook)' },
    });
    expect(d.syncStatus).toBe('disabled');
    expect(copiesOf(doomed.id)).toHaveLength(0);
  });

  it('removing the last e-mail address removes the Outlook contact; the contact stays', async () => {
    const c = await createContact(w.t, person('Emil', 'Entfernt', withEmail('emil@entfernt.de')));
    await run();
    await patch(c.id, 1, { emails: [] });
    await run();
    expect(copiesOf(c.id)).toHaveLength(0);
    expect(await get(c.id)).toMatchObject({ archived: null, syncStatus: 'noEmail' });
  });
});

describe('contacts created in Outlook', () => {
  it('appear in KlarKonform marked for review, then carry our id', async () => {
    const made = outlook().create(FOLDER, {
      givenName: 'Olivia',
      surname: 'Outlook',
      emailAddresses: [{ address: 'olivia@neu.de', name: 'Olivia Outlook' }],
      jobTitle: 'Einkauf',
      companyName: 'Muster AG',
    });
    await run();
    const page = (await w.t.request({ method: 'GET', url: '/api/v1/mirror/contacts?list=review' })).json();
    const item = page.items.find((i: Json) => (i.contact as Json).email === 'olivia@neu.de');
    expect(item).toMatchObject({
      fromMailbox: w.mailbox,
      contact: { displayName: 'Olivia Outlook', companyName: 'Muster AG' },
    });
    const id = (item.contact as Json).id;
    expect(await get(id)).toMatchObject({ position: 'Einkauf', companyId: firma.id, syncStatus: 'synced' });
    // Looked after by the mirror's actor until someone takes it over in the review.
    expect((await get(id)).ownerId).toBe('microsoft-365-mirror');
    expect(crmIdOf(outlook().get(FOLDER, made.id) as OutlookContact)).toBe(id);
    expect((await mirrorStatus(w.t)).reviewCount).toBeGreaterThanOrEqual(1);

    const reviewed = await w.t.request({ method: 'POST', url: `/api/v1/mirror/contacts/${id}/reviewed`, payload: {} });
    expect(reviewed.statusCode).toBe(204);
    const after = (await w.t.request({ method: 'GET', url: '/api/v1/mirror/contacts?list=review' })).json();
    expect(after.items.map((i: Json) => (i.contact as Json).id)).not.toContain(id);
    // Mirrored once: no second Outlook contact for it.
    expect(copiesOf(id)).toHaveLength(1);
  });

  it('with the address of a live contact are linked to it instead of duplicated', async () => {
    const paula = await createContact(w.t, person('Paula', 'Pending', withEmail('paula@pending.de')));
    // Created in Outlook before KlarKonform's copy got there.
    await w.t.app.mongo.db!.collection('mirrorEntries').deleteOne({ contactId: paula.id });
    outlook().create(FOLDER, {
      givenName: 'Paula',
      surname: 'Pending',
      emailAddresses: [{ address: 'Paula@Pending.de' }],
      mobilePhone: '0170 5',
    });
    await run();
    expect(copiesOf(paula.id)).toHaveLength(1);
    expect(
      outlook()
        .contacts(FOLDER)
        .filter((c) => c.surname === 'Pending'),
    ).toHaveLength(1);
    const p = await get(paula.id);
    expect(p.mobilePhone).toBe('0170 5');
    const review = (await w.t.request({ method: 'GET', url: '/api/v1/mirror/contacts?list=review' })).json();
    expect(review.items.map((i: Json) => (i.contact as Json).id)).toContain(paula.id);
    const search = (await w.t.request({ method: 'GET', url: '/api/v1/contacts?q=paula@pending.de' })).json();
    expect(search.items).toHaveLength(1);
  });
});

describe('what travels', () => {
  it('every request and batch item carries Prefer: IdType="ImmutableId"', () => {
    expect(w.fake.stats().missingImmutableIdPrefer).toBe(0);
    expect(w.fake.stats().maxConcurrentPerMailbox).toBeLessThanOrEqual(4);
  });

  it('another tenant sees none of it', async () => {
    const other = { tenantId: TENANT_B };
    const res = await w.t.request(
      { method: 'POST', url: `/api/v1/mirror/contacts/${max.id}/reviewed`, payload: {} },
      other,
    );
    expect(res.statusCode).toBe(404);
    const lists = await w.t.request({ method: 'GET', url: '/api/v1/mirror/contacts?list=review' }, other);
    expect(lists.json().items).toEqual([]);
    const status = await w.t.request({ method: 'GET', url: '/api/v1/mirror/status' }, other);
    expect(status.json()).toMatchObject({ enabled: false, targets: [], reviewCount: 0 });
  });
});
