import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person } from '../support/contacts';
import { createTestApp, TENANT_B, type TestApp } from '../support/test-app';

// Search that finds what sounds alike (Kölner Phonetik) and ranks it: exact matches first, then
// prefix matches, then phonetic ones, each marked with how it matched; with the list filters and
// the owner, page by page, and within the caller's tenant only.

let t: TestApp;
const bea = { userId: 'user-bea', name: 'Bea Berater' } as const;

interface Item {
  id: string;
  displayName: string;
  match?: string;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  // Bea has used KlarKonform, so contacts can be hers.
  await t.request({ method: 'GET', url: '/api/v1/me' }, bea);
  await createContact(t, person('Anna', 'Meier', { relationships: ['customer'] }));
  await createContact(t, person('Bernd', 'Meyer', { relationships: ['lead'], lead: { status: 'new' } }));
  await createContact(t, person('Clara', 'Maier', { relationships: ['customer'], roles: ['decisionMaker'] }), bea);
  await createContact(t, person('Dieter', 'Meierhofer', { relationships: ['customer'] }));
  await createContact(t, person('Emil', 'Müller'));
  await createContact(t, person('Lisa', 'Mueller', { relationships: ['supplier'] }));
  await createContact(t, company('Schmitt Elektro GmbH', { relationships: ['customer'], tags: ['Elektro'] }));
  await createContact(t, person('Hans', 'Schmidt', { relationships: ['customer'] }), bea);
  // "Marie" sounds like "Meier" too (67), but first names are searched by longer codes only.
  await createContact(t, person('Marie', 'Zander'));
  await createContact(t, person('Karl', 'Zeiler'));
  await createContact(t, company('Karl Bau GmbH'));
  // The same names in another tenant: never part of tenant A's results.
  await createContact(t, person('Tina', 'Meier'), { tenantId: TENANT_B });
  await createContact(t, person('Theo', 'Mayer'), { tenantId: TENANT_B });
});
afterAll(async () => t.close());

