import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../api/src/config';
import { createServerApp, type ServerApp } from '../../api/src/start';

// The API as `npm start` builds it (createServerApp: config, supervised embedded engine, app),
// for engine tests that break the database under it; with a local-issuer token for one tenant.

export const TENANT = '11111111-1111-4111-8111-111111111111';

export interface Served {
  readonly app: ServerApp['app'];
  token: string;
}

export async function serve(dataDir: string, env: Record<string, string> = {}): Promise<ServerApp & Served> {
  const config = loadConfig({
    LOCAL_ISSUER: 'true',
    ALLOWED_TENANTS: TENANT,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const server = await createServerApp(config);
  await server.app.ready();
  const token = await server.app.localIssuer!.mint({
    tenantId: TENANT,
    userId: 'user-a',
    roles: ['CRM.Sales', 'CRM.Admin'],
  });
  return { ...server, token };
}

/** app.inject with the token; `ms` is how long the answer took. */
export async function call(s: Served, options: InjectOptions): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const t = Date.now();
  const res = await s.app.inject({
    ...options,
    headers: { authorization: `Bearer ${s.token}`, ...(options.headers ?? {}) },
  });
  return { res, ms: Date.now() - t };
}

export const create = (s: Served, key: string, name: string) =>
  call(s, {
    method: 'POST',
    url: '/api/v1/contacts',
    headers: { 'idempotency-key': key },
    payload: { kind: 'company', name },
  });

export const read = (s: Served, id: string, lang = 'de') =>
  call(s, { method: 'GET', url: `/api/v1/contacts/${id}`, headers: { 'accept-language': lang } });
