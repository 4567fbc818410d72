import type { HostContext, MailboxHost } from '../office/mailbox-host';
import { type AppConfig, createLocalTokenProvider, type TokenProvider } from '@klarkonform/shared/auth';

// Picks the sign-in from /app-config.json: the local issuer (development, demo) or Microsoft
// Entra ID. The Entra module, and with it MSAL, is its own chunk and is never loaded in
// local mode.
export function createTokenProvider(
  config: Promise<AppConfig>,
  host: MailboxHost,
  hostContext: Promise<HostContext>,
): TokenProvider {
  const provider: Promise<TokenProvider> = config.then(async ({ auth }) => {
    if (auth.mode === 'local') return createLocalTokenProvider();
    const { createMsalTokenProvider } = await import('./msal-token');
    return createMsalTokenProvider(auth, host, hostContext);
  });
  return {
    getToken: async (options) => (await provider).getToken(options),
    signIn: async () => (await provider).signIn(),
  };
}
