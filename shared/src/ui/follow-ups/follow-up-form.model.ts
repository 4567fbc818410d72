import type { Language } from '../../i18n/language';

/** A typed time as HH:MM ("9:30" → "09:30", "14.30" → "14:30"); undefined for '' or no time of day. */
export function normalTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

const WEEKDAY_LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** A calendar day with its weekday, as a quick choice shows it: "Mo., 07.12.2026" / "Mon, 7 Dec 2026". */
export function weekdayDate(day: string, language: Language, date: (value: string) => string): string {
  const weekday = new Intl.DateTimeFormat(WEEKDAY_LOCALES[language], { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
  return `${weekday}, ${date(day)}`;
}
