import { describe, expect, it } from 'vitest';
import { formatEuroCents } from './money';

describe('formatEuroCents', () => {
  it('writes euro amounts the German and the English way', () => {
    // Intl puts a no-break space before the € sign in German.
    expect(formatEuroCents(1_234_500, 'de').replace(/\s/g, ' ')).toBe('12.345,00 €');
    expect(formatEuroCents(1_234_500, 'en')).toBe('€12,345.00');
    expect(formatEuroCents(5, 'de').replace(/\s/g, ' ')).toBe('0,05 €');
    expect(formatEuroCents(1_000_000_000_000, 'de').replace(/\s/g, ' ')).toBe('10.000.000.000,00 €');
  });
});
