import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClient, IMMUTABLE_ID, msalClient } from './graph-test-client';
import { type FakeMicrosoft, startFakeMicrosoft } from './index';

// Delta query on a contact folder through the real Graph SDK v3.

const tenant = randomUUID();
const app = { clientId: randomUUID(), clientSecret: 's3cret' };
const mailbox = 'team@contoso.de';
let fake: FakeMicrosoft;
let client: Client;

interface DeltaPage {
  value: Array<{ id: string; givenName?: string; '@removed'?: { reason: string } }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  fake.registerApp(tenant, app);
  fake.addMailbox(tenant, mailbox);
  client = graphClient(fake, msalClient(fake, tenant, app));
});
afterAll(() => fake.close());

/** One delta round from `start`: every item in order, the pages count and the deltaLink. */
async function round(start: string, pageSize = 3) {
  const items: DeltaPage['value'] = [];
  let pages = 0;
  let page = (await client
    .api(start)
    .headers({ ...IMMUTABLE_ID, Prefer: `${IMMUTABLE_ID.Prefer}, odata.maxpagesize=${pageSize}` })
    .get()) as DeltaPage;
  for (;;) {
    pages += 1;
    expect(page.value.length).toBeLessThanOrEqual(pageSize);
    items.push(...page.value);
    if (page['@odata.deltaLink']) return { items, pages, deltaLink: page['@odata.deltaLink'] };
    page = (await client
      .api(page['@odata.nextLink']!)
      .headers({ Prefer: `odata.maxpagesize=${pageSize}, ${IMMUTABLE_ID.Prefer}` })
      .get()) as DeltaPage;
  }
}

async function newFolder(name: string): Promise<string> {
  const f = (await client
    .api(`/users/${mailbox}/contactFolders`)
    .headers(IMMUTABLE_ID)
    .post({ displayName: name })) as { id: string };
  return `/users/${mailbox}/contactFolders/${encodeURIComponent(f.id)}/contacts/delta`;
}

describe('contacts delta', () => {
  it('lists the folder in pages, then only changes: updates (twice if changed twice) and removals', async () => {
    const start = await newFolder('Delta');
    const human = fake.outlook(tenant, mailbox);
    const [a, b, c] = ['Anna', 'Bernd', 'Clara'].map((n) => human.create('Delta', { givenName: n, surname: 'X' }));
    for (let i = 0; i < 4; i += 1) human.create('Delta', { givenName: `F${i}` });

    const first = await round(`${start}?$select=givenName,surname`);
    expect(first.pages).toBe(3);
    expect(first.items.map((i) => i.givenName)).toEqual(['Anna', 'Bernd', 'Clara', 'F0', 'F1', 'F2', 'F3']);
    expect(first.deltaLink).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/.*\$deltatoken=/);

    const quiet = await round(first.deltaLink);
    expect(quiet.items).toEqual([]);

    human.update('Delta', a!.id, { jobTitle: 'GF' });
    human.update('Delta', a!.id, { givenName: 'Anne' });
    human.delete('Delta', b!.id);
    const d = human.create('Delta', { givenName: 'Dora' });
    const changes = await round(quiet.deltaLink);
    expect(changes.items.map((i) => i.id)).toEqual([a!.id, a!.id, b!.id, d.id]);
    expect(changes.items[0]).toMatchObject({ givenName: 'Anne' });
    // $select of the first request is kept in the tokens.
    expect(changes.items[0]).not.toHaveProperty('jobTitle');
    expect(changes.items[2]).toEqual({
      '@odata.type': '#microsoft.graph.contact',
      id: b!.id,
      '@removed': { reason: 'deleted' },
    });
    void c;
  });

  it('answers 410 syncStateNotFound for old links after expiry; a fresh round works', async () => {
    const start = await newFolder('Expiry');
    const human = fake.outlook(tenant, mailbox);
    for (let i = 0; i < 5; i += 1) human.create('Expiry', { givenName: `E${i}` });
    const first = await round(start, 10);
    const page1 = (await client.api(start).headers({ Prefer: 'odata.maxpagesize=2' }).get()) as DeltaPage;

    fake.expireDeltaTokens(tenant, mailbox);
    for (const link of [first.deltaLink, page1['@odata.nextLink']!]) {
      const err = await client
        .api(link)
        .get()
        .then(
          () => expect.fail('expected 410'),
          (e: { statusCode: number; code: string }) => e,
        );
      expect(err).toMatchObject({ statusCode: 410, code: 'syncStateNotFound' });
    }
    const again = await round(start, 10);
    expect(again.items).toHaveLength(5);
    expect(fake.stats().deltaGone).toBe(2);
  });
});
