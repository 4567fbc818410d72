// What the API tells the front end about sign-in (`GET /app-config.json`, no auth).
export type AuthConfig = { mode: 'local' } | { mode: 'entra'; clientId: string; scope: string };

export interface AppConfig {
  auth: AuthConfig;
}

export async function loadAppConfig(): Promise<AppConfig> {
  const response = await fetch('/app-config.json', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`app-config.json: HTTP ${response.status}`);
  return (await response.json()) as AppConfig;
}
