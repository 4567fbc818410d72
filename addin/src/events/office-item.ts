import type { MailRecipient } from '@klarkonform/shared/send-check';

// The compose item as the event handlers use it: callbacks turned into promises, and a missing
// value (an unset session key, categories unsupported) turned into undefined instead of an
// error. The only module here that touches Office.js besides the entry point.

type Item = Office.MessageCompose;

function call<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(result.error ?? new Error('Office call failed'));
      });
    } catch (err) {
      reject(err);
    }
  });
}

/** The compose item, or undefined outside a compose form. */
export function composeItem(): Item | undefined {
  return (Office.context?.mailbox?.item as Item | undefined) ?? undefined;
}

/** to, cc and bcc, in that order (EmailAddressDetails). */
export async function recipientsOf(item: Item): Promise<MailRecipient[]> {
  const lists = await Promise.all(
    [item.to, item.cc, item.bcc].map((field) =>
      field ? call<Office.EmailAddressDetails[]>((cb) => field.getAsync(cb)) : Promise.resolve([]),
    ),
  );
  return lists.flat().map((r) => ({ emailAddress: r.emailAddress ?? '', displayName: r.displayName ?? '' }));
}

/** The participants of the sent-mail log (name falls back to the address). */
export async function participantsOf(item: Item) {
  const fields = [item.to, item.cc, item.bcc];
  const [to, cc, bcc] = await Promise.all(
    fields.map(async (field) =>
      field ? (await call<Office.EmailAddressDetails[]>((cb) => field.getAsync(cb))).filter((r) => r.emailAddress) : [],
    ),
  );
  const shape = (list: Office.EmailAddressDetails[] = []) =>
    list.map((r) => ({ name: (r.displayName || r.emailAddress).slice(0, 300), email: r.emailAddress.trim() }));
  return { to: shape(to), cc: shape(cc), bcc: shape(bcc) };
}

/** A session-data value (Mailbox 1.11); undefined when unset or unsupported. */
export async function sessionValue(item: Item, key: string): Promise<string | undefined> {
  if (!item.sessionData) return undefined;
  try {
    const value = await call<string>((cb) => item.sessionData.getAsync(key, cb));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a session-data value; failures are ignored (the cache is an optimisation). */
export async function setSessionValue(item: Item, key: string, value: string): Promise<void> {
  if (!item.sessionData) return;
  try {
    await call<void>((cb) => item.sessionData.setAsync(key, value, cb));
  } catch {
    // The next check fetches again.
  }
}

/** The item's Outlook categories (Mailbox 1.8); [] when none or unsupported. */
export async function categoriesOf(item: Item): Promise<string[]> {
  if (!item.categories) return [];
  try {
    const details = await call<Office.CategoryDetails[]>((cb) => item.categories.getAsync(cb));
    return (details ?? []).map((c) => c.displayName).filter((name): name is string => typeof name === 'string');
  } catch {
    return [];
  }
}

export async function subjectOf(item: Item): Promise<string> {
  try {
    return (await call<string>((cb) => item.subject.getAsync(cb))) ?? '';
  } catch {
    return '';
  }
}

/** Sets an internet header on the mail (Mailbox 1.8). */
export async function setInternetHeader(item: Item, name: string, value: string): Promise<void> {
  if (!item.internetHeaders) throw new Error('internet headers unsupported');
  await call<void>((cb) => item.internetHeaders.setAsync({ [name]: value }, cb));
}

/** Whether the client supports Mailbox `version` ("1.14"). */
export function supportsMailbox(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('Mailbox', version);
  } catch {
    return false;
  }
}

/** The Office display language ("de-DE"); '' when unknown. */
export function displayLanguage(): string {
  try {
    return Office.context.displayLanguage ?? '';
  } catch {
    return '';
  }
}
