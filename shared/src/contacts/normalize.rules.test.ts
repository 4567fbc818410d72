import { fullFormats, fastFormats } from 'ajv-formats/dist/formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emailDomain,
  emailLocalPart,
  foldName,
  normalizeEmail,
  normalizePhone,
  phoneDigits,
  phoneSearchDigits,
  websiteDomain,
} from './normalize.rules';

describe('normalizeEmail', () => {
  it.each([
    ['Max.Mustermann@Muster.DE', 'max.mustermann@muster.de'],
    ['  max@muster.de \n', 'max@muster.de'],
    ['Max Mustermann <Max@Muster.de>', 'max@muster.de'],
    ['mailto:max@muster.de', 'max@muster.de'],
    ['max+crm@muster-bau.co.uk', 'max+crm@muster-bau.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'max',
    'max@',
    '@muster.de',
    'max@muster',
    'max@@muster.de',
    'max..m@muster.de',
    '.max@muster.de',
    'max@-muster.de',
    'max@muster.123',
    'max mustermann@muster.de',
    'müller@muster.de',
    `${'a'.repeat(65)}@muster.de`,
    `max@${'a'.repeat(250)}.de`,
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.emailAddress()), (raw) => {
        const once = normalizeEmail(raw);
        return once === null || normalizeEmail(once) === once;
      }),
    );
  });

  it('accepts only what ajv-formats (full and fast) accept as email', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.emailAddress()), (raw) => {
        const email = normalizeEmail(raw);
        return (
          email === null || ((fullFormats.email as RegExp).test(email) && (fastFormats.email as RegExp).test(email))
        );
      }),
    );
  });

  it('accepts generated RFC addresses that ajv accepts, lower-cased', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (raw) => {
        const email = normalizeEmail(raw);
        return email === null || email === raw.toLowerCase();
      }),
    );
  });
});

describe('emailDomain and emailLocalPart', () => {
  it('split a normalised address', () => {
    expect(emailDomain('Max@Muster.DE')).toBe('muster.de');
    expect(emailLocalPart('Max.Mustermann@Muster.DE')).toBe('max.mustermann');
    expect(emailDomain('no address')).toBeNull();
    expect(emailLocalPart('')).toBeNull();
  });
});

describe('websiteDomain', () => {
  it.each([
    ['https://www.Muster.de/kontakt?x=1', 'muster.de'],
    ['www.muster-bau.de', 'muster-bau.de'],
    ['muster.de', 'muster.de'],
    ['http://shop.muster.de:8080', 'shop.muster.de'],
    ['www2.muster.de.', 'muster.de'],
    ['', null],
    ['keine website', null],
    ['localhost', null],
  ])('%j → %j', (url, expected) => {
    expect(websiteDomain(url)).toBe(expected);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['030 123456', { e164: '+4930123456' }],
    ['+49 30 1234-56', { e164: '+4930123456' }],
    ['030 1234-56', { e164: '+4930123456' }],
    ['+49 (0)30 123456', { e164: '+4930123456' }],
    ['0049 30 123456', { e164: '+4930123456' }],
    ['(030) 12 34 56', { e164: '+4930123456' }],
    ['0171/1234567', { e164: '+491711234567' }],
    ['030 1234-56 Durchwahl 12', { e164: '+4930123456', extension: '12' }],
    ['030 123456 DW 12', { e164: '+4930123456', extension: '12' }],
    ['030 123456, App. 7', { e164: '+4930123456', extension: '7' }],
    ['030 123456 x12', { e164: '+4930123456', extension: '12' }],
    ['030 123456 ext. 12', { e164: '+4930123456', extension: '12' }],
    ['+43 1 234567', { e164: '+431234567' }],
    ['+1 212 555 0100', { e164: '+12125550100' }],
  ])('%j → %o', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual(expected);
  });

  it('uses the given region for national numbers', () => {
    expect(normalizePhone('01 234567', 'AT')).toEqual({ e164: '+431234567' });
  });

  it.each(['', '   ', 'abc', '12', 'Durchwahl 12', '+49', '0'.repeat(200), `030 ${'1'.repeat(120)}`])(
    'rejects %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it('is idempotent on its own output and never throws', () => {
    const phoneLike = fc.stringMatching(/^[+0-9 ()/.-]{0,25}(?: (?:x|ext\. |Durchwahl )[0-9]{1,4})?$/);
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.string()), (raw) => {
        const once = normalizePhone(raw);
        if (once === null) return true;
        const again = normalizePhone(once.extension ? `${once.e164} ext. ${once.extension}` : once.e164);
        return JSON.stringify(again) === JSON.stringify(once) && /^\+[1-9]\d{1,14}$/.test(once.e164);
      }),
    );
  });
});

describe('phone digits', () => {
  it('gives international digits, or the digits typed', () => {
    expect(phoneDigits('030 1234-56')).toBe('4930123456');
    expect(phoneDigits('030 12')).toBe('03012');
  });

  it('offers the international and national forms for search', () => {
    expect(phoneSearchDigits('030 123456')).toEqual(['4930123456', '030123456']);
    expect(phoneSearchDigits('+43 1 234567')).toEqual(['431234567']);
    expect(phoneSearchDigits('kaputt')).toEqual([]);
  });
});

describe('foldName', () => {
  it.each([
    ['Müller', 'mueller'],
    ['MÜLLER', 'mueller'],
    ['Mu\u0308ller', 'mueller'],
    ['Straße', 'strasse'],
    ['GROẞ', 'gross'],
    ['Ölmühle Bäcker', 'oelmuehle baecker'],
    ['Élodie Chloé', 'elodie chloe'],
    ['Łukasz Øster Æsir', 'lukasz oster aesir'],
    ['Müller-Lüdenscheidt', 'muellerluedenscheidt'],
    ["O'Brien", 'obrien'],
    ['Muster  GmbH & Co. KG', 'muster gmbh co kg'],
    ['  Max\t\nMustermann  ', 'max mustermann'],
    ['Muster – Vertrieb', 'muster vertrieb'],
    ['ﬁne Ｍüller', 'fine mueller'],
    ['Иван', ''],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(foldName(raw)).toBe(expected);
  });

  it('outputs only [a-z0-9 ], single spaces, trimmed, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const folded = foldName(raw);
        return /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/.test(folded) && foldName(folded) === folded;
      }),
    );
  });

  it('copes with very long input', () => {
    expect(foldName('Ä'.repeat(100_000))).toBe('ae'.repeat(100_000));
  });
});
