// What the browser benchmarks share: the real API with the local issuer on a fresh embedded
// engine of its own (the benches run outside vitest, so tests/browser/support/browser-app.ts's
// run-wide engine is not there), and the statistics they print.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, loadConfig, REPO_ROOT, startEmbeddedMongo } from '../../api/src/index';

/** p50/p95/max of timings in ms; `n` how many. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

export const stats = (values: number[]): Stats => ({
  n: values.length,
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  max: Math.max(...values),
});

/** "p50 12 ms, p95 20 ms, max 31 ms (n=40)", with `digits` after the point. */
export const formatStats = (s: Stats, digits = 0) =>
  `p50 ${s.p50.toFixed(digits)} ms, p95 ${s.p95.toFixed(digits)} ms, max ${s.max.toFixed(digits)} ms (n=${s.n})`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface BenchServer {
  app: FastifyInstance;
  baseUrl: string;
  /** Stops the API and the engine and removes their directories. */
  close(): Promise<void>;
}

/**
 * The API on a loopback port, on its own embedded engine; `name` prefixes the temporary
 * directories, `env` adds settings (e.g. the mirror's GRAPH_*).
 */
export async function startBenchServer(name: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `kk-${name}-`));
  // Its own directory: the engine hands it to the postgres user when we run as root (a
  // directory inside the 700 dataDir would not be reachable for that user).
  const engineDir = mkdtempSync(path.join(tmpdir(), `kk-${name}-db-`));
  const engine = await startEmbeddedMongo({
    binary: path.join(REPO_ROOT, 'tools/embedded-mongo/bin/embedded-mongo'),
    dataDir: engineDir,
  });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const app = await buildApp(
    loadConfig({
      LOCAL_ISSUER: 'true',
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      MONGODB_URI: engine.uri,
      MONGODB_DB: `bench_${randomUUID().slice(0, 8)}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    }),
  );
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    baseUrl,
    async close() {
      await app.close();
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(engineDir, { recursive: true, force: true });
    },
  };
}
