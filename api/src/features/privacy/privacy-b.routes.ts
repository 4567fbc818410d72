import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ErasureCreate,
  ErasureDuePage,
  ErasureLogEntry,
  ErasureOutcome,
  LegalHoldSet,
  ObjectId,
  PrivacyContactState,
  PrivacyDocumentFormat,
  PrivacySettings,
  PrivacySettingsUpdate,
  Problem,
  RestrictionCreate,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { PrivacyBFeature } from './privacy-b.feature';
import { recordsOfProcessing, recordsOfProcessingPdf } from './records-of-processing';

// Part B's routes of the DSGVO lifecycle (issue 15, README "Routes"), all `privacy:manage`
// (CRM.Admin, CRM.DataProtection). Every change takes If-Match (the contact's or the settings'
// version) and answers the new state with its ETag.

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const Cursor = Type.String({ minLength: 1, maxLength: 200 });
const ErasureListQuery = Type.Object(
  { list: Type.Enum(['due', 'scheduled'] as const), cursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);
const LogQuery = Type.Object({ cursor: Type.Optional(Cursor) }, { additionalProperties: false });
const FormatQuery = Type.Object({ format: PrivacyDocumentFormat }, { additionalProperties: false });
const LogPage = Type.Object(
  { items: Type.Array(ErasureLogEntry), nextCursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);
const RunResult = Type.Object(
  { erased: Type.Integer({ minimum: 0 }), held: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
const EmptyBody = Type.Object({}, { additionalProperties: false });
const File = Type.Unsafe<string>({ type: 'string', format: 'binary' });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const writeErrors = { ...errors, 412: Problem, 428: Problem };
const tags = ['privacy'];
const config = { permission: 'privacy:manage' } as const;

export const privacyBRoutes: FastifyPluginAsyncTypebox<{ feature: PrivacyBFeature }> = async (app, { feature }) => {
  const state = async (request: { auth: Parameters<typeof feature.contact.state>[0] }, id: string) =>
    feature.contact.state(request.auth, id);

  app.get(
    '/api/v1/privacy/contacts/:id',
    {
      config,
      schema: {
        tags,
        summary: "A contact's DSGVO state: restriction, legal hold, erasure preview, requests naming it",
        params: IdParams,
        response: { 200: PrivacyContactState, ...errors },
      },
    },
    async (request, reply) => {
      const result = await state(request, request.params.id);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  );

  app.post(
    '/api/v1/privacy/contacts/:id/restriction',
    {
      config,
      schema: {
        tags,
        summary: 'Restrict processing (Art. 18 DSGVO): stored and shown, no other use',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RestrictionCreate,
        response: { 200: PrivacyContactState, ...writeErrors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      await feature.restriction.restrict(request.auth, request.params.id, version, request.body);
      const result = await state(request, request.params.id);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  );

  app.delete(
    '/api/v1/privacy/contacts/:id/restriction',
    {
      config,
      schema: {
        tags,
        summary: 'Lift a restriction the data subject asked for (a retention restriction stays)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 200: PrivacyContactState, ...writeErrors },
      },
    },
    async (request, reply) => {
      await feature.restriction.lift(request.auth, request.params.id, parseIfMatch(request.headers['if-match']));
      const result = await state(request, request.params.id);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  );

  app.put(
    '/api/v1/privacy/contacts/:id/legal-hold',
    {
      config,
      schema: {
        tags,
        summary: 'Set a legal hold: no erasure while it holds',
        params: IdParams,
        headers: IfMatchHeaders,
        body: LegalHoldSet,
        response: { 200: PrivacyContactState, ...writeErrors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      await feature.legalHold.set(request.auth, request.params.id, version, request.body);
      const result = await state(request, request.params.id);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  );

  app.delete(
    '/api/v1/privacy/contacts/:id/legal-hold',
    {
      config,
      schema: {
        tags,
        summary: 'Lift the legal hold',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 200: PrivacyContactState, ...writeErrors },
      },
    },
    async (request, reply) => {
      await feature.legalHold.lift(request.auth, request.params.id, parseIfMatch(request.headers['if-match']));
      const result = await state(request, request.params.id);
      return reply.header('etag', etagOf(result.version)).send(result);
    },
  );

  app.post(
    '/api/v1/privacy/contacts/:id/erasure',
    {
      config,
      schema: {
        tags,
        summary: 'Erase now, or restrict until the last retention period ends, or answer held (legal hold)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ErasureCreate,
        response: { 200: ErasureOutcome, ...writeErrors },
      },
    },
    async (request) =>
      feature.erasure.request(request.auth, request.params.id, parseIfMatch(request.headers['if-match']), request.body),
  );

  app.get(
    '/api/v1/privacy/erasures',
    {
      config,
      schema: {
        tags,
        summary: '"Löschung fällig" (due) or every contact waiting for its retention period (scheduled)',
        querystring: ErasureListQuery,
        response: { 200: ErasureDuePage, ...errors },
      },
    },
    async (request) => feature.erasure.list(request.auth.tenantId, request.query.list, request.query.cursor),
  );

  app.post(
    '/api/v1/privacy/erasures/run',
    {
      config,
      schema: {
        tags,
        summary: "Erase the tenant's due contacts now (what the daily job does)",
        body: EmptyBody,
        response: { 200: RunResult, ...errors },
      },
    },
    async (request) => feature.job.runTenant(request.auth.tenantId),
  );

  app.get(
    '/api/v1/privacy/erasures/log',
    {
      config,
      schema: {
        tags,
        summary: 'What erasures left: contact number, reason, when, by whom, counts — no personal data',
        querystring: LogQuery,
        response: { 200: LogPage, ...errors },
      },
    },
    async (request) => feature.erasure.log(request.auth.tenantId, request.query.cursor),
  );

  app.get(
    '/api/v1/privacy/settings',
    {
      config,
      schema: {
        tags,
        summary: "The tenant's DSGVO settings (German defaults, version 0, until saved)",
        response: { 200: PrivacySettings, ...errors },
      },
    },
    async (request, reply) => {
      const settings = await feature.settings.get(request.auth.tenantId);
      return reply.header('etag', etagOf(settings.version)).send(settings);
    },
  );

  app.put(
    '/api/v1/privacy/settings',
    {
      config,
      schema: {
        tags,
        summary: 'Save the DSGVO settings (If-Match: their version, 0 before the first save)',
        headers: IfMatchHeaders,
        body: PrivacySettingsUpdate,
        response: { 200: PrivacySettings, ...writeErrors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const settings = await feature.settings.update(request.auth, version, request.body);
      return reply.header('etag', etagOf(settings.version)).send(settings);
    },
  );

  app.get(
    '/api/v1/privacy/records-of-processing',
    {
      config,
      schema: {
        tags,
        summary: 'The records of processing (Art. 30 DSGVO) generated from the settings, as PDF or JSON',
        querystring: FormatQuery,
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      const doc = recordsOfProcessing(await feature.settings.get(request.auth.tenantId), app.clock());
      const name = `verarbeitungsverzeichnis-${doc.generatedOn}.${request.query.format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('access-control-expose-headers', 'content-disposition');
      if (request.query.format === 'json') {
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .send(JSON.stringify(doc, null, 2) as never);
      }
      return reply.header('content-type', 'application/pdf').send((await recordsOfProcessingPdf(doc)) as never);
    },
  );
};
