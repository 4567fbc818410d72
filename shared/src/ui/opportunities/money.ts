import type { Language } from '../../i18n/language';

const formats = new Map<Language, Intl.NumberFormat>();

/**
 * Euro cents (integer) as money in the UI language: 1234500 → "12.345,00 €" (de), "€12,345.00"
 * (en). Only the display divides by 100; amounts stay integer cents everywhere else.
 */
export function formatEuroCents(cents: number, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' });
    formats.set(language, format);
  }
  return format.format(cents / 100);
}
