import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/src/http/api-client';
import { DEFAULT_SEND_CHECK_SETTINGS } from '../../shared/src/send-check/send-check.rules';
import type { SendCheckSettingsUpdate } from '../../shared/src/send-check/send-check.schema';
import { launchChromium } from './support/browser';
import { type BrowserApp, startBrowserApp } from './support/browser-app';
import { create, demoUserClient } from './support/seed';
import {
  type ApiProxy,
  type EventRuntime,
  openEventRuntime,
  type StubMail,
  type StubRecipient,
  startApiProxy,
  agedConsentCache,
  saveSendCheckSettings,
} from './support/send-check-host';

// The Smart Alerts handler against what a tester threw at it: recipients whose address cannot be
// checked (an Exchange X.500 address, an unresolved name, an unexpanded group without address),
// settings and answers cached long ago, and an admin's fallback when only the consent request
// fails. The real built events.js in Chromium, the real API behind a proxy, a stub Office host.

let browser: Browser;
let server: BrowserApp;
let proxy: ApiProxy;
let api: ApiClient;
let runtime: EventRuntime | undefined;

const OLGA = { emailAddress: 'olga@optin.de', displayName: 'Olga Optin' };
const NINA = { emailAddress: 'nina@ohne.de', displayName: 'Nina Niemand' };
const X500 = {
  emailAddress: '/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=abc123-kollege',
  displayName: 'Karl Kollege',
};
const UNRESOLVED = { emailAddress: 'Verteiler Kunden', displayName: 'Verteiler Kunden' };
const GROUP = { emailAddress: '', displayName: 'Kunden-Verteiler' };

const person = (firstName: string, lastName: string, address: string) => ({
  kind: 'person' as const,
  salutation: 'none' as const,
  firstName,
  lastName,
  emails: [{ address, primary: true }],
});

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startBrowserApp()]);
  proxy = await startApiProxy(server.baseUrl);
  api = await demoUserClient(server.baseUrl);
  await create(api, person('Olga', 'Optin', OLGA.emailAddress), [
    { channel: 'email', type: 'optIn', source: 'Messe-Formular' },
  ]);
  await create(api, person('Nina', 'Niemand', NINA.emailAddress));
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
  proxy.refuse = undefined;
  await saveSendCheckSettings(api);
});

const marketing = (to: StubRecipient[], extra: Partial<StubMail> = {}): StubMail => ({
  to,
  subject: 'Frühjahrsaktion',
  session: { 'kk.purpose': 'marketing' },
  ...extra,
});

async function open() {
  runtime = await openEventRuntime(browser, proxy.origin);
  return runtime;
}

/** A cache of `ms` ago that knows no recipient, with these settings. */
const oldSettings = (ms: number, settings: Partial<SendCheckSettingsUpdate>) =>
  JSON.stringify({
    checkedAt: new Date(Date.now() - ms).toISOString(),
    settings: { ...DEFAULT_SEND_CHECK_SETTINGS, ...settings, version: 1 },
    recipients: {},
  });

const HOUR = 3_600_000;

