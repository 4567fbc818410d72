import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ObjectId,
  Problem,
  RenderedTemplate,
  Template,
  TemplateCreate,
  TemplateHistory,
  TemplateList,
  TemplateListQuery,
  TemplatePatch,
  TemplatePreviewRequest,
  TemplateRenderRequest,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { TemplatesService } from './templates.service';

/** A template's `name` is „Name“; the shared field table labels `body.name` as a company's „Firmenname“. */
const NAME_LABEL = { 'body.name': 'templateName' } as const;

// Routes of templates (Vorlagen); docs/TEMPLATES.md. Managing (create, change, delete, preview)
// needs templates:manage (CRM.Admin, CRM.Marketing); reading and filling one for a contact
// contacts:read, as the compose pane inserts them for everyone.

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
});
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const textErrors = { ...errors, 422: Problem };
const tags = ['templates'];
const TEXT_RULES =
  'Subject and body may hold only text and placeholders `{{name}}` from TEMPLATE_PLACEHOLDERS (lower case); tags, filters, paths and unknown names answer 422 naming the field (Betreff/Subject, Text). The body is sanitised HTML (docs/TEMPLATES.md).';

export const templatesRoutes: FastifyPluginAsyncTypebox<{ service: TemplatesService }> = async (app, { service }) => {
  app.get(
    '/api/v1/templates',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: "The tenant's templates by name (all of them, at most MAX_TEMPLATES_PER_TENANT)",
        querystring: TemplateListQuery,
        response: { 200: TemplateList, ...errors },
      },
    },
    async (request) => service.list(request.auth, request.query),
  );

  app.post(
    '/api/v1/templates',
    {
      config: { permission: 'templates:manage', fieldLabels: NAME_LABEL },
      schema: {
        tags,
        summary: 'Create a template (idempotent by Idempotency-Key; names unique per tenant, case-insensitive)',
        description: TEXT_RULES,
        headers: IdempotencyHeaders,
        body: TemplateCreate,
        response: { 200: Template, 201: Template, ...textErrors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { template, replayed } = await service.create(request.auth, key, request.body);
      reply.header('etag', etagOf(template.version)).header('location', `/api/v1/templates/${template.id}`);
      return reply.status(replayed ? 200 : 201).send(template);
    },
  );

  app.post(
    '/api/v1/templates/preview',
    {
      config: { permission: 'templates:manage' },
      schema: {
        tags,
        summary: 'Fill an unsaved draft for a contact, or for a sample person without contactId',
        description: `${TEXT_RULES} An archived or merged contact answers 409.`,
        body: TemplatePreviewRequest,
        response: { 200: RenderedTemplate, ...textErrors },
      },
    },
    async (request) => service.preview(request.auth, request.body),
  );

  app.get(
    '/api/v1/templates/:id',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, summary: 'One template, with ETag', params: IdParams, response: { 200: Template, ...errors } },
    },
    async (request, reply) => {
      const template = await service.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(template.version)).send(template);
    },
  );

  app.patch(
    '/api/v1/templates/:id',
    {
      config: { permission: 'templates:manage', fieldLabels: NAME_LABEL },
      schema: {
        tags,
        summary: 'Change a template (If-Match with its version is required)',
        description: TEXT_RULES,
        params: IdParams,
        headers: IfMatchHeaders,
        body: TemplatePatch,
        response: { 200: Template, 412: Problem, 428: Problem, ...textErrors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const template = await service.patch(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(template.version)).send(template);
    },
  );

  app.delete(
    '/api/v1/templates/:id',
    {
      config: { permission: 'templates:manage' },
      schema: {
        tags,
        summary: 'Delete a template (If-Match); the audit trail keeps it',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      await service.remove(request.auth, request.params.id, version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/templates/:id/render',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'Fill a template for one contact ("Vorlage einfügen")',
        description:
          'Values are HTML-escaped in the body and plain in the subject; emptyPlaceholders names those the contact has no value for. Another tenant’s template or contact answers 404, an archived or merged contact 409.',
        params: IdParams,
        body: TemplateRenderRequest,
        response: { 200: RenderedTemplate, ...textErrors },
      },
    },
    async (request) => service.render(request.auth, request.params.id, request.body.contactId),
  );

  app.get(
    '/api/v1/templates/:id/history',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags,
        summary: "A template's audit trail, newest first",
        params: IdParams,
        response: { 200: TemplateHistory, ...errors },
      },
    },
    async (request) => service.history(request.auth, request.params.id),
  );
};
