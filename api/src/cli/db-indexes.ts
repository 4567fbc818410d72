import mongoose from 'mongoose';
import { ConfigError, loadDatabaseConfig } from '../config';
import { indexedModels } from './indexed-models';

// Creates the indexes every query relies on, for deployments that start the
// API with MONGODB_AUTO_INDEX=false (large collections, index builds planned
// by an operator). Safe to run repeatedly: existing indexes are kept.
async function main(): Promise<void> {
  const config = loadDatabaseConfig();
  if (!config.mongodbUri) throw new Error('MONGODB_URI is required');
  const connection = await mongoose
    .createConnection(config.mongodbUri, { dbName: config.mongodbDb, autoIndex: false })
    .asPromise();
  try {
    for (const model of indexedModels(connection)) {
      await model.createCollection().catch(() => undefined);
      await model.createIndexes();
      const names = (await model.listIndexes()).map((i) => i.name);
      console.log(`${model.collection.collectionName}: ${names.join(', ')}`);
    }
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(`db-indexes: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
