import type { FakeComposeState } from './fake-compose';
import type { ComposeRecipients, HostTheme, MailItem } from './mailbox-host';

// Messages between the demo page (demo.html) and the task pane in its iframe. Both are
// served from the same origin; either side ignores messages from anywhere else.

export interface DemoEnvironment {
  theme: HostTheme;
  displayLanguage: string;
  userEmail: string;
}

/** `compose-changed`: the pane inserted text, set the subject or wrote session data ("Neue E-Mail"). */
export type PaneToDemo = { type: 'kk-demo/ready' } | { type: 'kk-demo/compose-changed'; state: FakeComposeState };

/**
 * `init` with `compose`: the pane opens on a message being written (the demo's "Neue E-Mail");
 * `recipients`: the user changed its To or Cc (Outlook's RecipientsChanged).
 */
export type DemoToPane =
  | { type: 'kk-demo/init'; environment: DemoEnvironment; item: MailItem | null; compose?: FakeComposeState }
  | { type: 'kk-demo/item'; item: MailItem | null }
  | { type: 'kk-demo/recipients'; recipients: ComposeRecipients }
  | { type: 'kk-demo/environment'; environment: DemoEnvironment };

export function isDemoToPane(data: unknown): data is DemoToPane {
  const type = (data as { type?: unknown } | null)?.type;
  return (
    type === 'kk-demo/init' ||
    type === 'kk-demo/item' ||
    type === 'kk-demo/recipients' ||
    type === 'kk-demo/environment'
  );
}

export function isPaneToDemo(data: unknown): data is PaneToDemo {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'kk-demo/ready' || type === 'kk-demo/compose-changed';
}
