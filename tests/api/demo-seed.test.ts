import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactPhones, type Contact, type ContactSummary } from '@klarkonform/shared';
import { demoRecords } from '../../api/src/features/demo/demo-data';
import { DEMO_COLLEAGUES, DEMO_TENANT_ID, DEMO_USER } from '../../api/src/features/demo/demo-tenant';
import { DEMO_MAILBOX } from '../../shared/src/ui/demo/demo-mailbox';
import { countContacts } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';
import { demoContacts } from '../support/demo-snapshot';

// German words the demo writes with ä, ö, ü or ß, as they look when someone typed them on a
// keyboard without (ae, oe, ue, ss). Curated from the demo's vocabulary: a general /ae|oe|ue|ss/
// would flag correct words ("Schluss", "Trassee", "Dauer"), names and the ASCII of addresses.
const ASCII_UMLAUT_WORDS = [
  /\bgross(kunde|handel|e[nrs]?)?\b/i,
  /strasse\b/i,
  /\bgr(ue|u)sse?n?\b/i,
  /\bbuero/i,
  /gesch(ae|a)ftsf(ue|u)hrer|gesch(ae|a)ftsleitung/i,
  /\bmuenchen\b|\bkoeln\b|\bduesseldorf\b|\bnuernberg\b|\bthueringen\b/i,
  /\bl(oe)sung/i,
  /\bfuer\b|\bueber\b/i,
  /\baenderung/i,
  /\bschaefer\b|\bsoehne\b|\bmueller\b|\bbaeckerei\b/i,
  /\bnaechste|\brueck|\bpruef|\bbestaetig|\bwuenscht|\bvorfuehr|\bgespraech|\beinkaeufer|\bhaette/i,
  /\bbruehl\b|\bgruen\b|\bweiss\b|\bzwoelf\b|\barbeitsplaetze/i,
];

/** The words of a text that carry an ASCII substitute, leaving out e-mail addresses and domains. */
function asciiSubstitutes(text: string): string[] {
  const prose = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[\w-]+\.(de|com|net|org)\b/g, ' ');
  return ASCII_UMLAUT_WORDS.flatMap((pattern) =>
    [...prose.matchAll(new RegExp(pattern.source, 'gi'))].map((match) => match[0]),
  );
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('demo data as written', () => {
  it('finds the substitutes it is meant to find', () => {
    expect(asciiSubstitutes('Grosskunde, Musterstrasse 1, 80331 Muenchen, Gruesse')).toEqual([
      'Grosskunde',
      'strasse',
      'Gruesse',
      'Muenchen',
    ]);
    expect(asciiSubstitutes('Großkunde, lisa.mueller@muster.de, fischer-soehne.de, Schluss')).toEqual([]);
  });

  it('is correct German: no ae/oe/ue/ss where the word has ä/ö/ü/ß', () => {
    const texts = [...strings(demoRecords(new Date())), ...strings(DEMO_MAILBOX)];
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.flatMap(asciiSubstitutes)).toEqual([]);
  });

  it('has more unknown senders: a free-mail address and a team mailbox of a new firm', () => {
    const senders = DEMO_MAILBOX.flatMap((item) => (item.from ? [item.from.email] : []));
    expect(senders).toEqual(expect.arrayContaining(['katrin.vogel@web.de', 'vertrieb@sonnenhof-solartechnik.de']));
  });
});

