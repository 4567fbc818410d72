import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp, loadConfig } from '../../../api/src/index';

// The real API, listening on a free loopback port, on the run's database engine in a database
// of its own, with the local issuer. It serves the built task pane and demo page
// (addin/dist), so the browser loads exactly what production serves, CSP included.

export interface BrowserApp {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `env`: extra settings, e.g. `{ SEED_DEMO: 'true' }` for the demo tenant's data. */
export async function startBrowserApp(env: Readonly<Record<string, string>> = {}): Promise<BrowserApp> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-browser-'));
  const config = loadConfig({
    LOCAL_ISSUER: 'true',
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    MONGODB_URI: inject('mongodbUri'),
    MONGODB_DB: `b_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const app = await buildApp(config);
  await app.listen({ port, host: '127.0.0.1' });
  await app.migrations.done;
  return {
    app,
    baseUrl,
    async close() {
      await app.mongo.dropDatabase().catch(() => undefined);
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
