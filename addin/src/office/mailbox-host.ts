// The task pane's only view of its host. Components and hooks see this interface; Office.js
// stays behind `office-host.ts`, the demo page's postMessage bridge behind `demo-host.ts`,
// and tests drive `fake-host.ts`.

export type HostTheme = 'light' | 'dark' | 'highContrast';

export interface EmailAddress {
  name: string;
  email: string;
}

export interface MailItem {
  kind: 'message' | 'appointment';
  /** Changes whenever the selected item changes; not necessarily an Exchange id. */
  key: string;
  subject: string;
  from?: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  organizer?: EmailAddress;
  requiredAttendees: EmailAddress[];
  optionalAttendees: EmailAddress[];
  /** A message's RFC 5322 Message-ID (Office.js `internetMessageId`): logging a mail is keyed by it. */
  internetMessageId?: string;
  conversationId?: string;
  /** When a message was sent (ISO; Office.js `dateTimeCreated` of a received message). */
  sentAt?: string;
  /** An appointment's start and end (ISO) and location. */
  start?: string;
  end?: string;
  location?: string;
  /**
   * An appointment's iCalendar UID when the host has it (the demo's items); Office.js does not
   * expose it in read mode, so the pane then derives a stand-in key (features/activities/log-request.ts).
   */
  iCalUId?: string;
  /** The plain-text body, only where the host hands items over as data (demo, tests); Outlook reads it on demand. */
  body?: string;
  /** Internet headers (lower-case names), only where the host hands items over as data; Outlook reads them on demand. */
  internetHeaders?: Record<string, string>;
}

export interface HostContext {
  theme: HostTheme;
  /** The host's display language as a locale, e.g. "de-DE". */
  displayLanguage: string;
  /** The signed-in mailbox; left out of the people list. */
  userEmail?: string;
  /** Outlook supports nested app authentication (NestedAppAuth 1.1). */
  nestedAppAuth: boolean;
}

export type HostFailure = 'timeout' | 'officeMissing' | 'notInOutlook';

export class HostUnavailableError extends Error {
  constructor(readonly reason: HostFailure) {
    super(`mailbox host unavailable: ${reason}`);
    this.name = 'HostUnavailableError';
  }
}

/** The recipients of a message being written (Outlook compose: `item.to`, `item.cc`, `item.bcc`). */
export interface ComposeRecipients {
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
}

/**
 * A message being written (Outlook's compose surface), for the compose pane. Methods never throw
 * inside Office callbacks; failures reject the promise.
 */
export interface ComposeSurface {
  getRecipients(): Promise<ComposeRecipients>;
  /** Outlook's RecipientsChanged (Mailbox 1.7): to, cc or bcc changed; the listener re-reads them. */
  onRecipientsChanged(listener: () => void): () => void;
  getSubject(): Promise<string>;
  /** Sets the subject only when it is empty (Office.js `subject.setAsync`); true when it was set. */
  setSubjectIfEmpty(subject: string): Promise<boolean>;
  /**
   * Inserts at the cursor (Office.js `body.setSelectedDataAsync`): `html` in an HTML body, `text`
   * in a plain-text one.
   */
  insertAtCursor(html: string, text: string): Promise<void>;
  /** The item's session data (Mailbox 1.11 `item.sessionData`): string values the event handler reads at send time. */
  getSessionData(): Promise<Record<string, string>>;
  setSessionData(key: string, value: string): Promise<void>;
  /** False when the host has no session data (before Mailbox 1.11): values then last only while the pane is open. */
  readonly sessionDataShared: boolean;
}

export interface MailboxHost {
  readonly kind: 'office' | 'demo' | 'fake';
  /** Resolves once the host can answer; rejects with HostUnavailableError. */
  ready(): Promise<HostContext>;
  /** The selected item, or null (a pinned pane may briefly have none after ItemChanged). */
  getItem(): Promise<MailItem | null>;
  onItemChanged(listener: () => void): () => void;
  /**
   * The selected item's body as plain text, read only when the user asked to store it ("Inhalt
   * speichern"); undefined when the host cannot tell.
   */
  getBody(): Promise<string | undefined>;
  onThemeChanged(listener: (theme: HostTheme) => void): () => void;
  /** True when the item is a message being written (compose mode): the pane shows the compose pane. */
  isComposeItem?(): boolean;
  /** The compose surface of that message (its code loads on demand); rejects when the item is not one. */
  openCompose?(): Promise<ComposeSurface>;
  /**
   * The value of one internet header of the selected (read-mode) message, lower-case name
   * (Mailbox 1.8 `getAllInternetHeadersAsync`); undefined when absent or the host cannot tell.
   */
  getInternetHeader?(name: string): Promise<string | undefined>;
  /**
   * Outlook's dialog API, the sign-in fallback when nested app authentication is missing:
   * opens `url` and resolves with the first message the dialog sends back.
   */
  openDialog?(url: string): Promise<string>;
}