describe('demo tenant', () => {
  const apps: TestApp[] = [];
  let first: TestApp;
  let contacts: Contact[];
  const as = { tenantId: DEMO_TENANT_ID };
  const env = { SEED_DEMO: 'true', ALLOWED_TENANTS: DEMO_TENANT_ID, MONGODB_DB: `demo_${randomUUID().slice(0, 8)}` };
  const get = async (url: string) => (await first.request({ method: 'GET', url }, as)).json();

  beforeAll(async () => {
    first = await createTestApp(env);
    apps.push(first);
    contacts = await demoContacts(first, as);
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('is seeded once, in German, and survives a restart without duplicates', async () => {
    expect(contacts.length).toBeGreaterThanOrEqual(20);
    const [card] = (await get('/api/v1/cards?email=max.mustermann%40muster.de')).cards;
    expect(card.contact).toMatchObject({
      displayName: 'Max Mustermann',
      position: 'Geschäftsführer',
      roles: ['decisionMaker'],
    });
    expect(card.company).toMatchObject({
      name: 'Muster GmbH',
      tags: ['Branche-IT', 'Großkunde'],
      relationships: ['customer'],
    });
    expect(card.companyPeople.map((p: { displayName: string }) => p.displayName)).toEqual(
      expect.arrayContaining(['Max Mustermann', 'Lisa Müller', 'Tom Techniker']),
    );
    expect(card.marketingEmailAllowed.allowed).toBe(true);

    const second = await createTestApp({ ...env, DATA_DIR: first.config.dataDir });
    apps.push(second);
    const again = await countContacts({ ...second, request: (o, a) => second.request(o, { ...as, ...a }) });
    expect(again).toBe(contacts.length);
  });

  it('dates "Kunde seit", consent and creation in the past, leads of different ages', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const customers = contacts.filter((c) => c.relationships.includes('customer'));
    expect(customers.length).toBeGreaterThanOrEqual(8);
    for (const customer of customers) {
      expect(customer.customerSince, customer.displayName).toBeDefined();
      expect(customer.customerSince! < today, `${customer.displayName}: Kunde seit ${customer.customerSince}`).toBe(
        true,
      );
    }
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    expect(customers.some((c) => c.customerSince! < yearAgo)).toBe(true);

    const consent = contacts.flatMap((c) => Object.values(c.consent.channels).flat());
    expect(consent.length).toBeGreaterThanOrEqual(4);
    for (const event of consent) expect(event.at.slice(0, 10) < today, `${event.source} ${event.at}`).toBe(true);
    for (const contact of contacts) {
      expect(contact.createdAt.slice(0, 10) < today, contact.displayName).toBe(true);
      expect(contact.updatedAt >= contact.createdAt, contact.displayName).toBe(true);
    }

    const review = await get('/api/v1/leads?limit=100');
    const staleness = review.items.map((item: { staleness: string }) => item.staleness);
    expect(staleness).toEqual(expect.arrayContaining(['fresh', 'openTooLong', 'untouched']));
    const ages = new Set(review.items.map((item: { contact: Contact }) => item.contact.createdAt.slice(0, 10)));
    expect(ages.size).toBeGreaterThanOrEqual(4);
  });

  it('spreads the contacts over the demo users, who are the tenant users', async () => {
    const users = (await get('/api/v1/users')).items.map((user: { id: string; name: string }) => user.name);
    expect(users).toEqual(expect.arrayContaining([DEMO_USER.name, ...DEMO_COLLEAGUES.map((user) => user.name)]));
    const owners = new Map<string, number>();
    for (const contact of contacts) owners.set(contact.ownerId ?? '-', (owners.get(contact.ownerId ?? '-') ?? 0) + 1);
    expect([...owners.keys()].sort()).toEqual([DEMO_USER.id, ...DEMO_COLLEAGUES.map((user) => user.id)].sort());
    for (const count of owners.values()) expect(count).toBeGreaterThanOrEqual(5);
    const mine = (
      await first.request(
        { method: 'GET', url: '/api/v1/contacts?owner=me&limit=100' },
        {
          ...as,
          userId: DEMO_USER.id,
        },
      )
    ).json();
    expect(mine.items.length).toBe(owners.get(DEMO_USER.id));
  });

  it('shows no value twice: phones, e-mail addresses and tags of a person differ from its company’s', () => {
    const byId = new Map(contacts.map((contact) => [contact.id, contact]));
    for (const contact of contacts) {
      const phones = contactPhones(contact);
      expect(new Set(phones).size, `${contact.displayName}: ${phones}`).toBe(phones.length);
      expect(new Set(contact.tags).size).toBe(contact.tags.length);
      const company = contact.kind === 'person' && contact.companyId ? byId.get(contact.companyId) : undefined;
      if (!company) continue;
      const theirs = contactPhones(company);
      expect(
        phones.filter((phone) => theirs.includes(phone)),
        contact.displayName,
      ).toEqual([]);
      expect(
        contact.tags.filter((tag) => company.tags.includes(tag)),
        contact.displayName,
      ).toEqual([]);
      const addresses = company.emails.map((entry) => entry.address);
      expect(contact.emails.filter((entry) => addresses.includes(entry.address))).toEqual([]);
    }
  });

  it('gives the data-care worklist and the duplicate check something to show', async () => {
    const worklist = await get('/api/v1/quality/worklist?limit=100');
    const codes = new Set(
      worklist.items.flatMap((item: { findings: Array<{ code: string }> }) => item.findings.map((f) => f.code)),
    );
    for (const code of [
      'person.noCompany',
      'contact.invalidPhone',
      'company.noPeople',
      'company.incompleteContactData',
      'person.noRole',
      'lead.stale',
      'contact.noRelationship',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    const groups = (await get('/api/v1/duplicates')).groups as Array<{ contacts: ContactSummary[] }>;
    expect(groups.map((group) => group.contacts.map((c) => c.displayName).sort())).toEqual(
      expect.arrayContaining([['Schmidt Elektro', 'Schmitt Elektro GmbH']]),
    );
    // "Meier" at Muster GmbH sounds like the seeded Jana Meyer there.
    const muster = contacts.find((contact) => contact.displayName === 'Muster GmbH');
    const check = await first.request(
      {
        method: 'POST',
        url: '/api/v1/contacts/duplicate-check',
        payload: { kind: 'person', firstName: 'Jana', lastName: 'Meier', companyId: muster?.id },
      },
      as,
    );
    expect(check.json().candidates.map((c: { contact: ContactSummary }) => c.contact.displayName)).toContain(
      'Jana Meyer',
    );
  });

  it('knows none of the demo mailbox’s unknown senders', async () => {
    const query = [
      'j.maier@muster.de',
      'katrin.vogel@web.de',
      'info@holzbau-schaefer.de',
      'vertrieb@sonnenhof-solartechnik.de',
    ]
      .map((email) => `email=${encodeURIComponent(email)}`)
      .join('&');
    const { cards } = await get(`/api/v1/cards?${query}`);
    expect(cards.map((card: { status: string }) => card.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(cards[1].suggestion).toMatchObject({ freeMail: true });
  });
});
