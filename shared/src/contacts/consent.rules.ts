import type {
  Consent,
  ConsentChannelState,
  ConsentDecision,
  ConsentEvent,
  ConsentEventCreate,
  ConsentSummary,
} from './consent.schema';
import type { ConsentChannel, ConsentReason, ConsentStatus, ContactPurpose } from './contact-enums.schema';
import { hasVisibleText } from '../text/text.rules';

// A double-opt-in mail that was not confirmed within this time no longer counts as pending:
// its confirmation link has expired and the address must be asked again.
export const DOUBLE_OPT_IN_EXPIRY_DAYS = 30;
const DAY_MS = 86_400_000;
// Clients' clocks drift; an event a few minutes "ahead" of the server is still accepted.
const CLOCK_SKEW_MS = 5 * 60_000;

interface Evaluation {
  state: ConsentChannelState;
  grantedBy?: ConsentEvent;
  /** The latest confirmation that did not count (no open request, no proof), unless consent was given or refused after it. */
  unproven?: ConsentEvent;
}

/** Whether an event carries a proof reference (the confirmation mail, a log entry, a scan). */
const hasProof = (event: { proof?: string | undefined }) => hasVisibleText(event.proof ?? '');

/** Whether `request` was still open at `time` (ms): its confirmation link had not expired. */
const stillOpen = (request: ConsentEvent, time: number) =>
  time - Date.parse(request.at) <= DOUBLE_OPT_IN_EXPIRY_DAYS * DAY_MS;

// Events in time order; at the same instant an opt-out sorts last, so it wins the tie.
function effectiveEvents(events: readonly ConsentEvent[], now: Date): ConsentEvent[] {
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .filter(({ time }) => Number.isFinite(time) && time <= now.getTime())
    .sort(
      (a, b) =>
        a.time - b.time || Number(a.event.type === 'optOut') - Number(b.event.type === 'optOut') || a.index - b.index,
    )
    .map(({ event }) => event);
}

// The state of one channel, derived from its append-only history.
//
// Opt-out (Verbotsvermerk) wins over everything recorded before it, and it stays in force
// until the person gives a NEW explicit consent: an opt-in or a confirmed double opt-in
// recorded after the opt-out grants again, because that is a fresh declaration of will.
// A mere double-opt-in request does not end an opt-out, and neither does a soft opt-in:
// §7 Abs. 3 UWG allows existing-customer email only while the customer has not objected.
// Soft opt-in counts for the email channel only. Events dated after `now` are not yet in force.
//
// A double-opt-in confirmation counts only when it is proven: it answers a request on the same
// channel that was still open (within DOUBLE_OPT_IN_EXPIRY_DAYS, not yet confirmed, no opt-out
// since), or it carries its own proof reference. A confirmation without either (e.g. legacy
// data) grants nothing: the burden of proof for consent lies with the advertiser (Art. 7(1)
// DSGVO; BGH I ZR 164/09 "Double-opt-in-Verfahren").
function evaluate(events: readonly ConsentEvent[], now: Date, channel?: ConsentChannel): Evaluation {
  const state: ConsentChannelState = { status: 'none' };
  let grantedBy: ConsentEvent | undefined;
  let openRequest: ConsentEvent | undefined;
  let unproven: ConsentEvent | undefined;
  const become = (status: ConsentStatus, event: ConsentEvent) => {
    if (state.status !== status) state.since = event.at;
    state.status = status;
  };
  for (const event of effectiveEvents(events, now)) {
    state.lastEvent = event;
    switch (event.type) {
      case 'optOut':
        become('denied', event);
        grantedBy = undefined;
        openRequest = undefined;
        unproven = undefined;
        break;
      case 'doubleOptInConfirmed': {
        const proven = hasProof(event) || (openRequest !== undefined && stillOpen(openRequest, Date.parse(event.at)));
        openRequest = undefined;
        if (!proven) {
          unproven = event;
          if (state.status === 'pending') {
            state.status = 'none';
            delete state.since;
          }
          break;
        }
        grantedBy = event;
        unproven = undefined;
        become('granted', event);
        break;
      }
      case 'optIn':
        // The latest explicit declaration is the proof to show, even if consent already stood.
        grantedBy = event;
        unproven = undefined;
        become('granted', event);
        break;
      case 'softOptIn':
        if ((channel ?? 'email') === 'email' && (state.status === 'none' || state.status === 'pending')) {
          grantedBy = event;
          unproven = undefined;
          become('granted', event);
        }
        break;
      case 'doubleOptInRequested':
        openRequest = event;
        if (state.status === 'none') become('pending', event);
        break;
    }
  }
  const pendingSince = state.status === 'pending' ? Date.parse(state.since ?? '') : Number.NaN;
  if (now.getTime() - pendingSince > DOUBLE_OPT_IN_EXPIRY_DAYS * DAY_MS) {
    state.status = 'none';
    delete state.since;
  }
  return { state, ...(grantedBy ? { grantedBy } : {}), ...(unproven ? { unproven } : {}) };
}

