// When a follow-up (Wiedervorlage) is due, in the words of "Meine Wiedervorlagen": Überfällig,
// Heute, Diese Woche, Später. Calendar days are Berlin days (the tenant's business day, as
// `localDate` uses for "Kunde seit"); weeks are ISO 8601 weeks, Monday to Sunday (DIN 1355).
// All functions are pure: they take the day (YYYY-MM-DD) or the instant `now`. This module
// imports nothing, so both front ends use it without loading any schema.

export const DUE_BUCKETS = ['overdue', 'today', 'week', 'later'] as const;
/** Überfällig (before today), Heute, Diese Woche (after today up to Sunday), Später. */
export type DueBucket = (typeof DUE_BUCKETS)[number];

/** Quick choices of the pane's form: "morgen", "in 3 Tagen", "in einer Woche". */
export const QUICK_DUE_CHOICES = ['tomorrow', 'in3Days', 'inAWeek'] as const;
export type QuickDueChoice = (typeof QUICK_DUE_CHOICES)[number];

const DAY_MS = 86_400_000;

function utcOf(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** `day` (YYYY-MM-DD) plus `days` calendar days (negative: before). RangeError for malformed input. */
export function addDays(day: string, days: number): string {
  return new Date(utcOf(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(utcOf(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The day `now` is in Berlin (YYYY-MM-DD), the "Heute" of every due rule (as `localDate` of the
 * contact rules; written here so the front ends import no schema module with these rules).
 */
export function berlinToday(now: Date): string {
  return berlinDay.format(now);
}

/**
 * The last day of `today`'s ISO week (its Sunday). On a Sunday that is today itself, so "Diese
 * Woche" is then empty and Monday's follow-ups are "Später": the week of a German calendar ends
 * on Sunday, as Outlook's grouping with a Monday week start does.
 */
export function weekEnd(today: string): string {
  return addDays(today, 7 - isoWeekday(today));
}

/**
 * Where a follow-up due on `dueDate` belongs on `today` (both YYYY-MM-DD, Berlin days):
 * before today → overdue, today → today (whatever its time: a follow-up due at 09:00 stays in
 * "Heute" all day, the list highlights a passed time), after today up to this week's Sunday →
 * week, later → later. Each day falls into exactly one bucket.
 */
export function dueBucket(dueDate: string, today: string): DueBucket {
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  return dueDate <= weekEnd(today) ? 'week' : 'later';
}

/** True when the follow-up's day has passed, or it is today and its time (HH:MM, Berlin) has. */
export function isPastDue(dueDate: string, dueTime: string | undefined, today: string, nowTime: string): boolean {
  if (dueDate !== today) return dueDate < today;
  return dueTime !== undefined && dueTime < nowTime;
}

/** The time of day `now` shows in Berlin, "HH:MM". */
export function berlinTime(now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/** The first working day (Monday to Friday) on or after `day`. Public holidays are not known here. */
export function workingDayFrom(day: string): string {
  const weekday = isoWeekday(day);
  return weekday >= 6 ? addDays(day, 8 - weekday) : day;
}

/**
 * The due day of a quick choice made on `today`. A follow-up is work, so it never lands on a
 * weekend: "morgen" is the next working day (on Friday, Saturday and Sunday: Monday), "in 3
 * Tagen" three calendar days on, "in einer Woche" seven; a Saturday or Sunday moves to the
 * Monday after. Public holidays differ per Bundesland and are not moved (the form shows the
 * resulting date, so the user sees it).
 */
export function quickDueDate(choice: QuickDueChoice, today: string): string {
  switch (choice) {
    case 'tomorrow':
      return workingDayFrom(addDays(today, 1));
    case 'in3Days':
      return workingDayFrom(addDays(today, 3));
    case 'inAWeek':
      return workingDayFrom(addDays(today, 7));
  }
}
