import { describe, expect, it } from 'vitest';
import { completionText } from '../demo/SendCheckDialog';
import type { StubMail } from './demo-events-protocol';
import { installStubOffice, type StubItemStore } from './demo-office-stub';

// The demo's stub Office.js answers the way Outlook's does for what the event handlers call, and
// the demo's dialog shows the handler's Markdown as the plain text Outlook would show.

type Result = { status: string; value?: unknown; error?: { message: string } };
type Cb = (result: Result) => void;
type Getter = { getAsync: (cb: Cb) => void };
/** The part of the stub these tests call. */
interface StubOffice {
  AsyncResultStatus: { Succeeded: string };
  actions: { associate: (id: string, handler: (event: unknown) => void) => void };
  context: {
    displayLanguage: string;
    requirements: { isSetSupported: (name: string, version?: string) => boolean };
    mailbox: {
      item: Record<'to' | 'cc' | 'bcc' | 'subject' | 'categories', Getter> & {
        sessionData: {
          getAsync: (key: string, cb: Cb) => void;
          setAsync: (key: string, value: string, cb: Cb) => void;
        };
        internetHeaders: { setAsync: (headers: Record<string, string>, cb: Cb) => void };
      };
    };
  };
}

function setup(mail: StubMail) {
  const win = {} as { Office: StubOffice };
  const store: StubItemStore = { mail: () => mail, written: {}, headers: {} };
  const actions = installStubOffice(win as unknown as Window, store);
  const call = (start: (cb: Cb) => void) => new Promise<Result>((resolve) => start(resolve));
  return { Office: win.Office, store, actions, call };
}

describe('the stub Office.js of the demo event runtime', () => {
  it('presents the compose window: recipients, subject, session data, categories, language', async () => {
    const { Office, call } = setup({
      to: [{ emailAddress: 'tom@muster.de', displayName: 'Tom' }],
      cc: [{ emailAddress: 'max@muster.de' }],
      subject: 'Einladung',
      session: { 'kk.purpose': 'marketing' },
      categories: ['Newsletter'],
      displayLanguage: 'en-US',
    });
    const item = Office.context.mailbox.item;
    expect((await call((cb) => item.to.getAsync(cb))).value).toEqual([
      { emailAddress: 'tom@muster.de', displayName: 'Tom' },
    ]);
    expect((await call((cb) => item.cc.getAsync(cb))).value).toEqual([
      { emailAddress: 'max@muster.de', displayName: '' },
    ]);
    expect((await call((cb) => item.bcc.getAsync(cb))).value).toEqual([]);
    expect((await call((cb) => item.subject.getAsync(cb))).value).toBe('Einladung');
    expect(await call((cb) => item.sessionData.getAsync('kk.purpose', cb))).toMatchObject({
      status: Office.AsyncResultStatus.Succeeded,
      value: 'marketing',
    });
    expect((await call((cb) => item.categories.getAsync(cb))).value).toEqual([
      { displayName: 'Newsletter', color: 'Preset0' },
    ]);
    expect(Office.context.displayLanguage).toBe('en-US');
  });

  it('fails for an unset session key, as Outlook does, and keeps what the handlers write', async () => {
    const { Office, store, call } = setup({ to: [], session: { 'kk.purpose': 'marketing' } });
    const item = Office.context.mailbox.item;
    expect((await call((cb) => item.sessionData.getAsync('kk.consent', cb))).status).toBe('failed');
    await call((cb) => item.sessionData.setAsync('kk.consent', '{}', cb));
    await call((cb) => item.internetHeaders.setAsync({ 'x-klarkonform-compose-key': 'k' }, cb));
    expect((await call((cb) => item.sessionData.getAsync('kk.consent', cb))).value).toBe('{}');
    expect(store.written).toEqual({ 'kk.consent': '{}' });
    expect(store.headers).toEqual({ 'x-klarkonform-compose-key': 'k' });
  });

  it('supports Mailbox up to 1.15 and captures the associated actions', () => {
    const { Office, actions } = setup({ to: [] });
    const supported = (v: string) => Office.context.requirements.isSetSupported('Mailbox', v);
    expect([supported('1.8'), supported('1.14'), supported('1.15'), supported('1.16'), supported('2.0')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(Office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
    const handler = () => {};
    Office.actions.associate('onMessageSendHandler', handler);
    expect(actions.get('onMessageSendHandler')).toBe(handler);
  });
});

describe('completionText', () => {
  it('shows the Markdown as plain text with its line breaks, escapes undone', () => {
    expect(
      completionText({
        allowEvent: false,
        errorMessage: 'plain',
        errorMessageMarkdown: '**Keine Einwilligung**\n\n- Tom \\<tom\\_t@muster.de\\> \\(Widerspruch\\)\n\nEntfernen',
      }),
    ).toBe('Keine Einwilligung\n\n- Tom <tom_t@muster.de> (Widerspruch)\n\nEntfernen');
  });

  it('falls back to errorMessage', () => {
    expect(completionText({ allowEvent: false, errorMessage: 'Keine Verbindung.' })).toBe('Keine Verbindung.');
  });
});
