import { createTokenCache } from './token-cache';
import { AuthRequiredError, type TokenProvider } from './token-provider';

// Development and demo sign-in: the API's local issuer signs a token for the demo sales user.
// MSAL is never loaded in this mode.
export function createLocalTokenProvider(): TokenProvider {
  const cache = createTokenCache('kk.local-token');
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await fetch('/local-issuer/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) throw new AuthRequiredError(`local issuer: HTTP ${response.status}`);
    const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
    cache.write({ accessToken, expiresAt: Date.now() + expiresIn * 1000 });
    return accessToken;
  }

  return {
    getToken({ forceRefresh }) {
      if (forceRefresh) cache.clear();
      const cached = cache.read();
      if (cached) return Promise.resolve(cached);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async signIn() {
      await this.getToken({ forceRefresh: true });
    },
  };
}
