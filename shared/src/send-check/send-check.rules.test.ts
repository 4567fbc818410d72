import { describe, expect, it } from 'vitest';
import { CONSENT_FRESH_MS } from './send-check.keys';
import {
  blockedRecipients,
  checkableAddresses,
  DEFAULT_SEND_CHECK_SETTINGS,
  staleRecipients,
  stricterFallback,
} from './send-check.rules';
import type { ConsentCache } from './send-check.schema';

const now = new Date('2026-11-30T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const cache: ConsentCache = {
  checkedAt: ago(0),
  settings: DEFAULT_SEND_CHECK_SETTINGS,
  recipients: {
    'olga@optin.de': { allowed: true, reason: 'consentGranted', fetchedAt: ago(30_000) },
    'otto@optout.de': { allowed: false, reason: 'optedOut', name: 'Otto Abgemeldet', fetchedAt: ago(120_000) },
    'verteiler kunden': { allowed: false, reason: 'unresolvedAddress', fetchedAt: ago(10_000) },
  },
};

describe('checkableAddresses', () => {
  it('asks about every non-empty address up to 320 characters, once, whether or not it looks like one', () => {
    expect(
      checkableAddresses([
        { emailAddress: ' Olga@Optin.de' },
        { emailAddress: 'olga@optin.de' },
        { emailAddress: 'Verteiler Kunden' },
        { emailAddress: '', displayName: 'Kunden-Verteiler' },
        { emailAddress: '   ' },
        { emailAddress: `${'a'.repeat(320)}@lang.de` },
        { emailAddress: 'tab\there@x.de' },
        { emailAddress: 'un\u200bsichtbar@x.de' },
      ]),
    ).toEqual(['olga@optin.de', 'verteiler kunden']);
  });
});

describe('blockedRecipients', () => {
  it('names a recipient without an address by its display name (once), and keeps the cached reasons', () => {
    expect(
      blockedRecipients(cache, [
        { emailAddress: 'olga@optin.de', displayName: 'Olga Optin' },
        { emailAddress: '', displayName: 'Kunden-Verteiler' },
        { emailAddress: '', displayName: 'Kunden-Verteiler' },
        { emailAddress: 'Verteiler Kunden', displayName: 'Verteiler Kunden' },
        { emailAddress: 'otto@optout.de', displayName: 'otto@optout.de' },
        { emailAddress: 'neu@unbekannt.de' },
      ]),
    ).toEqual([
      { address: '', name: 'Kunden-Verteiler', reason: 'unresolvedAddress' },
      { address: 'Verteiler Kunden', name: '', reason: 'unresolvedAddress' },
      { address: 'otto@optout.de', name: 'Otto Abgemeldet', reason: 'optedOut' },
      { address: 'neu@unbekannt.de', name: '', reason: 'noConsent' },
    ]);
  });
});

describe('staleRecipients', () => {
  it('lists what is missing or older than the limit (ten minutes unless given)', () => {
    const keys = ['olga@optin.de', 'otto@optout.de', 'neu@unbekannt.de'];
    expect(staleRecipients(cache, keys, now)).toEqual(['neu@unbekannt.de']);
    expect(staleRecipients(cache, keys, now, CONSENT_FRESH_MS)).toEqual(['otto@optout.de', 'neu@unbekannt.de']);
    const future = { ...cache, recipients: { 'a@b.de': { allowed: true, reason: 'x', fetchedAt: ago(-60_000) } } };
    expect(staleRecipients(future, ['a@b.de'], now)).toEqual(['a@b.de']);
  });
});

describe('stricterFallback', () => {
  it.each([
    ['allow', 'prompt', 'prompt'],
    ['block', 'prompt', 'block'],
    ['prompt', 'prompt', 'prompt'],
    ['allow', 'allow', 'allow'],
  ] as const)('%s and %s → %s', (a, b, expected) => {
    expect(stricterFallback(a, b)).toBe(expected);
    expect(stricterFallback(b, a)).toBe(expected);
  });
});
