import { createApiClient, type Language } from '@klarkonform/shared/ui';
import { loadAppConfig } from '@klarkonform/shared/auth';
import { createTokenProvider } from '../auth/create-token-provider';
import { CardStore } from '../features/cards/card-store';
import { participantsOf } from '../features/participants/participants';
import { DemoMailboxHost } from '../office/demo-host';
import type { MailboxHost } from '../office/mailbox-host';
import { createOfficeHost } from '../office/office-host';

// Entry of the task pane (taskpane.html in Outlook, demo-pane.html in the demo page). This
// small module starts the host, the sign-in and the request for the first cards at once; React
// and Fluent UI follow as a chunk of their own and find the cards on the way or already here.
const demoHost = document.documentElement.dataset.host === 'demo' ? new DemoMailboxHost() : undefined;
const host: MailboxHost = demoHost ?? createOfficeHost();
const hostContext = host.ready();
const tokens = createTokenProvider(loadAppConfig(), host, hostContext);
void tokens.getToken({ forceRefresh: false }).catch(() => undefined);

let language: Language = 'de';
const api = createApiClient({ getToken: tokens.getToken, language: () => language });
const store = new CardStore(api);

hostContext
  .then(async (context) => {
    if (host.isComposeItem?.()) return;
    const people = participantsOf(await host.getItem(), context.userEmail);
    if (people.length > 0) await store.load(people);
  })
  .catch(() => undefined);

void import('./start-ui').then(({ startUi }) =>
  startUi({
    host,
    demoHost,
    hostContext,
    tokens,
    api,
    store,
    setLanguage: (next) => {
      language = next;
    },
  }),
);