/**
 * The confirmation that would grant consent on the channel but does not count, for want of an
 * open request or a proof (cleared by a later grant or opt-out); undefined when there is none.
 */
export function unprovenConsent(
  events: readonly ConsentEvent[],
  now: Date,
  channel?: ConsentChannel,
): ConsentEvent | undefined {
  return evaluate(events, now, channel).unproven;
}

/**
 * The double-opt-in request of a channel that is open at `at`: the latest request at or before
 * `at`, at most DOUBLE_OPT_IN_EXPIRY_DAYS old, with no confirmation or opt-out after it. A
 * confirmation recorded at `at` without its own proof needs one (see `evaluate`).
 */
export function openDoubleOptInRequest(events: readonly ConsentEvent[], at: Date): ConsentEvent | undefined {
  let open: ConsentEvent | undefined;
  for (const event of effectiveEvents(events, at)) {
    if (event.type === 'doubleOptInRequested') open = event;
    else if (event.type === 'doubleOptInConfirmed' || event.type === 'optOut') open = undefined;
  }
  return open && stillOpen(open, at.getTime()) ? open : undefined;
}

/**
 * Ids of the confirmations in a channel's history that do not count as consent, because they
 * answer no open request and carry no proof; the card shows them as not proven.
 */
export function unprovenConfirmations(events: readonly ConsentEvent[], now: Date): Set<string> {
  const ids = new Set<string>();
  const seen: ConsentEvent[] = [];
  for (const event of effectiveEvents(events, now)) {
    if (event.type === 'doubleOptInConfirmed' && !hasProof(event)) {
      if (!openDoubleOptInRequest(seen, new Date(Date.parse(event.at)))) ids.add(event.id);
    }
    seen.push(event);
  }
  return ids;
}

export function consentState(
  events: readonly ConsentEvent[],
  now: Date,
  channel?: ConsentChannel,
): ConsentChannelState {
  return evaluate(events, now, channel).state;
}

// The event that granted the current consent, if the channel is granted: the proof to show.
export function consentGrant(
  events: readonly ConsentEvent[],
  now: Date,
  channel?: ConsentChannel,
): ConsentEvent | undefined {
  const { state, grantedBy } = evaluate(events, now, channel);
  return state.status === 'granted' ? grantedBy : undefined;
}

export function consentSummary(consent: Consent, now: Date): ConsentSummary {
  const { channels } = consent;
  const summary: ConsentSummary = {
    email: consentState(channels.email, now, 'email'),
    phone: consentState(channels.phone, now, 'phone'),
    letter: consentState(channels.letter, now, 'letter'),
    newsletter: consentState(channels.newsletter, now, 'newsletter'),
  };
  if (consent.legalBasis) summary.legalBasis = consent.legalBasis;
  return summary;
}

export interface ConsentSubject {
  archived?: unknown;
  mergedInto?: string | null;
  /** Restricted under Art. 18 DSGVO (issue 15): no use but storage, so never contacted. */
  restriction?: unknown;
  consent: Consent;
}

