import type { Connection, Model } from 'mongoose';
import { isStaleWrite } from '../../infra/write-races';
import { type MirrorSettingsDoc, mirrorModels } from './mirror.model';

// The tenant's mirror settings: one document read and written by `tenantId` (an equality on the
// unique index). Writes land only on the version they were computed from; the first save is an
// insert that a racing first save loses on the unique index.

export class MirrorSettingsRepository {
  private readonly model: Model<MirrorSettingsDoc>;
  constructor(connection: Connection) {
    this.model = mirrorModels(connection).settings;
  }

  async find(tenantId: string): Promise<MirrorSettingsDoc | null> {
    return this.model.findOne({ tenantId }).lean<MirrorSettingsDoc>();
  }

  /** The first save of a tenant; false when another first save got there before. */
  async insertFirst(doc: Omit<MirrorSettingsDoc, '_id'>): Promise<boolean> {
    try {
      await this.model.create(doc);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /** Replaces the settings if they still have `expectedVersion` (`set` advances it); false otherwise. */
  async replaceIfVersion(tenantId: string, expectedVersion: number, set: Partial<MirrorSettingsDoc>): Promise<boolean> {
    try {
      const result = await this.model.updateOne({ tenantId, version: expectedVersion }, { $set: set });
      return result.matchedCount === 1;
    } catch (err) {
      if (isStaleWrite(err)) return false;
      throw err;
    }
  }
}
