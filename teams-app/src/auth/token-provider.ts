import type { TabHostContext } from '../teams/tab-host';

// How the API client gets a bearer token. `AuthRequiredError` means silent sign-in failed and
// the user has to act (the tab shows a sign-in button that calls `signIn`).
export interface TokenProvider {
  getToken(options: { forceRefresh: boolean }): Promise<string>;
  signIn(): Promise<void>;
}

export class AuthRequiredError extends Error {
  constructor(cause?: unknown) {
    super('sign-in required', { cause });
    this.name = 'AuthRequiredError';
  }
}

/** What the API tells the front ends about sign-in (`GET /app-config.json`, no auth). */
export type AuthConfig = { mode: 'local' } | { mode: 'entra'; clientId: string; scope: string };

async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/app-config.json', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`app-config.json: HTTP ${response.status}`);
  return ((await response.json()) as { auth: AuthConfig }).auth;
}

// Tokens are kept in memory only, a little less long than they live.
const EARLY_EXPIRY_MS = 60_000;

export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

export function freshToken(token: CachedToken | undefined): string | undefined {
  return token && token.expiresAt - Date.now() > EARLY_EXPIRY_MS ? token.accessToken : undefined;
}

// Development and demo sign-in: the API's local issuer signs a token for the demo user.
function createLocalTokenProvider(): TokenProvider {
  let cached: CachedToken | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await fetch('/local-issuer/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) throw new AuthRequiredError(`local issuer: HTTP ${response.status}`);
    const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
    cached = { accessToken, expiresAt: Date.now() + expiresIn * 1000 };
    return accessToken;
  }

  const provider: TokenProvider = {
    getToken({ forceRefresh }) {
      const token = forceRefresh ? undefined : freshToken(cached);
      if (token) return Promise.resolve(token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async signIn() {
      await provider.getToken({ forceRefresh: true });
    },
  };
  return provider;
}

// Picks the sign-in from /app-config.json: the local issuer, or Microsoft Entra ID through
// MSAL, whose chunk (~83 KB gzipped) is loaded only in Entra mode and only after TeamsJS has
// initialised (NAA needs the Teams bridge first).
export function createTokenProvider(host: Promise<TabHostContext>): TokenProvider {
  const provider: Promise<TokenProvider> = loadAuthConfig().then(async (auth) => {
    if (auth.mode === 'local') return createLocalTokenProvider();
    const [{ createMsalTokenProvider }, context] = await Promise.all([import('./msal-token'), host]);
    return createMsalTokenProvider(auth, context);
  });
  return {
    getToken: async (options) => (await provider).getToken(options),
    signIn: async () => (await provider).signIn(),
  };
}
