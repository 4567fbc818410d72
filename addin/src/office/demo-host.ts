import { isDemoToPane, type PaneToDemo } from './demo-protocol';
import type { FakeComposeItem, FakeComposeState } from './fake-compose';
import { FakeMailboxHost } from './fake-host';
import type { ComposeSurface, HostContext, HostTheme } from './mailbox-host';

const READY_TIMEOUT_MS = 5_000;

// The stub mailbox of the demo page: the page that frames the pane plays Outlook and sends
// the selected item over postMessage (the same origin only), like ItemChanged.
export class DemoMailboxHost extends FakeMailboxHost {
  override readonly kind = 'demo' as const;
  private readonly started: Promise<HostContext>;
  private languageListener: ((locale: string) => void) | undefined;
  // The demo page's latest theme and language switch, replayed to a listener that subscribes
  // after it (the page can switch while the pane is still starting).
  private switched: { theme: HostTheme; displayLanguage: string } | undefined;
  // "Neue E-Mail": the message being written; its code loads only when the pane opens on it.
  private composeState: FakeComposeState | undefined;
  private openedCompose: Promise<FakeComposeItem> | undefined;
  private readonly win: Window;

  constructor(win: Window = window) {
    super();
    this.win = win;
    this.started = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the demo page did not answer')), READY_TIMEOUT_MS);
      win.addEventListener('message', (event: MessageEvent) => {
        if (event.origin !== win.location.origin || event.source !== win.parent || !isDemoToPane(event.data)) return;
        const message = event.data;
        if (message.type === 'kk-demo/init') {
          clearTimeout(timer);
          this.setContext({ ...message.environment });
          this.composeState = message.compose;
          this.selectItem(message.item);
          resolve({ ...message.environment, nestedAppAuth: false });
        } else if (message.type === 'kk-demo/item') {
          this.selectItem(message.item);
        } else if (message.type === 'kk-demo/recipients') {
          const { recipients } = message;
          if (this.composeState) this.composeState = { ...this.composeState, recipients };
          void this.openedCompose?.then((item) => item.setRecipients(recipients));
        } else {
          this.switched = { theme: message.environment.theme, displayLanguage: message.environment.displayLanguage };
          this.setContext({ displayLanguage: message.environment.displayLanguage });
          this.setTheme(message.environment.theme);
          this.languageListener?.(message.environment.displayLanguage);
        }
      });
    });
    const hello: PaneToDemo = { type: 'kk-demo/ready' };
    win.parent.postMessage(hello, win.location.origin);
  }

  override ready(): Promise<HostContext> {
    return this.started;
  }

  override isComposeItem(): boolean {
    return this.composeState !== undefined;
  }

  override openCompose(): Promise<ComposeSurface> {
    const state = this.composeState;
    if (!state) return Promise.reject(new Error('not composing'));
    this.openedCompose ??= import('./fake-compose').then(
      ({ FakeComposeItem }) =>
        new FakeComposeItem(state, (next) => {
          const changed: PaneToDemo = { type: 'kk-demo/compose-changed', state: next };
          this.win.parent.postMessage(changed, this.win.location.origin);
        }),
    );
    return this.openedCompose;
  }

  /** The demo can switch the display language live; Outlook restarts the pane instead. */
  onLanguageChanged(listener: (locale: string) => void): void {
    this.languageListener = listener;
    if (this.switched) listener(this.switched.displayLanguage);
  }

  override onThemeChanged(listener: (theme: HostTheme) => void): () => void {
    const off = super.onThemeChanged(listener);
    if (this.switched) listener(this.switched.theme);
    return off;
  }
}
