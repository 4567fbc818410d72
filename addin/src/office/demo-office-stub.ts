import type { StubMail } from './demo-events-protocol';

// A stub Office.js for the demo's event runtime: just what the event handlers use (compose item
// with To/Cc/Bcc, subject, session data, categories and internet headers; the display language;
// Mailbox requirement sets; Office.actions.associate). Callbacks answer asynchronously, as
// Outlook's do; sessionData.getAsync of an unset key fails, as Outlook's does.

type Callback<T> = (result: { status: string; value?: T; error?: { message: string } }) => void;

/** The item the stub reads, and what the handlers wrote to it (session data, internet headers). */
export interface StubItemStore {
  /** The item as the compose window shows it now. */
  mail(): StubMail;
  /** Keys the handlers set with sessionData.setAsync (on top of `mail().session`). */
  readonly written: Record<string, string>;
  readonly headers: Record<string, string>;
}

/** Mailbox "1.15" ≥ "1.8"? */
function atLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = have.split('.').map(Number);
  const [c = 0, d = 0] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/**
 * Defines `win.Office` backed by `store`; returns the actions events.js associates (by id).
 * Call before events.js loads: it associates its handlers at load.
 */
export function installStubOffice(win: Window, store: StubItemStore): Map<string, (event: unknown) => void> {
  const actions = new Map<string, (event: unknown) => void>();
  const later = <T>(cb: Callback<T> | undefined, value?: T) =>
    setTimeout(() => cb?.({ status: 'succeeded', value }), 0);
  const fail = <T>(cb: Callback<T>, message: string) =>
    setTimeout(() => cb({ status: 'failed', error: { message } }), 0);
  const session = () => ({ ...(store.mail().session ?? {}), ...store.written });
  const list = (field: 'to' | 'cc' | 'bcc') => ({
    getAsync: (cb: Callback<StubMail['to']>) =>
      later(
        cb,
        (store.mail()[field] ?? []).map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName ?? '' })),
      ),
  });
  const item = {
    to: list('to'),
    cc: list('cc'),
    bcc: list('bcc'),
    subject: { getAsync: (cb: Callback<string>) => later(cb, store.mail().subject ?? '') },
    sessionData: {
      getAsync: (key: string, cb: Callback<string>) => {
        const values = session();
        if (Object.hasOwn(values, key)) later(cb, values[key]);
        else fail(cb, 'not found');
      },
      setAsync: (key: string, value: string, cb?: Callback<void>) => {
        store.written[key] = value;
        later(cb);
      },
    },
    categories: {
      getAsync: (cb: Callback<Array<{ displayName: string; color: string }>>) =>
        later(
          cb,
          (store.mail().categories ?? []).map((displayName) => ({ displayName, color: 'Preset0' })),
        ),
    },
    internetHeaders: {
      setAsync: (headers: Record<string, string>, cb?: Callback<void>) => {
        Object.assign(store.headers, headers);
        later(cb);
      },
    },
  };
  (win as unknown as { Office: unknown }).Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' } },
    actions: { associate: (id: string, handler: (event: unknown) => void) => actions.set(id, handler) },
    context: {
      get displayLanguage() {
        return store.mail().displayLanguage ?? 'de-DE';
      },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'Mailbox' && atLeast(store.mail().mailbox ?? '1.15', version ?? '1.1'),
      },
      mailbox: { item },
    },
  };
  return actions;
}
