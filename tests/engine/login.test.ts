import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';

// The embedded engine's port is on 127.0.0.1, where every local user and process can reach it.
// FerretDB has no users of its own; it passes the client's login on to PostgreSQL. Without the
// PostgreSQL password (a mode-600 file of the postgres user) a client gets nothing.

const uri = inject('mongodbUri');
const embedded = inject('postgresUrl') !== '';

describe.runIf(embedded)('login to the embedded engine', () => {
  it('refuses a client without the password, and one with a wrong password', async () => {
    const anonymous = new URL(uri);
    anonymous.username = '';
    anonymous.password = '';
    anonymous.searchParams.delete('authMechanism');
    const wrong = new URL(uri);
    wrong.password = 'guessed';
    for (const attempt of [anonymous.toString(), wrong.toString()]) {
      const client = new MongoClient(attempt, { serverSelectionTimeoutMS: 5000 });
      try {
        await expect(client.db('klarkonform').collection('contacts').findOne({})).rejects.toThrow();
        await expect(client.db('probe').collection('probe').insertOne({ x: 1 })).rejects.toThrow();
      } finally {
        await client.close();
      }
    }
  });

  it('serves a client with the login the API uses', async () => {
    const client = new MongoClient(uri);
    try {
      await client.db('login_probe').collection('c').insertOne({ ok: true });
      expect(await client.db('login_probe').collection('c').countDocuments()).toBe(1);
      await client.db('login_probe').dropDatabase();
    } finally {
      await client.close();
    }
  });
});