describe('a recipient whose address cannot be checked', () => {
  it('is answered on its own: the prefetch caches the others, and the mail is held naming it by its name', async () => {
    const rt = await open();
    const mail = marketing([OLGA, X500, UNRESOLVED]);
    const changed = await rt.invoke('onMessageRecipientsChangedHandler', mail);
    const cached = JSON.parse(changed.session['kk.consent'] ?? '{}');
    expect(cached.recipients['olga@optin.de']).toMatchObject({ allowed: true });
    expect(cached.recipients['verteiler kunden']).toMatchObject({ allowed: false, reason: 'unresolvedAddress' });

    const before = proxy.apiRequests;
    const run = await rt.invoke('onMessageSendHandler', { ...mail, session: changed.session });
    expect(proxy.apiRequests).toBe(before);
    expect(run.completions).toHaveLength(1);
    const [done] = run.completions;
    expect(done).toMatchObject({ allowEvent: false, cancelLabel: 'Empfänger prüfen' });
    expect(done).not.toHaveProperty('sendModeOverride');
    const message = String(done?.errorMessage);
    expect(message).toContain('Karl Kollege (Adresse nicht prüfbar)');
    expect(message).toContain('Verteiler Kunden (Adresse nicht prüfbar)');
    expect(message).not.toContain('/o=ExchangeLabs');
    expect(message).not.toContain('Olga');
    expect(message).not.toContain('keine Verbindung');
  });

  it('holds the mail on a cold cache too, in English, never claiming there was no connection', async () => {
    const rt = await open();
    const run = await rt.invoke('onMessageSendHandler', marketing([X500, OLGA], { displayLanguage: 'en-US' }));
    expect(run.completions).toEqual([
      expect.objectContaining({
        allowEvent: false,
        errorMessage: expect.stringContaining('Karl Kollege (address cannot be checked)'),
      }),
    ]);
    expect(String(run.completions[0]?.errorMessage)).not.toMatch(/no connection/);
  });

  it('without any address (an unexpanded group) is named by its display name, alone or with others', async () => {
    const rt = await open();
    const [withOthers] = (await rt.invoke('onMessageSendHandler', marketing([OLGA], { cc: [GROUP] }))).completions;
    expect(withOthers).toMatchObject({
      allowEvent: false,
      errorMessage: expect.stringMatching(
        /^Keine Einwilligung in Marketing-E-Mails: Kunden-Verteiler \(Adresse nicht prüfbar\)\./,
      ),
    });
    const [alone] = (await rt.invoke('onMessageSendHandler', marketing([GROUP]))).completions;
    expect(alone).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('Kunden-Verteiler') });
    const [personal] = (
      await rt.invoke('onMessageSendHandler', { to: [GROUP, X500], session: { 'kk.purpose': 'personal' } })
    ).completions;
    expect(personal).toEqual({ allowEvent: true });
  });
});

describe('settings cached long ago', () => {
  // An hour ago, and two minutes ago: the admin may have switched the check on again since.
  it.each([
    ['an hour', HOUR],
    ['two minutes', 2 * 60_000],
  ])('do not let a marketing mail through because they said the check was off %s ago', async (_label, age) => {
    const rt = await open();
    const session = { 'kk.purpose': 'marketing', 'kk.consent': oldSettings(age, { enabled: false }) };
    const [held] = (await rt.invoke('onMessageSendHandler', marketing([NINA], { session }))).completions;
    expect(held).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('Nina Niemand') });
    // Without the API the old "off" counts for nothing: the default fallback asks the user.
    proxy.down = true;
    const [offline] = (await rt.invoke('onMessageSendHandler', marketing([NINA], { session }))).completions;
    expect(offline).toMatchObject({ allowEvent: false, sendModeOverride: 'promptUser' });
  });

  it('said "off" less than a minute ago: the mail goes without asking again', async () => {
    const rt = await open();
    const session = { 'kk.purpose': 'marketing', 'kk.consent': oldSettings(20_000, { enabled: false }) };
    const [sent] = (await rt.invoke('onMessageSendHandler', marketing([NINA], { session }))).completions;
    expect(sent).toEqual({ allowEvent: true });
  });

  it.each([
    ['an hour', HOUR],
    ['two minutes', 2 * 60_000],
  ])('do not decide with the marketing categories of %s ago', async (_label, age) => {
    await saveSendCheckSettings(api, { marketingCategories: ['Aktion'] });
    const rt = await open();
    const mail: StubMail = {
      to: [NINA],
      categories: ['Aktion'],
      session: { 'kk.consent': oldSettings(age, { marketingCategories: [] }) },
    };
    const [held] = (await rt.invoke('onMessageSendHandler', mail)).completions;
    expect(held).toMatchObject({ allowEvent: false, errorMessage: expect.stringContaining('Nina Niemand') });
  });

  it('may make the fallback stricter, never laxer, when the API is down', async () => {
    const rt = await open();
    proxy.down = true;
    const send = async (whenUnavailable: SendCheckSettingsUpdate['whenUnavailable']) => {
      const session = { 'kk.purpose': 'marketing', 'kk.consent': oldSettings(HOUR, { whenUnavailable }) };
      return (await rt.invoke('onMessageSendHandler', marketing([OLGA], { session }))).completions;
    };
    expect(await send('allow')).toEqual([
      expect.objectContaining({ allowEvent: false, sendModeOverride: 'promptUser' }),
    ]);
    expect(await send('block')).toEqual([
      { allowEvent: false, errorMessage: expect.stringMatching(/erst nach der Prüfung gesendet/) },
    ]);
  });
});

