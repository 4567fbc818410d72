import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostUnavailableError } from './mailbox-host';
import { createOfficeHost } from './office-host';

// A hand-made stand-in for the parts of Office.js the host touches (read mode values, compose
// mode getAsync, events, onReady), so the adapter's mapping and failure handling are tested
// without Outlook.

type Handler = () => void;

function fakeOffice(item: unknown, options: { ready?: Promise<unknown>; userEmail?: string } = {}) {
  const handlers = new Map<string, Handler>();
  const office = {
    HostType: { Outlook: 'Outlook' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' } },
    onReady: () => options.ready ?? Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: 'en-US',
      officeTheme: { bodyBackgroundColor: '#1f1f1f' },
      requirements: { isSetSupported: (name: string) => name === 'NestedAppAuth' },
      mailbox: {
        item,
        userProfile: { emailAddress: options.userEmail ?? 'sabine@firma.de' },
        addHandlerAsync: (type: string, handler: Handler) => handlers.set(type, handler),
        removeHandlerAsync: (type: string) => handlers.delete(type),
      },
    },
  };
  return { office, handlers };
}

const asyncValue = <T>(value: T) => ({
  getAsync: (callback: (result: { status: string; value: T }) => void) => callback({ status: 'succeeded', value }),
});

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('the Office host', () => {
  it('reads the host context and a message in read mode', async () => {
    const message = {
      itemType: 'message',
      itemId: 'AAMk1',
      subject: 'Angebot',
      from: { displayName: 'Max Mustermann', emailAddress: 'max@muster.de' },
      to: [{ displayName: '', emailAddress: 'sabine@firma.de' }],
      cc: [{ displayName: 'Lisa', emailAddress: 'lisa@muster.de' }],
    };
    (globalThis as { Office?: unknown }).Office = fakeOffice(message).office;
    const host = createOfficeHost();
    expect(await host.ready()).toEqual({
      theme: 'dark',
      displayLanguage: 'en-US',
      userEmail: 'sabine@firma.de',
      nestedAppAuth: true,
    });
    expect(await host.getItem()).toEqual({
      kind: 'message',
      key: 'AAMk1',
      subject: 'Angebot',
      from: { name: 'Max Mustermann', email: 'max@muster.de' },
      to: [{ name: 'sabine@firma.de', email: 'sabine@firma.de' }],
      cc: [{ name: 'Lisa', email: 'lisa@muster.de' }],
      requiredAttendees: [],
      optionalAttendees: [],
    });
  });

  it("reads the organizer's meeting in compose mode through getAsync", async () => {
    const meeting = {
      itemType: 'appointment',
      subject: asyncValue('Kickoff'),
      organizer: asyncValue({ displayName: 'Sabine', emailAddress: 'sabine@firma.de' }),
      requiredAttendees: asyncValue([{ displayName: 'Max', emailAddress: 'max@muster.de' }]),
      optionalAttendees: asyncValue([]),
    };
    (globalThis as { Office?: unknown }).Office = fakeOffice(meeting).office;
    const item = await createOfficeHost().getItem();
    expect(item).toMatchObject({
      kind: 'appointment',
      subject: 'Kickoff',
      organizer: { name: 'Sabine', email: 'sabine@firma.de' },
      requiredAttendees: [{ name: 'Max', email: 'max@muster.de' }],
    });
  });

  it('tells the pane about ItemChanged and has no item while Outlook switches', async () => {
    const { office, handlers } = fakeOffice(null);
    (globalThis as { Office?: unknown }).Office = office;
    const host = createOfficeHost();
    await host.ready();
    const changed = vi.fn();
    host.onItemChanged(changed);
    handlers.get('olkItemSelectedChanged')?.();
    expect(changed).toHaveBeenCalledOnce();
    expect(await host.getItem()).toBeNull();
  });

  it('gives up when Office.onReady never answers (blocked CDN)', async () => {
    vi.useFakeTimers();
    (globalThis as { Office?: unknown }).Office = fakeOffice(null, { ready: new Promise(() => {}) }).office;
    const ready = createOfficeHost().ready();
    const failure = expect(ready).rejects.toEqual(new HostUnavailableError('timeout'));
    await vi.advanceTimersByTimeAsync(10_000);
    await failure;
  });

  it('says so outside Outlook and without Office.js', async () => {
    const { office } = fakeOffice(null, { ready: Promise.resolve({ host: null, platform: null }) });
    (globalThis as { Office?: unknown }).Office = office;
    await expect(createOfficeHost().ready()).rejects.toEqual(new HostUnavailableError('notInOutlook'));
    delete (globalThis as { Office?: unknown }).Office;
    await expect(createOfficeHost().ready()).rejects.toEqual(new HostUnavailableError('officeMissing'));
  });
});
