import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { HostContext, MailboxHost } from '../office/mailbox-host';
import { AuthRequiredError, createTokenCache, type TokenProvider } from '@klarkonform/shared/auth';

// Microsoft Entra ID sign-in for the API scope (m365-tech.md §2):
// 1. a still-valid token from the session cache: no MSAL at all on the critical path;
// 2. nested app authentication (createNestablePublicClientApplication) silently, then by popup;
// 3. where Outlook lacks NestedAppAuth 1.1, or the popup is blocked: Outlook's dialog API with
//    a standard client doing a redirect in the dialog (auth-dialog.html).
// MSAL (~83 KB gzipped) is loaded on demand, never before the first card when a token is cached.

const AUTHORITY = 'https://login.microsoftonline.com/organizations';

interface EntraSettings {
  clientId: string;
  scope: string;
}

type Msal = typeof import('@azure/msal-browser');

export interface DialogTokenMessage {
  accessToken?: string;
  expiresOn?: number;
  error?: string;
}

export function createMsalTokenProvider(
  settings: EntraSettings,
  host: MailboxHost,
  hostContext: Promise<HostContext>,
): TokenProvider {
  const cache = createTokenCache(`kk.token.${settings.clientId}`);
  const request = { scopes: [settings.scope] };
  let client: Promise<{ msal: Msal; app: IPublicClientApplication }> | undefined;
  let pending: Promise<string> | undefined;

  const loadClient = () => {
    client ??= (async () => {
      const msal = await import('@azure/msal-browser');
      const app = await msal.createNestablePublicClientApplication({
        auth: { clientId: settings.clientId, authority: AUTHORITY },
        cache: { cacheLocation: 'localStorage' },
      });
      return { msal, app };
    })();
    return client;
  };

  const remember = (result: AuthenticationResult) => {
    cache.write({ accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_000_000 });
    return result.accessToken;
  };

  async function viaDialog(): Promise<string> {
    if (!host.openDialog) throw new AuthRequiredError();
    const url = `${location.origin}/addin/auth-dialog.html`;
    const message = JSON.parse(await host.openDialog(url)) as DialogTokenMessage;
    if (!message.accessToken) throw new AuthRequiredError(message.error);
    cache.write({ accessToken: message.accessToken, expiresAt: message.expiresOn ?? Date.now() + 3_000_000 });
    return message.accessToken;
  }

  async function interactive(msal: Msal, app: IPublicClientApplication): Promise<string> {
    try {
      return remember(await app.acquireTokenPopup(request));
    } catch (err) {
      // Popups from a cross-origin iframe fail in Chromium; Outlook's dialog is the way out.
      if (err instanceof msal.BrowserAuthError) return viaDialog();
      throw new AuthRequiredError(err);
    }
  }

  async function silent(forceRefresh: boolean): Promise<string> {
    if (!(await hostContext).nestedAppAuth) {
      throw new AuthRequiredError('nested app authentication is not available');
    }
    const { msal, app } = await loadClient();
    try {
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      return remember(await app.acquireTokenSilent({ ...request, forceRefresh, ...(account ? { account } : {}) }));
    } catch (err) {
      if (err instanceof msal.InteractionRequiredAuthError) return interactive(msal, app);
      throw err;
    }
  }

  return {
    getToken({ forceRefresh }) {
      if (forceRefresh) cache.clear();
      const cached = cache.read();
      if (cached) return Promise.resolve(cached);
      pending ??= silent(forceRefresh).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async signIn() {
      cache.clear();
      if (!(await hostContext).nestedAppAuth) {
        await viaDialog();
        return;
      }
      const { msal, app } = await loadClient();
      await interactive(msal, app);
    },
  };
}
