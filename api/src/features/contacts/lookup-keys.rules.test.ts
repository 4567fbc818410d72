import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_THRESHOLD,
  duplicateMatch,
  familyNameCore,
  foldName,
  hasLegalForm,
  searchKeys,
  searchQuery,
} from '@klarkonform/shared';
import type { ContactFilter } from './contacts.repository';
import { searchBranches } from './contacts.search';
import {
  LIST_BUCKETS,
  listBucket,
  lookupKeys,
  MAX_NAME_PREFIX,
  MIN_PHONE_PREFIX,
  matchKeysOf,
} from './lookup-keys.rules';

function person(firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  const keys = {
    ...searchKeys({ kind: 'person', firstName, lastName, ...extra } as never),
    sortName: foldName(`${lastName} ${firstName}`),
  };
  return { keys, lookup: lookupKeys(keys, { kind: 'person', archived: false }) };
}

// Whether a stored document matches a filter of the search (equality on a field or an element
// of an array field, a regex, $and, $or): the query engine's reading, for the branches of a search.
function matches(doc: Record<string, unknown>, filter: ContactFilter): boolean {
  return Object.entries(filter).every(([field, condition]) => {
    if (field === '$and') return (condition as ContactFilter[]).every((part) => matches(doc, part));
    if (field === '$or') return (condition as ContactFilter[]).some((part) => matches(doc, part));
    const value = doc[field];
    if (condition && typeof condition === 'object' && '$regex' in condition) {
      return new RegExp(String(condition.$regex)).test(String(value));
    }
    return Array.isArray(value) ? value.includes(condition) : value === condition;
  });
}

function finds(contact: ReturnType<typeof person>, q: string): boolean {
  const doc = { ...contact.lookup, kind: 'person' };
  return searchBranches(q).some((branch) => matches(doc, branch));
}

