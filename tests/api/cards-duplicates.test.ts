import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, createContact, person, withEmail } from '../support/contacts';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let muster: Record<string, unknown>;
let max: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  muster = await createContact(
    t,
    company('Muster GmbH', {
      ...withEmail('info@muster.de'),
      website: 'https://www.muster.de',
      relationships: ['customer'],
      tags: ['Branche-IT'],
    }),
  );
  max = await createContact(
    t,
    person('Max', 'Mustermann', {
      salutation: 'Herr',
      companyId: muster.id,
      position: 'Geschäftsführer',
      roles: ['decisionMaker'],
      relationships: ['customer'],
      ...withEmail('max.mustermann@muster.de'),
    }),
  );
  await createContact(t, person('Jana', 'Meyer', { companyId: muster.id, ...withEmail('j.meyer@muster.de') }));
  await t.request({
    method: 'POST',
    url: `/api/v1/contacts/${max.id}/consent-events`,
    payload: { channel: 'email', type: 'optIn', source: 'Messe', proof: 'Formular 12' },
  });
});
afterAll(() => t.close());

async function cards(query: string) {
  const res = await t.request({ method: 'GET', url: `/api/v1/cards?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().cards;
}

describe('sender cards', () => {
  it('shows a known sender with company, colleagues, roles and consent', async () => {
    const [card] = await cards('email=Max.Mustermann%40Muster.de');
    expect(card.status).toBe('known');
    expect(card.email).toBe('Max.Mustermann@Muster.de');
    expect(card.contact).toMatchObject({
      displayName: 'Max Mustermann',
      roles: ['decisionMaker'],
      relationships: ['customer'],
    });
    expect(card.company).toMatchObject({ name: 'Muster GmbH', tags: ['Branche-IT'] });
    expect(card.companyPeople.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
      'Jana Meyer',
      'Max Mustermann',
    ]);
    expect(card.consent.email.status).toBe('granted');
    expect(card.marketingEmailAllowed).toMatchObject({ allowed: true, channel: 'email', purpose: 'marketing' });
  });

  it('answers every address of a mail in one request, in order, with suggestions for unknown ones', async () => {
    const result = await cards(
      'email=sandra.neu%40muster.de&name=Neu%2C%20Sandra&email=max.mustermann%40muster.de&email=jonas.neumann%40gmx.de&name=&name=&email=not-an-address',
    );
    expect(result.map((c: { status: string }) => c.status)).toEqual(['unknown', 'known', 'unknown', 'unknown']);
    expect(result[0].suggestion).toMatchObject({
      firstName: 'Sandra',
      lastName: 'Neu',
      email: 'sandra.neu@muster.de',
      companyId: muster.id,
      companyName: 'Muster GmbH',
      freeMail: false,
    });
    expect(result[0].company.name).toBe('Muster GmbH');
    expect(result[2].suggestion).toMatchObject({ firstName: 'Jonas', lastName: 'Neumann', freeMail: true });
    expect(result[2].suggestion).not.toHaveProperty('companyId');
    expect(result[3]).toEqual({ email: 'not-an-address', status: 'unknown' });
  });

  it('suggests no person for a function mailbox, only the company found by its domain', async () => {
    const [card] = await cards('email=geschaeftsleitung%40muster.de&name=Gesch%C3%A4ftsleitung');
    expect(card.status).toBe('unknown');
    expect(card.company.name).toBe('Muster GmbH');
    expect(card.suggestion).toEqual({
      kind: 'company',
      email: 'geschaeftsleitung@muster.de',
      freeMail: false,
      companyId: muster.id,
      companyName: 'Muster GmbH',
    });
  });

  it('refuses more than 50 addresses', async () => {
    const query = Array.from({ length: 51 }, (_, i) => `email=a${i}%40x.de`).join('&');
    const res = await t.request({ method: 'GET', url: `/api/v1/cards?${query}` });
    expect(res.statusCode).toBe(400);
  });
});

describe('duplicate check', () => {
  const check = async (body: Record<string, unknown>) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/contacts/duplicate-check', payload: body });
    expect(res.statusCode).toBe(200);
    return res.json().candidates as Array<{ contact: { displayName: string }; score: number; reasons: string[] }>;
  };

  it.each(['Maier', 'Meier', 'Mayer', 'Meyer'])('finds Jana Meyer at Muster GmbH for "Jana %s"', async (lastName) => {
    const candidates = await check({
      kind: 'person',
      firstName: 'Jana',
      lastName,
      companyId: muster.id,
      ...withEmail(`jana.${lastName.toLowerCase()}@muster.de`),
    });
    expect(candidates[0]?.contact.displayName).toBe('Jana Meyer');
    expect(candidates[0]?.reasons).toContain('phoneticName');
  });

  it.each([
    ['Müller', 'Mueller'],
    ['Müller', 'Muller'],
    ['Schmidt', 'Schmitt'],
    ['Schmidt', 'Schmid'],
  ])('matches %s and %s in the same company', async (existing, candidate) => {
    const firma = await createContact(t, company(`Firma ${existing}-${candidate} GmbH`));
    await createContact(t, person('Karl', existing, { companyId: firma.id }));
    const candidates = await check({ kind: 'person', firstName: 'Karl', lastName: candidate, companyId: firma.id });
    expect(candidates.map((c) => c.contact.displayName)).toContain(`Karl ${existing}`);
  });

  it.each([
    // The case: the first name was "475 068" against "47568"
    ['Karl-Heinz', 'Müller-Lüdenscheidt', 'Karl Heinz', 'Müller-Lüdenscheidt'],
    ['Karl Heinz', 'Müller-Lüdenscheidt', 'Karlheinz', 'Müller Lüdenscheidt'],
    ['Hans-Peter', 'Schulze Wettendorf', 'Hans Peter', 'Schulze-Wettendorf'],
    ['Anna Lena', 'Meyer-Lüdenscheidt', 'Anna-Lena', 'MeyerLüdenscheidt'],
  ])('finds %s %s for "%s %s" in the same company', async (first, last, candidateFirst, candidateLast) => {
    const firma = await createContact(t, company(`Firma ${candidateFirst} ${candidateLast} KG`));
    await createContact(t, person(first, last, { companyId: firma.id }));
    const candidates = await check({
      kind: 'person',
      firstName: candidateFirst,
      lastName: candidateLast,
      companyId: firma.id,
    });
    expect(candidates[0]).toMatchObject({ contact: { displayName: `${first} ${last}` } });
    expect(candidates[0]?.reasons).toEqual(['phoneticName', 'sameCompanyName']);
  });

  it.each([
    // The cases, then legal forms of the XUnternehmen and ISO 20275 lists
    ['Muster Holzbau GbR', 'Muster Holzbau eGbR'],
    ['Muster Versicherung VVaG', 'Muster Versicherung'],
    ['Muster Handel UG (haftungsbeschränkt)', 'Muster Handel Unternehmergesellschaft (haftungsbeschränkt)'],
    ['Stadtwerke Musterstadt AöR', 'Stadtwerke Musterstadt Anstalt des öffentlichen Rechts'],
    ['Muster Recht PartG mbB', 'Muster Recht Partnerschaftsgesellschaft mit beschränkter Berufshaftung'],
    ['Muster Werkzeug Ges.m.b.H.', 'Muster Werkzeug GmbH & Co. KG'],
  ])('finds %s for "%s"', async (existing, name) => {
    await createContact(t, company(existing));
    const candidates = await check({ kind: 'company', name });
    expect(candidates[0]).toMatchObject({ contact: { displayName: existing }, reasons: ['sameCompanyName'] });
  });

  it('does not call two people with a common surname at different companies duplicates', async () => {
    const other = await createContact(t, company('Ganz Andere AG'));
    const candidates = await check({ kind: 'person', firstName: 'Jana', lastName: 'Meier', companyId: other.id });
    expect(candidates).toEqual([]);
  });

  it.each([
    // The tester's finding, then more particles and titles of nobility
    ['Richard', 'von Weizsäcker', 'Weizsäcker', 'weizsaecker-beispiel.de'],
    ['Karl-Theodor', 'Freiherr von und zu Guttenberg', 'zu Guttenberg', 'guttenberg-beispiel.de'],
    ['Otto', 'Lambsdorff', 'Graf Lambsdorff', 'lambsdorff-beispiel.de'],
    ['Ursula', 'von der Leyen', 'Leyen', 'leyen-beispiel.de'],
  ])('finds %s %s for "%s" at the same domain', async (first, last, candidateLast, domain) => {
    await createContact(t, person(first, last, withEmail(`kontakt@${domain}`)));
    const candidates = await check({
      kind: 'person',
      firstName: first,
      lastName: candidateLast,
      ...withEmail(`neu@${domain}`),
    });
    expect(candidates[0]).toMatchObject({
      contact: { displayName: `${first} ${last}` },
      score: 60,
      reasons: ['phoneticName', 'sameDomain'],
    });
  });

  it('keeps the start of a surname that begins like a particle ("Vondran" is no "Dran")', async () => {
    await createContact(t, person('Ulrich', 'Vondran', withEmail('kontakt@vondran-beispiel.de')));
    const candidates = await check({
      kind: 'person',
      firstName: 'Ulrich',
      lastName: 'Dran',
      ...withEmail('u@vondran-beispiel.de'),
    });
    expect(candidates).toEqual([]);
  });

  it.each([
    'Muster GmbH & Co. KG',
    'muster gmbh',
    'Muster AG',
    'Muster',
    // The tester's findings: a branch, place, country or owner after the legal form, quotes
    'Muster GmbH (Deutschland)',
    'Muster GmbH, Berlin',
    'Muster GmbH & Co. KG - Zweigniederlassung Wien',
    'Muster AG Österreich',
    'Muster Inh. Max Muster e.K.',
    '"Muster GmbH"',
    'MusterGmbH',
  ])('finds Muster GmbH for "%s"', async (name) => {
    const candidates = await check({ kind: 'company', name });
    expect(candidates[0]?.contact.displayName).toBe('Muster GmbH');
    expect(candidates[0]?.reasons).toContain('sameCompanyName');
  });

  it('keeps firms named after different places apart', async () => {
    await createContact(t, company('Stadtwerke München GmbH'));
    const candidates = await check({ kind: 'company', name: 'Stadtwerke Köln GmbH' });
    expect(candidates).toEqual([]);
  });

  it('finds a similar-sounding company name', async () => {
    await createContact(t, company('Schmitt Elektro GmbH'));
    const candidates = await check({ kind: 'company', name: 'Schmidt Elektro' });
    expect(candidates[0]).toMatchObject({
      contact: { displayName: 'Schmitt Elektro GmbH' },
      reasons: ['phoneticCompanyName'],
    });
  });

  it('finds the same email regardless of case', async () => {
    const candidates = await check({ kind: 'person', lastName: 'Irgendwer', ...withEmail('MAX.MUSTERMANN@muster.de') });
    expect(candidates[0]).toMatchObject({ contact: { displayName: 'Max Mustermann' }, score: 100 });
  });
});

describe('duplicate groups and merge', () => {
  it('lists groups, merges two companies, moves the people and leaves a pointer', async () => {
    const a = await createContact(
      t,
      company('Doppelt Handel GmbH', { ...withEmail('info@doppelt.de'), relationships: ['customer'] }),
    );
    const b = await createContact(
      t,
      company('Doppelt Handel GmbH & Co. KG', { businessPhones: ['+49 40 112233'], tags: ['Alt'] }),
    );
    const staff = await createContact(t, person('Doris', 'Doppel', { companyId: b.id }));

    const groups = (await t.request({ method: 'GET', url: '/api/v1/duplicates' })).json().groups;
    const group = groups.find((g: { contacts: Array<{ id: string }> }) => g.contacts.some((c) => c.id === a.id));
    expect(group.contacts.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());

    const asSales = { roles: ['CRM.Sales' as const] };
    const denied = await t.request(
      { method: 'POST', url: '/api/v1/contacts/merge', payload: { survivorId: a.id, duplicateId: b.id } },
      asSales,
    );
    expect(denied.statusCode).toBe(403);

    const merged = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      payload: { survivorId: a.id, duplicateId: b.id },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({
      businessPhones: ['+49 40 112233'],
      tags: ['Alt'],
      emails: [{ address: 'info@doppelt.de', primary: true }],
    });
    const moved = (await t.request({ method: 'GET', url: `/api/v1/contacts/${staff.id}` })).json();
    expect(moved.companyId).toBe(a.id);
    const pointer = (await t.request({ method: 'GET', url: `/api/v1/contacts/${b.id}` })).json();
    expect(pointer.mergedInto).toBe(a.id);
    expect(pointer.archived.reason).toContain(String(a.contactNumber));
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/contacts/merge',
      payload: { survivorId: a.id, duplicateId: b.id },
    });
    expect(again.statusCode).toBe(200);
  });
});
