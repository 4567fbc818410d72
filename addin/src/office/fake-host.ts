import type { FakeComposeItem } from './fake-compose';
import type { ComposeSurface, HostContext, HostTheme, MailboxHost, MailItem } from './mailbox-host';

// A scriptable host for unit tests and the demo page: the test (or the demo bridge) sets
// the item and the theme, and the pane reacts exactly as it does to Outlook's events.
export class FakeMailboxHost implements MailboxHost {
  readonly kind: 'fake' | 'demo' = 'fake';
  private item: MailItem | null;
  private composeItem: FakeComposeItem | null = null;
  private readonly headers = new Map<string, string>();
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

  isComposeItem(): boolean {
    return this.composeItem !== null;
  }

  openCompose(): Promise<ComposeSurface> {
    return this.composeItem ? Promise.resolve(this.composeItem) : Promise.reject(new Error('not composing'));
  }

  getInternetHeader(name: string): Promise<string | undefined> {
    const key = name.toLowerCase();
    return Promise.resolve(this.item?.internetHeaders?.[key] ?? this.headers.get(key));
  }

  /** Opens a message being written instead of the read item (the pane then starts in compose mode). */
  composeMessage(item: FakeComposeItem | null): void {
    this.composeItem = item;
  }

  /** The selected message's internet headers (lower-case names), replaced. */
  setHeaders(headers: Record<string, string>): void {
    this.headers.clear();
    for (const [name, value] of Object.entries(headers)) this.headers.set(name.toLowerCase(), value);
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
