import {
  emptyPlaceholders,
  MAX_TEMPLATE_BODY_LENGTH,
  MAX_TEMPLATES_PER_TENANT,
  type PlaceholderContact,
  placeholderValues,
  type RenderedTemplate,
  SAMPLE_CONTACT,
  type Template,
  type TemplateCreate,
  type TemplateLanguage,
  type TemplateList,
  type TemplatePatch,
  type TemplatePlaceholder,
  type TemplatePreviewRequest,
  type TemplatePurpose,
} from '@klarkonform/shared';
import { fieldProblems, problem } from '../../infra/http-error';
import type { AuthContext } from '../../infra/token-verifier';
import { actorOf, requestHash } from '../contacts/contact-writer';
import type { ContactsService } from '../contacts/contacts.service';
import type { UsersRepository } from '../users/users.repository';
import { placeholderContactOf } from './template-contact';
import { checkTemplateText, fillTemplate } from './template-engine';
import { nameTaken, type TemplateFields, type TemplateStore, toSummary, toTemplate } from './template-store';
import { templateNameKey } from './templates.model';

// Templates (Vorlagen): create, read, change, delete (templates:manage), and fill one for a
// contact (render) or an unsaved draft for a contact or the sample person (preview).

/** Longest rendered subject (characters; RenderedTemplate allows twice the stored 500). */
const MAX_RENDERED_SUBJECT = 1000;
const MAX_RENDERED_BODY = MAX_TEMPLATE_BODY_LENGTH * 2;

export class TemplatesService {
  constructor(
    private readonly store: TemplateStore,
    private readonly contacts: ContactsService,
    private readonly users: UsersRepository,
  ) {}

  /** 409 naming „Name“ when another template of the tenant than `selfId` has this name. */
  private async assertNameFree(tenantId: string, name: string, selfId?: string): Promise<string> {
    const nameKey = templateNameKey(name);
    const owner = await this.store.repo.idByNameKey(tenantId, nameKey);
    if (owner && owner !== selfId) throw nameTaken(name);
    return nameKey;
  }

