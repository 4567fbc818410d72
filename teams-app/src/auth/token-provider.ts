import { createLocalTokenProvider, loadAppConfig, type TokenProvider } from '@klarkonform/shared/auth';
import type { TabHostContext } from '../teams/tab-host';

// Picks the sign-in from /app-config.json: the local issuer, or Microsoft Entra ID through
// MSAL, whose chunk (~83 KB gzipped) is loaded only in Entra mode and only after TeamsJS has
// initialised (NAA needs the Teams bridge first).
export function createTokenProvider(host: Promise<TabHostContext>): TokenProvider {
  const provider: Promise<TokenProvider> = loadAppConfig().then(async ({ auth }) => {
    if (auth.mode === 'local') return createLocalTokenProvider();
    const [{ createMsalTokenProvider }, context] = await Promise.all([import('./msal-token'), host]);
    return createMsalTokenProvider(auth, context);
  });
  return {
    getToken: async (options) => (await provider).getToken(options),
    signIn: async () => (await provider).signIn(),
  };
}
