// Sign-in pieces both front ends share: what /app-config.json says, the token provider
// contract, a token cache and the local issuer's provider. MSAL stays in each front end,
// which knows its host (Outlook or Teams); this entry never imports React or MSAL.
export { type AppConfig, type AuthConfig, loadAppConfig } from './app-config';
export { createLocalTokenProvider } from './local-token';
export { type CachedToken, createTokenCache, type TokenCache } from './token-cache';
export { AuthRequiredError, type TokenProvider } from './token-provider';
