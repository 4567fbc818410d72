import { describe, expect, it } from 'vitest';
import type { ImportedContact } from '@klarkonform/shared';
import type { ContactFields } from '../contacts/contacts.mapper';
import { fillEmpty } from './import-merge.rules';

const stored = (fields: Record<string, unknown>): ContactFields =>
  ({
    kind: 'person',
    salutation: 'none',
    lastName: 'Muster',
    emails: [],
    businessPhones: [],
    homePhones: [],
    relationships: ['customer'],
    roles: [],
    tags: ['Alt'],
    consent: { channels: { email: [], phone: [], letter: [], newsletter: [] } },
    notes: { specifics: '', history: [], openItems: [], free: [] },
    ...fields,
  }) as ContactFields;

const row = (fields: Partial<ImportedContact>): ImportedContact => ({
  kind: 'person',
  lastName: 'Muster',
  emails: [],
  businessPhones: [],
  homePhones: [],
  relationships: [],
  roles: [],
  tags: [],
  ...fields,
});

describe('fillEmpty (merge of an import row)', () => {
  it('fills what is empty and keeps what has a value', () => {
    const { fields, changed } = fillEmpty(
      stored({ position: 'Inhaber', businessPhones: ['030 1'] }),
      row({
        salutation: 'Herr',
        firstName: 'Max',
        position: 'Praktikant',
        department: 'Einkauf',
        emails: ['max@muster.de'],
        businessPhones: ['030 2'],
        mobilePhone: '0171 1',
        address: { city: 'Berlin', country: 'DE' },
        notes: 'Neu',
        legalBasis: 'contract',
        leadSource: 'tradeFair',
      }),
    );
    expect(changed).toBe(true);
    expect(fields).toMatchObject({
      salutation: 'Herr',
      firstName: 'Max',
      position: 'Inhaber',
      department: 'Einkauf',
      emails: [{ address: 'max@muster.de', primary: true }],
      businessPhones: ['030 1'],
      mobilePhone: '0171 1',
      address: { city: 'Berlin', country: 'DE' },
      notes: { specifics: 'Neu' },
      consent: { legalBasis: 'contract' },
      lead: { source: 'tradeFair' },
    });
  });

  it('adds tags, relationships and roles, and changes nothing when there is nothing to add', () => {
    const first = fillEmpty(
      stored({}),
      row({ tags: ['Neu', 'Alt'], relationships: ['lead'], roles: ['decisionMaker'] }),
    );
    expect(first.fields).toMatchObject({
      tags: ['Alt', 'Neu'],
      relationships: ['customer', 'lead'],
      roles: ['decisionMaker'],
    });
    expect(fillEmpty(first.fields, row({ tags: ['Neu'], relationships: ['lead'] })).changed).toBe(false);
  });

  it('fills a company’s industry, never a person field of it', () => {
    const company = { ...stored({}), kind: 'company', name: 'Muster GmbH' } as ContactFields;
    const { fields } = fillEmpty(company, { ...row({}), kind: 'company', name: 'Muster GmbH', industry: 'Bau' });
    expect(fields.industry).toBe('Bau');
    expect(fields.firstName).toBeUndefined();
  });
});
