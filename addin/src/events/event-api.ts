import { type AppConfig, AuthRequiredError, createTokenCache } from '@klarkonform/shared/auth';
import { createApiClient } from '@klarkonform/shared/http';

// The API as the event handlers reach it: absolute URLs (the classic Windows JS-only runtime has
// no page to resolve relative ones against) and silent sign-in only (UI APIs are blocked in event
// runtimes; m365-tech.md §6.3). The origin is the script's own (events.html loads it from the
// API's origin), else the public URL the API stamps into the file it serves (api web.routes).

/** Replaced by the API with its PUBLIC_BASE_URL (JSON string) when it serves events.js. */
const STAMPED_ORIGIN = '__KLARKONFORM_PUBLIC_BASE_URL__';

const ownScript = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;

/** The API's origin ("https://crm.muster.de"), or '' when nothing names it. */
export function apiOrigin(): string {
  if (ownScript?.src) return new URL(ownScript.src).origin;
  if (/^https?:\/\//.test(STAMPED_ORIGIN)) return STAMPED_ORIGIN.replace(/\/+$/, '');
  const here = typeof location !== 'undefined' ? location.origin : '';
  return /^https?:/.test(here) ? here : '';
}

let config: Promise<AppConfig> | undefined;

function appConfig(origin: string): Promise<AppConfig> {
  config ??= fetch(`${origin}/app-config.json`, { signal: AbortSignal.timeout(3000) }).then(async (res) => {
    if (!res.ok) throw new Error(`app-config.json: HTTP ${res.status}`);
    return (await res.json()) as AppConfig;
  });
  config.catch(() => {
    config = undefined;
  });
  return config;
}

async function localToken(origin: string, forceRefresh: boolean): Promise<string> {
  const cache = createTokenCache('kk.local-token');
  if (forceRefresh) cache.clear();
  const cached = cache.read();
  if (cached) return cached;
  const res = await fetch(`${origin}/local-issuer/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(3000),
  });
  if (!res.ok) throw new AuthRequiredError(`local issuer: HTTP ${res.status}`);
  const { accessToken, expiresIn } = (await res.json()) as { accessToken: string; expiresIn: number };
  cache.write({ accessToken, expiresAt: Date.now() + expiresIn * 1000 });
  return accessToken;
}

// Nested app authentication, silently: the task pane's cached token first (same key), then MSAL.
async function entraToken(settings: { clientId: string; scope: string }, forceRefresh: boolean): Promise<string> {
  const cache = createTokenCache(`kk.token.${settings.clientId}`);
  if (forceRefresh) cache.clear();
  const cached = cache.read();
  if (cached) return cached;
  try {
    const msal = await import('@azure/msal-browser');
    const app = await msal.createNestablePublicClientApplication({
      auth: { clientId: settings.clientId, authority: 'https://login.microsoftonline.com/organizations' },
      cache: { cacheLocation: 'localStorage' },
    });
    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    const result = await app.acquireTokenSilent({
      scopes: [settings.scope],
      forceRefresh,
      ...(account ? { account } : {}),
    });
    cache.write({ accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_000_000 });
    return result.accessToken;
  } catch (err) {
    throw new AuthRequiredError(err);
  }
}

/** A bearer token for the API without any UI; AuthRequiredError when only an interactive sign-in would do. */
export async function eventToken(origin: string, forceRefresh: boolean): Promise<string> {
  const { auth } = await appConfig(origin);
  return auth.mode === 'local' ? localToken(origin, forceRefresh) : entraToken(auth, forceRefresh);
}

/** The typed client against `origin`; each call takes its own deadline (AbortSignal). */
export function eventApi(origin: string, language: () => 'de' | 'en') {
  return createApiClient({
    baseUrl: origin,
    getToken: ({ forceRefresh }) => eventToken(origin, forceRefresh),
    language,
    timeoutMs: 4000,
  });
}