describe("the admin's fallback with nothing cached", () => {
  it.each([
    ['block', { allowEvent: false, errorMessage: expect.stringMatching(/keine Verbindung.*erst nach der Prüfung/) }],
    ['allow', { allowEvent: true }],
  ] as const)('is "%s" when only the consent request fails', async (whenUnavailable, expected) => {
    await saveSendCheckSettings(api, { whenUnavailable });
    const rt = await open();
    proxy.refuse = /^\/api\/v1\/send-check\/consent/;
    const run = await rt.invoke('onMessageSendHandler', marketing([OLGA]));
    expect(run.completions).toEqual([expected]);
  });
});

describe('cached answers', () => {
  it('that allowed a recipient over a minute ago are checked again: an opt-out recorded meanwhile holds the mail', async () => {
    const address = 'umdenker@optout-spaeter.de';
    const contact = await create(api, person('Ulla', 'Umdenker', address), [
      { channel: 'email', type: 'optIn', source: 'Messe' },
    ]);
    const rt = await open();
    const mail = marketing([OLGA, { emailAddress: address, displayName: 'Ulla Umdenker' }]);
    const changed = await rt.invoke('onMessageRecipientsChangedHandler', mail);
    await api.addConsentEvent(contact.id, { channel: 'email', type: 'optOut', source: 'Anruf: keine Werbung mehr' });

    // Under a minute old: answered from the cache, without a request.
    const before = proxy.apiRequests;
    const warm = await rt.invoke('onMessageSendHandler', { ...mail, session: changed.session });
    expect(warm.completions).toEqual([{ allowEvent: true }]);
    expect(proxy.apiRequests).toBe(before);

    const session = { ...changed.session, 'kk.consent': agedConsentCache(changed.session['kk.consent'], 2 * 60_000) };
    const [held] = (await rt.invoke('onMessageSendHandler', { ...mail, session })).completions;
    expect(held).toMatchObject({
      allowEvent: false,
      errorMessage: expect.stringContaining('Ulla Umdenker <umdenker@optout-spaeter.de> (Widerspruch)'),
    });
  });

  it('count for up to ten minutes when the revalidation fails, not longer', async () => {
    const rt = await open();
    const mail = marketing([OLGA]);
    const changed = await rt.invoke('onMessageRecipientsChangedHandler', mail);
    proxy.down = true;
    const recent = { ...changed.session, 'kk.consent': agedConsentCache(changed.session['kk.consent'], 5 * 60_000) };
    expect((await rt.invoke('onMessageSendHandler', { ...mail, session: recent })).completions).toEqual([
      { allowEvent: true },
    ]);
    const old = { ...changed.session, 'kk.consent': agedConsentCache(changed.session['kk.consent'], 11 * 60_000) };
    expect((await rt.invoke('onMessageSendHandler', { ...mail, session: old })).completions).toEqual([
      expect.objectContaining({ allowEvent: false, sendModeOverride: 'promptUser' }),
    ]);
  });
});
