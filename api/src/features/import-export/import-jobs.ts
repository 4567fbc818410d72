import type { Connection } from 'mongoose';

// The index of imports with a run to do: one tiny document per import (its id and tenant, no
// personal data), so that any API instance finds the runs to take up — after a restart, or when
// the instance running one died — without reading every tenant's imports. The import document
// itself (tenant-scoped) holds the lease that decides who runs it.

interface JobDoc {
  _id: string;
  tenantId: string;
  at: Date;
}

/** Most jobs read per scan. */
const SCAN_LIMIT = 200;

export class ImportJobs {
  constructor(private readonly connection: Connection) {}

  private collection() {
    const db = this.connection.db;
    if (!db) throw new Error('database not connected');
    return db.collection<JobDoc>('importJobs');
  }

  async add(tenantId: string, importId: string): Promise<void> {
    await this.collection().updateOne({ _id: importId }, { $set: { tenantId, at: new Date() } }, { upsert: true });
  }

  async remove(importId: string): Promise<void> {
    await this.collection().deleteOne({ _id: importId });
  }

  async list(): Promise<JobDoc[]> {
    return this.collection().find({}).limit(SCAN_LIMIT).toArray();
  }
}
