import type { Connection } from 'mongoose';
import type { ContactDoc } from './contacts.model';
import { derive, fieldsOf } from './contacts.mapper';

// Start-up migration of contacts stored by earlier versions: they carry their search keys in a
// `keys` sub-document and lack the top-level lookup fields every query now reads
// (QUERY-RULES.md), so cards and search would not find them. Runs once per database (a marker
// in `migrations`), resumes after a crash (each contact is migrated by its own version-checked
// write), and several API instances may run it at once.

const MARKER = 'contacts.lookupFields.v1';

/** Adds the lookup fields to contacts that lack them; returns how many were migrated. */
export async function migrateContactLookupFields(connection: Connection): Promise<number> {
  const db = connection.db;
  if (!db) throw new Error('database not connected');
  const migrations = db.collection<{ _id: string; at: Date }>('migrations');
  if (await migrations.findOne({ _id: MARKER })) return 0;

  // Across tenants on purpose (a maintenance pass, not a request): the raw collection, not the
  // tenant-scoped model. `sortName` is the first lookup field every migrated contact has.
  const contacts = db.collection<ContactDoc>('contacts');
  let migrated = 0;
  for await (const doc of contacts.find({ sortName: { $exists: false } })) {
    const { lookup } = derive(fieldsOf(doc));
    const result = await contacts
      .updateOne(
        { _id: doc._id, version: doc.version },
        { $set: { ...lookup, version: doc.version + 1 }, $unset: { keys: '' } },
      )
      .catch(() => ({ modifiedCount: 0 })); // a concurrent writer or instance got there first
    migrated += result.modifiedCount;
  }
  await migrations.updateOne({ _id: MARKER }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return migrated;
}
