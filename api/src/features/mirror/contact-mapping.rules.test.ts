import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedFields,
  GRAPH_FIELD_KEYS,
  type GraphFields,
  graphBody,
  graphFieldsFromOutlook,
  graphFieldsOf,
} from './contact-mapping.rules';
import { applyOutlookChanges, newContactFromOutlook } from './outlook-changes.rules';
import { countryCode, countryName } from './country-names.rules';

const max = {
  kind: 'person' as const,
  salutation: 'Herr',
  title: 'Dr.',
  firstName: 'Max',
  lastName: 'Mustermann',
  position: 'Einkauf',
  department: 'Zentrale',
  emails: [
    { address: 'm.privat@web.de', primary: false },
    { address: 'max@muster.de', primary: true },
  ],
  businessPhones: ['030 1234567'],
  mobilePhone: '0171 1',
  homePhones: [],
  address: { street: 'Hauptstr. 1', postcode: '10115', city: 'Berlin', country: 'DE' },
  website: 'muster.de',
  relationships: ['customer'],
  tags: ['VIP'],
};

describe('CRM contact → Outlook', () => {
  it('maps the fields Microsoft 365 owns, the primary address first, the company by name', () => {
    expect(graphFieldsOf(max, 'Muster GmbH')).toEqual({
      title: 'Dr.',
      givenName: 'Max',
      surname: 'Mustermann',
      companyName: 'Muster GmbH',
      emails: ['max@muster.de', 'm.privat@web.de'],
      businessPhones: ['030 1234567'],
      mobilePhone: '0171 1',
      homePhones: [],
      jobTitle: 'Einkauf',
      department: 'Zentrale',
      street: 'Hauptstr. 1',
      postalCode: '10115',
      city: 'Berlin',
      country: 'DE',
      website: 'muster.de',
    });
  });

  it('writes a company as a contact with only its company name', () => {
    const fields = graphFieldsOf({
      kind: 'company',
      name: 'Muster GmbH',
      emails: [],
      businessPhones: [],
      homePhones: [],
    });
    expect(fields).toEqual({ companyName: 'Muster GmbH', emails: [], businessPhones: [], homePhones: [] });
    expect(graphBody(fields, undefined, 'company')).toMatchObject({
      displayName: 'Muster GmbH',
      fileAs: 'Muster GmbH',
    });
  });

  it('sends only changed fields, clears with null, the address whole with the German country name', () => {
    const base = graphFieldsOf(max);
    const next: GraphFields = { ...base, city: 'Hamburg', jobTitle: undefined };
    const keys = changedFields(base, next);
    expect(keys).toEqual(['jobTitle', 'city']);
    expect(graphBody(next, keys)).toEqual({
      jobTitle: null,
      businessAddress: { street: 'Hauptstr. 1', postalCode: '10115', city: 'Hamburg', countryOrRegion: 'Deutschland' },
    });
  });

  it('carries no CRM-owned field', () => {
    const body = JSON.stringify(graphBody(graphFieldsOf(max)));
    expect(body).not.toMatch(/VIP|customer|relationships|tags|notes|consent/);
  });
});

describe('Outlook contact → CRM', () => {
  const outlook = graphFieldsFromOutlook({
    givenName: 'Max',
    surname: 'Mustermann',
    emailAddresses: [{ address: 'MAX@muster.de' }, { address: 'neu@muster.de' }],
    businessAddress: { street: 'Ring 2\r\nHinterhaus', city: 'Berlin', countryOrRegion: 'Germany' },
    jobTitle: '  Leiter  ',
  });

  it('reads texts single-line and trimmed, countries as codes', () => {
    expect(outlook).toMatchObject({ street: 'Ring 2, Hinterhaus', country: 'DE', jobTitle: 'Leiter' });
  });

  it('compares addresses without case', () => {
    expect(changedFields({ ...outlook, emails: ['max@MUSTER.de', 'neu@muster.de'] }, outlook)).toEqual([]);
  });

  it('takes the changed fields, keeps the primary address, refuses what the CRM cannot hold', () => {
    const change = applyOutlookChanges(max, { ...outlook, surname: undefined, country: 'Bavaria' }, [
      'emails',
      'jobTitle',
      'surname',
      'country',
      'street',
    ]);
    expect(change.applied).toEqual(['emails', 'jobTitle', 'street']);
    expect(change.refused).toEqual(['surname', 'country']);
    expect(change.fields).toMatchObject({
      lastName: 'Mustermann',
      position: 'Leiter',
      emails: [
        { address: 'MAX@muster.de', primary: true },
        { address: 'neu@muster.de', primary: false },
      ],
      address: { street: 'Ring 2, Hinterhaus', country: 'DE' },
      tags: ['VIP'],
    });
  });

  it('asks to relink a person whose company name changed', () => {
    expect(applyOutlookChanges(max, { ...outlook, companyName: 'Neu AG' }, ['companyName']).companyName).toBe('Neu AG');
  });

  it('makes a person, a company, or a contact named from its address', () => {
    expect(newContactFromOutlook(outlook)?.fields).toMatchObject({
      kind: 'person',
      firstName: 'Max',
      lastName: 'Mustermann',
    });
    expect(
      newContactFromOutlook({ companyName: 'Solo GmbH', emails: [], businessPhones: [], homePhones: [] })?.fields,
    ).toMatchObject({ kind: 'company', name: 'Solo GmbH' });
    expect(
      newContactFromOutlook({ emails: ['erika.musterfrau@firma.de'], businessPhones: [], homePhones: [] })?.fields,
    ).toMatchObject({ kind: 'person', lastName: 'Musterfrau', firstName: 'Erika' });
    expect(newContactFromOutlook({ emails: [], businessPhones: [], homePhones: [] })).toBeUndefined();
  });
});

describe('properties', () => {
  const line = fc.string({ maxLength: 40 }).filter((s) => /^[\p{L}\p{N} .,-]*$/u.test(s));
  const contact = fc.record({
    kind: fc.constant('person' as const),
    firstName: line,
    lastName: line.filter((s) => s.trim() !== ''),
    position: line,
    businessPhones: fc.array(line, { maxLength: 2 }),
    homePhones: fc.array(line, { maxLength: 2 }),
    emails: fc
      .uniqueArray(fc.emailAddress(), { maxLength: 3, selector: (e) => e.toLowerCase() })
      .map((list) => list.map((address, i) => ({ address, primary: i === 0 }))),
  });

  it('what the CRM writes to Outlook reads back as the same fields (no change, no ping-pong)', () => {
    fc.assert(
      fc.property(contact, (c) => {
        const fields = graphFieldsOf(c);
        const written = graphBody(fields);
        const read = graphFieldsFromOutlook(written as never);
        expect(changedFields(fields, read)).toEqual([]);
      }),
    );
  });

  it('applying all of Outlook’s fields to the CRM and mapping back changes nothing more', () => {
    fc.assert(
      fc.property(contact, contact, (a, b) => {
        const outlook = graphFieldsOf(b);
        const { fields, refused } = applyOutlookChanges(a, outlook, GRAPH_FIELD_KEYS);
        const again = graphFieldsOf(fields);
        expect(changedFields(again, outlook).filter((k) => !refused.includes(k) && k !== 'companyName')).toEqual([]);
      }),
    );
  });

  it('country names and codes round-trip', () => {
    for (const code of ['DE', 'AT', 'CH', 'FR', 'NL', 'PL', 'US', 'GB']) {
      expect(countryCode(countryName(code) as string)).toBe(code);
    }
  });
});
