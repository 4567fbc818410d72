import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, IMMUTABLE_ID, msalClient } from './graph-test-client';
import { type FakeMicrosoft, startFakeMicrosoft } from './index';

// Contact folders and contacts through the real Graph SDK v3 and msal-node.

const PROP = 'String {b8d7b5c2-6f1e-4c53-9a0e-2f4a7d1c9e31} Name KlarKonformContactId';
const tenant = randomUUID();
const app = { clientId: randomUUID(), clientSecret: 's3cret' };
const mailbox = 'vertrieb@contoso.de';
const user = `/users/${encodeURIComponent(mailbox)}`;
let fake: FakeMicrosoft;
let client: Client;

type GraphErr = { statusCode: number; code: string; message: string };
const fails = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a Graph error'),
    (e: GraphErr) => e,
  );

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  fake.registerApp(tenant, app);
  fake.addMailbox(tenant, mailbox);
  client = graphClient(fake, msalClient(fake, tenant, app));
});
afterAll(() => fake.close());

async function folder(name: string): Promise<string> {
  const r = (await client.api(`${user}/contactFolders`).headers(IMMUTABLE_ID).post({ displayName: name })) as {
    id: string;
  };
  return r.id;
}
const contacts = (fid: string) => `${user}/contactFolders/${encodeURIComponent(fid)}/contacts`;

describe('contact folders', () => {
  it('creates a folder once, finds it by name, refuses a second of the same name', async () => {
    const id = await folder('KlarKonform CRM');
    const found = (await client
      .api(`${user}/contactFolders`)
      .headers(IMMUTABLE_ID)
      .filter("displayName eq 'klarkonform crm'")
      .get()) as { value: Array<{ id: string; displayName: string }> };
    expect(found.value).toEqual([expect.objectContaining({ id, displayName: 'KlarKonform CRM' })]);
    expect(await fails(folder('KlarKonform CRM'))).toMatchObject({ statusCode: 409, code: 'ErrorFolderExists' });
    expect(fake.outlook(tenant, mailbox).folders()).toEqual([{ id, displayName: 'KlarKonform CRM' }]);
  });

  it('answers ErrorInvalidUser for an unknown mailbox and ErrorAccessDenied for a blocked one', async () => {
    expect(await fails(client.api('/users/nobody@contoso.de/contactFolders').get())).toMatchObject({
      statusCode: 404,
      code: 'ErrorInvalidUser',
    });
    fake.addMailbox(tenant, 'chef@contoso.de', { accessDenied: true });
    const denied = await fails(client.api('/users/chef@contoso.de/contactFolders').get());
    expect(denied).toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
    expect(denied.message).toContain('[RAOP]');
    fake.setMailboxAccess(tenant, 'chef@contoso.de', false);
    await expect(client.api('/users/chef@contoso.de/contactFolders').get()).resolves.toMatchObject({ value: [] });
  });
});

