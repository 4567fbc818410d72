import { readdirSync } from 'node:fs';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { type AppConfig, ConfigError, loadConfig } from './config';
import { type SupervisedEngine, startSupervisedEngine } from './infra/embedded-mongo-supervisor';
import { announceLocalServer } from './infra/local-server-registry';

// Starts the API: configuration, the database (the embedded engine when no
// MONGODB_URI is given), the app, and a graceful shutdown on SIGTERM/SIGINT.
// `defaults` fill in variables the environment leaves unset (the dev start).

function readConfig(defaults: Record<string, string>): AppConfig {
  try {
    return loadConfig(undefined, defaults);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`KlarKonform API: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/** The app on its database, not yet listening; `engine` only when the embedded engine was started. */
export interface ServerApp {
  readonly app: FastifyInstance;
  readonly engine: SupervisedEngine | undefined;
}

/**
 * Builds the app on MONGODB_URI, or on the embedded engine started here. A crash of PostgreSQL or
 * FerretDB does not stop the API: the engine's supervisor restarts the dead part (with a
 * back-off) and API requests answer 503 with Retry-After meanwhile. Closing the app stops the engine.
 */
export async function createServerApp(appConfig: AppConfig): Promise<ServerApp> {
  let config = appConfig;
  let engine: SupervisedEngine | undefined;
  let oldSqliteFiles: string[] = [];
  if (!config.mongodbUri) {
    const dataDir = path.join(config.dataDir, 'db');
    oldSqliteFiles = sqliteFiles(dataDir);
    engine = await startSupervisedEngine({ binary: config.embeddedMongoBin, dataDir });
    config = Object.freeze({ ...config, mongodbUri: engine.uri });
  }

  let app: FastifyInstance;
  try {
    app = await buildApp(config);
  } catch (err) {
    await engine?.stop();
    throw err;
  }
  if (engine) {
    const supervised = engine;
    supervised.useLogger(app.log);
    const unsubscribe = supervised.onStatus((status) =>
      app.dbAvailability.setEngine(status.up, status.retryAfterSeconds),
    );
    app.addHook('onClose', async () => {
      unsubscribe();
      await supervised.stop();
    });
    app.log.info('using the embedded database (FerretDB on the embedded PostgreSQL) under %s', config.dataDir);
    if (oldSqliteFiles.length > 0) {
      app.log.warn(
        'the embedded database now runs on PostgreSQL; the SQLite files of the previous engine in %s (%s) are no longer used and can be deleted',
        path.join(config.dataDir, 'db'),
        oldSqliteFiles.join(', '),
      );
    }
  }
  return { app, engine };
}

export async function startServer(defaults: Record<string, string> = {}): Promise<void> {
  const config = readConfig(defaults);
  const { app, engine } = await createServerApp(config);
  let unannounce: (() => Promise<void>) | undefined;

  closeWithGrace(
    {
      delay: 15_000,
      // A second Ctrl-C ends the process at once; the engine still gets its stop signal, so
      // PostgreSQL shuts down by itself instead of being left running.
      onSecondSignal: (signal) => {
        app.log.warn({ signal }, 'second signal: exiting now');
        engine?.signalStop();
      },
    },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'shutting down after an error');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
      await unannounce?.();
    },
  );

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close(); // stops the embedded engine too
    throw err;
  }
  if (config.auth.localIssuer) unannounce = await announce(app, config);
  const base = config.publicBaseUrl;
  app.log.info(
    `KlarKonform is ready — task pane demo ${base}/addin/demo.html · Teams tab ${base}/teams/tab.html · API docs ${base}/docs`,
  );
}

/** Lets `npm run dev-token` find this server whatever PORT and DATA_DIR it runs with. */
async function announce(app: FastifyInstance, config: AppConfig): Promise<() => Promise<void>> {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  try {
    return await announceLocalServer({
      url: `http://${host}:${port}`,
      publicBaseUrl: config.publicBaseUrl,
      dataDir: config.dataDir,
    });
  } catch (err) {
    app.log.warn({ err }, 'could not record the server for npm run dev-token (it needs --server then)');
    return async () => undefined;
  }
}

/** Files of the previous engine (FerretDB on SQLite) in the data directory. */
function sqliteFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
  } catch {
    return [];
  }
}
