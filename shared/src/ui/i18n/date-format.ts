import type { Language } from '../../i18n/language';

/**
 * Dates and times as the UI shows them, in the UI language and never in the browser's locale:
 * German 30.11.2026 and 30.11.2026, 14:05; English (en-GB) 30 Nov 2026 and 30 Nov 2026, 14:05.
 * English uses day, abbreviated month name and year because it reads the same to British,
 * American and German readers (11/30/2026 or 30/11/2026 would each be misread by one of them),
 * keeps the German order of day, month, year, and uses the 24-hour clock as the German UI does.
 * Times are Berlin time (Europe/Berlin), the business day of the German SMBs the app serves,
 * as `today()` uses for new records.
 */
export interface DateFormat {
  /** A calendar day (YYYY-MM-DD, read as that day) or an instant (ISO date-time, Date, ms) as a date. '' for none; unparsable text is returned as it is. */
  date(value: DateValue): string;
  /** An instant as date and time: 30.11.2026, 14:05. */
  dateTime(value: DateValue): string;
  /** An instant's time of day: 14:05. */
  time(value: DateValue): string;
  /**
   * An instant relative to `now`, as a mail list shows it: the time for today, "Gestern" /
   * "Yesterday", the weekday and time within the past week, otherwise the date.
   */
  relative(value: DateValue, now?: Date): string;
  /**
   * Reads a date as a user types it: 30.11.2026, 30/11/2026, 30-11-2026 (day first), 2026-11-30,
   * 30 Nov 2026, 30. November 2026, Nov 30, 2026 (German and English month names in either
   * language). Returns YYYY-MM-DD, or undefined for text that is no calendar date.
   */
  parseDate(text: string): string | undefined;
}

/** A calendar day YYYY-MM-DD, an ISO date-time, a Date or epoch milliseconds; undefined for none. */
export type DateValue = string | Date | number | undefined | null;

export const UI_TIME_ZONE = 'Europe/Berlin';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const DAY_MS = 86_400_000;

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: UI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The instant of a value; a plain calendar day is taken at noon UTC, which is that day in Berlin. */
function instant(value: DateValue): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isFinite(time) ? time : undefined;
}

/** Days between two instants' Berlin calendar days (positive when `later` is on a later day). */
function calendarDaysBetween(earlier: number, later: number): number {
  const day = (t: number) => Date.parse(`${isoDay.format(t)}T00:00:00Z`);
  return Math.round((day(later) - day(earlier)) / DAY_MS);
}

// Month names of both languages, long and short, lower case without dots: "mär", "märz", "sept".
function monthNames(): Map<string, number> {
  const names = new Map<string, number>();
  for (const locale of Object.values(LOCALES)) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        names.set(
          format
            .format(Date.UTC(2026, m, 15))
            .toLowerCase()
            .replace(/\.$/, ''),
          m + 1,
        );
      }
    }
  }
  names.set('sep', 9);
  names.set('sept', 9);
  names.set('mrz', 3);
  return names;
}

let months: Map<string, number> | undefined;

function toIsoDay(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** See {@link DateFormat.parseDate}; the same in every UI language. */
export function parseUiDate(text: string): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return toIsoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4})$/.exec(value);
  if (match) return toIsoDay(Number(match[3]), Number(match[2]), Number(match[1]));
  months ??= monthNames();
  match = /^(\d{1,2})\.? ([\p{L}]+)\.?,? (\d{4})$/u.exec(value);
  if (match?.[2]) {
    const month = months.get(match[2].toLowerCase());
    return month ? toIsoDay(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^([\p{L}]+)\.? (\d{1,2}),? (\d{4})$/u.exec(value);
  if (match?.[1]) {
    const month = months.get(match[1].toLowerCase());
    return month ? toIsoDay(Number(match[3]), month, Number(match[2])) : undefined;
  }
  return undefined;
}

/**
 * The instant at which Berlin's wall clock shows `time` (HH:MM) on `day` (YYYY-MM-DD).
 * Throws a RangeError for malformed input.
 */
export function berlinDateTime(day: string, time: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) throw new RangeError(`not a day and time: ${day} ${time}`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2]));
  // Berlin is UTC+1 or UTC+2: read the wall clock at the guess and correct by the difference.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: UI_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(wall);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(wall - (shown - wall));
}

/** The date and time formats of one UI language (see {@link DateFormat}). */
export function createDateFormat(language: Language): DateFormat {
  const locale = LOCALES[language];
  const zone = { timeZone: UI_TIME_ZONE } as const;
  const dayMonthYear =
    language === 'de'
      ? ({ day: '2-digit', month: '2-digit', year: 'numeric' } as const)
      : ({ day: 'numeric', month: 'short', year: 'numeric' } as const);
  const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  const dateFormat = new Intl.DateTimeFormat(locale, { ...zone, ...dayMonthYear });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { ...zone, ...dayMonthYear, ...clock });
  const timeFormat = new Intl.DateTimeFormat(locale, { ...zone, ...clock });
  const weekdayTimeFormat = new Intl.DateTimeFormat(locale, { ...zone, weekday: 'short', ...clock });
  const relativeDays = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

  const formatWith =
    (format: Intl.DateTimeFormat) =>
    (value: DateValue): string => {
      const time = instant(value);
      if (time !== undefined) return format.format(time);
      return typeof value === 'string' ? value : '';
    };

  return {
    date: formatWith(dateFormat),
    dateTime: formatWith(dateTimeFormat),
    time: formatWith(timeFormat),
    relative(value, now = new Date()) {
      const time = instant(value);
      if (time === undefined) return typeof value === 'string' ? value : '';
      const days = calendarDaysBetween(time, now.getTime());
      if (days === 0) return timeFormat.format(time);
      if (days === 1) {
        const yesterday = relativeDays.format(-1, 'day');
        return yesterday.charAt(0).toLocaleUpperCase(locale) + yesterday.slice(1);
      }
      if (days > 1 && days < 7) return weekdayTimeFormat.format(time);
      return dateFormat.format(time);
    },
    parseDate: parseUiDate,
  };
}
