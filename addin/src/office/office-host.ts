import {
  type EmailAddress,
  type HostContext,
  type HostTheme,
  HostUnavailableError,
  type MailboxHost,
  type MailItem,
} from './mailbox-host';

// The one module that touches Office.js (loaded from Microsoft's CDN by taskpane.html).
// Callbacks never throw: every result is turned into a resolved or rejected promise.

const READY_TIMEOUT_MS = 10_000;
const DIALOG_CLOSED = 12006;

type AnyItem = Office.MessageRead | Office.AppointmentRead | Office.AppointmentCompose;

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

function toAddress(details: Office.EmailAddressDetails | undefined | null): EmailAddress | undefined {
  if (!details?.emailAddress) return undefined;
  return { name: details.displayName || details.emailAddress, email: details.emailAddress };
}

function toAddresses(list: readonly Office.EmailAddressDetails[] | undefined | null): EmailAddress[] {
  return (list ?? []).map(toAddress).filter((a): a is EmailAddress => a !== undefined);
}

/** A Date (or what Office.js hands out for one) as ISO text; undefined when there is none. */
function isoOf(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

// Read mode hands out plain values; compose mode (the organizer's meeting view) objects with getAsync.
function read<T>(value: unknown): Promise<T | undefined> {
  const asyncValue = value as { getAsync?: (cb: (r: Office.AsyncResult<T>) => void) => void } | undefined;
  if (typeof asyncValue?.getAsync !== 'function') return Promise.resolve(value as T | undefined);
  return new Promise((resolve) => {
    asyncValue.getAsync?.((result) => {
      resolve(result.status === Office.AsyncResultStatus.Succeeded ? result.value : undefined);
    });
  });
}

function themeOf(office: typeof Office): HostTheme {
  if (globalThis.matchMedia?.('(forced-colors: active)').matches) return 'highContrast';
  const theme = office.context.officeTheme;
  if (!theme) return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? '')?.[1];
  if (!hex) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * (r ?? 255) + 0.587 * (g ?? 255) + 0.114 * (b ?? 255) < 128 ? 'dark' : 'light';
}

/** True when `item` is a message being written: its `to` is a Recipients object with getAsync, not a list. */
function isMessageCompose(item: unknown): item is Office.MessageCompose {
  const to = (item as { to?: { getAsync?: unknown } } | null | undefined)?.to;
  return typeof to?.getAsync === 'function';
}

/** One header's value from a raw RFC 5322 header block (unfolded; the first occurrence; name case-insensitive). */
export function headerValue(raw: string, name: string): string | undefined {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  const wanted = name.toLowerCase();
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) return line.slice(colon + 1).trim();
  }
  return undefined;
}