describe('contacts', () => {
  it('creates, reads, patches and deletes a contact; the human in Outlook sees each step', async () => {
    const fid = await folder('CRUD');
    const created = (await client
      .api(contacts(fid))
      .headers(IMMUTABLE_ID)
      .post({
        givenName: 'Jörg',
        surname: 'Weiß',
        emailAddresses: [{ address: 'joerg@weiss.de', name: 'Jörg Weiß' }],
        businessPhones: ['+49 30 1234567'],
        businessAddress: { street: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', countryOrRegion: 'DE' },
        singleValueExtendedProperties: [{ id: PROP, value: 'crm-1' }],
      })) as Record<string, unknown> & { id: string; changeKey: string };
    expect(created).toMatchObject({ displayName: 'Jörg Weiß', parentFolderId: fid, mobilePhone: null, homePhones: [] });
    expect(created.homeAddress).toEqual({});
    const path = `${user}/contacts/${encodeURIComponent(created.id)}`;

    const patched = (await client.api(path).headers(IMMUTABLE_ID).patch({ jobTitle: 'Einkauf' })) as typeof created;
    expect(patched.jobTitle).toBe('Einkauf');
    expect(patched.changeKey).not.toBe(created.changeKey);
    expect(patched.givenName).toBe('Jörg');

    const human = fake.outlook(tenant, mailbox);
    expect(human.get('CRUD', created.id)).toMatchObject({
      jobTitle: 'Einkauf',
      singleValueExtendedProperties: [{ id: PROP, value: 'crm-1' }],
    });
    human.update('CRUD', created.id, { mobilePhone: '+49 170 1' });
    const read = (await client
      .api(`${contacts(fid)}/${encodeURIComponent(created.id)}`)
      .headers(IMMUTABLE_ID)
      .get()) as typeof created;
    expect(read.mobilePhone).toBe('+49 170 1');

    await client.api(path).headers(IMMUTABLE_ID).delete();
    expect(human.contacts('CRUD')).toEqual([]);
    expect(await fails(client.api(path).headers(IMMUTABLE_ID).get())).toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
  });

  it('refuses unknown properties and more than three e-mail addresses', async () => {
    const fid = await folder('Invalid');
    expect(await fails(client.api(contacts(fid)).post({ givenName: 'A', crmTags: ['x'] }))).toMatchObject({
      statusCode: 400,
      code: 'RequestBodyRead',
    });
    const four = ['a', 'b', 'c', 'd'].map((x) => ({ address: `${x}@x.de` }));
    expect(await fails(client.api(contacts(fid)).post({ emailAddresses: four }))).toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidArgument',
    });
    expect(fake.outlook(tenant, mailbox).contacts('Invalid')).toEqual([]);
  });

  it('finds a contact by our extended property and expands only the asked one', async () => {
    const fid = await folder('Extended');
    const human = fake.outlook(tenant, mailbox);
    human.create('Extended', { givenName: 'Ohne', surname: 'Id' });
    const ours = human.create('Extended', {
      givenName: 'Mit',
      surname: 'Id',
      singleValueExtendedProperties: [
        { id: PROP, value: 'CRM-42' },
        { id: 'String {00020329-0000-0000-c000-000000000046} Name Other', value: 'x' },
      ],
    });
    const filter = (id: string, value: string) =>
      `singleValueExtendedProperties/Any(ep: ep/id eq '${id}' and ep/value eq '${value}')`;
    const expand = `singleValueExtendedProperties($filter=id eq '${PROP}')`;
    const hit = (await client
      .api(contacts(fid))
      .headers(IMMUTABLE_ID)
      .filter(filter(PROP, 'crm-42'))
      .expand(expand)
      .get()) as {
      value: Array<{ id: string; singleValueExtendedProperties?: unknown[] }>;
    };
    expect(hit.value.map((c) => c.id)).toEqual([ours.id]);
    expect(hit.value[0]!.singleValueExtendedProperties).toEqual([{ id: PROP, value: 'CRM-42' }]);
    // The Name part is case-sensitive.
    const wrongCase = PROP.replace('KlarKonformContactId', 'klarkonformcontactid');
    const miss = (await client.api(contacts(fid)).filter(filter(wrongCase, 'CRM-42')).get()) as { value: unknown[] };
    expect(miss.value).toEqual([]);
    // Without a match the navigation property is left out.
    const all = (await client.api(contacts(fid)).headers(IMMUTABLE_ID).expand(expand).get()) as {
      value: Array<{ givenName: string; singleValueExtendedProperties?: unknown[] }>;
    };
    expect(all.value.find((c) => c.givenName === 'Ohne')).not.toHaveProperty('singleValueExtendedProperties');
  });

  it('pages with an absolute https nextLink and honours $select and $top', async () => {
    const fid = await folder('Paging');
    const human = fake.outlook(tenant, mailbox);
    for (let i = 0; i < 25; i += 1) human.create('Paging', { givenName: `P${i}`, surname: 'Muster' });
    const seen: string[] = [];
    let page = (await client.api(contacts(fid)).headers(IMMUTABLE_ID).select('givenName').top(10).get()) as {
      value: Array<Record<string, unknown>>;
      '@odata.nextLink'?: string;
    };
    for (;;) {
      for (const c of page.value) {
        expect(Object.keys(c).sort()).toEqual(['@odata.etag', 'givenName', 'id']);
        seen.push(c.givenName as string);
      }
      const next = page['@odata.nextLink'];
      if (!next) break;
      expect(next).toMatch(/^https:\/\/localhost:\d+\/v1\.0\//);
      page = (await client.api(next).headers(IMMUTABLE_ID).get()) as typeof page;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `P${i}`));
  });

  it('hands out other ids without Prefer IdType="ImmutableId" and counts such calls', async () => {
    const fid = await folder('Ids');
    const before = fake.stats().missingImmutableIdPrefer;
    const rest = (await client.api(contacts(fid)).post({ givenName: 'Rest' })) as { id: string };
    const human = fake.outlook(tenant, mailbox);
    const [stored] = human.contacts('Ids');
    expect(rest.id).not.toBe(stored!.id);
    expect(fake.stats().missingImmutableIdPrefer).toBe(before + 1);
    // Both forms address the same contact.
    const viaRest = (await client
      .api(`${user}/contacts/${encodeURIComponent(rest.id)}`)
      .headers(IMMUTABLE_ID)
      .get()) as {
      id: string;
    };
    expect(viaRest.id).toBe(stored!.id);
  });
});
