import type { PrivacyRequestStatus } from './privacy.schema';

// Pure date rules of the requests register (issue 15). Dates are ISO calendar days
// ("2026-01-31"), the Europe/Berlin day the caller computed; nothing here reads a clock.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): { y: number; m: number; d: number } {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`not an ISO day: ${day}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** Days in month `m` (1–12) of year `y`, Gregorian (leap years: ÷4, not ÷100 unless ÷400). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * `day` plus `months` calendar months: the same day number in the target month, or that month's
 * last day when it has no such day (31.01. + 1 month = 28./29.02.). This is how a period "of one
 * month" ends under Art. 3(2)(c) of Regulation (EEC, Euratom) No 1182/71, which governs the
 * periods of the DSGVO (and § 188(2), (3) BGB alike).
 */
export function addCalendarMonths(day: string, months: number): string {
  const { y, m, d } = parts(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

/**
 * Art. 12(3) DSGVO: the answer is due one month after receipt, extendable by at most two further
 * months. Counted from the day of receipt as one period of 1 + `extensionMonths` months (not month
 * by month, so 31.01. + 3 months is 30.04., not 28.04.).
 */
export function requestDueOn(receivedOn: string, extensionMonths = 0): string {
  return addCalendarMonths(receivedOn, 1 + extensionMonths);
}

/** A request still to be answered (open or in progress). */
export function isOpenStatus(status: PrivacyRequestStatus): boolean {
  return status === 'open' || status === 'inProgress';
}

/** Overdue: still open and its due day is before `today` (the due day itself is still in time). */
export function isRequestOverdue(status: PrivacyRequestStatus, dueOn: string, today: string): boolean {
  return isOpenStatus(status) && dueOn < today;
}

/** The register's reference: "DS-2026-0007" (year of receipt, number within the tenant and year, ≥ 4 digits). */
export function requestReference(year: number, seq: number): string {
  return `DS-${year}-${String(seq).padStart(4, '0')}`;
}

/** Why an extension cannot be set (a `serviceProblem` key), or undefined when it can. */
export type ExtensionProblem = 'extensionOnce' | 'extensionClosed' | 'extensionLate';

/**
 * Art. 12(3) sentence 3: the data subject must be told of an extension within one month of
 * receipt, so it is possible once, while the request is open and its first month has not run out.
 */
export function extensionProblem(
  request: { status: PrivacyRequestStatus; receivedOn: string; extended: boolean },
  today: string,
): ExtensionProblem | undefined {
  if (request.extended) return 'extensionOnce';
  if (!isOpenStatus(request.status)) return 'extensionClosed';
  if (today > requestDueOn(request.receivedOn)) return 'extensionLate';
  return undefined;
}
