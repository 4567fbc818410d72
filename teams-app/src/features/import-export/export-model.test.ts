import { describe, expect, it } from 'vitest';
import { exportRequestOf } from './export-model';

describe('export request', () => {
  it('sends everything without filters, and only the filters that are set', () => {
    expect(exportRequestOf({ kind: 'all' }, 'csv')).toEqual({ format: 'csv' });
    expect(exportRequestOf({ kind: 'filter', q: '  ', tag: '', owner: '' }, 'xlsx')).toEqual({ format: 'xlsx' });
    expect(
      exportRequestOf({ kind: 'filter', q: ' Muster ', relationship: 'customer', tag: ' Messe ', owner: 'me' }, 'csv'),
    ).toEqual({ format: 'csv', q: 'Muster', relationship: 'customer', tag: 'Messe', owner: 'me' });
  });

  it("takes the search's query without its paging", () => {
    expect(
      exportRequestOf(
        {
          kind: 'query',
          query: { q: 'Meier', kind: 'person', leadStatus: 'qualifying', limit: 25, cursor: 'x', tag: '' },
        },
        'xlsx',
      ),
    ).toEqual({ format: 'xlsx', q: 'Meier', kind: 'person', leadStatus: 'qualifying' });
  });

  it('names the vCard version with vCards only, and a selection by its ids', () => {
    expect(exportRequestOf({ kind: 'ids', ids: ['a1'] }, 'vcard', '3.0')).toEqual({
      format: 'vcard',
      vcardVersion: '3.0',
      ids: ['a1'],
    });
    expect(exportRequestOf({ kind: 'all' }, 'csv', '4.0')).toEqual({ format: 'csv' });
  });
});
