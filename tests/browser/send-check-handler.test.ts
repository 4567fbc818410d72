import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { DEFAULT_SEND_CHECK_SETTINGS } from '../../shared/src/send-check/send-check.rules';
import { launchChromium } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';
import {
  type ApiProxy,
  type EventRuntime,
  openEventRuntime,
  type StubMail,
  saveSendCheckSettings,
  startApiProxy,
} from './support/send-check-host';

// The Smart Alerts handler invoked directly: the real built events.js in Chromium, served by the
// real API (through a proxy that can be slow or down), a stub Office host and a stub event. For
// each case: exactly one completion, with the expected allowEvent and message.

let browser: Browser;
let server: BrowserApp;
let proxy: ApiProxy;
let api: ApiClient;
let runtime: EventRuntime | undefined;

const R = {
  optIn: { emailAddress: 'olga@optin.de', displayName: 'Olga Optin' },
  doubleOptIn: { emailAddress: 'doris@doi.de', displayName: 'Doris Doppelt' },
  softOptIn: { emailAddress: 'sven@kunde.de', displayName: 'Sven Bestandskunde' },
  none: { emailAddress: 'nina@ohne.de', displayName: 'Nina Niemand' },
  optOut: { emailAddress: 'otto@optout.de', displayName: 'Otto Abgemeldet' },
  unknown: { emailAddress: 'fremd@unbekannt.de', displayName: 'fremd@unbekannt.de' },
};
const ALLOWED = [R.optIn, R.doubleOptIn, R.softOptIn];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  proxy = await startApiProxy(server.baseUrl);
  api = await demoUserClient(server.baseUrl);
  const person = (firstName: string, lastName: string, address: string, extra = {}) => ({
    kind: 'person' as const,
    salutation: 'none' as const,
    firstName,
    lastName,
    emails: [{ address, primary: true }],
    ...extra,
  });
  await create(api, person('Olga', 'Optin', R.optIn.emailAddress), [
    { channel: 'email', type: 'optIn', source: 'Messe-Formular' },
  ]);
  await create(api, person('Doris', 'Doppelt', R.doubleOptIn.emailAddress), [
    { channel: 'email', type: 'doubleOptInRequested', source: 'Newsletter-Formular' },
    {
      channel: 'email',
      type: 'doubleOptInConfirmed',
      source: 'Bestätigungslink',
      proof: 'Klick-Protokoll, Mail-ID 4711',
    },
  ]);
  await create(
    api,
    person('Sven', 'Bestandskunde', R.softOptIn.emailAddress, {
      relationships: ['customer'],
      customerSince: '2022-05-01',
    }),
    [{ channel: 'email', type: 'softOptIn', source: 'Kauf Auftrag 2024-118, ähnliche Produkte' }],
  );
  await create(api, person('Nina', 'Niemand', R.none.emailAddress));
  await create(api, person('Otto', 'Abgemeldet', R.optOut.emailAddress), [
    { channel: 'email', type: 'optIn', source: 'Messe' },
    { channel: 'email', type: 'optOut', source: 'Antwort: bitte keine Werbung' },
  ]);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  proxy.down = false;
  proxy.delayMs = 0;
  await saveSendCheckSettings(api);
});

const marketing = (to: StubMail['to'], extra: Partial<StubMail> = {}): StubMail => ({
  to,
  subject: 'Frühjahrsaktion',
  session: { 'kk.purpose': 'marketing' },
  ...extra,
});

async function open() {
  runtime = await openEventRuntime(browser, proxy.origin);
  return runtime;
}

/** Recipients changed (the prefetch), then send, on the same item. */
async function prefetchThenSend(rt: EventRuntime, mail: StubMail) {
  const changed = await rt.invoke('onMessageRecipientsChangedHandler', mail);
  expect(changed.completions).toEqual([null]);
  return rt.invoke('onMessageSendHandler', { ...mail, session: changed.session });
}

