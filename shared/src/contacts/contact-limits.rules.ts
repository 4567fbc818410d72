import { MAX_CONSENT_EVENTS_PER_CHANNEL } from './consent.schema';
import { MAX_BUSINESS_PHONES, MAX_EMAILS, MAX_HOME_PHONES, MAX_TAGS } from './contact-common.schema';
import { CONSENT_CHANNELS } from './contact-enums.schema';
import { MAX_SPECIFICS_LENGTH, NOTE_LIMITS } from './contact-notes.schema';

// The bounded parts of one contact (lists and the one long text) with the limits of the Contact
// schema. A change that combines two contacts (merge) checks these before writing: a stored
// contact beyond a limit could not be answered (its response would fail the schema), so the
// change is refused and the user is told what to trim, instead of cutting data silently.

/** A bounded part of a contact: `tags`, `emails`, `notes.history`, `consent.channels.email`, … */
export type LimitedField = string;

/** One part over its limit: `count` entries (characters for `notes.specifics`), at most `max`. */
export interface LimitProblem {
  readonly field: LimitedField;
  readonly count: number;
  readonly max: number;
}

/** The shape of a contact as far as its limits go (stored fields or a merge result). */
export interface LimitedContact {
  readonly tags?: readonly unknown[] | undefined;
  readonly emails?: readonly unknown[] | undefined;
  readonly businessPhones?: readonly unknown[] | undefined;
  readonly homePhones?: readonly unknown[] | undefined;
  readonly notes?:
    | {
        readonly specifics?: string | undefined;
        readonly history?: readonly unknown[] | undefined;
        readonly openItems?: readonly unknown[] | undefined;
        readonly free?: readonly unknown[] | undefined;
      }
    | undefined;
  readonly consent?: { readonly channels?: Partial<Record<string, readonly unknown[]>> | undefined } | undefined;
}

/** Every bounded part of `contact` that is over its limit, in the order a form shows them. */
export function limitProblems(contact: LimitedContact): LimitProblem[] {
  const checks: Array<[LimitedField, number, number]> = [
    ['emails', contact.emails?.length ?? 0, MAX_EMAILS],
    ['businessPhones', contact.businessPhones?.length ?? 0, MAX_BUSINESS_PHONES],
    ['homePhones', contact.homePhones?.length ?? 0, MAX_HOME_PHONES],
    ['tags', contact.tags?.length ?? 0, MAX_TAGS],
    ['notes.specifics', [...(contact.notes?.specifics ?? '')].length, MAX_SPECIFICS_LENGTH],
    ['notes.history', contact.notes?.history?.length ?? 0, NOTE_LIMITS.history],
    ['notes.openItems', contact.notes?.openItems?.length ?? 0, NOTE_LIMITS.openItems],
    ['notes.free', contact.notes?.free?.length ?? 0, NOTE_LIMITS.free],
    ...CONSENT_CHANNELS.map((channel): [LimitedField, number, number] => [
      `consent.channels.${channel}`,
      contact.consent?.channels?.[channel]?.length ?? 0,
      MAX_CONSENT_EVENTS_PER_CHANNEL,
    ]),
  ];
  return checks.filter(([, count, max]) => count > max).map(([field, count, max]) => ({ field, count, max }));
}
