import { type AuditAction, auditChanges, type Template, type TemplateSummary } from '@klarkonform/shared';
import { fieldProblems, notFound, problem } from '../../infra/http-error';
import { DuplicateDocumentKeyError } from '../../infra/tenant-documents';
import type { AuthContext } from '../../infra/token-verifier';
import { type AuditRepository, newAuditId, type PendingAudit } from '../audit/audit.repository';
import { actorOf } from '../contacts/contact-writer';
import type { TemplateDoc } from './templates.model';
import type { TemplateHead, TemplatesRepository } from './templates.repository';

// The one way templates are stored, as opportunities are (opportunity-writer.ts): a create under
// its Idempotency-Key, a change or delete only on the version it was computed from (412), and the
// audit entry written into the template with the change, then copied to the audit collection
// (its `contactId` is the template's id, `entity` 'template'). A delete's entry keeps the before.

export type TemplateFields = Omit<Template, 'id'>;

const FIELDS = [
  'name',
  'subject',
  'bodyHtml',
  'language',
  'purpose',
  'placeholders',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'version',
] as const satisfies ReadonlyArray<keyof TemplateFields>;

export function toTemplate(doc: TemplateDoc): Template {
  const source = doc as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = { id: String(doc._id) };
  for (const key of FIELDS) if (source[key] !== undefined && source[key] !== null) fields[key] = source[key];
  return structuredClone(fields) as Template;
}

export function toSummary(doc: TemplateHead): TemplateSummary {
  const { name, subject, language, purpose, placeholders, updatedAt, version } = doc;
  return { id: String(doc._id), name, subject, language, purpose, placeholders: [...placeholders], updatedAt, version };
}

const auditOf = (fields: Partial<TemplateFields>) => {
  const { createdBy: _by, createdAt: _at, ...rest } = fields;
  return rest;
};

function pending(action: AuditAction, auth: AuthContext, before: object | null, after: object | null): PendingAudit {
  const at = new Date().toISOString();
  return {
    id: newAuditId(),
    action,
    at,
    actor: actorOf(auth),
    changes: auditChanges(before, after),
    entity: 'template',
  };
}

/** 409 naming the field „Name“: another template of the tenant has this name (case-insensitive). */
export const nameTaken = (name: string) =>
  fieldProblems(
    [{ field: 'body.name', label: 'templateName', key: 'serviceProblem.templateNameTaken', values: { name } }],
    409,
    'conflict',
  );

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

export class TemplateStore {
  constructor(
    readonly repo: TemplatesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The tenant's template `id` (its pending audit entry flushed); 404 for none or another tenant's. */
  async load(tenantId: string, id: string): Promise<TemplateDoc> {
    const doc = await this.repo.findById(tenantId, id);
    if (!doc) throw notFound('templateNotFound');
    if (doc.pendingAudit) await this.audit.record(tenantId, id, doc.pendingAudit);
    return doc;
  }

  /** The audit entries about template `id`, newest first (at most 100). */
  auditTrail(tenantId: string, id: string) {
    return this.audit.list(tenantId, id);
  }

  /**
   * Stores a new template; a create that lost the race for its Idempotency-Key answers the winner
   * (`replayed`), one whose name another template took meanwhile 409 (nameTaken).
   */
  async insert(
    auth: AuthContext,
    idempotencyKey: string,
    requestHash: string,
    nameKey: string,
    fields: TemplateFields,
  ): Promise<{ doc: TemplateDoc; replayed: boolean }> {
    const pendingAudit = pending('templateCreate', auth, null, auditOf(fields));
    try {
      const doc = await this.repo.insert({
        ...fields,
        tenantId: auth.tenantId,
        idempotencyKey,
        requestHash,
        nameKey,
        pendingAudit,
      });
      await this.audit.record(auth.tenantId, String(doc._id), pendingAudit, true);
      return { doc, replayed: false };
    } catch (err) {
      if (!(err instanceof DuplicateDocumentKeyError)) throw err;
      const winner = await this.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
      if (winner) return { doc: winner, replayed: true };
      throw nameTaken(fields.name);
    }
  }

  /** Writes `fields` over `doc` if it still has its version (412 otherwise); 409 for a taken name. */
  async replace(auth: AuthContext, doc: TemplateDoc, fields: TemplateFields, nameKey: string): Promise<Template> {
    const id = String(doc._id);
    const before = toTemplate(doc);
    const { id: _id, ...beforeFields } = before;
    const pendingAudit = pending('templateUpdate', auth, auditOf(beforeFields), auditOf(fields));
    let written: boolean;
    try {
      written = await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, { ...fields, nameKey, pendingAudit });
    } catch (err) {
      if (isDuplicateKey(err)) throw nameTaken(fields.name);
      throw err;
    }
    if (!written) throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    await this.audit.record(auth.tenantId, id, pendingAudit, true);
    return { id, ...fields };
  }

  /**
   * Deletes `doc` if it still has its version (412 otherwise). The audit entry, with every field
   * as it was, is written into the template first (a version of its own), then to the audit
   * trail, then the template goes.
   */
  async remove(auth: AuthContext, doc: TemplateDoc): Promise<void> {
    const id = String(doc._id);
    const { id: _id, ...beforeFields } = toTemplate(doc);
    const pendingAudit = pending('templateDelete', auth, auditOf(beforeFields), null);
    const version = doc.version + 1;
    if (!(await this.repo.replaceIfVersion(auth.tenantId, id, doc.version, { version, pendingAudit }))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
    await this.audit.record(auth.tenantId, id, pendingAudit, true);
    if (!(await this.repo.deleteIfVersion(auth.tenantId, id, version))) {
      throw problem(412, 'preconditionFailed', 'changedMeanwhile');
    }
  }
}
