import fp from 'fastify-plugin';
import mongoose, { type Connection } from 'mongoose';
import type { AppConfig } from '../config';
import { API_PREFIX } from './auth';
import { DatabaseAvailability } from './db-availability';
import { sendUnavailable } from './errors';

declare module 'fastify' {
  interface FastifyInstance {
    mongo: Connection;
    /** Is the database reachable now (connection events, the embedded engine's supervisor)? */
    dbAvailability: DatabaseAvailability;
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
      // A host that drops packets (instead of refusing) holds a new connection this long, not the
      // driver's 30 s: requests in an outage answer 503 within seconds.
      connectTimeoutMS: 5_000,
      // While the server is away an operation fails (and answers 503) instead of waiting in
      // mongoose's queue for 10 s and then failing with an error that says nothing.
      bufferCommands: false,
    });
    try {
      await connection.asPromise();
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw new Error(`Cannot reach the database at ${hostsOf(config.mongodbUri)}: ${(err as Error).message}`);
    }
    app.decorate('mongo', connection);
    const availability = new DatabaseAvailability(() => pingDatabase(connection));
    app.decorate('dbAvailability', availability);
    let closing = false;
    connection.on('disconnected', () => {
      if (closing) return;
      availability.setConnection(false);
      app.log.warn('lost the connection to the database; API requests answer 503 until it is back');
    });
    connection.on('reconnected', () => {
      availability.setConnection(true);
      app.log.info('the connection to the database is back');
    });
    // Runs before authentication (registered first): a request that needs the database gets its
    // 503 at once, not after the driver's server selection has timed out.
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith(API_PREFIX) || availability.check()) return;
      return sendUnavailable(reply, availability.retryAfterSeconds());
    });
    app.addHook('onClose', async () => {
      closing = true;
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
