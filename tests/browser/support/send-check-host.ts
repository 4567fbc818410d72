import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ApiClient } from '../../../shared/src/http/api-client';
import type { SendCheckSettingsUpdate } from '../../../shared/src/send-check/send-check.schema';
import { DEFAULT_SEND_CHECK_SETTINGS } from '../../../shared/src/send-check/send-check.rules';

// The Outlook event runtime for the send-check tests and benchmark: the real events.html and
// events.js from the API, with a stub Office.js (served in place of Microsoft's CDN) whose compose
// item each call describes, and a stub `event` that records every `completed` call. A small proxy
// in front of the API can delay its answers or refuse connections (API slow, API down); the page
// is loaded through it, so the handler's origin is the proxy's.

export interface StubRecipient {
  emailAddress: string;
  displayName?: string;
}

/** The compose item as the stub presents it. */
export interface StubMail {
  to: StubRecipient[];
  cc?: StubRecipient[];
  bcc?: StubRecipient[];
  subject?: string;
  /** item.sessionData (the compose pane writes kk.purpose, kk.logOnSend, kk.composeKey). */
  session?: Record<string, string>;
  /** Outlook categories on the item. */
  categories?: string[];
  /** Office.context.displayLanguage; 'de-DE' when left out. */
  displayLanguage?: string;
  /** The highest Mailbox requirement set the client supports; '1.15' when left out. */
  mailbox?: string;
}

/** What one handler call did: every `completed` argument (null for none), and the item after it. */
export interface HandlerRun {
  completions: Array<Record<string, unknown> | null>;
  session: Record<string, string>;
  headers: Record<string, string>;
  /** From the call to the first completion (ms). */
  ms: number;
}

// The stub host: just what the handlers use. sessionData.getAsync of an unset key fails, as
// Outlook's does.
const STUB_OFFICE_JS = `
(() => {
  const ok = (value) => ({ status: 'succeeded', value });
  const fail = (message) => ({ status: 'failed', error: { message } });
  const later = (cb, result) => setTimeout(() => cb(result), 0);
  const list = (key) => ({ getAsync: (cb) => later(cb, ok((window.__kkMail[key] || []).map((r) => ({ ...r })))) });
  const item = {
    to: list('to'), cc: list('cc'), bcc: list('bcc'),
    subject: { getAsync: (cb) => later(cb, ok(window.__kkMail.subject || '')) },
    sessionData: {
      getAsync: (key, cb) => {
        const s = window.__kkMail.session;
        later(cb, Object.prototype.hasOwnProperty.call(s, key) ? ok(s[key]) : fail('not found'));
      },
      setAsync: (key, value, cb) => { window.__kkMail.session[key] = value; if (cb) later(cb, ok()); },
    },
    categories: {
      getAsync: (cb) => later(cb, ok((window.__kkMail.categories || []).map((displayName) => ({ displayName, color: 'Preset0' })))),
    },
    internetHeaders: {
      setAsync: (headers, cb) => { Object.assign(window.__kkMail.headers, headers); if (cb) later(cb, ok()); },
    },
  };
  const version = (v) => v.split('.').map(Number);
  window.__kkActions = {};
  window.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' } },
    actions: { associate: (id, fn) => { window.__kkActions[id] = fn; } },
    context: {
      get displayLanguage() { return window.__kkMail.displayLanguage; },
      requirements: {
        isSetSupported: (name, v) => {
          if (name !== 'Mailbox') return false;
          const [a, b] = version(window.__kkMail.mailbox); const [c, d] = version(v || '1.1');
          return a > c || (a === c && b >= d);
        },
      },
      mailbox: { item },
    },
  };
})();
`;

// Runs in the page: calls the associated action with a stub event that records each completion,
// then waits `settleMs` more, so a second completion would be seen too.
const INVOKE_IN_PAGE = `({ action, mail, settleMs }) => new Promise((resolve) => {
  window.__kkMail = { cc: [], bcc: [], subject: '', categories: [], displayLanguage: 'de-DE', mailbox: '1.15',
    ...mail, session: { ...(mail.session || {}) }, headers: {} };
  const completions = [];
  const started = performance.now();
  let ms = -1;
  const finish = () => resolve({ completions, session: window.__kkMail.session, headers: window.__kkMail.headers, ms });
  // A handler that never completes shows as no completion at all.
  const stop = setTimeout(finish, 15000);
  window.__kkActions[action]({
    completed(options) {
      completions.push(options === undefined ? null : JSON.parse(JSON.stringify(options)));
      if (completions.length === 1) {
        ms = performance.now() - started;
        clearTimeout(stop);
        setTimeout(finish, settleMs);
      }
    },
  });
})`;

