import type { ComposeRecipients, ComposeSurface, EmailAddress } from './mailbox-host';

// Office.js for a message being written (compose mode), loaded only when the pane opens on one.
// Microsoft: Recipients.getAsync and Subject.getAsync/setAsync (Mailbox 1.1), Body.getTypeAsync
// and setSelectedDataAsync (1.3), RecipientsChanged (1.7), item.sessionData (1.11).
// Callbacks never throw: every result becomes a resolved or rejected promise.

type Callback<T> = (result: Office.AsyncResult<T>) => void;

function call<T>(office: typeof Office, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new Error(result.error?.message ?? 'Office call failed'));
      });
    } catch (err) {
      reject(err);
    }
  });
}

function addresses(list: readonly Office.EmailAddressDetails[] | undefined): EmailAddress[] {
  return (list ?? [])
    .filter((d) => Boolean(d?.emailAddress))
    .map((d) => ({ name: d.displayName || d.emailAddress, email: d.emailAddress }));
}

export function createOfficeCompose(office: typeof Office, item: Office.MessageCompose): ComposeSurface {
  const supports = (version: string) => office.context.requirements?.isSetSupported?.('Mailbox', version) ?? false;
  const sessionDataShared = supports('1.11') && Boolean(item.sessionData);
  // Without Mailbox 1.11 the values stay with the pane (the send handler then sees none).
  const local = new Map<string, string>();

  return {
    sessionDataShared,
    async getRecipients(): Promise<ComposeRecipients> {
      const [to, cc, bcc] = await Promise.all(
        [item.to, item.cc, item.bcc].map((field) =>
          field ? call<Office.EmailAddressDetails[]>(office, (cb) => field.getAsync(cb)) : Promise.resolve([]),
        ),
      );
      return { to: addresses(to), cc: addresses(cc), bcc: addresses(bcc) };
    },

    onRecipientsChanged(listener) {
      if (!supports('1.7')) return () => {};
      const handler = () => listener();
      item.addHandlerAsync(office.EventType.RecipientsChanged, handler, () => {});
      return () => item.removeHandlerAsync(office.EventType.RecipientsChanged, () => {});
    },

    getSubject: () => call<string>(office, (cb) => item.subject.getAsync(cb)).then((s) => s ?? ''),

    async setSubjectIfEmpty(subject) {
      const current = await call<string>(office, (cb) => item.subject.getAsync(cb));
      if ((current ?? '').trim() !== '' || subject.trim() === '') return false;
      await call<void>(office, (cb) => item.subject.setAsync(subject, cb));
      return true;
    },

    async insertAtCursor(html, text) {
      const type = await call<Office.CoercionType>(office, (cb) => item.body.getTypeAsync(cb));
      const coercionType = type === office.CoercionType.Html ? office.CoercionType.Html : office.CoercionType.Text;
      const data = coercionType === office.CoercionType.Html ? html : text;
      await call<void>(office, (cb) => item.body.setSelectedDataAsync(data, { coercionType }, cb));
    },

    async getSessionData() {
      if (!sessionDataShared) return Object.fromEntries(local);
      const all = await call<object>(office, (cb) => item.sessionData.getAllAsync(cb));
      return Object.fromEntries(
        Object.entries(all ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    },

    async setSessionData(key, value) {
      if (!sessionDataShared) {
        local.set(key, value);
        return;
      }
      await call<void>(office, (cb) => item.sessionData.setAsync(key, value, cb));
    },
  };
}