describe('a marketing mail', () => {
  it('goes to recipients with opt-in, proven double opt-in and soft opt-in', async () => {
    const rt = await open();
    const run = await prefetchThenSend(rt, marketing(ALLOWED, { cc: [], bcc: [] }));
    expect(run.completions).toEqual([{ allowEvent: true }]);
  });

  it('is held back for no consent, an opt-out and an unknown address, naming each of them', async () => {
    const rt = await open();
    const run = await prefetchThenSend(rt, marketing([R.optIn, R.none], { cc: [R.optOut], bcc: [R.unknown] }));
    expect(run.completions).toHaveLength(1);
    const [done] = run.completions;
    expect(done).toMatchObject({ allowEvent: false, cancelLabel: 'Empfänger prüfen', commandId: 'ShowComposeCard' });
    expect(done).not.toHaveProperty('sendModeOverride');
    const message = String(done?.errorMessage);
    expect(message).toMatch(/^Keine Einwilligung in Marketing-E-Mails: /);
    expect(message).toContain('Nina Niemand <nina@ohne.de>');
    expect(message).toContain('Otto Abgemeldet <otto@optout.de> (Widerspruch)');
    expect(message).toContain('fremd@unbekannt.de');
    expect(message).not.toContain('Olga');
    expect(message.length).toBeLessThanOrEqual(500);
    expect(String(done?.errorMessageMarkdown)).toContain('- Nina Niemand \\<nina@ohne.de\\>');
  });

  it('is held back when only the send handler runs (cold cache), in English for an English Outlook', async () => {
    const rt = await open();
    const run = await rt.invoke('onMessageSendHandler', marketing([R.none], { displayLanguage: 'en-US' }));
    expect(run.completions).toEqual([
      expect.objectContaining({
        allowEvent: false,
        errorMessage:
          'No consent to marketing e-mail: Nina Niemand <nina@ohne.de>. Remove these recipients, or do not send this mail as marketing (UWG §7).',
        cancelLabel: 'Review recipients',
      }),
    ]);
    // The answer is cached on the item for the next attempt.
    expect(JSON.parse(run.session['kk.consent'] ?? '{}').recipients['nina@ohne.de']).toMatchObject({ allowed: false });
  });

  it('names as many as fit into 500 characters, then "und N weitere"', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      emailAddress: `empfaenger.nummer.${i}@unbekannt-firma.de`,
      displayName: `Empfänger Nummer ${i}`,
    }));
    const rt = await open();
    const [done] = (await rt.invoke('onMessageSendHandler', marketing(many))).completions;
    const message = String(done?.errorMessage);
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message).toContain('Empfänger Nummer 0 <empfaenger.nummer.0@unbekannt-firma.de>');
    expect(message).toMatch(/und \d+ weitere\. Entfernen Sie/);
    expect(String(done?.errorMessageMarkdown).length).toBeLessThanOrEqual(500);
  });

  it('lets the user send anyway when the admin chose promptUser, and leaves out what old clients lack', async () => {
    await saveSendCheckSettings(api, { mode: 'promptUser' });
    const rt = await open();
    const [prompted] = (await rt.invoke('onMessageSendHandler', marketing([R.optOut]))).completions;
    expect(prompted).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
    const [old] = (await rt.invoke('onMessageSendHandler', marketing([R.optOut], { mailbox: '1.12' }))).completions;
    expect(old).toEqual({ allowEvent: false, errorMessage: expect.stringContaining('Otto Abgemeldet') });
  });

  it('is a marketing mail by an Outlook category the admin named (case-insensitive)', async () => {
    await saveSendCheckSettings(api, { marketingCategories: ['Newsletter'] });
    const rt = await open();
    const mail: StubMail = { to: [R.none], categories: ['Wichtig', 'newsletter'] };
    const [held] = (await rt.invoke('onMessageSendHandler', mail)).completions;
    expect(held).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('Nina Niemand') });
    const [other] = (await rt.invoke('onMessageSendHandler', { ...mail, categories: ['Wichtig'] })).completions;
    expect(other).toEqual({ allowEvent: true });
  });

  it('goes out unchecked when the admin turned the check off', async () => {
    await saveSendCheckSettings(api, { enabled: false });
    const rt = await open();
    const run = await rt.invoke('onMessageSendHandler', marketing([R.optOut]));
    expect(run.completions).toEqual([{ allowEvent: true }]);
  });
});

describe('a transactional or personal mail', () => {
  it.each(['transactional', 'personal', undefined])(
    'with purpose %s is never held back, and decided without asking the API',
    async (purpose) => {
      const rt = await open();
      const before = proxy.apiRequests;
      const session: Record<string, string> = purpose ? { 'kk.purpose': purpose } : {};
      const run = await rt.invoke('onMessageSendHandler', { to: [R.optOut, R.none, R.unknown], session });
      expect(run.completions).toEqual([{ allowEvent: true }]);
      expect(proxy.apiRequests).toBe(before);
    },
  );
});

