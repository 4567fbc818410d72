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
  /**
   * Outlook's dialog API, the sign-in fallback when nested app authentication is missing:
   * opens `url` and resolves with the first message the dialog sends back.
   */
  openDialog?(url: string): Promise<string>;
}
