import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

let t: TestApp;
let muster: Record<string, unknown>;
let max: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  muster = await createContact(
    t,
    company('Muster GmbH & Co. KG', {
      emails: [{ address: 'info@muster.de', primary: true }],
      relationships: ['customer'],
      tags: ['Branche-IT'],
    }),
  );
  max = await createContact(
    t,
    person('Max', 'Mustermann', {
      companyId: muster.id,
      roles: ['decisionMaker'],
      relationships: ['customer'],
      businessPhones: ['+49 30 1234567'],
      ...withEmail('max.mustermann@muster.de'),
    }),
  );
  await createContact(
    t,
    person('Lisa', 'Müller', {
      companyId: muster.id,
      roles: ['billingContact'],
      ...withEmail('lisa.mueller@muster.de'),
    }),
  );
  await createContact(
    t,
    person('Peter', 'Berger', { relationships: ['lead'], lead: { status: 'qualifying', source: 'tradeFair' } }),
  );
  await createContact(t, company('Lieferant Schulz KG', { relationships: ['supplier'] }));
});
afterAll(() => t.close());

async function search(query: string): Promise<string[]> {
  const res = await t.request({ method: 'GET', url: `/api/v1/contacts?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { displayName: string }) => i.displayName);
}

describe('contact search', () => {
  it.each([
    ['q=Mustermann', ['Max Mustermann']],
    ['q=max', ['Max Mustermann']],
    ['q=Muster', ['Muster GmbH & Co. KG', 'Max Mustermann']],
    ['q=muster%20gmbh', ['Muster GmbH & Co. KG']],
    ['q=mueller', ['Lisa Müller']],
    ['q=Müller', ['Lisa Müller']],
    ['q=max.mustermann%40muster.de', ['Max Mustermann']],
    ['q=%40muster.de', ['Muster GmbH & Co. KG', 'Max Mustermann', 'Lisa Müller']],
    ['q=muster.de', ['Muster GmbH & Co. KG', 'Max Mustermann', 'Lisa Müller']],
    ['q=030%20123', ['Max Mustermann']],
    ['q=%2B4930123', ['Max Mustermann']],
  ])('%s finds %j', async (query, expected) => {
    expect((await search(query)).sort()).toEqual([...expected].sort());
  });

  it('finds a contact by its number', async () => {
    expect(await search(`q=${max.contactNumber}`)).toEqual(['Max Mustermann']);
    expect(await search(`q=${String(max.contactNumber).toLowerCase()}`)).toEqual(['Max Mustermann']);
  });

  it('combines filters', async () => {
    // Lisa, created at the customer without relationships of her own, starts as a customer contact.
    expect(await search('relationship=customer&kind=person')).toEqual(['Lisa Müller', 'Max Mustermann']);
    expect((await search('relationship=customer')).sort()).toEqual([
      'Lisa Müller',
      'Max Mustermann',
      'Muster GmbH & Co. KG',
    ]);
    expect(await search('role=billingContact')).toEqual(['Lisa Müller']);
    expect(await search('leadStatus=qualifying')).toEqual(['Peter Berger']);
    expect(await search('tag=Branche-IT')).toEqual(['Muster GmbH & Co. KG']);
    expect(await search('q=Muster&kind=company')).toEqual(['Muster GmbH & Co. KG']);
  });

  it('pages with a stable order and no gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await t.request({ method: 'GET', url: `/api/v1/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}` })
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    const all = (await t.request({ method: 'GET', url: '/api/v1/contacts?limit=100' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
    expect(pages).toBe(3);
  });

  it('the lead review pages through leads of every first letter in name order, without gaps or repeats', async () => {
    const names = ['Zander', 'Ahrens', 'Özdemir', 'Becker', '3D-Druck Schulz', 'Albers', 'Yilmaz', 'Meier', 'Maier'];
    const created = [];
    for (const last of names) {
      created.push(await createContact(t, person('Lea', last, { relationships: ['lead'] }), { tenantId: TENANT_B }));
    }
    await createContact(t, person('Kurt', 'Kunde', { relationships: ['customer'] }), { tenantId: TENANT_B });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/leads?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url }, { tenantId: TENANT_B })).json();
      seen.push(...page.items.map((i: { contact: { lastName: string } }) => i.contact.lastName));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 50);
    expect(seen).toEqual([
      '3D-Druck Schulz',
      'Ahrens',
      'Albers',
      'Becker',
      'Maier',
      'Meier',
      'Özdemir',
      'Yilmaz',
      'Zander',
    ]);
  });

  it('finds while typing: every prefix of a name, an address and a phone number', async () => {
    for (const q of [
      'Mu',
      'Must',
      'Musterm',
      'max.mustermann@m',
      'max.mustermann@muster.d',
      '030 123',
      '+49 30 12345',
    ]) {
      expect(await search(`q=${encodeURIComponent(q)}&kind=person`), q).toContain('Max Mustermann');
    }
    expect(await search('q=Mustermannx')).toEqual([]);
  });
});

describe('names of several parts, typed with a space, a hyphen or joined', () => {
  const as = { tenantId: TENANT_B };
  const searchB = async (q: string) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(q)}` }, as);
    expect(res.statusCode).toBe(200);
    // The spellings are found by their words (exact or prefix); what only sounds alike ("Karl"
    // and "Carla", "Sucher" and "Seeker") comes after them, marked phonetic (contacts-phonetic-search.test.ts).
    return (res.json().items as Array<{ displayName: string; match: string }>)
      .filter((i) => i.match !== 'phonetic')
      .map((i) => i.displayName)
      .sort();
  };

  beforeAll(async () => {
    for (const [first, last] of [
      ['Karl Heinz', 'Sucher'],
      ['Karl-Heinz', 'Finder'],
      ['Karlheinz', 'Seeker'],
      ['Anna', 'Müller Lüdenscheidt'],
      ['Berta', 'Müller-Lüdenscheidt'],
      ['Carla', 'Müllerlüdenscheidt'],
      ['Sophie', 'Hohenzollern Sigmaringen'],
    ] as const) {
      await createContact(t, person(first, last), as);
    }
  });

  const karls = ['Karl Heinz Sucher', 'Karl-Heinz Finder', 'Karlheinz Seeker'];
  const muellers = ['Anna Müller Lüdenscheidt', 'Berta Müller-Lüdenscheidt', 'Carla Müllerlüdenscheidt'];
  it.each([
    // The tester's findings
    ['Karl-Heinz', karls],
    ['Karlheinz', karls],
    ['Müller-Lüdenscheidt', muellers],
    // Every spelling finds every spelling
    ['Karl Heinz', karls],
    ['Müller Lüdenscheidt', muellers],
    ['Müllerlüdenscheidt', muellers],
    ['Karl Heinz Sucher', ['Karl Heinz Sucher']],
    ['Karlheinz Sucher', ['Karl Heinz Sucher']],
    ['Karl Heinz Seeker', ['Karlheinz Seeker']],
    // Longer than a stored prefix (20 characters) when joined
    ['HohenzollernSigmaringen', ['Sophie Hohenzollern Sigmaringen']],
    ['Hohenzollern-Sigmaringen', ['Sophie Hohenzollern Sigmaringen']],
    // Searches as before
    ['Karl', karls],
    ['Heinz', ['Karl Heinz Sucher', 'Karl-Heinz Finder']],
    ['Lüdenscheidt', ['Anna Müller Lüdenscheidt', 'Berta Müller-Lüdenscheidt']],
    ['Karlheinzx', []],
  ])('%j finds %j', async (q, expected) => {
    expect(await searchB(q)).toEqual([...expected].sort());
  });
});
