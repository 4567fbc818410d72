import { type ApiClient, type Language, preloadEditors } from '@klarkonform/shared/ui';
import { createRoot } from 'react-dom/client';
import type { TokenProvider } from '@klarkonform/shared/auth';
import type { CardStore } from '../features/cards/card-store';
import type { DemoMailboxHost } from '../office/demo-host';
import type { HostContext, MailboxHost } from '../office/mailbox-host';
import { CARD_SHOWN } from './perf-marks';
import { TaskPaneApp } from './TaskPaneApp';

export interface PaneBoot {
  host: MailboxHost;
  demoHost: DemoMailboxHost | undefined;
  hostContext: Promise<HostContext>;
  tokens: TokenProvider;
  api: ApiClient;
  store: CardStore;
  setLanguage: (language: Language) => void;
}

// React and Fluent UI: loaded by main.ts while the host, the token and the first cards are
// already on their way.
export function startUi(boot: PaneBoot): void {
  const container = document.getElementById('root');
  if (!container) return;
  const { demoHost } = boot;
  createRoot(container).render(
    <TaskPaneApp
      host={boot.host}
      hostContext={boot.hostContext}
      api={boot.api}
      store={boot.store}
      signIn={boot.tokens.signIn}
      onLanguage={boot.setLanguage}
      subscribeLanguage={demoHost ? (listener) => demoHost.onLanguageChanged(listener) : undefined}
    />,
  );

  // Editors are fetched once the first card is on screen and the pane is idle, so the first
  // click on "Bearbeiten" is instant without competing with the card for the network.
  const idle = (callback: () => void) =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(callback, { timeout: 5000 })
      : setTimeout(callback, 3000);
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName(CARD_SHOWN).length === 0) return;
    observer.disconnect();
    idle(preloadEditors);
  }).observe({ type: 'mark' });
}
