import fp from 'fastify-plugin';
import mongoose, { type Connection } from 'mongoose';
import type { AppConfig } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    mongo: Connection;
  }
}

// One mongoose connection per app instance (never the global default), so
// tests can run several apps against different databases in one process.
export const dbPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    if (!config.mongodbUri)
      throw new Error('No database URI: set MONGODB_URI or let server.ts start the embedded engine');
    const connection = mongoose.createConnection(config.mongodbUri, {
      dbName: config.mongodbDb,
      autoIndex: config.mongodbAutoIndex,
      autoCreate: config.mongodbAutoIndex,
      serverSelectionTimeoutMS: 10_000,
    });
    await connection.asPromise();
    app.decorate('mongo', connection);
    app.addHook('onClose', async () => {
      await connection.close();
    });
  },
  { name: 'db' },
);

export async function pingDatabase(connection: Connection): Promise<boolean> {
  try {
    const db = connection.db;
    if (!db) return false;
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}
