import mongoose from 'mongoose';
import { ConfigError, loadDatabaseConfig } from '../config';
import { exportDatabase, importDatabase } from '../infra/db-transfer';
import { type EmbeddedMongo, startEmbeddedMongo } from '../infra/embedded-mongo';

// npm run db:export -- <dir>            copies the database into <dir> (one file per collection)
// npm run db:import -- <dir> [--replace] loads such a copy, e.g. into MongoDB:
//   MONGODB_URI=mongodb+srv://… npm run db:import -- backup/
// Without MONGODB_URI both work on the embedded engine's data under DATA_DIR; stop KlarKonform
// first (the engine's data belongs to one running server at a time).
const USAGE = 'usage: db-transfer export <dir> | import <dir> [--replace]';

async function main(): Promise<void> {
  const [command, dir, ...flags] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'import') || !dir) throw new Error(USAGE);
  const unknown = flags.filter((f) => f !== '--replace');
  if (unknown.length > 0 || (command === 'export' && flags.length > 0)) throw new Error(USAGE);

  const config = loadDatabaseConfig();
  let engine: EmbeddedMongo | undefined;
  if (!config.mongodbUri) {
    engine = await startEmbeddedMongo({ binary: config.embeddedMongoBin, dataDir: config.embeddedDataDir });
  }
  const connection = await mongoose
    .createConnection(config.mongodbUri ?? engine!.uri, { dbName: config.mongodbDb, autoIndex: false })
    .asPromise();
  try {
    const db = connection.db!;
    const report =
      command === 'export'
        ? await exportDatabase(db, dir)
        : await importDatabase(db, dir, { replace: flags.includes('--replace') });
    const where = config.mongodbUri ? `MongoDB database "${config.mongodbDb}"` : 'the embedded engine';
    console.log(`${command === 'export' ? 'Exported from' : 'Imported into'} ${where}:`);
    for (const [name, count] of Object.entries(report.collections)) console.log(`  ${name}: ${count}`);
  } finally {
    await connection.close();
    await engine?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`db-transfer: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
