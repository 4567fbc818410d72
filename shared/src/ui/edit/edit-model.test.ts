import { describe, expect, it } from 'vitest';
import type { Contact } from '../../contacts/contact.schema';
import { draftOf, parseTags, patchFor, rebase } from './edit-model';

const actor = { id: 'u1', name: 'Sabine' };
const person = (changes: Partial<Extract<Contact, { kind: 'person' }>> = {}): Contact => ({
  kind: 'person',
  id: '0123456789abcdef01234567',
  contactNumber: 'C00001',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: actor,
  updatedBy: actor,
  syncStatus: 'synced',
  archived: null,
  displayName: 'Max Mustermann',
  letterSalutation: 'Sehr geehrter Herr Mustermann',
  salutation: 'Herr',
  firstName: 'Max',
  lastName: 'Mustermann',
  position: 'Geschäftsführer',
  roles: ['decisionMaker'],
  emails: [{ address: 'max@muster.de', primary: true }],
  businessPhones: [],
  homePhones: [],
  relationships: ['customer'],
  tags: ['VIP'],
  notes: { specifics: 'Vormittags anrufen', history: [], openItems: [], free: [] },
  consent: { channels: { email: [], phone: [], letter: [], newsletter: [] } },
  ...changes,
});

describe('patchFor', () => {
  it('sends only what changed, with blanks as null', () => {
    const base = draftOf(person());
    const draft = { ...base, position: '', specifics: 'Nur per E-Mail', tags: 'VIP, Messe, VIP ,' };
    expect(patchFor('person', base, draft)).toEqual({
      position: null,
      notes: { specifics: 'Nur per E-Mail' },
      tags: ['VIP', 'Messe'],
    });
    expect(patchFor('person', base, base)).toBeUndefined();
  });

  it('sends the lead as a whole and never person fields for a company', () => {
    const base = draftOf(person());
    const draft = { ...base, leadSource: 'tradeFair' as const, budgetMin: '10.000', budgetMax: 'x', roles: [] };
    expect(patchFor('company', base, draft)).toEqual({ lead: { source: 'tradeFair', budget: { minEur: 10000 } } });
  });
});

describe('rebase', () => {
  it('keeps the user’s changes over the newer version and names contested fields', () => {
    const base = draftOf(person());
    const draft = { ...base, specifics: 'Nur per E-Mail', position: 'Inhaber' };
    const latest = person({ version: 4, position: 'Geschäftsführender Gesellschafter', department: 'Leitung' });
    const next = rebase(base, draft, latest);
    expect(next.draft.specifics).toBe('Nur per E-Mail');
    expect(next.draft.position).toBe('Inhaber');
    expect(next.draft.department).toBe('Leitung');
    expect(next.conflicts).toEqual(['position']);
    expect(patchFor('person', next.base, next.draft)).toEqual({
      position: 'Inhaber',
      notes: { specifics: 'Nur per E-Mail' },
    });
  });
});

describe('parseTags', () => {
  it('trims, drops empties and duplicates', () => {
    expect(parseTags(' a, b ,,a ')).toEqual(['a', 'b']);
  });
});
