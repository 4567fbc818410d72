import { describe, expect, it } from 'vitest';
import { hasFilters, isTooShort, searchListQuery } from './search-filters';

describe('search filters', () => {
  it('asks for a text of two characters or more, with the filters chosen', () => {
    expect(searchListQuery(' Meier ', { relationship: 'customer', owner: '' }, 25)).toEqual({
      q: 'Meier',
      relationship: 'customer',
      limit: 25,
    });
    expect(searchListQuery('M', { relationship: 'customer' }, 25)).toBeNull();
    expect(isTooShort('M')).toBe(true);
    expect(isTooShort('')).toBe(false);
  });

  it('lists by filters alone, and asks nothing without text or filter', () => {
    expect(searchListQuery('', { owner: 'me', tag: ' VIP ' }, 25)).toEqual({ owner: 'me', tag: 'VIP', limit: 25 });
    expect(searchListQuery('  ', { tag: '  ', kind: undefined }, 25)).toBeNull();
    expect(hasFilters({ tag: ' ' })).toBe(false);
    expect(hasFilters({ kind: 'company' })).toBe(true);
  });
});
