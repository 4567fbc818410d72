import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { AppRole } from '@klarkonform/shared';
import {
  type AppConfig,
  type BuildOptions,
  buildApp,
  createLocalIssuer,
  type LocalIssuer,
  loadConfig,
  loadOrCreateIssuerKey,
  type TokenRequest,
} from '../../api/src/index';

export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';
export const TENANT_NOT_ALLOWED = '33333333-3333-4333-8333-333333333333';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: AppConfig;
  readonly issuer: LocalIssuer;
  token(request?: Partial<TokenRequest>): Promise<string>;
  /** app.inject with a bearer token for the given user (Sales + Admin in tenant A by default). */
  request(options: InjectOptions, as?: Partial<TokenRequest>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

// A real API on the real database engine, in a database of its own, with a
// local token issuer whose tokens go through the production verification.
export async function createTestApp(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-test-'));
  const config = loadConfig({
    LOCAL_ISSUER: 'true',
    ALLOWED_TENANTS: `${TENANT_A},${TENANT_B}`,
    MONGODB_URI: inject('mongodbUri'),
    MONGODB_DB: `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const app = await buildApp(config, options);
  await app.ready();
  // Tests start from a migrated database (the start-up migrations run in the background).
  await app.migrations.done;
  const key = await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile);
  const issuer = createLocalIssuer(key, config.auth.issuerTemplate, config.auth.audience);

  const token = (req: Partial<TokenRequest> = {}) =>
    issuer.mint({
      tenantId: TENANT_A,
      userId: 'user-a',
      roles: ['CRM.Sales', 'CRM.Admin'] as AppRole[],
      name: 'Test User',
      ...req,
    });

  return {
    app,
    config,
    issuer,
    token,
    async request(options, as = {}) {
      const headers = { authorization: `Bearer ${await token(as)}`, ...(options.headers ?? {}) };
      return app.inject({ ...options, headers });
    },
    async close() {
      await app.mongo.dropDatabase().catch(() => undefined);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
