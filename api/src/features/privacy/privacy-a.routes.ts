import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Contact,
  ConsentReviewPage,
  DoubleOptInCreate,
  DoubleOptInLink,
  ObjectId,
  ObjectionCreate,
  PrivacyDocumentFormat,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestList,
  PrivacyRequestPage,
  PrivacyRequestPatch,
  Problem,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import { attachment } from '../import-export/imports.routes';
import { doubleOptInPublicRoutes } from './double-opt-in.routes';
import type { PrivacyAFeature } from './privacy-a.feature';
import { renderExportPdf } from './privacy-export.pdf';

// Routes of the DSGVO lifecycle's Part A (issue 15; api/src/features/privacy/README.md): the
// requests register, the access/portability export, the objection, double opt-in links and the
// consent review — all `privacy:manage` (CRM.Admin, CRM.DataProtection) — and the public DOI page.

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
});
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const ListQuery = Type.Object(
  { list: Type.Optional(PrivacyRequestList), cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
const CursorQuery = Type.Object(
  { cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
const ExportQuery = Type.Object({ format: PrivacyDocumentFormat }, { additionalProperties: false });
const File = Type.Unsafe<string>({ type: 'string', format: 'binary' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['privacy'];
const permission = 'privacy:manage' as const;

export const privacyARoutes: FastifyPluginAsyncTypebox<{ feature: PrivacyAFeature }> = async (app, { feature }) => {
  app.get(
    '/api/v1/privacy/requests',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'The requests register: open (due first), overdue, closed (newest first)',
        querystring: ListQuery,
        response: { 200: PrivacyRequestPage, ...errors },
      },
    },
    async (request) => feature.requests.list(request.auth, request.query.list ?? 'open', request.query.cursor),
  );

  app.post(
    '/api/v1/privacy/requests',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          'Register a data subject request (idempotent by Idempotency-Key; due one month after receipt, Art. 12(3))',
        headers: IdempotencyHeaders,
        body: PrivacyRequestCreate,
        response: { 200: PrivacyRequest, 201: PrivacyRequest, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { request: created, replayed } = await feature.requests.create(request.auth, key, request.body);
      reply.header('etag', etagOf(created.version)).header('location', `/api/v1/privacy/requests/${created.id}`);
      return reply.status(replayed ? 200 : 201).send(created);
    },
  );

  app.get(
    '/api/v1/privacy/requests/:id',
    {
      config: { permission },
      schema: { tags, summary: 'One request', params: IdParams, response: { 200: PrivacyRequest, ...errors } },
    },
    async (request, reply) => {
      const found = await feature.requests.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  );

  app.patch(
    '/api/v1/privacy/requests/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Change status, contacts, outcome (needed to close) or extend once (≤ 2 months, with reason)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: PrivacyRequestPatch,
        response: { 200: PrivacyRequest, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const changed = await feature.requests.patch(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(changed.version)).send(changed);
    },
  );

  app.get(
    '/api/v1/privacy/contacts/:id/export',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          'Access (Art. 15) / portability (Art. 20) export of one person as JSON or PDF; audited (privacyExport)',
        params: IdParams,
        querystring: ExportQuery,
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const data = await feature.exports.collect(request.auth, request.params.id, format);
      const name = `auskunft-${data.contact.contactNumber}.${format}`;
      reply
        .header('content-disposition', attachment(name))
        .header('access-control-expose-headers', 'content-disposition');
      if (format === 'pdf')
        return reply.header('content-type', 'application/pdf').send((await renderExportPdf(data)) as never);
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
    },
  );

  app.post(
    '/api/v1/privacy/contacts/:id/objection',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          'Objection to direct marketing (Art. 21): opt-out on every channel at once (If-Match: the contact version)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ObjectionCreate,
        response: { 200: Contact, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const contact = await feature.objection.record(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(contact.version)).send(contact);
    },
  );

  app.post(
    '/api/v1/privacy/contacts/:id/double-opt-in',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Record doubleOptInRequested and answer the confirmation link (signed, single use, expires)',
        params: IdParams,
        body: DoubleOptInCreate,
        response: { 200: DoubleOptInLink, ...errors },
      },
    },
    async (request) => feature.doubleOptIn.create(request.auth, request.params.id, request.body),
  );

  app.get(
    '/api/v1/privacy/consent-review',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Consents granted longer ago than consentReviewMonths (the yearly DSGVO check)',
        querystring: CursorQuery,
        response: { 200: ConsentReviewPage, ...errors },
      },
    },
    async (request) => feature.consentReview.page(request.auth, request.query.cursor),
  );

  await app.register(doubleOptInPublicRoutes, { service: feature.doubleOptIn });
};