  /**
   * Creates a template (idempotent by `idempotencyKey`: a repeat answers the first one with
   * `replayed`, 409 when its body differs). 422 for text that is not only text and known
   * placeholders; 409 for a taken name or when the tenant has MAX_TEMPLATES_PER_TENANT.
   */
  async create(auth: AuthContext, idempotencyKey: string, body: TemplateCreate) {
    const hash = requestHash(body);
    const existing = await this.store.repo.findByIdempotencyKey(auth.tenantId, idempotencyKey);
    if (existing) {
      if (existing.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
      return { template: toTemplate(await this.store.load(auth.tenantId, String(existing._id))), replayed: true };
    }
    const text = checkTemplateText(body.subject, body.bodyHtml);
    const nameKey = await this.assertNameFree(auth.tenantId, body.name);
    const count = await this.store.repo.countUpTo(auth.tenantId, MAX_TEMPLATES_PER_TENANT);
    if (count >= MAX_TEMPLATES_PER_TENANT) {
      throw problem(409, 'conflict', 'templatesFull', { count: MAX_TEMPLATES_PER_TENANT });
    }
    const now = new Date().toISOString();
    const fields: TemplateFields = {
      name: body.name,
      ...text,
      language: body.language,
      purpose: body.purpose,
      createdBy: actorOf(auth),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const { doc, replayed } = await this.store.insert(auth, idempotencyKey, hash, nameKey, fields);
    if (replayed && doc.requestHash !== hash) throw problem(409, 'conflict', 'idempotencyConflict');
    return { template: toTemplate(doc), replayed };
  }

  async get(auth: AuthContext, id: string): Promise<Template> {
    return toTemplate(await this.store.load(auth.tenantId, id));
  }

  /** The tenant's templates (optionally of one purpose and language), by name (German collation), then id. */
  async list(
    auth: AuthContext,
    query: { purpose?: TemplatePurpose; language?: TemplateLanguage },
  ): Promise<TemplateList> {
    const heads = await this.store.repo.listHeads(auth.tenantId);
    const items = heads
      .filter(
        (h) => (!query.purpose || h.purpose === query.purpose) && (!query.language || h.language === query.language),
      )
      .map(toSummary)
      .sort((a, b) => a.name.localeCompare(b.name, 'de', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_TEMPLATES_PER_TENANT);
    return { items };
  }

  /** Changes a template from `version` (If-Match; 412 when it moved on, `*` any). 422/409 as create. */
  async patch(auth: AuthContext, id: string, version: number | '*', patch: TemplatePatch): Promise<Template> {
    const doc = await this.store.load(auth.tenantId, id);
    if (typeof version === 'number' && doc.version !== version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected: version });
    }
    const { id: _id, ...before } = toTemplate(doc);
    const name = patch.name ?? before.name;
    const text = checkTemplateText(patch.subject ?? before.subject, patch.bodyHtml ?? before.bodyHtml);
    const nameKey = await this.assertNameFree(auth.tenantId, name, id);
    const fields: TemplateFields = {
      ...before,
      name,
      ...text,
      language: patch.language ?? before.language,
      purpose: patch.purpose ?? before.purpose,
      updatedBy: actorOf(auth),
      updatedAt: new Date().toISOString(),
      version: doc.version + 1,
    };
    return this.store.replace(auth, doc, fields, nameKey);
  }

  /** Deletes a template (If-Match); the audit trail keeps what it was. */
  async remove(auth: AuthContext, id: string, version: number | '*'): Promise<void> {
    const doc = await this.store.load(auth.tenantId, id);
    if (typeof version === 'number' && doc.version !== version) {
      throw problem(412, 'preconditionFailed', 'versionMismatch', { actual: doc.version, expected: version });
    }
    await this.store.remove(auth, doc);
  }

  /** The audit trail of a template, newest first (at most 100 entries); 404 for none or another tenant's. */
  async history(auth: AuthContext, id: string) {
    await this.store.load(auth.tenantId, id);
    return { items: await this.store.auditTrail(auth.tenantId, id) };
  }

  /** Template `id` filled for contact `contactId` ("Vorlage einfügen"). 404 for either not the tenant's. */
  async render(auth: AuthContext, id: string, contactId: string): Promise<RenderedTemplate> {
    const template = await this.get(auth, id);
    const contact = await placeholderContactOf(this.contacts, this.users, auth, contactId);
    const filled = this.fill(template, template.placeholders, contact);
    return { templateId: template.id, templateName: template.name, ...filled, contactId };
  }

  /** An unsaved draft filled for `contactId`, or for SAMPLE_CONTACT without one; 422 like a save. */
  async preview(auth: AuthContext, body: TemplatePreviewRequest): Promise<RenderedTemplate> {
    const text = checkTemplateText(body.subject, body.bodyHtml);
    const contact = body.contactId
      ? await placeholderContactOf(this.contacts, this.users, auth, body.contactId)
      : SAMPLE_CONTACT;
    const draft = { ...text, language: body.language, purpose: body.purpose ?? 'personal' };
    return {
      ...this.fill(draft, text.placeholders, contact),
      ...(body.contactId ? { contactId: body.contactId } : {}),
    };
  }

  private fill(
    template: { subject: string; bodyHtml: string; language: TemplateLanguage; purpose: TemplatePurpose },
    used: readonly TemplatePlaceholder[],
    contact: PlaceholderContact,
  ) {
    const values = placeholderValues(contact, template.language);
    const { subject, bodyHtml } = fillTemplate(template, values);
    if (subject.length > MAX_RENDERED_SUBJECT || bodyHtml.length > MAX_RENDERED_BODY) {
      const field = subject.length > MAX_RENDERED_SUBJECT ? 'body.subject' : 'body.bodyHtml';
      const max = subject.length > MAX_RENDERED_SUBJECT ? MAX_RENDERED_SUBJECT : MAX_RENDERED_BODY;
      throw fieldProblems([{ field, key: 'serviceProblem.renderedTooLong', values: { max } }], 422);
    }
    return {
      purpose: template.purpose,
      language: template.language,
      subject,
      bodyHtml,
      emptyPlaceholders: emptyPlaceholders(used, values),
    };
  }
}
