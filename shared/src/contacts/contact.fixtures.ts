import type { ConsentEvent } from './consent.schema';
import type { Company, Person } from './contact.schema';

// Builders of valid stored contacts for the tests beside this file. Not part of the barrel.

export const NOW = new Date('2026-03-15T10:00:00.000Z');

const actor = { id: 'user-1', name: 'Erika Vertrieb' };
let sequence = 0;
const nextId = () => (++sequence).toString(16).padStart(24, '0');

const record = () => ({
  id: nextId(),
  contactNumber: `C${String(sequence).padStart(5, '0')}`,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  createdBy: actor,
  updatedBy: actor,
  syncStatus: 'synced' as const,
  archived: null,
  homePhones: [],
  tags: [],
  notes: { specifics: '', history: [], openItems: [], free: [] },
  consent: { channels: { email: [], phone: [], letter: [], newsletter: [] } },
});

export function makeCompany(overrides: Partial<Company> = {}): Company {
  return {
    kind: 'company',
    name: 'Muster GmbH',
    emails: [{ address: 'info@muster.de', primary: true }],
    businessPhones: ['030 123456'],
    address: { street: 'Musterstraße 1', postcode: '10115', city: 'Berlin', country: 'DE' },
    relationships: ['customer'],
    customerSince: '2024-01-01',
    displayName: 'Muster GmbH',
    letterSalutation: 'Sehr geehrte Damen und Herren',
    ...record(),
    ...overrides,
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    kind: 'person',
    salutation: 'Herr',
    firstName: 'Max',
    lastName: 'Mustermann',
    roles: ['decisionMaker'],
    emails: [{ address: 'max.mustermann@muster.de', primary: true }],
    businessPhones: ['030 123456-12'],
    companyId: 'a'.repeat(24),
    relationships: ['customer'],
    customerSince: '2024-01-01',
    displayName: 'Max Mustermann',
    letterSalutation: 'Sehr geehrter Herr Mustermann',
    ...record(),
    ...overrides,
  };
}

export function makeEvent(type: ConsentEvent['type'], at: string, overrides: Partial<ConsentEvent> = {}): ConsentEvent {
  return {
    id: nextId(),
    type,
    at,
    source: 'Webformular',
    proof: 'DOI-Mail 4711',
    recordedBy: actor,
    ...overrides,
  };
}