export function createOfficeHost(): MailboxHost {
  let readyPromise: Promise<HostContext> | undefined;

  async function start(): Promise<HostContext> {
    const office = officeGlobal();
    if (!office) throw new HostUnavailableError('officeMissing');
    // Office.onReady never settles when the CDN's dependent files are blocked.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const info = await Promise.race([
      office.onReady(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HostUnavailableError('timeout')), READY_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    if (info.host !== office.HostType.Outlook || !office.context.mailbox) {
      throw new HostUnavailableError('notInOutlook');
    }
    return {
      theme: themeOf(office),
      displayLanguage: office.context.displayLanguage ?? 'de-DE',
      userEmail: office.context.mailbox.userProfile?.emailAddress,
      nestedAppAuth: office.context.requirements?.isSetSupported?.('NestedAppAuth', '1.1') ?? false,
    };
  }

  function addHandler(type: Office.EventType, handler: (args: unknown) => void): () => void {
    const mailbox = officeGlobal()?.context.mailbox;
    if (!mailbox) return () => {};
    mailbox.addHandlerAsync(type, handler, () => {});
    return () => mailbox.removeHandlerAsync(type, () => {});
  }

  return {
    kind: 'office',
    ready() {
      readyPromise ??= start();
      return readyPromise;
    },

    async getItem(): Promise<MailItem | null> {
      const item = officeGlobal()?.context.mailbox?.item as AnyItem | null | undefined;
      if (!item || isMessageCompose(item)) return null;
      const key = ('itemId' in item && item.itemId) || `${Date.now()}`;
      if (item.itemType === Office.MailboxEnums.ItemType.Message) {
        const message = item as Office.MessageRead;
        return {
          kind: 'message',
          key,
          subject: message.subject ?? '',
          from: toAddress(message.from),
          to: toAddresses(message.to),
          cc: toAddresses(message.cc),
          requiredAttendees: [],
          optionalAttendees: [],
          ...(message.internetMessageId ? { internetMessageId: message.internetMessageId } : {}),
          ...(message.conversationId ? { conversationId: message.conversationId } : {}),
          ...(isoOf(message.dateTimeCreated) ? { sentAt: isoOf(message.dateTimeCreated) } : {}),
        };
      }
      const meeting = item as Office.AppointmentRead | Office.AppointmentCompose;
      const [subject, organizer, required, optional, start, end, location] = await Promise.all([
        read<string>(meeting.subject),
        read<Office.EmailAddressDetails>(meeting.organizer),
        read<Office.EmailAddressDetails[]>(meeting.requiredAttendees),
        read<Office.EmailAddressDetails[]>(meeting.optionalAttendees),
        read<Date>(meeting.start),
        read<Date>(meeting.end),
        read<string>(meeting.location),
      ]);
      return {
        kind: 'appointment',
        key,
        subject: subject ?? '',
        organizer: toAddress(organizer),
        to: [],
        cc: [],
        requiredAttendees: toAddresses(required),
        optionalAttendees: toAddresses(optional),
        ...(isoOf(start) ? { start: isoOf(start) } : {}),
        ...(isoOf(end) ? { end: isoOf(end) } : {}),
        ...(location ? { location } : {}),
      };
    },

    getBody() {
      const item = officeGlobal()?.context.mailbox?.item as AnyItem | null | undefined;
      const body = item?.body;
      if (!body) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        body.getAsync(Office.CoercionType.Text, (result) => {
          resolve(result.status === Office.AsyncResultStatus.Succeeded ? result.value : undefined);
        });
      });
    },

    isComposeItem() {
      return isMessageCompose(officeGlobal()?.context.mailbox?.item);
    },

    async openCompose() {
      const office = officeGlobal();
      const item = office?.context.mailbox?.item;
      if (!office || !isMessageCompose(item)) throw new Error('not a message being written');
      const { createOfficeCompose } = await import('./office-compose');
      return createOfficeCompose(office, item);
    },

    getInternetHeader(name) {
      const office = officeGlobal();
      const item = office?.context.mailbox?.item as Office.MessageRead | null | undefined;
      if (!office?.context.requirements?.isSetSupported?.('Mailbox', '1.8') || !item?.getAllInternetHeadersAsync) {
        return Promise.resolve(undefined);
      }
      return new Promise((resolve) => {
        item.getAllInternetHeadersAsync((result) => {
          resolve(result.status === office.AsyncResultStatus.Succeeded ? headerValue(result.value, name) : undefined);
        });
      });
    },

    onItemChanged(listener) {
      return addHandler(Office.EventType.ItemChanged, () => listener());
    },

    onThemeChanged(listener) {
      const office = officeGlobal();
      if (!office?.context.requirements?.isSetSupported?.('Mailbox', '1.14')) return () => {};
      return addHandler(Office.EventType.OfficeThemeChanged, () => listener(themeOf(office)));
    },

    openDialog(url) {
      return new Promise((resolve, reject) => {
        Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            reject(new Error(`dialog failed: ${result.error.code}`));
            return;
          }
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
            dialog.close();
            if ('message' in arg) resolve(arg.message);
            else reject(new Error(`dialog error ${arg.error}`));
          });
          dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
            const code = 'error' in arg ? arg.error : 0;
            reject(new Error(code === DIALOG_CLOSED ? 'dialog closed' : `dialog event ${code}`));
          });
        });
      });
    },
  };
}