describe('lookup keys', () => {
  it('stores every prefix of the folded name words, so typing "Müll" finds Müller', () => {
    const { lookup } = person('Jürgen', 'Müller-Lüdenscheidt');
    for (const prefix of ['m', 'mu', 'mue', 'muel', 'mueller', 'lu', 'luedenscheidt', 'j', 'juergen']) {
      expect(lookup.namePrefixes).toContain(prefix);
    }
    expect(lookup.namePrefixes).not.toContain('ller');
  });

  it('stores the whole name words and their phonetic codes, so "Meier" finds Meyer by sound', () => {
    const { lookup } = person('Karl-Heinz', 'von Meyer');
    expect(lookup.nameWords).toEqual(['karlheinz', 'karl', 'heinz', 'von', 'meyer', 'vonmeyer']);
    expect(lookup.phoneticKeys).toContain('67');
    expect(lookup.phoneticKeys).toContain('f:47568');
    expect(finds(person('Anna', 'Meyer'), 'Meier')).toBe(true);
    expect(finds(person('Anna', 'Meyer'), 'Mueller')).toBe(false);
  });

  it('stores address prefixes from the "@" on and phone prefixes from four digits', () => {
    const { lookup } = person('Max', 'Mustermann', {
      emails: [{ address: 'Max.Mustermann@Muster.de' }],
      businessPhones: ['+49 30 1234567'],
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

  it('blocks a person by phonetic name only together with the company or an own domain', () => {
    const code = person('Anna', 'Meyer').keys.phoneticLast;
    expect(person('Lisa', 'Meier').lookup.matchKeys).toEqual([]);
    const lisa = person('Lisa', 'Meier', { emails: [{ address: 'lisa@muster.de' }, { address: 'lisa@gmx.de' }] });
    expect(lisa.lookup.matchKeys).toEqual([`pl:${code}|d:muster.de`]);
    expect(matchKeysOf('person', lisa.keys, 'c1')).toEqual([`pl:${code}|c:c1`, `pl:${code}|d:muster.de`]);
  });

  it('gives a name written with spaces or hyphens the same blocking keys', () => {
    const keysOf = (firstName: string, lastName: string) => {
      const { keys } = person(firstName, lastName);
      return { first: keys.phoneticFirst, blocks: matchKeysOf('person', keys, 'c1') };
    };
    const existing = keysOf('Karl-Heinz', 'Müller-Lüdenscheidt');
    expect(existing.blocks).toEqual(['pl:65752682|c:c1']);
    for (const [first, last] of [
      ['Karl Heinz', 'Müller-Lüdenscheidt'],
      ['Karlheinz', 'Müller Lüdenscheidt'],
      ['Karl  -  Heinz', 'MüllerLüdenscheidt'],
    ]) {
      expect(keysOf(first ?? '', last ?? '')).toEqual(existing);
    }
    // Particles ("da", "zu") leave the phonetic last name when they stand alone, which a word typed
    // joined to the next ("daSilva") cannot show: the spellings compared here have none.
    const part = fc
      .stringMatching(/^[A-Za-zÄÖÜäöüß]{1,10}$/)
      .filter((word) => familyNameCore(`${word} Name`) !== 'Name');
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 3 }),
        fc.array(part, { minLength: 1, maxLength: 3 }),
        (f, l) => {
          expect(keysOf(f.join(' '), l.join(' '))).toEqual(keysOf(f.join('-'), l.join('-')));
          expect(keysOf(f.join(''), l.join(''))).toEqual(keysOf(f.join('-'), l.join(' ')));
        },
      ),
    );
  });

  it('gives a company the same blocking keys with any of its legal forms', () => {
    const blocks = (name: string) => {
      const keys = { ...searchKeys({ kind: 'company', name }), sortName: foldName(name) };
      return lookupKeys(keys, { kind: 'company', archived: false }).matchKeys;
    };
    expect(blocks('Muster Holzbau eGbR')).toEqual(blocks('Muster Holzbau GbR'));
    expect(blocks('Muster Versicherung VVaG')).toEqual(blocks('Muster Versicherung'));
    expect(blocks('Muster Handel Unternehmergesellschaft (haftungsbeschränkt)')).toEqual(
      blocks('Muster Handel UG (haftungsbeschränkt)'),
    );
  });

  it('keeps the company blocking keys on their own', () => {
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
          for (const token of query.readings[0] ?? []) {
            expect(lookup.namePrefixes).toContain(token.slice(0, MAX_NAME_PREFIX));
          }
        },
      ),
    );
  });

  it('finds a name written with a space, a hyphen or joined by each of the three spellings', () => {
    // The tester's findings first.
    expect(finds(person('Karl Heinz', 'Muster'), 'Karl-Heinz')).toBe(true);
    expect(finds(person('Karl Heinz', 'Muster'), 'Karlheinz')).toBe(true);
    expect(finds(person('Karl-Heinz', 'Muster'), 'Karlheinz')).toBe(true);
    expect(finds(person('Anna', 'Müller Lüdenscheidt'), 'Müller-Lüdenscheidt')).toBe(true);
    expect(finds(person('Karlheinz', 'Muster'), 'Karl Heinz Muster')).toBe(true);
    expect(finds(person('Karl', 'Muster'), 'Karlheinz')).toBe(false);
    expect(finds(person('Heinz', 'Karl'), 'Karlheinz')).toBe(false);
    expect(person('Karl Heinz', 'Muster').lookup.namePrefixes).toContain('karlheinz');

    const part = fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{2,10}$/);
    const glue = fc.constantFrom(' ', '-', '');
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 3 }), part, glue, glue, (parts, other, stored, typed) => {
        const query = parts.join(typed);
        fc.pre(!hasLegalForm(query) && !hasLegalForm(`${other} ${parts.slice(0, 2).join(typed)}`));
        expect(finds(person(other, parts.join(stored)), query), query).toBe(true);
        expect(finds(person(parts.join(stored), other), query), query).toBe(true);
        // With another word typed too, a name of two parts (one pair of words is joined at a time).
        const pair = parts.slice(0, 2);
        expect(finds(person(other, pair.join(stored)), `${other} ${pair.join(typed)}`), query).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('blocks a last name with and without its particles and titles of nobility alike', () => {
    const blocks = (lastName: string) =>
      person('Richard', lastName, { emails: [{ address: 'r@bundes-beispiel.de' }] }).lookup.matchKeys;
    expect(blocks('von Weizsäcker')).toEqual(blocks('Weizsäcker'));
    expect(blocks('Freiherr von und zu Guttenberg')).toEqual(blocks('zu Guttenberg'));
    expect(blocks('Graf Lambsdorff')).toEqual(blocks('Lambsdorff'));
    expect(blocks('Vondran')).not.toEqual(blocks('Dran'));
    const prefix = fc.constantFrom(
      ...['von', 'vom', 'von der', 'von und zu', 'zu', 'zur', 'vorm', 'an der', 'auf der', 'van', 'van den', 'ter'],
      ...['de', 'de la', 'di', 'da', 'du', 'le', 'Graf', 'Gräfin von', 'Freiherr von', 'Freifrau an der'],
      ...['Baron von', 'Prinz zu', 'Fürst von', 'Edler von', 'Ritter von', 'Reichsgraf von'],
    );
    const surname = fc.stringMatching(/^[A-ZÄÖÜ][a-zäöüß]{2,11}$/);
    fc.assert(
      fc.property(prefix, surname, (particles, name) => {
        expect(blocks(`${particles} ${name}`)).toEqual(blocks(name));
        expect(blocks(`${particles.toUpperCase()} ${name}`)).toEqual(blocks(name));
      }),
    );
  });

  it('gives a company the same blocking keys with a branch, country or owner note', () => {
    const blocks = (name: string) => {
      const keys = { ...searchKeys({ kind: 'company', name }), sortName: foldName(name) };
      return lookupKeys(keys, { kind: 'company', archived: false }).matchKeys;
    };
    for (const name of [
      'Muster GmbH (Deutschland)',
      'Muster GmbH, Berlin',
      'Muster GmbH & Co. KG - Zweigniederlassung Wien',
      '"Muster GmbH"',
      'MusterGmbH',
    ]) {
      expect(blocks(name), name).toEqual(blocks('Muster GmbH'));
    }
    expect(blocks('Muster Inh. Max Muster e.K.')).toEqual(blocks('Muster e.K.'));
    expect(blocks('Stadtwerke München GmbH')).not.toEqual(blocks('Stadtwerke Köln GmbH'));
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
    const { lookup } = person('A', 'B', { businessPhones: ['089 12'] });
    for (const p of lookup.phonePrefixes) expect(p.length).toBeGreaterThanOrEqual(MIN_PHONE_PREFIX);
  });

  it('every pair the duplicate rules call duplicates shares a blocking key (nothing is missed)', () => {
    const names = fc.constantFrom('Meier', 'Meyer', 'Maier', 'Müller', 'Mueller', 'Schmidt', 'Schmitt', 'Weber');
    const firsts = fc.constantFrom('Anna', 'Anne', 'Thomas', 'Tomas', '');
    const addresses = fc.array(fc.constantFrom('a@muster.de', 'b@muster.de', 'c@firma.de', 'd@gmx.de', 'e@web.de'), {
      maxLength: 2,
    });
    const phones = fc.array(fc.constantFrom('+49 30 1234567', '+49 89 7654321'), { maxLength: 1 });
    const companyId = fc.constantFrom(undefined, 'c1', 'c2');
    const probe = fc.record({ first: firsts, last: names, emails: addresses, phones, companyId });
    fc.assert(
      fc.property(probe, probe, (a, b) => {
        const keysOf = (p: typeof a) =>
          searchKeys({
            kind: 'person',
            firstName: p.first,
            lastName: p.last,
            emails: p.emails.map((address) => ({ address })),
            businessPhones: p.phones.slice(0, 1),
          });
        const ka = keysOf(a);
        const kb = keysOf(b);
        const match = duplicateMatch(
          { kind: 'person', companyId: a.companyId ?? null, keys: ka },
          { kind: 'person', companyId: b.companyId ?? null, keys: kb },
        );
        if (!match || match.score < DUPLICATE_THRESHOLD) return;
        const blocks = (k: typeof ka, companyId: string | undefined) => [
          ...k.emailsLower.map((e) => `e:${e}`),
          ...k.phonesE164.map((p) => `p:${p}`),
          ...matchKeysOf('person', k, companyId),
        ];
        const shared = blocks(ka, a.companyId).filter((key) => blocks(kb, b.companyId).includes(key));
        expect(shared.length, JSON.stringify({ a, b, match })).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
