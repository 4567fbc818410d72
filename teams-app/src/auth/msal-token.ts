import {
  type AuthenticationResult,
  BrowserAuthError,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TabHostContext } from '../teams/tab-host';
import { AuthRequiredError, createTokenCache, type TokenProvider } from '@klarkonform/shared/auth';

// Microsoft Entra ID sign-in for the API scope (m365-tech.md §2.1): nested app authentication
// inside Teams (and Outlook / the Microsoft 365 app, where the tab also runs). Outside them
// MSAL falls back to a standard client; a popup then needs a click and msal-browser 5's
// redirect bridge page, for which the add-in's /addin/auth-redirect.html is used (one
// registered redirect URI for both front ends).

const AUTHORITY = 'https://login.microsoftonline.com/organizations';

export function createMsalTokenProvider(
  settings: { clientId: string; scope: string },
  context: TabHostContext,
): TokenProvider {
  const request = { scopes: [settings.scope] };
  let client: Promise<IPublicClientApplication> | undefined;
  const cache = createTokenCache('kk.teams-token');
  let pending: Promise<string> | undefined;

  const loadClient = () => {
    client ??= createNestablePublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: AUTHORITY,
        redirectUri: `${location.origin}/addin/auth-redirect.html`,
      },
      cache: { cacheLocation: 'localStorage' },
    });
    return client;
  };

  const remember = (result: AuthenticationResult) => {
    cache.write({ accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_000_000 });
    return result.accessToken;
  };

  async function silent(forceRefresh: boolean): Promise<string> {
    const app = await loadClient();
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    try {
      // With NAA the host knows the account; otherwise a known account or Teams' login hint.
      if (account || context.nestedAppAuth) {
        return remember(await app.acquireTokenSilent({ ...request, forceRefresh, ...(account ? { account } : {}) }));
      }
      if (context.loginHint) return remember(await app.ssoSilent({ ...request, loginHint: context.loginHint }));
    } catch (err) {
      if (!(err instanceof InteractionRequiredAuthError || err instanceof BrowserAuthError)) throw err;
      throw new AuthRequiredError(err);
    }
    throw new AuthRequiredError('no signed-in account');
  }

  return {
    getToken({ forceRefresh }) {
      if (forceRefresh) cache.clear();
      const token = cache.read();
      if (token) return Promise.resolve(token);
      pending ??= silent(forceRefresh).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async signIn() {
      const app = await loadClient();
      try {
        remember(await app.acquireTokenPopup(request));
      } catch (err) {
        throw new AuthRequiredError(err);
      }
    },
  };
}
