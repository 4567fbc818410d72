import { berlinToday, isoWeekday } from '@klarkonform/shared';

// The admin's Monday routine "Sync-Status prüfen" (DESIGN.md: admin/IT checks the M365 sync
// status): on a Monday (Berlin day) the tab reminds users with mirror:manage until one of them
// opens the section or says it is done on this browser. Pure apart from the storage wrapper.

const STORAGE_KEY = 'klarkonform.mirrorCheck.doneOn';

/** The Berlin day (YYYY-MM-DD) when `now` is a Monday there, otherwise undefined. */
export function checkDay(now: Date): string | undefined {
  const today = berlinToday(now);
  return isoWeekday(today) === 1 ? today : undefined;
}

/** True on a Monday the check was not yet marked done (`doneOn`: the day it last was). */
export function reminderDue(now: Date, doneOn: string | null): boolean {
  const day = checkDay(now);
  return day !== undefined && day !== doneOn;
}

/** The day the check was last done on this browser (null: never, or storage unavailable). */
export function readCheckDone(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers that today's check is done (a blocked storage only means the reminder shows again). */
export function markCheckDone(now: Date): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, berlinToday(now));
  } catch {
    // Storage blocked (e.g. third-party iframe rules): nothing to remember it in.
  }
}
