import { describe, expect, it } from 'vitest';
import { headerValue } from './office-host';
import { createOfficeCompose } from './office-compose';

// A hand-made stand-in for the compose parts of Office.js (Recipients, Subject, Body, SessionData,
// RecipientsChanged), so the adapter's mapping is tested without Outlook.

type Cb = (result: { status: string; value?: unknown; error?: { message: string } }) => void;
const ok = (value?: unknown) => ({ status: 'succeeded', value });

function fakeCompose(options: { bodyType?: 'html' | 'text'; sets?: string[]; subject?: string } = {}) {
  const calls: Array<[string, unknown]> = [];
  const session = new Map<string, string>();
  const handlers = new Map<string, () => void>();
  let subject = options.subject ?? '';
  const list = (entries: Array<[string, string]>) => ({
    getAsync: (cb: Cb) => cb(ok(entries.map(([displayName, emailAddress]) => ({ displayName, emailAddress })))),
  });
  const item = {
    to: list([
      ['Max Muster', 'max@muster.de'],
      ['', 'ohne.name@muster.de'],
    ]),
    cc: list([['Lisa', 'lisa@muster.de']]),
    bcc: list([]),
    subject: {
      getAsync: (cb: Cb) => cb(ok(subject)),
      setAsync: (value: string, cb: Cb) => {
        subject = value;
        cb(ok());
      },
    },
    body: {
      getTypeAsync: (cb: Cb) => cb(ok(options.bodyType ?? 'html')),
      setSelectedDataAsync: (data: string, opts: { coercionType: string }, cb: Cb) => {
        calls.push([opts.coercionType, data]);
        cb(ok());
      },
    },
    sessionData: {
      getAllAsync: (cb: Cb) => cb(ok(Object.fromEntries(session))),
      setAsync: (key: string, value: string, cb: Cb) => {
        session.set(key, value);
        cb(ok());
      },
    },
    addHandlerAsync: (type: string, handler: () => void) => handlers.set(type, handler),
    removeHandlerAsync: (type: string) => handlers.delete(type),
  };
  const sets = options.sets ?? ['1.7', '1.11'];
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { RecipientsChanged: 'olkRecipientsChanged' },
    context: { requirements: { isSetSupported: (name: string, v: string) => name === 'Mailbox' && sets.includes(v) } },
  };
  const surface = createOfficeCompose(office as unknown as typeof Office, item as unknown as Office.MessageCompose);
  return { surface, calls, session, handlers, subject: () => subject };
}

describe('the Office.js compose surface', () => {
  it('reads to, cc and bcc (a missing display name becomes the address)', async () => {
    const { surface } = fakeCompose();
    expect(await surface.getRecipients()).toEqual({
      to: [
        { name: 'Max Muster', email: 'max@muster.de' },
        { name: 'ohne.name@muster.de', email: 'ohne.name@muster.de' },
      ],
      cc: [{ name: 'Lisa', email: 'lisa@muster.de' }],
      bcc: [],
    });
  });

  it('inserts HTML into an HTML body and text into a plain-text one', async () => {
    const html = fakeCompose({ bodyType: 'html' });
    await html.surface.insertAtCursor('<p>Hallo</p>', 'Hallo');
    expect(html.calls).toEqual([['html', '<p>Hallo</p>']]);
    const text = fakeCompose({ bodyType: 'text' });
    await text.surface.insertAtCursor('<p>Hallo</p>', 'Hallo');
    expect(text.calls).toEqual([['text', 'Hallo']]);
  });

  it('sets the subject only when it is empty', async () => {
    const empty = fakeCompose();
    expect(await empty.surface.setSubjectIfEmpty('Angebot')).toBe(true);
    expect(empty.subject()).toBe('Angebot');
    const typed = fakeCompose({ subject: 'Schon da' });
    expect(await typed.surface.setSubjectIfEmpty('Angebot')).toBe(false);
    expect(typed.subject()).toBe('Schon da');
  });

  it('keeps session data on the item (Mailbox 1.11), in the pane without it', async () => {
    const shared = fakeCompose();
    await shared.surface.setSessionData('kk.logOnSend', '1');
    expect(shared.session.get('kk.logOnSend')).toBe('1');
    expect(await shared.surface.getSessionData()).toEqual({ 'kk.logOnSend': '1' });
    expect(shared.surface.sessionDataShared).toBe(true);
    const old = fakeCompose({ sets: ['1.7'] });
    await old.surface.setSessionData('kk.logOnSend', '1');
    expect(old.session.size).toBe(0);
    expect(await old.surface.getSessionData()).toEqual({ 'kk.logOnSend': '1' });
    expect(old.surface.sessionDataShared).toBe(false);
  });

  it('hears RecipientsChanged from Mailbox 1.7 on, and stops on unsubscribe', () => {
    const { surface, handlers } = fakeCompose();
    let heard = 0;
    const off = surface.onRecipientsChanged(() => heard++);
    handlers.get('olkRecipientsChanged')?.();
    expect(heard).toBe(1);
    off();
    expect(handlers.size).toBe(0);
    const old = fakeCompose({ sets: [] });
    old.surface.onRecipientsChanged(() => heard++);
    expect(old.handlers.size).toBe(0);
  });
});

describe('headerValue', () => {
  it('finds a header case-insensitively, unfolds it, and answers undefined when absent', () => {
    const raw = 'Subject: Hallo\r\nX-KlarKonform-Compose-Key: 1234abcd-\r\n ef56\r\nTo: a@b.de\r\n';
    expect(headerValue(raw, 'x-klarkonform-compose-key')).toBe('1234abcd- ef56');
    expect(headerValue(raw, 'subject')).toBe('Hallo');
    expect(headerValue(raw, 'x-other')).toBeUndefined();
  });
});