// May we contact this person on this channel for this purpose?
// - Archived, merged and restricted (Art. 18(2) DSGVO) contacts are never contacted.
// - An opt-out blocks every purpose on its channel; an email opt-out also blocks the
//   newsletter (which arrives by email). A newsletter unsubscribe does not block other email.
// - Marketing needs granted consent on the channel (soft opt-in counts for email). The
//   newsletter is always marketing and needs its own newsletter consent. Postal advertising
//   is also allowed on a recorded contract or legitimate-interest basis (Art. 6(1)(f) DSGVO).
// - Service messages need a legal basis: contract, legitimate interest, or granted consent.
export function mayContact(
  contact: ConsentSubject,
  channel: ConsentChannel,
  purpose: ContactPurpose,
  now: Date,
): ConsentDecision {
  const decide = (allowed: boolean, reason: ConsentReason): ConsentDecision => ({
    allowed,
    reason,
    channel,
    purpose,
  });
  if (contact.mergedInto) return decide(false, 'merged');
  if (contact.archived) return decide(false, 'archived');
  if (contact.restriction) return decide(false, 'restricted');
  const { channels, legalBasis } = contact.consent;
  const { state, grantedBy, unproven } = evaluate(channels[channel], now, channel);
  const emailDenied = channel === 'newsletter' && consentState(channels.email, now, 'email').status === 'denied';
  if (state.status === 'denied' || emailDenied) return decide(false, 'optedOut');
  if (state.status === 'granted') {
    return decide(true, grantedBy?.type === 'softOptIn' ? 'softOptIn' : 'consentGranted');
  }
  const pending = state.status === 'pending';
  // No consent: say so, or that the consent on record is an unproven confirmation.
  const missing = pending ? 'doubleOptInPending' : unproven ? 'unprovenConfirmation' : 'noConsent';
  if (purpose === 'marketing' || channel === 'newsletter') {
    if (channel === 'letter' && (legalBasis === 'contract' || legalBasis === 'legitimateInterest')) {
      return decide(true, legalBasis);
    }
    return decide(false, missing);
  }
  if (legalBasis === 'contract' || legalBasis === 'legitimateInterest') return decide(true, legalBasis);
  if (legalBasis === 'consent') return decide(false, missing);
  return decide(false, 'noLegalBasis');
}

/**
 * "Marketing-E-Mail erlaubt?": the one server rule behind the card's answer and the send-time
 * check (Smart Alerts, issue 14) — `mayContact(contact, 'email', 'marketing', now)`. Granted
 * e-mail consent (opt-in, proven double opt-in) or a soft opt-in of an existing customer allows
 * it; an opt-out, no consent, an unproven or pending confirmation, archived or merged do not
 * (UWG §7 Abs. 2 Nr. 2, Abs. 3).
 */
export function marketingEmailDecision(contact: ConsentSubject, now: Date): ConsentDecision {
  return mayContact(contact, 'email', 'marketing', now);
}

export const CONSENT_EVENT_PROBLEMS = ['softOptInEmailOnly', 'eventInFuture', 'doubleOptInUnproven'] as const;
export type ConsentEventProblem = (typeof CONSENT_EVENT_PROBLEMS)[number];

/**
 * Checks the API makes before appending an event; the schema cannot express them. With the
 * channel's `history` also: a double-opt-in confirmation needs an open request (see
 * `openDoubleOptInRequest`) or a proof reference ('doubleOptInUnproven').
 */
export function consentEventProblems(
  input: ConsentEventCreate,
  now: Date,
  history?: readonly ConsentEvent[],
): ConsentEventProblem[] {
  const problems: ConsentEventProblem[] = [];
  if (input.type === 'softOptIn' && input.channel !== 'email') problems.push('softOptInEmailOnly');
  const at = input.at === undefined ? now : new Date(Date.parse(input.at));
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push('eventInFuture');
  if (history && confirmationUnproven(input, history, at)) problems.push('doubleOptInUnproven');
  return problems;
}

/** A confirmation at `at` with no proof of its own and no request open at that time. */
export function confirmationUnproven(
  input: Pick<ConsentEventCreate, 'type' | 'proof'>,
  history: readonly ConsentEvent[],
  at: Date,
): boolean {
  return input.type === 'doubleOptInConfirmed' && !hasProof(input) && !openDoubleOptInRequest(history, at);
}
