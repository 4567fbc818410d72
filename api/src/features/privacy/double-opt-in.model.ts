import { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { Actor } from '@klarkonform/shared';
import { tenantScopePlugin } from '../../infra/tenant-scope';

// Double opt-in links (issue 15). One document per link: the public endpoint finds it by
// `tenantId` and `_id` (both in the signed token) and claims it once by moving `state` from
// `open` to `used` on its `version` (a lost race is refused). The per-tenant HMAC secret lives in
// a document of its own, created on first use.

export interface DoubleOptInTokenDoc {
  _id: Types.ObjectId;
  tenantId: string;
  contactId: string;
  channel: 'email' | 'newsletter';
  source: string;
  createdAt: string;
  createdBy: Actor;
  expiresAt: string;
  state: 'open' | 'used';
  usedAt?: string;
  version: number;
}

const tokenSchema = new Schema<DoubleOptInTokenDoc>(
  {
    tenantId: { type: String, required: true },
    contactId: { type: String, required: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { strict: false, versionKey: false, minimize: false, collection: 'doubleOptInTokens' },
);
// Erasure (Part B) removes a contact's links by contactId.
tokenSchema.index({ tenantId: 1, contactId: 1 });
tokenSchema.plugin(tenantScopePlugin);

export function doubleOptInTokenModel(connection: Connection): Model<DoubleOptInTokenDoc> {
  return (
    (connection.models.DoubleOptInToken as Model<DoubleOptInTokenDoc>) ??
    connection.model<DoubleOptInTokenDoc>('DoubleOptInToken', tokenSchema)
  );
}

/** The tenant's HMAC key for its links (32 random bytes, base64). */
export interface DoubleOptInSecretDoc {
  _id: Types.ObjectId;
  tenantId: string;
  secret: string;
  createdAt: string;
}

const secretSchema = new Schema<DoubleOptInSecretDoc>(
  { tenantId: { type: String, required: true }, secret: { type: String, required: true } },
  { strict: false, versionKey: false, collection: 'doubleOptInSecrets' },
);
secretSchema.index({ tenantId: 1 }, { unique: true });
secretSchema.plugin(tenantScopePlugin);

export function doubleOptInSecretModel(connection: Connection): Model<DoubleOptInSecretDoc> {
  return (
    (connection.models.DoubleOptInSecret as Model<DoubleOptInSecretDoc>) ??
    connection.model<DoubleOptInSecretDoc>('DoubleOptInSecret', secretSchema)
  );
}
