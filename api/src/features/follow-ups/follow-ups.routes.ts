import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AuditEntry,
  ContactFollowUpsQuery,
  FollowUp,
  FollowUpCreate,
  FollowUpItems,
  FollowUpListPage,
  FollowUpListQuery,
  FollowUpPatch,
  ObjectId,
  Problem,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { UsersRepository } from '../users/users.repository';
import { listFollowUps } from './follow-ups.list';
import type { FollowUpsRepository } from './follow-ups.repository';
import type { FollowUpsService } from './follow-ups.service';

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
});
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const History = Type.Object({ items: Type.Array(AuditEntry) }, { additionalProperties: false });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['follow-ups'];

export interface FollowUpsRouteDeps {
  service: FollowUpsService;
  repo: FollowUpsRepository;
  users: UsersRepository;
}

// Follow-ups (Wiedervorlage): writes need followUps:write (Sales, Marketing, Service, Admin),
// reads contacts:read (everyone, ReadOnly included).
export const followUpsRoutes: FastifyPluginAsyncTypebox<FollowUpsRouteDeps> = async (app, { service, repo, users }) => {
  app.post(
    '/api/v1/follow-ups',
    {
      config: { permission: 'followUps:write' },
      schema: {
        tags,
        summary: 'Create a follow-up (idempotent by Idempotency-Key)',
        description: "The assignee defaults to the contact's Betreuer, else the caller.",
        headers: IdempotencyHeaders,
        body: FollowUpCreate,
        response: { 200: FollowUp, 201: FollowUp, ...errors },
      },
    },
    async (request, reply) => {
      const { followUp, replayed } = await service.create(
        request.auth,
        request.headers['idempotency-key'],
        request.body,
      );
      reply.header('etag', etagOf(followUp.version)).header('location', `/api/v1/follow-ups/${followUp.id}`);
      return reply.status(replayed ? 200 : 201).send(followUp);
    },
  );

  app.get(
    '/api/v1/follow-ups',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'Meine Wiedervorlagen: open (or recently done) follow-ups of an assignee, me or all',
        querystring: FollowUpListQuery,
        response: { 200: FollowUpListPage, ...errors },
      },
    },
    async (request) => listFollowUps(repo, users, request.auth, request.query),
  );

  app.get(
    '/api/v1/follow-ups/:id',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, params: IdParams, response: { 200: FollowUp, ...errors } },
    },
    async (request, reply) => {
      const followUp = await service.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(followUp.version)).send(followUp);
    },
  );

  app.patch(
    '/api/v1/follow-ups/:id',
    {
      config: { permission: 'followUps:write' },
      schema: {
        tags,
        summary: 'Change, complete or reopen a follow-up (If-Match with its version is required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: FollowUpPatch,
        response: { 200: FollowUp, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const followUp = await service.patch(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(followUp.version)).send(followUp);
    },
  );

  app.get(
    '/api/v1/follow-ups/:id/history',
    {
      config: { permission: 'audit:read' },
      schema: { tags, params: IdParams, response: { 200: History, ...errors } },
    },
    async (request) => service.history(request.auth, request.params.id),
  );

  app.get(
    '/api/v1/contacts/:id/follow-ups',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: "The contact's follow-ups: open ones by due day, then done ones",
        params: IdParams,
        querystring: ContactFollowUpsQuery,
        response: { 200: FollowUpItems, ...errors },
      },
    },
    async (request) => ({
      items: await service.listForContact(request.auth, request.params.id, request.query.state),
    }),
  );
};
