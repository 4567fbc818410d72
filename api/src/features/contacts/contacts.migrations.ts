import { localDate } from '@klarkonform/shared';
import { type Connection, Types } from 'mongoose';
import { needsReshape, reshapeContact } from './contact-reshape.rules';
import type { ContactDoc } from './contacts.model';
import { derive, fieldsOf, storedFieldsOf } from './contacts.mapper';
import { LOOKUP_FIELDS } from './lookup-keys.rules';

// Start-up migration of contacts stored by earlier versions: they carry their search keys in a
// `keys` sub-document and lack the top-level lookup fields every query now reads
// (QUERY-RULES.md), so cards and search would not find them. Runs once per database (a marker
// in `migrations`), resumes after a crash (each contact is migrated by its own version-checked
// write), and several API instances may run it at once.

const MARKER = 'contacts.lookupFields.v1';
// One shape of e-mails and phones for both kinds, and an owner (contact-reshape.rules.ts).
export const RESHAPE_MARKER = 'contacts.reach.v1';
// Bump this marker whenever a rule behind the lookup fields changes; one marker, the latest rules.
// v1: since text.rules.ts invisible characters no longer split a name ("Mü\u200bller" was
// "mue ller") and decomposed letters fold like composed ones. v2: a phonetic code runs across
// the spaces of a name ("Karl Heinz" is 47568 like "Karl-Heinz", was "475 068") and every legal
// form of legal-forms.data.ts leaves the company key ("Muster Holzbau eGbR" → "musterholzbau").
// v3: a name of several parts is also stored joined ("Karl Heinz" → "karlheinz" in namePrefixes);
// the phonetic last name of the blocking keys leaves out particles and titles of nobility
// ("von Weizsäcker" blocks as "Weizsäcker" in matchKeys); the company key leaves out a branch,
// country or owner note after the legal form ("Muster GmbH, Berlin" → "muster"). v4: abbreviated
// particles and titles of nobility ("v. Weber", "Frhr. von Stein") leave the phonetic last name too.
// v5: a place after the legal form leaves the company key ("Muster GmbH Berlin" → "muster").
// v6: list keys per owner ("Meine Kontakte", "Meine Leads"). v7: the whole name words
// (`nameWords`) and their phonetic codes (`phoneticKeys`) for ranked and phonetic search.
export const REFRESH_MARKER = 'contacts.lookupFields.rules.v7';

type Db = NonNullable<Connection['db']>;

/** Writes in flight at once: one contact per write, several at a time (the engine's index updates dominate). */
const WRITE_CONCURRENCY = 8;

