// Messages between the demo page (demo.html) and its hidden event runtime (demo-events.html), where
// the REAL built events.js runs against a stub Office.js (demo-office-stub.ts). Same origin only;
// either side ignores messages from anywhere else. The item is described as the handler tests'
// stub host describes it (tests/browser/support/send-check-host.ts, StubMail).

/** A recipient as Office's EmailAddressDetails gives it. */
export interface StubRecipient {
  emailAddress: string;
  displayName?: string;
}

/** The compose item as a stub Office.js presents it to the event handlers. */
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

/** The action ids events.ts associates (the manifest's LaunchEvent handlers). */
export type EventAction = 'onMessageSendHandler' | 'onMessageRecipientsChangedHandler';

/** What the handler passed to `event.completed` (Smart Alerts options as plain data); null for none. */
export type EventCompletion = {
  allowEvent?: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
  sendModeOverride?: string;
} | null;

/** `invoke`: run `action` on the item as it is now (the runtime keeps what the handlers wrote). */
export type DemoToEvents = { type: 'kk-demo-events/invoke'; id: number; action: EventAction; mail: StubMail };

/** `ready`: events.js loaded and associated both actions; `completed`: the handler's first completion. */
export type EventsToDemo =
  | { type: 'kk-demo-events/ready' }
  | { type: 'kk-demo-events/completed'; id: number; options: EventCompletion };

export function isDemoToEvents(data: unknown): data is DemoToEvents {
  return (data as { type?: unknown } | null)?.type === 'kk-demo-events/invoke';
}

export function isEventsToDemo(data: unknown): data is EventsToDemo {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'kk-demo-events/ready' || type === 'kk-demo-events/completed';
}
