import { describe, expect, it } from 'vitest';
import { customerSinceFromCompany, newLeadData, relationshipsFromCompany } from './contact-create.rules';
import { qualityFindings } from './quality.rules';
import { makePerson, NOW } from './contact.fixtures';

describe('relationshipsFromCompany', () => {
  it.each([
    ['a customer', ['customer'], ['customer']],
    ['a supplier and partner', ['supplier', 'partner'], ['supplier', 'partner']],
    ['a lead', ['lead'], ['lead']],
    ['a company without relationship', [], ['lead']],
  ] as const)('a person at %s starts as %j', (_case, company, expected) => {
    expect(relationshipsFromCompany({ relationships: company }, ['lead'])).toEqual(expected);
  });

  it('falls back without a company', () => {
    expect(relationshipsFromCompany(undefined, ['lead'])).toEqual(['lead']);
    expect(relationshipsFromCompany(undefined, [])).toEqual([]);
  });
});

describe('customerSinceFromCompany', () => {
  it('takes the date of a customer company for a customer contact only', () => {
    const company = { relationships: ['customer'] as const, customerSince: '2019-04-01' };
    expect(customerSinceFromCompany(['customer'], company)).toBe('2019-04-01');
    expect(customerSinceFromCompany(['lead'], company)).toBeUndefined();
    expect(customerSinceFromCompany(['customer'], { relationships: ['supplier'] })).toBeUndefined();
  });
});

describe('newLeadData', () => {
  it('starts a lead as new with its creation as first activity, keeping what was given', () => {
    expect(newLeadData(['lead'], undefined, NOW)).toEqual({ status: 'new', lastActivityAt: NOW.toISOString() });
    expect(newLeadData(['lead'], { source: 'website', status: 'offer' }, NOW)).toEqual({
      source: 'website',
      status: 'offer',
      lastActivityAt: NOW.toISOString(),
    });
    expect(newLeadData(['customer'], undefined, NOW)).toBeUndefined();
  });

  it('never leaves a new lead with the finding "Lead ohne Lead-Angaben" or "Lead ohne Status"', () => {
    const lead = newLeadData(['lead'], undefined, NOW);
    const person = makePerson({ relationships: ['lead'], customerSince: undefined, ...(lead ? { lead } : {}) });
    const codes = qualityFindings(person, NOW).map((f) => f.code);
    expect(codes).not.toContain('lead.noLeadData');
    expect(codes).not.toContain('lead.noStatus');
  });
});
