// Dates as German Excel shows and types them: "TT.MM.JJJJ" (DIN 5008 numeric form, day and month
// with two digits). Exports write this form; imports read it, the ISO form "JJJJ-MM-TT", and the
// short forms "1.2.2024" and "01.02.24" (a two-digit year as Excel reads it: 00–29 → 20xx,
// 30–99 → 19xx).

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether year-month-day is a day of the Gregorian calendar (years 1–9999). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  // Checked in the leap year 2000 (so that Feb 29 exists), then Feb 29 against the year itself.
  const date = new Date(Date.UTC(2000, month - 1, day));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 2 && day === 29) return leap;
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "2024-02-01" → "01.02.2024"; undefined for anything that is not an ISO calendar date. */
export function formatGermanDate(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDay(year, month, day) ? `${pad(day)}.${pad(month)}.${pad(year, 4)}` : undefined;
}

/** A point in time as its German calendar day in Berlin ("2024-02-01T23:30:00Z" → "02.02.2024"). */
export function formatGermanDay(dateTime: string, timeZone = 'Europe/Berlin'): string | undefined {
  const time = Date.parse(dateTime);
  if (!Number.isFinite(time)) return undefined;
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(time));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}`;
}

/**
 * A typed date as ISO "JJJJ-MM-TT": "01.02.2024", "1.2.2024", "01.02.24" (Excel's century rule:
 * 00–29 → 20xx, 30–99 → 19xx), "2024-02-01", also with a time after it ("2024-02-01T10:00:00Z",
 * "01.02.2024 10:00"). Undefined for anything else, including impossible days (31.02.).
 */
export function parseGermanDate(text: string): string | undefined {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (german) {
    day = Number(german[1]);
    month = Number(german[2]);
    const y = german[3] ?? '';
    year = y.length === 2 ? (Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y);
  } else if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    return undefined;
  }
  return isCalendarDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}
