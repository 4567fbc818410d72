import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, searchKeys, searchQuery } from '@klarkonform/shared';
import { LIST_BUCKETS, listBucket, lookupKeys, MAX_NAME_PREFIX, MIN_PHONE_PREFIX } from './lookup-keys.rules';

function person(firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  const keys = {
    ...searchKeys({ kind: 'person', firstName, lastName, ...extra } as never),
    sortName: foldName(`${lastName} ${firstName}`),
  };
  return { keys, lookup: lookupKeys(keys, { kind: 'person', archived: false }) };
}

describe('lookup keys', () => {
  it('stores every prefix of the folded name words, so typing "Müll" finds Müller', () => {
    const { lookup } = person('Jürgen', 'Müller-Lüdenscheidt');
    for (const prefix of ['m', 'mu', 'mue', 'muel', 'mueller', 'lu', 'luedenscheidt', 'j', 'juergen']) {
      expect(lookup.namePrefixes).toContain(prefix);
    }
    expect(lookup.namePrefixes).not.toContain('ller');
  });

  it('stores address prefixes from the "@" on and phone prefixes from four digits', () => {
    const { lookup } = person('Max', 'Mustermann', {
      emails: [{ address: 'Max.Mustermann@Muster.de' }],
      phone: '+49 30 1234567',
    });
    expect(lookup.emailKeys).toEqual(['max.mustermann@muster.de']);
    expect(lookup.emailPrefixes).toContain('max.mustermann@m');
    expect(lookup.emailPrefixes).toContain('max.mustermann@muster.de');
    expect(lookup.emailPrefixes).not.toContain('max');
    expect(lookup.emailDomainKeys).toEqual(['muster.de']);
    expect(lookup.phoneKeys).toEqual(['+49301234567']);
    expect(lookup.phonePrefixes).toContain('4930');
    expect(lookup.phonePrefixes).toContain('030123');
    expect(lookup.phonePrefixes).not.toContain('493');
  });

  it('keeps the duplicate blocking keys apart by kind', () => {
    const { lookup } = person('Lisa', 'Meier');
    expect(lookup.matchKeys).toEqual([`pl:${person('Anna', 'Meyer').keys.phoneticLast}`]);
    const company = { ...searchKeys({ kind: 'company', name: 'Muster GmbH & Co. KG' }), sortName: 'muster gmbh' };
    const keys = lookupKeys(company, { kind: 'company', archived: true, relationships: ['customer', 'supplier'] });
    expect(keys.matchKeys).toEqual(['ck:muster', `pc:${company.phoneticCompany}`]);
    expect(keys.listKeys).toEqual(['archived:m', 'archived:customer:m', 'archived:supplier:m']);
  });

  it('a name search reads the stored prefix of every word the user types', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{1,30}$/), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 40 }),
        (words, cut) => {
          const { lookup } = person(words.slice(1).join(' '), words[0] ?? 'x');
          const typed = foldName(words[0] ?? 'x').slice(0, cut);
          const query = searchQuery(typed);
          if (query.kind !== 'names') return;
          for (const token of query.tokens) expect(lookup.namePrefixes).toContain(token.slice(0, MAX_NAME_PREFIX));
        },
      ),
    );
  });

  it('list buckets are ordered like the sort names they hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = foldName(a);
        const y = foldName(b);
        const bx = LIST_BUCKETS.indexOf(listBucket(x));
        const by = LIST_BUCKETS.indexOf(listBucket(y));
        expect(bx).toBeGreaterThanOrEqual(0);
        if (x < y) expect(bx).toBeLessThanOrEqual(by);
      }),
    );
  });

  it('needs at least four digits for a phone prefix', () => {
    expect(MIN_PHONE_PREFIX).toBe(4);
    const { lookup } = person('A', 'B', { phone: '089 12' });
    for (const p of lookup.phonePrefixes) expect(p.length).toBeGreaterThanOrEqual(MIN_PHONE_PREFIX);
  });
});
