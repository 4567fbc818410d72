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
      // below Fastify's plugin timeout, so an unreachable server is reported as such
      serverSelectionTimeoutMS: 7_000,
    });
    try {
      await connection.asPromise();
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw new Error(`Cannot reach the database at ${hostsOf(config.mongodbUri)}: ${(err as Error).message}`);
    }
    app.decorate('mongo', connection);
    app.addHook('onClose', async () => {
      await connection.close();
    });
  },
  { name: 'db' },
);

/** The hosts of a connection string, without credentials, for messages. */
function hostsOf(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri);
  return match?.[1] ?? 'MONGODB_URI';
}

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
