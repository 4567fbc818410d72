import type { HostTheme, MailItem } from './mailbox-host';

// Messages between the demo page (demo.html) and the task pane in its iframe. Both are
// served from the same origin; either side ignores messages from anywhere else.

export interface DemoEnvironment {
  theme: HostTheme;
  displayLanguage: string;
  userEmail: string;
}

export type PaneToDemo = { type: 'kk-demo/ready' };

export type DemoToPane =
  | { type: 'kk-demo/init'; environment: DemoEnvironment; item: MailItem | null }
  | { type: 'kk-demo/item'; item: MailItem | null }
  | { type: 'kk-demo/environment'; environment: DemoEnvironment };

export function isDemoToPane(data: unknown): data is DemoToPane {
  const type = (data as { type?: unknown } | null)?.type;
  return type === 'kk-demo/init' || type === 'kk-demo/item' || type === 'kk-demo/environment';
}

export function isPaneToDemo(data: unknown): data is PaneToDemo {
  return (data as { type?: unknown } | null)?.type === 'kk-demo/ready';
}
