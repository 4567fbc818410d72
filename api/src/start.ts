import { readdirSync } from 'node:fs';
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { type AppConfig, ConfigError, loadConfig } from './config';
import { type EmbeddedMongo, startEmbeddedMongo } from './infra/embedded-mongo';

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

export async function startServer(defaults: Record<string, string> = {}): Promise<void> {
  let config = readConfig(defaults);
  let embedded: EmbeddedMongo | undefined;
  let oldSqliteFiles: string[] = [];
  let reportEngineExit = (message: string) => console.error(message);
  if (!config.mongodbUri) {
    const dataDir = path.join(config.dataDir, 'db');
    oldSqliteFiles = sqliteFiles(dataDir);
    embedded = await startEmbeddedMongo({
      binary: config.embeddedMongoBin,
      dataDir,
      // A crash of PostgreSQL or FerretDB stops the API (exit 1), so that a supervisor (systemd,
      // a container runtime) restarts it and the engine recovers, instead of serving errors.
      onUnexpectedExit: (message) => reportEngineExit(message),
    });
    config = Object.freeze({ ...config, mongodbUri: embedded.uri });
  }

  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(config);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  app.addHook('onClose', async () => {
    await embedded?.stop();
  });
  if (embedded) {
    reportEngineExit = (message) => {
      app.log.error(`${message} — stopping the API`);
      void app.close().finally(() => process.exit(1));
    };
    app.log.info('using the embedded database (FerretDB on the embedded PostgreSQL) under %s', config.dataDir);
    if (oldSqliteFiles.length > 0) {
      app.log.warn(
        'the embedded database now runs on PostgreSQL; the SQLite files of the previous engine in %s (%s) are no longer used and can be deleted',
        path.join(config.dataDir, 'db'),
        oldSqliteFiles.join(', '),
      );
    }
  }

  closeWithGrace(
    {
      delay: 15_000,
      // A second Ctrl-C ends the process at once; the engine still gets its stop signal, so
      // PostgreSQL shuts down by itself instead of being left running.
      onSecondSignal: (signal) => {
        app.log.warn({ signal }, 'second signal: exiting now');
        embedded?.signalStop();
      },
    },
    async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'shutting down after an error');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
    },
  );

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    await app.close(); // stops the embedded engine too
    throw err;
  }
  const base = config.publicBaseUrl;
  app.log.info(
    `KlarKonform is ready — task pane demo ${base}/addin/demo.html · Teams tab ${base}/teams/tab.html · API docs ${base}/docs`,
  );
}

/** Files of the previous engine (FerretDB on SQLite) in the data directory. */
function sqliteFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
  } catch {
    return [];
  }
}
