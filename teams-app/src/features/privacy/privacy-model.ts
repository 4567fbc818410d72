import type {
  PrivacyRequest,
  PrivacyRequestChannel,
  PrivacyRequestCreate,
  PrivacyRequestType,
  PrivacySettings,
  PrivacySettingsUpdate,
} from '@klarkonform/shared/ui';

/** A calendar day YYYY-MM-DD plus `days` (UTC arithmetic on the day, no time zone involved). */
export function addDays(day: string, days: number): string {
  const time = Date.parse(`${day}T12:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** What a request's line says about its deadline. */
export type DueLine =
  | { kind: 'overdue'; since: string }
  | { kind: 'due'; on: string }
  | { kind: 'closed'; at: string | undefined };

/**
 * The deadline of a request (Art. 12(3) DSGVO): closed ones say when; open ones when they are
 * due; overdue ones (the API's `overdue`, Europe/Berlin) since when — the day after `dueOn`,
 * the last day on which the answer was in time.
 */
export function dueLine(request: Pick<PrivacyRequest, 'status' | 'dueOn' | 'overdue' | 'closedAt'>): DueLine {
  if (request.status === 'done' || request.status === 'rejected') return { kind: 'closed', at: request.closedAt };
  if (request.overdue) return { kind: 'overdue', since: addDays(request.dueOn, 1) };
  return { kind: 'due', on: request.dueOn };
}

/** The "Anfrage erfassen" form as typed. `receivedOn`: YYYY-MM-DD, '' or the typed text when no date. */
export interface RequestForm {
  type: PrivacyRequestType;
  name: string;
  email: string;
  channel: PrivacyRequestChannel;
  receivedOn: string;
  contacts: readonly { id: string; name: string }[];
  description: string;
}

export type RequestFormProblem = 'nameRequired' | 'dateInvalid' | 'dateFuture';

/** The form's own checks before sending (the API checks the rest, e.g. the e-mail address). */
export function requestFormProblems(
  form: RequestForm,
  today: string,
): Partial<Record<'name' | 'receivedOn', RequestFormProblem>> {
  const problems: Partial<Record<'name' | 'receivedOn', RequestFormProblem>> = {};
  if (form.name.trim() === '') problems.name = 'nameRequired';
  if (form.receivedOn !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.receivedOn)) problems.receivedOn = 'dateInvalid';
    else if (form.receivedOn > today) problems.receivedOn = 'dateFuture';
  }
  return problems;
}

/** POST /privacy/requests body: empty optional fields left out; no date means today (the API's default). */
export function requestCreateBody(form: RequestForm): PrivacyRequestCreate {
  const email = form.email.trim();
  const description = form.description.trim();
  return {
    type: form.type,
    requester: { name: form.name.trim(), channel: form.channel, ...(email ? { email } : {}) },
    contactIds: form.contacts.map((contact) => contact.id),
    ...(form.receivedOn ? { receivedOn: form.receivedOn } : {}),
    ...(description ? { description } : {}),
  };
}

/** The whole numbers of the settings form, as typed. */
export interface SettingsNumbers {
  businessLetter: string;
  bookingVoucher: string;
  books: string;
  consentReviewMonths: string;
  doubleOptInValidHours: string;
}

/** The bounds of each number (privacy.schema.ts). */
export const NUMBER_BOUNDS: Readonly<Record<keyof SettingsNumbers, readonly [number, number]>> = {
  businessLetter: [0, 30],
  bookingVoucher: [0, 30],
  books: [0, 30],
  consentReviewMonths: [1, 60],
  doubleOptInValidHours: [1, 720],
};

export function numbersOf(settings: PrivacySettings): SettingsNumbers {
  return {
    businessLetter: String(settings.retentionYears.businessLetter),
    bookingVoucher: String(settings.retentionYears.bookingVoucher),
    books: String(settings.retentionYears.books),
    consentReviewMonths: String(settings.consentReviewMonths),
    doubleOptInValidHours: String(settings.doubleOptInValidHours),
  };
}

/** A typed number within its bounds, or undefined. */
export function readWhole(text: string, [min, max]: readonly [number, number]): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** The numbers that are no whole number within their bounds. */
export function numberProblems(numbers: SettingsNumbers): (keyof SettingsNumbers)[] {
  return (Object.keys(NUMBER_BOUNDS) as (keyof SettingsNumbers)[]).filter(
    (key) => readWhole(numbers[key], NUMBER_BOUNDS[key]) === undefined,
  );
}

/** PUT /privacy/settings body from the loaded settings, the typed numbers (checked before) and the texts. */
export function settingsBody(
  settings: Omit<PrivacySettings, 'version'>,
  numbers: SettingsNumbers,
): PrivacySettingsUpdate {
  const whole = (key: keyof SettingsNumbers) => readWhole(numbers[key], NUMBER_BOUNDS[key]) ?? 0;
  return {
    retentionYears: {
      businessLetter: whole('businessLetter'),
      bookingVoucher: whole('bookingVoucher'),
      books: whole('books'),
    },
    consentReviewMonths: whole('consentReviewMonths'),
    doubleOptInValidHours: whole('doubleOptInValidHours'),
    controller: settings.controller,
    activities: settings.activities,
    technicalMeasures: settings.technicalMeasures,
  };
}