/** Runs `task` for every item of `items`, at most `limit` at a time; resolves with the sum of the results. */
async function eachConcurrently<T>(
  items: AsyncIterable<T>,
  limit: number,
  task: (item: T) => Promise<number>,
  signal?: AbortSignal,
): Promise<number> {
  const running = new Set<Promise<void>>();
  let total = 0;
  for await (const item of items) {
    if (signal?.aborted) break;
    const run: Promise<void> = task(item).then((n) => {
      total += n;
      running.delete(run);
    });
    running.add(run);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
  return total;
}
const migrationsOf = (db: Db) => db.collection<{ _id: string; at: Date }>('migrations');
type Migrations = ReturnType<typeof migrationsOf>;

/**
 * Adds the lookup fields to contacts that lack them, then re-derives those that the current key
 * rules would write differently; returns how many contacts were migrated.
 */
export async function migrateContactLookupFields(connection: Connection, signal?: AbortSignal): Promise<number> {
  const db = connection.db;
  if (!db) throw new Error('database not connected');
  const migrations = migrationsOf(db);
  return (
    (await reshapeContacts(db, migrations, signal)) +
    (await addLookupFields(db, migrations, signal)) +
    (await refreshLookupFields(db, migrations, signal))
  );
}

/**
 * Brings contacts of the earlier shape into the current one (company `email`/`phone`, person
 * `phone`/`mobile` → `emails`, `businessPhones`, `mobilePhone`, `homePhones`; `ownerId` from the
 * creator), re-deriving what depends on them, and records each creator as a tenant user so the
 * owners can be chosen and named. Each contact is written by its own version-checked update, so
 * a crash or a second instance resumes without harm.
 */
async function reshapeContacts(db: Db, migrations: Migrations, signal?: AbortSignal): Promise<number> {
  if (await migrations.findOne({ _id: RESHAPE_MARKER })) return 0;
  const contacts = db.collection<ContactDoc>('contacts');
  const users = db.collection('users');
  const today = localDate(new Date());
  const creators = new Map<string, { tenantId: string; id: string; name: string }>();
  const migrated = await eachConcurrently(
    contacts.find({}),
    WRITE_CONCURRENCY,
    async (doc) => {
      const creator = doc.createdBy as { id?: string; name?: string } | undefined;
      if (creator?.id)
        creators.set(`${doc.tenantId}\n${creator.id}`, {
          tenantId: doc.tenantId,
          id: creator.id,
          name: creator.name || creator.id,
        });
      const stored = storedFieldsOf(doc);
      if (!needsReshape(stored)) return 0;
      const { fields, lookup } = derive(reshapeContact(stored, today, () => new Types.ObjectId().toHexString()));
      const result = await contacts
        .updateOne(
          { _id: doc._id, version: doc.version },
          {
            $set: { ...fields, ...(doc.sortName === undefined ? {} : lookup), version: doc.version + 1 },
            $unset: { email: '', phone: '', mobile: '' },
          },
        )
        .catch(() => ({ modifiedCount: 0 })); // a concurrent writer or instance got there first
      return result.modifiedCount;
    },
    signal,
  );
  const now = new Date();
  for (const user of creators.values()) {
    await users.updateOne(
      { tenantId: user.tenantId, userId: user.id },
      { $setOnInsert: { name: user.name, firstSeenAt: now, lastSeenAt: now } },
      { upsert: true },
    );
  }
  if (signal?.aborted) return migrated;
  await migrations.updateOne({ _id: RESHAPE_MARKER }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return migrated;
}

async function addLookupFields(db: Db, migrations: Migrations, signal?: AbortSignal): Promise<number> {
  if (await migrations.findOne({ _id: MARKER })) return 0;

  // Across tenants on purpose (a maintenance pass, not a request): the raw collection, not the
  // tenant-scoped model. `sortName` is the first lookup field every migrated contact has.
  const contacts = db.collection<ContactDoc>('contacts');
  const migrated = await eachConcurrently(
    contacts.find({ sortName: { $exists: false } }),
    WRITE_CONCURRENCY,
    async (doc) => {
      const { lookup } = derive(fieldsOf(doc));
      const result = await contacts
        .updateOne(
          { _id: doc._id, version: doc.version },
          { $set: { ...lookup, version: doc.version + 1 }, $unset: { keys: '' } },
        )
        .catch(() => ({ modifiedCount: 0 })); // a concurrent writer or instance got there first
      return result.modifiedCount;
    },
  );
  if (signal?.aborted) return migrated;
  await migrations.updateOne({ _id: MARKER }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return migrated;
}

// Same pass for contacts that have lookup fields: only those whose fields differ are written.
async function refreshLookupFields(db: Db, migrations: Migrations, signal?: AbortSignal): Promise<number> {
  if (await migrations.findOne({ _id: REFRESH_MARKER })) return 0;
  const contacts = db.collection<ContactDoc>('contacts');
  const migrated = await eachConcurrently(
    contacts.find({ sortName: { $exists: true } }),
    WRITE_CONCURRENCY,
    async (doc) => {
      const { lookup } = derive(fieldsOf(doc));
      const stored = doc as unknown as Record<string, unknown>;
      const stale = LOOKUP_FIELDS.some((field) => JSON.stringify(stored[field]) !== JSON.stringify(lookup[field]));
      if (!stale) return 0;
      const result = await contacts
        .updateOne({ _id: doc._id, version: doc.version }, { $set: { ...lookup, version: doc.version + 1 } })
        .catch(() => ({ modifiedCount: 0 })); // a concurrent writer re-derived it already
      return result.modifiedCount;
    },
  );
  if (signal?.aborted) return migrated;
  await migrations.updateOne({ _id: REFRESH_MARKER }, { $setOnInsert: { at: new Date() } }, { upsert: true });
  return migrated;
}
