import { type Connection, type Model, Schema } from 'mongoose';
import { tenantScopePlugin } from '../../infra/tenant-scope';
import type { AuthContext } from '../../infra/token-verifier';

// The users of a tenant are the people the API has seen in verified tokens: their object id
// (`oid`), display name (`name`) and sign-in name (`preferred_username`, usually the e-mail
// address). They are who a contact can be given to as Betreuer (owner). Nobody is entered by hand:
// a colleague appears after their first request, and their name follows their latest token.

export interface UserDoc {
  tenantId: string;
  userId: string;
  name: string;
  email?: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** A tenant user as the API answers it. */
export interface TenantUser {
  id: string;
  name: string;
  email?: string;
}

/** Users listed at most (a small company has a handful; the list is not paged). */
export const MAX_USERS = 1000;

/** How long a sighting is trusted before the next request writes it again (ms). */
const SEEN_TTL_MS = 10 * 60_000;

const userSchema = new Schema<UserDoc>(
  {
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'users' },
);
userSchema.index({ tenantId: 1, userId: 1 }, { unique: true });
// tenantId's own lookup index on the embedded engine (QUERY-RULES.md).
userSchema.index({ tenantId: 1 });
userSchema.plugin(tenantScopePlugin);

export function userModel(connection: Connection): Model<UserDoc> {
  return (connection.models.User as Model<UserDoc>) ?? connection.model<UserDoc>('User', userSchema);
}

const toUser = (doc: Pick<UserDoc, 'userId' | 'name' | 'email'>): TenantUser => ({
  id: doc.userId,
  name: doc.name,
  ...(doc.email ? { email: doc.email } : {}),
});

export class UsersRepository {
  private readonly model: Model<UserDoc>;
  /** `tenant\nuser\nname\nemail` → when this process last wrote the sighting. */
  private readonly seen = new Map<string, number>();
  /** Sightings being written, so concurrent first requests of one user share the write. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(connection: Connection) {
    this.model = userModel(connection);
  }

  /**
   * Records that `auth`'s user made a request: inserted on first sight, name and e-mail
   * refreshed when they change. Writes at most once per user and SEEN_TTL_MS in this process;
   * concurrent first requests share one write, and an upsert that lost the race with another
   * instance (duplicate key) finds the user stored, which is all it wanted.
   */
  async recordSeen(auth: AuthContext, now = new Date()): Promise<void> {
    const name = auth.name ?? auth.email ?? auth.userId;
    const key = [auth.tenantId, auth.userId, name, auth.email ?? ''].join('\n');
    const last = this.seen.get(key);
    if (last !== undefined && now.getTime() - last < SEEN_TTL_MS) return;
    const running = this.writing.get(key);
    if (running) return running;
    const write = this.upsert(auth, name, now).finally(() => this.writing.delete(key));
    this.writing.set(key, write);
    await write;
    if (this.seen.size > 10_000) this.seen.clear();
    this.seen.set(key, now.getTime());
  }

  private async upsert(auth: AuthContext, name: string, now: Date): Promise<void> {
    const filter = { tenantId: auth.tenantId, userId: auth.userId };
    const update = {
      $set: { name, lastSeenAt: now, ...(auth.email ? { email: auth.email } : {}) },
      $setOnInsert: { firstSeenAt: now },
    };
    try {
      await this.model.updateOne(filter, update, { upsert: true });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      await this.model.updateOne(filter, update);
    }
  }

  /**
   * Records users the API has not seen in a token yet (the demo tenant's colleagues), so that
   * contacts can be given to them: inserted when missing, name and e-mail set. Idempotent.
   */
  async recordKnown(tenantId: string, users: readonly TenantUser[], now = new Date()): Promise<void> {
    for (const user of users) {
      const filter = { tenantId, userId: user.id };
      const update = {
        $set: { name: user.name, ...(user.email ? { email: user.email } : {}) },
        $setOnInsert: { firstSeenAt: now, lastSeenAt: now },
      };
      try {
        await this.model.updateOne(filter, update, { upsert: true });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        await this.model.updateOne(filter, update);
      }
    }
  }

  /** Removes these users of the tenant (the demo reset); returns how many there were. */
  async remove(tenantId: string, userIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const userId of userIds) removed += (await this.model.deleteOne({ tenantId, userId })).deletedCount;
    // The next request of a removed user records them again, not a sighting remembered here.
    for (const key of this.seen.keys()) {
      const [tenant, user] = key.split('\n');
      if (tenant === tenantId && user !== undefined && userIds.includes(user)) this.seen.delete(key);
    }
    return removed;
  }

  /** The tenant's users by name (at most MAX_USERS). */
  async list(tenantId: string): Promise<TenantUser[]> {
    const docs = await this.model
      .find({ tenantId }, { userId: 1, name: 1, email: 1 })
      .limit(MAX_USERS)
      .lean<Array<Pick<UserDoc, 'userId' | 'name' | 'email'>>>();
    return docs.map(toUser).sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
  }

  /** One user of the tenant, or null when the tenant has never seen them. */
  async find(tenantId: string, userId: string): Promise<TenantUser | null> {
    const doc = await this.model
      .findOne({ tenantId, userId }, { userId: 1, name: 1, email: 1 })
      .lean<Pick<UserDoc, 'userId' | 'name' | 'email'>>();
    return doc ? toUser(doc) : null;
  }
}
