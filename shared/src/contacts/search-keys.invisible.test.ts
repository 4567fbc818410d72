import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withInvisibles } from '../text/text.fixtures';
import { duplicateMatch } from './duplicate.rules';
import { koelnerPhonetik } from './koelner-phonetik.rules';
import { companyKey, stripLegalForm } from './legal-form.rules';
import { foldName, hasText, normalizeEmail, normalizePhone, websiteDomain } from './normalize.rules';
import { searchKeys, searchQuery } from './search-keys.rules';

// Records stored before the API stripped invisible characters (and text from Microsoft 365)
// may still hold them: every key must come out as if they were not there (text.rules.ts).

const person = (lastName: string, firstName = 'Anna', email = 'anna.mueller@muster.de', phone = '030 1234-56') =>
  searchKeys({ kind: 'person', firstName, lastName, emails: [{ address: email }], businessPhones: [phone] });

describe('keys ignore invisible characters and decomposed letters', () => {
  it.each(['Mü\u200bller', 'Mu\u0308ller', 'Mu\u200b\u0308ller', 'Mül\u00adler', '\u202eMüller\u202c', '\ufeffMüller'])(
    '%j has the keys of "Müller"',
    (name) => {
      expect(foldName(name)).toBe('mueller');
      expect(koelnerPhonetik(name)).toBe(koelnerPhonetik('Müller'));
      expect(person(name)).toEqual(person('Müller'));
      expect(searchQuery(name)).toEqual(searchQuery('Müller'));
    },
  );

  it('finds the legal form, e-mail, phone and domain behind invisible characters', () => {
    expect(stripLegalForm('Muster GmbH\u200b')).toBe('Muster');
    expect(companyKey('Muster G\u200bmbH & Co.\u00a0KG')).toBe('muster');
    expect(normalizeEmail('\u200emax\u202e@muster.de\u200f')).toBe('max@muster.de');
    expect(normalizePhone('\u200e030 1234-56\u200f')).toEqual({ e164: '+4930123456' });
    expect(websiteDomain('https://www.mus\u00adter.de')).toBe('muster.de');
    expect(searchQuery('max\u200b@muster.de')).toEqual({ kind: 'email', email: 'max@muster.de' });
  });

  it('treats invisible-only text as absent', () => {
    expect(hasText('\u200b')).toBe(false);
    expect(hasText('\u202e\u202c')).toBe(false);
    expect(hasText(' \u00ad ')).toBe(false);
    expect(person('Müller', '\u200b')).toEqual(person('Müller', ''));
  });

  it('gives a name with invisible characters inserted the keys of the plain name (property)', () => {
    const plainPerson = fc.record({
      first: fc.string({ unit: 'grapheme', maxLength: 20 }),
      last: fc.string({ unit: 'grapheme', maxLength: 20 }),
      email: fc.emailAddress(),
      phone: fc.stringMatching(/^\+?[\d ()/-]{4,20}$/),
    });
    fc.assert(
      fc.property(
        plainPerson.chain((plain) =>
          fc.tuple(
            fc.constant(plain),
            fc.record({
              first: withInvisibles(plain.first),
              last: withInvisibles(plain.last),
              email: withInvisibles(plain.email),
              phone: withInvisibles(plain.phone),
            }),
          ),
        ),
        ([plain, noisy]) => {
          const a = person(plain.last, plain.first, plain.email, plain.phone);
          const b = person(noisy.last, noisy.first, noisy.email, noisy.phone);
          expect(b).toEqual(a);
          expect(searchQuery(noisy.last)).toEqual(searchQuery(plain.last));
          expect(duplicateMatch({ kind: 'person', keys: b }, { kind: 'person', keys: a })).toEqual(
            duplicateMatch({ kind: 'person', keys: a }, { kind: 'person', keys: a }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives a company with invisible characters inserted the keys of the plain company (property)', () => {
    const names = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('Müller & Söhne GmbH & Co. KG', 'Muster AG', 'Fa. Beispiel e.K.', 'Bäckerei Schmidt UG'),
    );
    fc.assert(
      fc.property(
        fc
          .tuple(names, fc.domain())
          .chain(([name, domain]) =>
            fc.tuple(fc.constant([name, domain] as const), fc.tuple(withInvisibles(name), withInvisibles(domain))),
          ),
        ([[name, domain], [noisyName, noisyDomain]]) => {
          const keys = (n: string, d: string) =>
            searchKeys({ kind: 'company', name: n, emails: [{ address: `info@${d}` }], website: `https://www.${d}/` });
          expect(keys(noisyName, noisyDomain)).toEqual(keys(name, domain));
        },
      ),
      { numRuns: 500 },
    );
  });
});
