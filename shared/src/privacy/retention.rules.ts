import type { ErasureOutcome, RetentionCover, RetentionRecordType } from './privacy.schema';

// Retention periods for erasure (issue 15): pure date rules, no I/O. A record the CRM keeps as a
// Handels- oder Geschäftsbrief (HGB §257(1) Nr. 2–3, AO §147(1) Nr. 2–3), Buchungsbeleg or Buch is
// kept for its period counted from the END of the calendar year in which it was made
// (HGB §257(5), AO §147(4)): a letter of 14.03.2026 with 6 years is kept until 31.12.2032 and may be
// erased from 01.01.2033. Days are Europe/Berlin calendar days (YYYY-MM-DD).

const berlinDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Berlin calendar day (YYYY-MM-DD) of an instant (a Date or an ISO date-time). */
export function berlinDayOf(instant: Date | string): string {
  return berlinDayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * The last day a record made on `madeOn` (YYYY-MM-DD, Berlin) is kept with a period of `years`:
 * 31.12. of (madeOn's year + years). Undefined for `years` ≤ 0 (no period: nothing to keep).
 */
export function keepUntilOf(madeOn: string, years: number): string | undefined {
  if (!Number.isInteger(years) || years <= 0) return undefined;
  const year = Number(madeOn.slice(0, 4));
  return `${String(year + years).padStart(4, '0')}-12-31`;
}

/** The day after `keepUntil` (always a 1 January): the first day erasure is allowed. */
export function eraseOnAfter(keepUntil: string): string {
  const year = Number(keepUntil.slice(0, 4));
  return `${String(year + 1).padStart(4, '0')}-01-01`;
}

/** True while `today` (YYYY-MM-DD, Berlin) is on or before `keepUntil`. */
export function stillKept(keepUntil: string, today: string): boolean {
  return today <= keepUntil;
}

/** True when a restriction's `eraseOn` has come: `eraseOn` ≤ today (Berlin). */
export function erasureDue(eraseOn: string, now: Date): boolean {
  return eraseOn <= berlinDayOf(now);
}

/** A record of a person that a retention period may cover (activity or won opportunity). */
export interface RetainedRecord {
  record: 'activity' | 'opportunity';
  recordId: string;
  recordType: RetentionRecordType;
  /** When it was made: the activity's time, the opportunity's closing (ISO date-time or day). */
  madeAt: string;
}

/**
 * Which activity types are business letters (Handels- und Geschäftsbriefe, HGB §257(1) Nr. 2–3):
 * logged e-mails and letters. Calls, meetings and notes are no letters and are kept by no period.
 */
export function recordTypeOfActivity(type: string): RetentionRecordType | undefined {
  return type === 'email' || type === 'letter' ? 'businessLetter' : undefined;
}

/**
 * The records still covered on `now`, the longest kept first (ties: by id, so the order is stable).
 * `years`: the tenant's period per record type (0 = not kept).
 */
export function coversOf(
  records: readonly RetainedRecord[],
  years: Readonly<Record<RetentionRecordType, number>>,
  now: Date,
): RetentionCover[] {
  const today = berlinDayOf(now);
  const covers: RetentionCover[] = [];
  for (const r of records) {
    const madeOn = r.madeAt.length === 10 ? r.madeAt : berlinDayOf(r.madeAt);
    const keepUntil = keepUntilOf(madeOn, years[r.recordType]);
    if (keepUntil && stillKept(keepUntil, today)) {
      covers.push({ recordType: r.recordType, record: r.record, recordId: r.recordId, madeOn, keepUntil });
    }
  }
  return covers.sort((a, b) =>
    a.keepUntil !== b.keepUntil ? (a.keepUntil < b.keepUntil ? 1 : -1) : a.recordId.localeCompare(b.recordId),
  );
}

/** The most covering records an answer lists (the schema's bound). */
export const MAX_COVERS_LISTED = 50;

/**
 * What erasing a person now does (Art. 17(3)(b) DSGVO with HGB §257 / AO §147): `held` under a
 * legal hold; `erased` when no record is covered; else `restricted` until the day after the
 * latest `keepUntil` (the "Sperrvermerk" until the last period ends).
 */
export function erasureOutcomeOf(covers: readonly RetentionCover[], legalHold: boolean): ErasureOutcome {
  const coveredBy = covers.slice(0, MAX_COVERS_LISTED);
  if (legalHold) return { outcome: 'held', coveredBy };
  const latest = covers.reduce<string | undefined>(
    (max, c) => (!max || c.keepUntil > max ? c.keepUntil : max),
    undefined,
  );
  if (!latest) return { outcome: 'erased', coveredBy: [] };
  return { outcome: 'restricted', eraseOn: eraseOnAfter(latest), coveredBy };
}
