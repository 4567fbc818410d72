import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AuditEntry,
  MirrorContactPage,
  MirrorContactsQuery,
  MirrorSettings,
  MirrorSettingsUpdate,
  MirrorStatus,
  ObjectId,
  Problem,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { MirrorFeature } from './mirror.feature';

const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const History = Type.Object({ items: Type.Array(AuditEntry) }, { additionalProperties: false });
const Empty = Type.Object({}, { additionalProperties: false });

const errors = { 400: Problem, 401: Problem, 403: Problem };
const tags = ['mirror'];

// The Microsoft 365 contacts mirror (issue 13): the admin's settings, overview and "Jetzt
// synchronisieren", and the data-care worklists (contacts in sync error, created from Outlook).
export const mirrorRoutes: FastifyPluginAsyncTypebox<{ feature: MirrorFeature }> = async (app, { feature }) => {
  app.get(
    '/api/v1/mirror/settings',
    {
      config: { permission: 'mirror:manage' },
      schema: {
        tags,
        summary: "The tenant's mirror settings (disabled without targets, version 0, until an admin saves them)",
        response: { 200: MirrorSettings, ...errors },
      },
    },
    async (request, reply) => {
      const settings = await feature.settings.settings(request.auth);
      return reply.header('etag', etagOf(settings.version)).send(settings);
    },
  );

  app.put(
    '/api/v1/mirror/settings',
    {
      config: { permission: 'mirror:manage', fieldLabels: { 'body.enabled': 'mirrorEnabled' } },
      schema: {
        tags,
        summary:
          'Save the mirror settings (If-Match: their version, 0 before the first save); turning it on starts a run',
        headers: IfMatchHeaders,
        body: MirrorSettingsUpdate,
        response: { 200: MirrorSettings, 412: Problem, 422: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const settings = await feature.settings.updateSettings(request.auth, version, request.body);
      return reply.header('etag', etagOf(settings.version)).send(settings);
    },
  );

  app.get(
    '/api/v1/mirror/settings/history',
    {
      config: { permission: 'audit:read' },
      schema: { tags, summary: 'Who changed the mirror settings, newest first', response: { 200: History, ...errors } },
    },
    async (request) => feature.settings.history(request.auth),
  );

  app.get(
    '/api/v1/mirror/status',
    {
      config: { permission: 'mirror:manage' },
      schema: {
        tags,
        summary: 'The overview: contacts per sync status, last and next run, problems, contacts in error',
        response: { 200: MirrorStatus, ...errors },
      },
    },
    async (request) => feature.status.overview(request.auth),
  );

  app.post(
    '/api/v1/mirror/run',
    {
      config: { permission: 'mirror:manage' },
      schema: {
        tags,
        summary: '"Jetzt synchronisieren": a run starts at once (202 with the overview; a running run is not doubled)',
        body: Type.Optional(Empty),
        response: { 202: MirrorStatus, ...errors },
      },
    },
    async (request, reply) => {
      feature.scheduler.request(request.auth.tenantId, 'manual');
      return reply.status(202).send(await feature.status.overview(request.auth));
    },
  );

  app.get(
    '/api/v1/mirror/contacts',
    {
      config: { permission: 'quality:read' },
      schema: {
        tags,
        summary: 'Data care: contacts in sync error (list=error) or created from Outlook to review (list=review)',
        querystring: MirrorContactsQuery,
        response: { 200: MirrorContactPage, ...errors },
      },
    },
    async (request) => {
      const { list, limit, cursor } = request.query;
      return feature.status.list(request.auth, list, limit, cursor);
    },
  );

  app.post(
    '/api/v1/mirror/contacts/:id/reviewed',
    {
      config: { permission: 'contacts:write' },
      schema: {
        tags,
        summary: 'Mark a contact created from Outlook as reviewed (it leaves the list; idempotent)',
        params: IdParams,
        body: Type.Optional(Empty),
        response: { 204: Type.Null(), 404: Problem, ...errors },
      },
    },
    async (request, reply) => {
      await feature.status.markReviewed(request.auth, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
