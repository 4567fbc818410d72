import type { HostContext, HostTheme, MailboxHost, MailItem } from './mailbox-host';

// A scriptable host for unit tests and the demo page: the test (or the demo bridge) sets
// the item and the theme, and the pane reacts exactly as it does to Outlook's events.
export class FakeMailboxHost implements MailboxHost {
  readonly kind: 'fake' | 'demo' = 'fake';
  private item: MailItem | null;
  private context: HostContext;
  private readonly itemListeners = new Set<() => void>();
  private readonly themeListeners = new Set<(theme: HostTheme) => void>();

  constructor(item: MailItem | null = null, context: Partial<HostContext> = {}) {
    this.item = item;
    this.context = { theme: 'light', displayLanguage: 'de-DE', nestedAppAuth: false, ...context };
  }

  ready(): Promise<HostContext> {
    return Promise.resolve(this.context);
  }

  getItem(): Promise<MailItem | null> {
    return Promise.resolve(this.item);
  }

  getBody(): Promise<string | undefined> {
    return Promise.resolve(this.item?.body);
  }

  onItemChanged(listener: () => void): () => void {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  onThemeChanged(listener: (theme: HostTheme) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  /** Like Outlook's ItemChanged: the pane re-reads the item. */
  selectItem(item: MailItem | null): void {
    this.item = item;
    for (const listener of this.itemListeners) listener();
  }

  setTheme(theme: HostTheme): void {
    this.context = { ...this.context, theme };
    for (const listener of this.themeListeners) listener(theme);
  }

  protected setContext(context: Partial<HostContext>): void {
    this.context = { ...this.context, ...context };
  }
}