describe('when the check cannot decide', () => {
  // Settings fetched two minutes ago (fresh enough to act on) and no answers yet.
  const cacheWith = (whenUnavailable: string) =>
    JSON.stringify({
      checkedAt: new Date(Date.now() - 120_000).toISOString(),
      settings: { ...DEFAULT_SEND_CHECK_SETTINGS, whenUnavailable, version: 1 },
      recipients: {},
    });

  it('asks the user (prompt, the default) when the API is down', async () => {
    const rt = await open();
    proxy.down = true;
    const run = await rt.invoke('onMessageSendHandler', marketing([R.optIn]));
    expect(run.completions).toEqual([
      {
        allowEvent: false,
        sendModeOverride: 'promptUser',
        errorMessage: expect.stringMatching(/nicht prüfen \(keine Verbindung\)\. Senden Sie nur, wenn/),
      },
    ]);
  });

  it.each([
    ['block', { allowEvent: false, errorMessage: expect.stringMatching(/erst nach der Prüfung gesendet/) }],
    ['allow', { allowEvent: true }],
  ])('follows the cached setting "%s" when the API is down', async (fallback, expected) => {
    const rt = await open();
    proxy.down = true;
    const run = await rt.invoke(
      'onMessageSendHandler',
      marketing([R.optIn], { session: { 'kk.purpose': 'marketing', 'kk.consent': cacheWith(fallback) } }),
    );
    expect(run.completions).toEqual([expected]);
  });

  it('completes once, with the fallback, when the API is slower than the budget', async () => {
    const rt = await open();
    await rt.invoke('onMessageRecipientsChangedHandler', { to: [] }); // loads the sign-in config
    proxy.delayMs = 8000;
    const run = await rt.invoke(
      'onMessageSendHandler',
      marketing([R.optIn], { session: { 'kk.purpose': 'marketing', 'kk.consent': cacheWith('block') } }),
    );
    expect(run.completions).toEqual([
      { allowEvent: false, errorMessage: expect.stringMatching(/keine Verbindung.*erst nach der Prüfung/) },
    ]);
  });

  it('still decides from a fresh cache when the API is down', async () => {
    const rt = await open();
    const changed = await rt.invoke('onMessageRecipientsChangedHandler', marketing([R.optIn, R.optOut]));
    proxy.down = true;
    const run = await rt.invoke('onMessageSendHandler', marketing([R.optIn, R.optOut], { session: changed.session }));
    expect(run.completions).toEqual([
      expect.objectContaining({ allowEvent: false, errorMessage: expect.stringContaining('Otto Abgemeldet') }),
    ]);
  });

  it('completes the recipients-changed event even when the API is down', async () => {
    const rt = await open();
    proxy.down = true;
    const run = await rt.invoke('onMessageRecipientsChangedHandler', marketing([R.optIn]));
    expect(run.completions).toEqual([null]);
    expect(run.session['kk.consent']).toBeUndefined();
  });
});

describe('"E-Mail protokollieren beim Senden"', () => {
  it('marks the allowed mail with its compose key and logs it once', async () => {
    const composeKey = randomUUID();
    const rt = await open();
    const run = await rt.invoke('onMessageSendHandler', {
      to: [R.optIn],
      cc: [R.none],
      subject: 'Ihr Angebot',
      session: { 'kk.purpose': 'personal', 'kk.logOnSend': '1', 'kk.composeKey': composeKey },
    });
    expect(run.completions).toEqual([{ allowEvent: true }]);
    expect(run.headers).toEqual({ 'x-klarkonform-compose-key': composeKey });
    const status = await api.mailStatus('', undefined, composeKey);
    expect(status).toMatchObject({ logged: true });
  });

  it('does not log when the box is not ticked, and never holds the mail when logging fails', async () => {
    const rt = await open();
    const quiet = await rt.invoke('onMessageSendHandler', {
      to: [R.optIn],
      session: { 'kk.purpose': 'personal', 'kk.composeKey': randomUUID() },
    });
    expect(quiet.completions).toEqual([{ allowEvent: true }]);
    expect(quiet.headers).toEqual({});
    proxy.down = true;
    const failing = await rt.invoke('onMessageSendHandler', {
      to: [R.optIn],
      session: { 'kk.purpose': 'personal', 'kk.logOnSend': '1', 'kk.composeKey': randomUUID() },
    });
    expect(failing.completions).toEqual([{ allowEvent: true }]);
  });
});
