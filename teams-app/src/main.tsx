import { createApiClient, type Language } from '@klarkonform/shared/ui';
import { createRoot } from 'react-dom/client';
import { createTokenProvider } from './auth/token-provider';
import { TabApp } from './shell/TabApp';
import { createTeamsHost } from './teams/teams-host';

// Entry of the Teams tab (tab.html): TeamsJS, sign-in and the first token start in parallel
// before React renders. Outside Teams the same page runs as a plain web page.
const host = createTeamsHost();
const tokens = createTokenProvider(host.context);
void tokens.getToken({ forceRefresh: false }).catch(() => undefined);

let language: Language = 'de';
const services = {
  api: createApiClient({ getToken: tokens.getToken, language: () => language }),
  signIn: tokens.signIn,
};

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <TabApp
      host={host}
      services={services}
      onLanguage={(next) => {
        language = next;
      }}
    />,
  );
}
