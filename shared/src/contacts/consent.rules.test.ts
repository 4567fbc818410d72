import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consent, ConsentEvent } from './consent.schema';
import { makeEvent, makePerson } from './contact.fixtures';
import type { ConsentChannel, ConsentEventType, LegalBasis } from './contact-enums.schema';
import { CONSENT_EVENT_TYPES } from './contact-enums.schema';
import {
  DOUBLE_OPT_IN_EXPIRY_DAYS,
  consentEventProblems,
  consentGrant,
  consentState,
  consentSummary,
  marketingEmailDecision,
  mayContact,
  openDoubleOptInRequest,
  unprovenConfirmations,
  unprovenConsent,
} from './consent.rules';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const day = (n: number) => new Date(Date.UTC(2026, 2, n, 9)).toISOString();
const history = (...steps: [ConsentEventType, number][]) => steps.map(([type, d]) => makeEvent(type, day(d)));

describe('consentState', () => {
  it.each<[string, ConsentEvent[], string]>([
    ['no events', [], 'none'],
    ['opt-in', history(['optIn', 1]), 'granted'],
    ['double opt-in requested', history(['doubleOptInRequested', 10]), 'pending'],
    ['double opt-in confirmed', history(['doubleOptInRequested', 1], ['doubleOptInConfirmed', 2]), 'granted'],
    ['soft opt-in', history(['softOptIn', 1]), 'granted'],
    ['opt-out after opt-in', history(['optIn', 1], ['optOut', 2]), 'denied'],
    ['new opt-in after opt-out', history(['optIn', 1], ['optOut', 2], ['optIn', 3]), 'granted'],
    ['confirmed double opt-in after opt-out', history(['optOut', 1], ['doubleOptInConfirmed', 3]), 'granted'],
    ['double opt-in request after opt-out', history(['optOut', 1], ['doubleOptInRequested', 3]), 'denied'],
    ['soft opt-in after opt-out', history(['optOut', 1], ['softOptIn', 3]), 'denied'],
    ['request while granted', history(['optIn', 1], ['doubleOptInRequested', 3]), 'granted'],
    ['opt-out recorded out of order', [...history(['optOut', 5]), ...history(['optIn', 1])], 'denied'],
  ])('%s → %s', (_case, events, status) => {
    expect(consentState(events, NOW, 'email').status).toBe(status);
  });

  it('lets an opt-out win a tie at the same instant', () => {
    const at = day(3);
    expect(consentState([makeEvent('optOut', at), makeEvent('optIn', at)], NOW).status).toBe('denied');
  });

  it('ignores events dated after now', () => {
    const state = consentState([makeEvent('optIn', day(1)), makeEvent('optOut', day(20))], NOW);
    expect(state.status).toBe('granted');
    expect(state.lastEvent?.type).toBe('optIn');
  });

  it('ignores soft opt-in outside email', () => {
    expect(consentState(history(['softOptIn', 1]), NOW, 'phone').status).toBe('none');
    expect(consentState(history(['softOptIn', 1]), NOW, 'newsletter').status).toBe('none');
  });

  it('lets an unconfirmed double opt-in lapse', () => {
    const requested = new Date(NOW.getTime() - (DOUBLE_OPT_IN_EXPIRY_DAYS + 1) * 86_400_000).toISOString();
    const state = consentState([makeEvent('doubleOptInRequested', requested)], NOW);
    expect(state).toMatchObject({ status: 'none' });
    expect(state.since).toBeUndefined();
    expect(state.lastEvent?.type).toBe('doubleOptInRequested');
  });

  it('reports since when the current status began, and the last event', () => {
    const state = consentState(history(['optIn', 1], ['doubleOptInConfirmed', 4], ['doubleOptInRequested', 6]), NOW);
    expect(state.since).toBe(day(1));
    expect(state.lastEvent?.type).toBe('doubleOptInRequested');
    expect(consentGrant(history(['optIn', 1], ['doubleOptInConfirmed', 4]), NOW)?.at).toBe(day(4));
    expect(consentGrant(history(['optIn', 1], ['optOut', 4]), NOW)).toBeUndefined();
  });

  it('property: an opt-out stays in force until a later explicit consent', () => {
    const events = fc.array(
      fc.record({ type: fc.constantFrom(...CONSENT_EVENT_TYPES), d: fc.integer({ min: 1, max: 14 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(events, (steps) => {
        const list = steps.map(({ type, d }) => makeEvent(type, day(d)));
        const state = consentState(list, NOW, 'email');
        const lastOptOut = Math.max(-1, ...steps.filter((s) => s.type === 'optOut').map((s) => s.d));
        if (lastOptOut < 0) return state.status !== 'denied';
        const regrant = steps.some(
          (s) => s.d > lastOptOut && (s.type === 'optIn' || s.type === 'doubleOptInConfirmed'),
        );
        return regrant ? state.status === 'granted' : state.status === 'denied';
      }),
    );
  });
});

const consent = (
  legalBasis: LegalBasis | undefined,
  channels: Partial<Record<ConsentChannel, ConsentEvent[]>> = {},
): Consent => ({
  ...(legalBasis ? { legalBasis } : {}),
  channels: { email: [], phone: [], letter: [], newsletter: [], ...channels },
});

describe('mayContact', () => {
  it.each<[string, Consent, ConsentChannel, 'marketing' | 'service', boolean, string]>([
    [
      'marketing email with opt-in',
      consent(undefined, { email: history(['optIn', 1]) }),
      'email',
      'marketing',
      true,
      'consentGranted',
    ],
    [
      'marketing email with soft opt-in',
      consent('contract', { email: history(['softOptIn', 1]) }),
      'email',
      'marketing',
      true,
      'softOptIn',
    ],
    ['marketing email without consent', consent('legitimateInterest'), 'email', 'marketing', false, 'noConsent'],
    [
      'marketing email pending',
      consent(undefined, { email: history(['doubleOptInRequested', 10]) }),
      'email',
      'marketing',
      false,
      'doubleOptInPending',
    ],
    [
      'marketing email after opt-out',
      consent('contract', { email: history(['optIn', 1], ['optOut', 2]) }),
      'email',
      'marketing',
      false,
      'optedOut',
    ],
    [
      'newsletter needs its own consent',
      consent(undefined, { email: history(['optIn', 1]) }),
      'newsletter',
      'marketing',
      false,
      'noConsent',
    ],
    [
      'newsletter with consent',
      consent(undefined, { newsletter: history(['doubleOptInConfirmed', 1]) }),
      'newsletter',
      'marketing',
      true,
      'consentGranted',
    ],
    [
      'newsletter blocked by email opt-out',
      consent(undefined, { newsletter: history(['optIn', 1]), email: history(['optOut', 2]) }),
      'newsletter',
      'marketing',
      false,
      'optedOut',
    ],
    ['newsletter is never service', consent('contract'), 'newsletter', 'service', false, 'noConsent'],
    [
      'newsletter opt-out leaves email marketing',
      consent(undefined, { email: history(['optIn', 1]), newsletter: history(['optOut', 2]) }),
      'email',
      'marketing',
      true,
      'consentGranted',
    ],
    [
      'letter advertising on legitimate interest',
      consent('legitimateInterest'),
      'letter',
      'marketing',
      true,
      'legitimateInterest',
    ],
    ['letter advertising without basis', consent(undefined), 'letter', 'marketing', false, 'noConsent'],
    [
      'letter advertising after objection',
      consent('legitimateInterest', { letter: history(['optOut', 2]) }),
      'letter',
      'marketing',
      false,
      'optedOut',
    ],
    ['phone marketing needs consent', consent('contract'), 'phone', 'marketing', false, 'noConsent'],
    ['service email on contract', consent('contract'), 'email', 'service', true, 'contract'],
    [
      'service phone on legitimate interest',
      consent('legitimateInterest'),
      'phone',
      'service',
      true,
      'legitimateInterest',
    ],
    [
      'service on granted consent',
      consent(undefined, { phone: history(['optIn', 1]) }),
      'phone',
      'service',
      true,
      'consentGranted',
    ],
    ['service without legal basis', consent(undefined), 'email', 'service', false, 'noLegalBasis'],
    ['service on consent basis without consent', consent('consent'), 'email', 'service', false, 'noConsent'],
    [
      'service after opt-out',
      consent('contract', { email: history(['optOut', 1]) }),
      'email',
      'service',
      false,
      'optedOut',
    ],
  ])('%s', (_case, contactConsent, channel, purpose, allowed, reason) => {
    const decision = mayContact(makePerson({ consent: contactConsent }), channel, purpose, NOW);
    expect(decision).toEqual({ allowed, reason, channel, purpose });
  });

  it('never contacts archived or merged contacts', () => {
    const granted = consent('contract', { email: history(['optIn', 1]) });
    const archived = makePerson({
      consent: granted,
      archived: { at: day(2), reason: 'Firma aufgelöst', by: { id: 'u', name: 'U' } },
    });
    const merged = makePerson({ consent: granted, mergedInto: 'b'.repeat(24) });
    expect(mayContact(archived, 'email', 'service', NOW)).toMatchObject({ allowed: false, reason: 'archived' });
    expect(mayContact(merged, 'email', 'marketing', NOW)).toMatchObject({ allowed: false, reason: 'merged' });
  });
});

describe('consentSummary', () => {
  it('derives every channel', () => {
    const summary = consentSummary(
      consent('contract', { email: history(['optIn', 1]), phone: history(['optOut', 1]) }),
      NOW,
    );
    expect(summary.legalBasis).toBe('contract');
    expect([summary.email.status, summary.phone.status, summary.letter.status, summary.newsletter.status]).toEqual([
      'granted',
      'denied',
      'none',
      'none',
    ]);
  });
});

describe('consentEventProblems', () => {
  it.each([
    [{ channel: 'email', type: 'softOptIn', source: 'Rechnung' }, []],
    [{ channel: 'phone', type: 'softOptIn', source: 'Rechnung' }, ['softOptInEmailOnly']],
    [{ channel: 'email', type: 'optIn', source: 'Messe', at: '2026-03-15T12:03:00.000Z' }, []],
    [{ channel: 'email', type: 'optIn', source: 'Messe', at: '2026-03-16T12:00:00.000Z' }, ['eventInFuture']],
  ] as const)('%o → %o', (input, problems) => {
    expect(consentEventProblems(input, NOW)).toEqual(problems);
  });
});

// A confirmation as legacy data holds it: no proof reference.
const bare = (type: ConsentEventType, d: number) => makeEvent(type, day(d), { proof: undefined });

describe('double-opt-in confirmations need an open request or a proof', () => {
  it.each<[string, ConsentEvent[], string]>([
    ['confirmation alone, no proof', [bare('doubleOptInConfirmed', 2)], 'none'],
    ['confirmation alone, with proof', [makeEvent('doubleOptInConfirmed', day(2))], 'granted'],
    ['confirmation of an open request', [bare('doubleOptInRequested', 1), bare('doubleOptInConfirmed', 2)], 'granted'],
    [
      'second confirmation of one request',
      [
        bare('doubleOptInRequested', 1),
        bare('doubleOptInConfirmed', 2),
        bare('optOut', 3),
        bare('doubleOptInConfirmed', 4),
      ],
      'denied',
    ],
    [
      'confirmation after the request was answered by an opt-out',
      [bare('doubleOptInRequested', 1), bare('optOut', 2), bare('doubleOptInConfirmed', 3)],
      'denied',
    ],
    ['confirmation before its request', [bare('doubleOptInConfirmed', 1), bare('doubleOptInRequested', 2)], 'pending'],
  ])('%s → %s', (_case, events, status) => {
    expect(consentState(events, NOW, 'email').status).toBe(status);
  });

  it('does not count a confirmation of a request whose link had expired', () => {
    const requested = new Date(NOW.getTime() - (DOUBLE_OPT_IN_EXPIRY_DAYS + 2) * 86_400_000).toISOString();
    const confirmed = new Date(NOW.getTime() - 86_400_000).toISOString();
    const events = [
      makeEvent('doubleOptInRequested', requested),
      makeEvent('doubleOptInConfirmed', confirmed, { proof: '' }),
    ];
    expect(consentState(events, NOW).status).toBe('none');
    expect(unprovenConfirmations(events, NOW)).toEqual(new Set([events[1]?.id]));
  });

  it('says why marketing is not allowed on an unproven confirmation, and still allows on another basis', () => {
    const legacy = consent('contract', { email: [bare('doubleOptInConfirmed', 2)] });
    const subject = makePerson({ consent: legacy });
    expect(mayContact(subject, 'email', 'marketing', NOW)).toMatchObject({
      allowed: false,
      reason: 'unprovenConfirmation',
    });
    expect(mayContact(subject, 'email', 'service', NOW)).toMatchObject({ allowed: true, reason: 'contract' });
    expect(unprovenConsent(legacy.channels.email, NOW, 'email')?.type).toBe('doubleOptInConfirmed');
    // A later opt-in is a proven grant; the old confirmation no longer matters.
    const regranted = consent(undefined, { email: [bare('doubleOptInConfirmed', 2), makeEvent('optIn', day(3))] });
    expect(mayContact(makePerson({ consent: regranted }), 'email', 'marketing', NOW).allowed).toBe(true);
    expect(unprovenConsent(regranted.channels.email, NOW, 'email')).toBeUndefined();
  });

  it('finds the open request at a given time', () => {
    const events = [bare('doubleOptInRequested', 1), bare('doubleOptInConfirmed', 5), bare('doubleOptInRequested', 8)];
    expect(openDoubleOptInRequest(events, new Date(day(3)))?.at).toBe(day(1));
    expect(openDoubleOptInRequest(events, new Date(day(6)))).toBeUndefined();
    expect(openDoubleOptInRequest(events, new Date(day(9)))?.at).toBe(day(8));
    expect(openDoubleOptInRequest([], NOW)).toBeUndefined();
  });

  it('refuses to record a confirmation with neither an open request nor a proof', () => {
    const input = { channel: 'email', type: 'doubleOptInConfirmed', source: 'Webformular' } as const;
    expect(consentEventProblems(input, NOW, [])).toEqual(['doubleOptInUnproven']);
    expect(consentEventProblems({ ...input, proof: '   ' }, NOW, [])).toEqual(['doubleOptInUnproven']);
    expect(consentEventProblems({ ...input, proof: 'Klick-Log 2026-03-15 09:12, IP 192.0.2.7' }, NOW, [])).toEqual([]);
    expect(consentEventProblems(input, NOW, [bare('doubleOptInRequested', 10)])).toEqual([]);
    // Without the history (the API's first check), only the rules of the input itself.
    expect(consentEventProblems(input, NOW)).toEqual([]);
    // The request must be open at the time the confirmation is dated, not only now.
    expect(consentEventProblems({ ...input, at: day(5) }, NOW, [bare('doubleOptInRequested', 10)])).toEqual([
      'doubleOptInUnproven',
    ]);
  });

  it('property: no history yields "allowed" without a proven confirmation or another basis', () => {
    const step = fc.record({
      type: fc.constantFrom<ConsentEventType>(
        'doubleOptInRequested',
        'doubleOptInConfirmed',
        'optOut',
        'optIn',
        'softOptIn',
      ),
      d: fc.integer({ min: 1, max: 14 }),
      // Far enough apart that a request may have expired (days before March 2026).
      back: fc.constantFrom(0, 0, 40),
      proof: fc.boolean(),
    });
    const channel = fc.constantFrom<ConsentChannel>('email', 'phone', 'letter', 'newsletter');
    const basis = fc.constantFrom<LegalBasis | undefined>(undefined, 'consent');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 10 }), channel, basis, (steps, ch, legalBasis) => {
        const events = steps.map(({ type, d, back, proof }) =>
          makeEvent(
            type,
            new Date(Date.parse(day(d)) - back * 86_400_000).toISOString(),
            proof ? {} : { proof: undefined },
          ),
        );
        const time = (e: ConsentEvent) => Date.parse(e.at);
        // Independent of the rules' walk: a basis exists only if some event could grant.
        const couldGrant = events.some(
          (e) =>
            e.type === 'optIn' ||
            (e.type === 'softOptIn' && ch === 'email') ||
            (e.type === 'doubleOptInConfirmed' &&
              (e.proof !== undefined ||
                events.some(
                  (r) =>
                    r.type === 'doubleOptInRequested' &&
                    time(r) <= time(e) &&
                    time(e) - time(r) <= DOUBLE_OPT_IN_EXPIRY_DAYS * 86_400_000,
                ))),
        );
        const subject = makePerson({ consent: consent(legalBasis, { [ch]: events }) });
        for (const purpose of ['marketing', 'service'] as const) {
          if (!couldGrant) expect(mayContact(subject, ch, purpose, NOW).allowed).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('marketingEmailDecision', () => {
  it.each<[string, Consent, boolean, string]>([
    ['opt-in', consent(undefined, { email: history(['optIn', 1]) }), true, 'consentGranted'],
    ['soft opt-in', consent('contract', { email: history(['softOptIn', 1]) }), true, 'softOptIn'],
    [
      'opt-out after soft opt-in',
      consent('contract', { email: history(['softOptIn', 1], ['optOut', 2]) }),
      false,
      'optedOut',
    ],
    ['newsletter consent only', consent(undefined, { newsletter: history(['optIn', 1]) }), false, 'noConsent'],
    ['phone consent only', consent('contract', { phone: history(['optIn', 1]) }), false, 'noConsent'],
  ])('%s → allowed %s (%s), the same as the e-mail marketing answer of mayContact', (_case, c, allowed, reason) => {
    const person = makePerson({ consent: c });
    expect(marketingEmailDecision(person, NOW)).toEqual({ allowed, reason, channel: 'email', purpose: 'marketing' });
    expect(marketingEmailDecision(person, NOW)).toEqual(mayContact(person, 'email', 'marketing', NOW));
  });

  it('never allows an archived contact', () => {
    const archived = { at: day(2), reason: 'Kein Bedarf mehr', by: { id: 'u1', name: 'Admin' } };
    const person = makePerson({ consent: consent(undefined, { email: history(['optIn', 1]) }), archived });
    expect(marketingEmailDecision(person, NOW).allowed).toBe(false);
  });
});
