import type { Language } from '../../i18n/language';
import { MAX_AMOUNT_CENTS } from '../../opportunities/opportunity.schema';

// Euro amounts as the user types and reads them, and as the API stores them: integer cents.
// Parsing works on the digit strings (no floating point anywhere between text and cents);
// formatting hands Intl an exact decimal string ("12345.67"), never a float.

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** Why a typed amount is refused: `empty` (nothing typed), `invalid`, `decimals` (more than 2), `tooLarge`. */
export type MoneyProblem = 'empty' | 'invalid' | 'decimals' | 'tooLarge';

export type MoneyParse = { ok: true; cents: number } | { ok: false; problem: MoneyProblem };

/** Separators of the UI language: German "12.345,67", English "12,345.67". */
const SEPARATORS: Record<Language, { decimal: string; group: string }> = {
  de: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

const GROUPED = /^\d{1,3}(?:[.,]\d{3})*$/;

/** The integer digits without group separators, or undefined when the grouping is wrong ("1.23.4"). */
function integerDigits(text: string, group: string): string | undefined {
  if (/^\d+$/.test(text)) return text;
  if (!GROUPED.test(text)) return undefined;
  // Only the language's own group separator may appear in the integer part.
  const other = group === '.' ? ',' : '.';
  return text.includes(other) ? undefined : text.split(group).join('');
}

/**
 * A typed euro amount → integer cents, in the UI language's notation: German "12.345,67",
 * "12345,67", "12345", "1.500"; English "12,345.67", "12345.67". Spaces (also narrow and
 * non-breaking) and a "€" or "EUR" are ignored. Leniency where nothing is ambiguous: one
 * "other" separator followed by one or two digits is read as the decimal mark ("12345.67" in
 * German, "12345,67" in English). At most two decimals; never negative; at most
 * MAX_AMOUNT_CENTS (10 billion euro).
 */
export function parseEuroInput(text: string, language: Language): MoneyParse {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€|EUR/gi, '');
  if (cleaned === '') return { ok: false, problem: 'empty' };
  if (!/^[\d.,]+$/.test(cleaned)) return { ok: false, problem: 'invalid' };
  const { decimal, group } = SEPARATORS[language];

  let whole = cleaned;
  let fraction = '';
  const at = cleaned.lastIndexOf(decimal);
  if (at >= 0) {
    whole = cleaned.slice(0, at);
    fraction = cleaned.slice(at + 1);
  } else {
    const other = cleaned.lastIndexOf(group);
    const tail = other >= 0 ? cleaned.slice(other + 1) : '';
    // "12345.67" in German: a single dot with one or two digits after it is a decimal mark.
    if (other >= 0 && cleaned.indexOf(group) === other && /^\d{1,2}$/.test(tail)) {
      whole = cleaned.slice(0, other);
      fraction = tail;
    }
  }
  if (!/^\d*$/.test(fraction)) return { ok: false, problem: 'invalid' };
  if (whole === '' && fraction === '') return { ok: false, problem: 'invalid' };
  const digits = whole === '' ? '0' : integerDigits(whole, group);
  if (digits === undefined) return { ok: false, problem: 'invalid' };
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  const significant = digits.replace(/^0+(?=\d)/, '');
  // 13 digits of euros are already more than the maximum: stop before Number() could round.
  if (significant.length > 13) return { ok: false, problem: 'tooLarge' };
  const cents = Number(significant + fraction.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, problem: 'tooLarge' };
  return { ok: true, cents };
}

/** Integer cents → an exact decimal string for Intl ("1234567" → "12345.67"). */
function decimalString(cents: number): `${number}` {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${euros}.${rest}` as `${number}`;
}

/** Cents → the text of an amount field: "12.345,67" (de), "12,345.67" (en); always two decimals. */
export function formatEuroInput(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    decimalString(cents),
  );
}

/** Cents → an amount to read: "12.345,00 €" (de), "€12,345.00" (en). */
export function formatEuro(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(decimalString(cents));
}

/** Cents → a short amount for tight places (board column sums, chart axis): "12.346 €", "€12,346". */
export function formatEuroRounded(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(decimalString(cents));
}
