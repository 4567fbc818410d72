import mongoose from 'mongoose';
import { ConfigError, loadDatabaseConfig } from '../config';
import { activityModel } from '../features/activities/activities.model';
import { auditModel } from '../features/audit/audit.model';
import { contactModels } from '../features/contacts/contacts.model';
import { followUpModel } from '../features/follow-ups/follow-ups.model';
import { opportunityModel } from '../features/opportunities/opportunities.model';
import { userModel } from '../features/users/users.repository';

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
    const { contacts, counters } = contactModels(connection);
    for (const model of [
      contacts,
      counters,
      auditModel(connection),
      userModel(connection),
      activityModel(connection),
      followUpModel(connection),
      opportunityModel(connection),
    ]) {
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