export interface EventRuntime {
  readonly page: Page;
  /** Calls the associated action with a stub event and the given item; waits `settleMs` after completion. */
  invoke(action: 'onMessageSendHandler' | 'onMessageRecipientsChangedHandler', mail: StubMail): Promise<HandlerRun>;
  /** Runs recipients-changed, then send, on the same item (the usual order in Outlook). */
  close(): Promise<void>;
}

export async function openEventRuntime(
  browser: Browser,
  origin: string,
  options: { settleMs?: number } = {},
): Promise<EventRuntime> {
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB_OFFICE_JS }),
  );
  await page.goto(`${origin}/addin/events.html`);
  await page.waitForFunction(() => {
    const actions = (window as unknown as { __kkActions?: Record<string, unknown> }).__kkActions ?? {};
    return 'onMessageSendHandler' in actions && 'onMessageRecipientsChangedHandler' in actions;
  });
  const settleMs = options.settleMs ?? 300;
  return {
    page,
    async invoke(action, mail) {
      // A string, not a function: tsx (the benchmark) would add helpers the page does not have.
      const args = JSON.stringify({ action, mail, settleMs });
      return page.evaluate(`(${INVOKE_IN_PAGE})(${args})`) as Promise<HandlerRun>;
    },
    async close() {
      await context.close();
    },
  };
}

export interface ApiProxy {
  readonly origin: string;
  /** Delays every answer of the API (/api/…) by this long (ms); 0 passes through. */
  delayMs: number;
  /** Refuses every connection to the API, its sign-in and its config (API unreachable). */
  down: boolean;
  /** Refuses only requests whose path matches (one endpoint failing); undefined refuses none. */
  refuse: RegExp | undefined;
  /** Requests to /api/… seen so far. */
  apiRequests: number;
  close(): Promise<void>;
}

const API_PATHS = /^\/(api|local-issuer|app-config\.json)/;

/** A proxy on a free loopback port in front of `target` (the real API). */
export async function startApiProxy(target: string): Promise<ApiProxy> {
  const upstream = new URL(target);
  const state = { delayMs: 0, down: false, apiRequests: 0, refuse: undefined as RegExp | undefined };
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if ((API_PATHS.test(url) && state.down) || state.refuse?.test(url)) {
      req.socket.destroy();
      return;
    }
    if (url.startsWith('/api/')) state.apiRequests++;
    const forward = () => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      req.pipe(out);
    };
    if (url.startsWith('/api/') && state.delayMs > 0) setTimeout(forward, state.delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    get refuse() {
      return state.refuse;
    },
    set refuse(pattern: RegExp | undefined) {
      state.refuse = pattern;
    },
    get apiRequests() {
      return state.apiRequests;
    },
    set apiRequests(n: number) {
      state.apiRequests = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * An item's consent cache (`kk.consent` JSON) as if every answer and the settings had been fetched
 * `ms` earlier, with `settingsChange` applied to its settings: the stale-cache cases.
 */
export function agedConsentCache(
  json: string | undefined,
  ms: number,
  settingsChange: Record<string, unknown> = {},
): string {
  const cache = JSON.parse(json ?? '{}') as {
    checkedAt: string;
    settings: Record<string, unknown>;
    recipients: Record<string, { fetchedAt: string }>;
  };
  const back = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
  cache.checkedAt = back(cache.checkedAt);
  for (const entry of Object.values(cache.recipients)) entry.fetchedAt = back(entry.fetchedAt);
  cache.settings = { ...cache.settings, ...settingsChange };
  return JSON.stringify(cache);
}

/** Saves the tenant's send-check settings: the defaults with `change` applied, on the stored version. */
export async function saveSendCheckSettings(
  api: ApiClient,
  change: Partial<SendCheckSettingsUpdate> = {},
): Promise<void> {
  const current = await api.sendCheckSettings();
  const { version: _version, ...defaults } = DEFAULT_SEND_CHECK_SETTINGS;
  await api.updateSendCheckSettings(current.version, { ...defaults, ...change });
}
