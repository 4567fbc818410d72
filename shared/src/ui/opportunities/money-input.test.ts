import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS } from '../../opportunities/opportunity.schema';
import { formatEuro, formatEuroInput, formatEuroRounded, parseEuroInput } from './money-input';

// Intl writes narrow no-break spaces in some currency formats; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('parseEuroInput', () => {
  it.each([
    ['12.345,67', 1_234_567],
    ['12345,67', 1_234_567],
    ['12345', 1_234_500],
    ['1.500', 150_000],
    ['1.234.567', 123_456_700],
    ['12345,6', 1_234_560],
    ['12345,', 1_234_500],
    [',5', 50],
    ['0', 0],
    ['0,01', 1],
    ['12 345,67 €', 1_234_567],
    ['12\u00a0345,67\u00a0€', 1_234_567],
    ['EUR 99,90', 9_990],
    ['12345.67', 1_234_567],
    ['1.50', 150],
    ['10.000.000.000,00', MAX_AMOUNT_CENTS],
  ])('reads German %s as %i cents', (text, cents) => {
    expect(parseEuroInput(text, 'de')).toEqual({ ok: true, cents });
  });

  it.each([
    ['12,345.67', 1_234_567],
    ['12345.67', 1_234_567],
    ['1,500', 150_000],
    ['12345,67', 1_234_567],
    ['€12,345.00', 1_234_500],
  ])('reads English %s as %i cents', (text, cents) => {
    expect(parseEuroInput(text, 'en')).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-5', 'invalid'],
    ['12,345.67', 'invalid'],
    ['1.23.4', 'invalid'],
    ['12,3,4', 'invalid'],
    ['1e5', 'invalid'],
    ['abc', 'invalid'],
    [',', 'invalid'],
    ['12,345', 'decimals'],
    ['1,999', 'decimals'],
    ['10.000.000.000,01', 'tooLarge'],
    ['99999999999999999999', 'tooLarge'],
  ])('refuses German %j (%s)', (text, problem) => {
    expect(parseEuroInput(text, 'de')).toEqual({ ok: false, problem });
  });

  it('refuses a German grouping in English input', () => {
    expect(parseEuroInput('12.345,67', 'en')).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('formatting', () => {
  it('writes the field text and the amount to read in the UI language', () => {
    expect(formatEuroInput(1_234_567, 'de')).toBe('12.345,67');
    expect(formatEuroInput(1_234_567, 'en')).toBe('12,345.67');
    expect(formatEuroInput(5, 'de')).toBe('0,05');
    expect(plain(formatEuro(1_234_500, 'de'))).toBe('12.345,00 €');
    expect(formatEuro(1_234_500, 'en')).toBe('€12,345.00');
    expect(plain(formatEuro(MAX_AMOUNT_CENTS, 'de'))).toBe('10.000.000.000,00 €');
    expect(plain(formatEuroRounded(1_234_567, 'de'))).toBe('12.346 €');
  });

  it('refuses what is no amount in cents', () => {
    expect(() => formatEuro(1.5, 'de')).toThrow(RangeError);
    expect(() => formatEuro(-1, 'de')).toThrow(RangeError);
  });
});

describe('properties', () => {
  const cents = fc.integer({ min: 0, max: MAX_AMOUNT_CENTS });
  const language = fc.constantFrom('de' as const, 'en' as const);

  it('format → parse gives back the same cents, in both languages', () => {
    fc.assert(
      fc.property(cents, language, (value, lang) => {
        expect(parseEuroInput(formatEuroInput(value, lang), lang)).toEqual({ ok: true, cents: value });
        expect(parseEuroInput(formatEuro(value, lang), lang)).toEqual({ ok: true, cents: value });
      }),
    );
  });

  it('an ungrouped amount with a decimal mark reads the same in German and English notation', () => {
    fc.assert(
      fc.property(cents, (value) => {
        const euros = Math.floor(value / 100);
        const rest = String(value % 100).padStart(2, '0');
        expect(parseEuroInput(`${euros},${rest}`, 'de')).toEqual({ ok: true, cents: value });
        expect(parseEuroInput(`${euros}.${rest}`, 'en')).toEqual({ ok: true, cents: value });
      }),
    );
  });

  it('any text either parses to integer cents within range or is refused, never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,€ -e'.split('')) }), language, (text, lang) => {
        const result = parseEuroInput(text, lang);
        if (result.ok) {
          expect(Number.isSafeInteger(result.cents)).toBe(true);
          expect(result.cents).toBeGreaterThanOrEqual(0);
          expect(result.cents).toBeLessThanOrEqual(MAX_AMOUNT_CENTS);
        }
      }),
    );
  });
});
