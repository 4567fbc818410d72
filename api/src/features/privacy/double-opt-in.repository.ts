import { randomBytes } from 'node:crypto';
import { type Connection, type Model, Types } from 'mongoose';
import { isObjectId } from '../../infra/tenant-documents';
import { isStaleWrite } from '../../infra/write-races';
import {
  type DoubleOptInSecretDoc,
  type DoubleOptInTokenDoc,
  doubleOptInSecretModel,
  doubleOptInTokenModel,
} from './double-opt-in.model';

// Data access for double opt-in links: equality lookups on tenantId + _id, the claim on version.

export class DoubleOptInRepository {
  private readonly tokens: Model<DoubleOptInTokenDoc>;
  private readonly secrets: Model<DoubleOptInSecretDoc>;
  constructor(connection: Connection) {
    this.tokens = doubleOptInTokenModel(connection);
    this.secrets = doubleOptInSecretModel(connection);
  }

  /** The tenant's link secret if it has one (a public link reads it: an unknown tenant creates nothing). */
  async existingSecret(tenantId: string): Promise<Buffer | undefined> {
    const found = await this.secrets.findOne({ tenantId }).lean<DoubleOptInSecretDoc>();
    return found ? Buffer.from(found.secret, 'base64') : undefined;
  }

  /** The tenant's link secret, created on first use (a racing first use loses on the unique index and reads the winner's). */
  async secret(tenantId: string): Promise<Buffer> {
    const found = await this.secrets.findOne({ tenantId }).lean<DoubleOptInSecretDoc>();
    if (found) return Buffer.from(found.secret, 'base64');
    try {
      await this.secrets.create({
        tenantId,
        secret: randomBytes(32).toString('base64'),
        createdAt: new Date().toISOString(),
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
    const stored = await this.secrets.findOne({ tenantId }).lean<DoubleOptInSecretDoc>();
    if (!stored) throw new Error('double opt-in secret not stored');
    return Buffer.from(stored.secret, 'base64');
  }

  async insert(doc: Omit<DoubleOptInTokenDoc, '_id'>): Promise<DoubleOptInTokenDoc> {
    const created = await this.tokens.create(doc);
    return created.toObject();
  }

  async find(tenantId: string, id: string): Promise<DoubleOptInTokenDoc | null> {
    if (!isObjectId(id)) return null;
    return this.tokens.findOne({ tenantId, _id: new Types.ObjectId(id) }).lean<DoubleOptInTokenDoc>();
  }

  /** Moves link `doc` from open to used on its version; false when another request claimed it first. */
  async claim(doc: DoubleOptInTokenDoc, usedAt: string): Promise<boolean> {
    try {
      const result = await this.tokens.updateOne(
        { tenantId: doc.tenantId, _id: doc._id, state: 'open', version: doc.version },
        { $set: { state: 'used', usedAt, version: doc.version + 1 } },
      );
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }

  /** Gives a claimed link back (its consent could not be recorded): open again on the claim's version. */
  async release(doc: DoubleOptInTokenDoc): Promise<void> {
    await this.tokens.updateOne(
      { tenantId: doc.tenantId, _id: doc._id, state: 'used', version: doc.version + 1 },
      { $set: { state: 'open', version: doc.version + 2 }, $unset: { usedAt: '' } },
    );
  }
}
