// A still-valid access token from an earlier pane session, so a cold open can call the API
// before (or without) loading MSAL. Storage can be unavailable (privacy modes): then the
// cache simply stays empty.
const MIN_REMAINING_MS = 5 * 60_000;

export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

export interface TokenCache {
  read(): string | undefined;
  write(token: CachedToken): void;
  clear(): void;
}

export function createTokenCache(key: string, storage: () => Storage = () => sessionStorage): TokenCache {
  let memory: CachedToken | undefined;
  const fresh = (token: CachedToken | undefined) =>
    token && token.expiresAt - Date.now() > MIN_REMAINING_MS ? token.accessToken : undefined;
  return {
    read() {
      if (fresh(memory)) return memory?.accessToken;
      try {
        const stored = storage().getItem(key);
        memory = stored ? (JSON.parse(stored) as CachedToken) : undefined;
      } catch {
        memory = undefined;
      }
      return fresh(memory);
    },
    write(token) {
      memory = token;
      try {
        storage().setItem(key, JSON.stringify(token));
      } catch {
        // Memory only.
      }
    },
    clear() {
      memory = undefined;
      try {
        storage().removeItem(key);
      } catch {
        // Nothing stored.
      }
    },
  };
}