async function search(query: string, as = {}): Promise<Page> {
  const res = await t.request({ method: 'GET', url: `/api/v1/contacts?${query}` }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const hits = (page: Page) => page.items.map((i) => [i.displayName, i.match]);

describe('phonetic and ranked search', () => {
  it('"Meier" lists Meier (exact), then Meierhofer (prefix), then Maier and Meyer (phonetic)', async () => {
    expect(hits(await search('q=Meier'))).toEqual([
      ['Anna Meier', 'exact'],
      ['Dieter Meierhofer', 'prefix'],
      ['Clara Maier', 'phonetic'],
      ['Bernd Meyer', 'phonetic'],
    ]);
    expect(hits(await search('q=Meyer'))).toEqual([
      ['Bernd Meyer', 'exact'],
      ['Clara Maier', 'phonetic'],
      ['Anna Meier', 'phonetic'],
    ]);
  });

  it('"Schmidt" finds "Schmitt Elektro GmbH" by its phonetic company key', async () => {
    expect(hits(await search('q=Schmidt'))).toEqual([
      ['Hans Schmidt', 'exact'],
      ['Schmitt Elektro GmbH', 'phonetic'],
    ]);
    expect(hits(await search(`q=${encodeURIComponent('Schmidt Elektro')}`))).toEqual([
      ['Schmitt Elektro GmbH', 'phonetic'],
    ]);
    expect(hits(await search('q=Schmidt%20GmbH'))).toEqual([['Schmitt Elektro GmbH', 'phonetic']]);
  });

  it('"Carl" finds Karl by sound, as a first name and as a company name word', async () => {
    expect(hits(await search('q=Carl'))).toEqual([
      ['Karl Bau GmbH', 'phonetic'],
      ['Karl Zeiler', 'phonetic'],
    ]);
  });

  it('"Müller" finds "Mueller" as an exact match: umlauts fold like their spelled-out form', async () => {
    expect(hits(await search(`q=${encodeURIComponent('Müller')}`))).toEqual([
      ['Emil Müller', 'exact'],
      ['Lisa Mueller', 'exact'],
    ]);
  });

  it('lists without a search text in name order, unmarked', async () => {
    const page = await search('relationship=customer&kind=person');
    expect(page.items.map((i) => i.displayName)).toEqual([
      'Clara Maier',
      'Anna Meier',
      'Dieter Meierhofer',
      'Hans Schmidt',
    ]);
    expect(page.items.every((i) => i.match === undefined)).toBe(true);
  });

  it('combines the search with the filters and the owner', async () => {
    expect(hits(await search('q=Meier&relationship=customer'))).toEqual([
      ['Anna Meier', 'exact'],
      ['Dieter Meierhofer', 'prefix'],
      ['Clara Maier', 'phonetic'],
    ]);
    expect(hits(await search('q=Meier&leadStatus=new'))).toEqual([['Bernd Meyer', 'phonetic']]);
    expect(hits(await search('q=Meier&role=decisionMaker'))).toEqual([['Clara Maier', 'phonetic']]);
    expect(hits(await search('q=Schmidt&kind=company&tag=Elektro'))).toEqual([['Schmitt Elektro GmbH', 'phonetic']]);
    // "Meine Kontakte": the caller's own; Bea's by her id, or as "me" when she asks.
    expect(hits(await search('q=Meier&owner=me'))).toEqual([
      ['Anna Meier', 'exact'],
      ['Dieter Meierhofer', 'prefix'],
      ['Bernd Meyer', 'phonetic'],
    ]);
    expect(hits(await search('q=Meier&owner=user-bea'))).toEqual([['Clara Maier', 'phonetic']]);
    expect(hits(await search('q=Schmidt&owner=me', bea))).toEqual([['Hans Schmidt', 'exact']]);
    // Filters alone list the filtered contacts, in name order.
    expect((await search('owner=user-bea')).items.map((i) => i.displayName)).toEqual(['Clara Maier', 'Hans Schmidt']);
  });

  it('pages through mixed ranks in rank order, without gaps or repeats', async () => {
    const all = (await search('q=Meier&limit=100')).items.map((i) => i.id);
    for (const limit of [1, 2, 3]) {
      const seen: Item[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await search(`q=Meier&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && seen.length < 20);
      expect(
        seen.map((i) => i.id),
        `limit ${limit}`,
      ).toEqual(all);
    }
  });

  it('pages on when many contacts of an earlier rank are skipped in a later one', async () => {
    // Twelve exact "Ott" in tenant B: each is found again by prefix and by sound (code 02) and
    // skipped there, so reading past them takes more queries than one page runs; "Ottmann"
    // (prefix) and "Uth" (sounds like "Ott", sorts after it) come after them, once each.
    const names = ['Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott', 'Ott'];
    for (const [i, last] of names.entries()) {
      await createContact(t, person(`Vorname${String(i).padStart(2, '0')}`, last), { tenantId: TENANT_B });
    }
    await createContact(t, person('Olga', 'Ottmann'), { tenantId: TENANT_B });
    await createContact(t, person('Paul', 'Uth'), { tenantId: TENANT_B });
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/contacts?q=Ott&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await t.request({ method: 'GET', url }, { tenantId: TENANT_B })).json();
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 40);
    expect(seen.map((i) => i.match)).toEqual([...names.map(() => 'exact'), 'prefix', 'phonetic']);
    expect(seen.slice(-2).map((i) => i.displayName)).toEqual(['Olga Ottmann', 'Paul Uth']);
    expect(new Set(seen.map((i) => i.id)).size).toBe(14);
  });

  it("finds only the caller's tenant's contacts, whatever they sound like", async () => {
    const a = (await search('q=Mayer')).items.map((i) => i.displayName);
    expect(a).toEqual(['Clara Maier', 'Anna Meier', 'Bernd Meyer']);
    const b = (await search('q=Mayer', { tenantId: TENANT_B })).items.map((i) => i.displayName);
    expect(b).toEqual(['Theo Mayer', 'Tina Meier']);
  });

  it('refuses a cursor that is not one of its own', async () => {
    const bad = Buffer.from(JSON.stringify({ s: 'meier', id: '0'.repeat(24), t: 9 })).toString('base64url');
    const res = await t.request({ method: 'GET', url: `/api/v1/contacts?q=Meier&cursor=${bad}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
