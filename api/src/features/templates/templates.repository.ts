import { type Connection, Types } from 'mongoose';
import { MAX_TEMPLATES_PER_TENANT } from '@klarkonform/shared';
import { TenantDocuments } from '../../infra/tenant-documents';
import { type TemplateDoc, templateModel } from './templates.model';

// Data access for templates. Every method takes the tenant from the caller's verified token;
// documents leave as plain objects. Queries are top-level equalities (QUERY-RULES.md): the
// tenant (the whole list, bounded by MAX_TEMPLATES_PER_TENANT), _id, idempotencyKey, nameKey.

/** A template as the list reads it: everything but the body. */
export type TemplateHead = Omit<TemplateDoc, 'bodyHtml' | 'pendingAudit'>;

export class TemplatesRepository extends TenantDocuments<TemplateDoc> {
  constructor(connection: Connection) {
    super(templateModel(connection));
  }

  /** The tenant's templates without their bodies, at most MAX_TEMPLATES_PER_TENANT + 1 (unsorted). */
  async listHeads(tenantId: string): Promise<TemplateHead[]> {
    return this.model
      .find({ tenantId }, { bodyHtml: 0, pendingAudit: 0 })
      .limit(MAX_TEMPLATES_PER_TENANT + 1)
      .lean<TemplateHead[]>();
  }

  /** How many templates the tenant keeps, counted up to `upTo`. */
  async countUpTo(tenantId: string, upTo: number): Promise<number> {
    const docs = await this.model.find({ tenantId }, { _id: 1 }).limit(upTo).lean();
    return docs.length;
  }

  /** The tenant's template with this name key, if any (its id only). */
  async idByNameKey(tenantId: string, nameKey: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ tenantId, nameKey }, { _id: 1 }).lean();
    return doc ? String(doc._id) : undefined;
  }

  /** Deletes the template if it still has `expectedVersion`; false when it moved on or is gone. */
  async deleteIfVersion(tenantId: string, id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.model.deleteOne({ tenantId, _id: new Types.ObjectId(id), version: expectedVersion });
    return result.deletedCount === 1;
  }
}
