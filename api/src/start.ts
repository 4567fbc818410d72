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
  if (!config.mongodbUri) {
    embedded = await startEmbeddedMongo({ binary: config.embeddedMongoBin, dataDir: path.join(config.dataDir, 'db') });
    config = Object.freeze({ ...config, mongodbUri: embedded.uri });
  }

  const app = await buildApp(config);
  app.addHook('onClose', async () => {
    await embedded?.stop();
  });
  if (embedded) app.log.info('using the embedded database (FerretDB on SQLite) under %s', config.dataDir);

  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });

  await app.listen({ host: config.host, port: config.port });
  const base = config.publicBaseUrl;
  app.log.info(
    `KlarKonform is ready — task pane demo ${base}/addin/demo.html · Teams tab ${base}/teams/tab.html · API docs ${base}/docs`,
  );
}
