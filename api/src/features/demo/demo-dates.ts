// Dates of the demo data, counted back from the day it is seeded, so that a demo seeded on any
// day looks like the CRM of a team that has worked with it for years: customers since long ago,
// consent given at past fairs, leads of every age.

const DAY_MS = 86_400_000;

/** The instant `days` days before `now`, at 09:30 UTC (an office hour in Germany), as ISO text. */
export function instantBefore(now: Date, days: number): string {
  const day = new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
  const at = new Date(`${day}T09:30:00.000Z`);
  // Never in the future, even when seeded before half past nine.
  return (at.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : at).toISOString();
}

/** The calendar day (UTC) `days` days before `now`, as YYYY-MM-DD ("Kunde seit"). */
export function dayBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

/** The year `days` days before (negative: after) `now`. */
export function yearBefore(now: Date, days: number): number {
  return new Date(now.getTime() - days * DAY_MS).getUTCFullYear();
}

/** A day in the German form the demo's free texts use: 03.02.2026. */
export function germanDate(isoDay: string): string {
  const [year, month, day] = isoDay.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

/** The calendar quarter `days` days after `now`, as a sales team writes a timeframe: "Q1 2027". */
export function quarterAfter(now: Date, days: number): string {
  const then = new Date(now.getTime() + days * DAY_MS);
  return `Q${Math.floor(then.getUTCMonth() / 3) + 1} ${then.getUTCFullYear()}`;
}
