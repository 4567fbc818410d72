import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Forecast,
  ObjectId,
  Opportunity,
  OpportunityBoard,
  OpportunityCreate,
  OpportunityHistory,
  OpportunityListQuery,
  OpportunityPage,
  OpportunityPatch,
  OwnerQuery,
  Problem,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { OpportunitiesFeature } from './opportunities.feature';
import { listOpportunities, opportunityBoard, opportunityForecast } from './opportunities.queries';

/**
 * Set on a PATCH answer when that change won the opportunity and its contact (or the contact's
 * company) is an open lead: the id of the contact the UI offers to convert to a customer.
 */
export const LEAD_TO_CONVERT_HEADER = 'x-lead-to-convert';

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
});
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['opportunities'];
const me = <Q extends { owner?: string | undefined }>(query: Q, userId: string): Q =>
  query.owner === 'me' ? { ...query, owner: userId } : query;

export const opportunitiesRoutes: FastifyPluginAsyncTypebox<{ feature: OpportunitiesFeature }> = async (
  app,
  { feature },
) => {
  const { service, repo } = feature;

  app.post(
    '/api/v1/opportunities',
    {
      config: { permission: 'opportunities:write' },
      schema: {
        tags,
        summary: 'Create an opportunity (idempotent by Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: OpportunityCreate,
        response: { 200: Opportunity, 201: Opportunity, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { opportunity, replayed } = await service.create(request.auth, key, request.body);
      reply.header('etag', etagOf(opportunity.version)).header('location', `/api/v1/opportunities/${opportunity.id}`);
      return reply.status(replayed ? 200 : 201).send(opportunity);
    },
  );

  app.get(
    '/api/v1/opportunities',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'List opportunities by owner, stage, close month, contact',
        querystring: OpportunityListQuery,
        response: { 200: OpportunityPage, ...errors },
      },
    },
    async (request) => listOpportunities(repo, request.auth.tenantId, me(request.query, request.auth.userId)),
  );

  app.get(
    '/api/v1/opportunities/board',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'The pipeline board',
        querystring: OwnerQuery,
        response: { 200: OpportunityBoard, ...errors },
      },
    },
    async (request) => opportunityBoard(repo, request.auth.tenantId, me(request.query, request.auth.userId).owner),
  );

  app.get(
    '/api/v1/opportunities/forecast',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'Weighted amounts per month for the next three months, per owner and in total',
        querystring: OwnerQuery,
        response: { 200: Forecast, ...errors },
      },
    },
    async (request) => opportunityForecast(repo, request.auth.tenantId, me(request.query, request.auth.userId).owner),
  );

  app.get(
    '/api/v1/opportunities/:id',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, params: IdParams, response: { 200: Opportunity, ...errors } },
    },
    async (request, reply) => {
      const opportunity = await service.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(opportunity.version)).send(opportunity);
    },
  );

  app.patch(
    '/api/v1/opportunities/:id',
    {
      config: { permission: 'opportunities:write' },
      schema: {
        tags,
        summary: 'Change an opportunity (If-Match with its version is required)',
        description: `A change that wins the opportunity of an open lead answers with the header ${LEAD_TO_CONVERT_HEADER}: the contact to offer converting to a customer.`,
        params: IdParams,
        headers: IfMatchHeaders,
        body: OpportunityPatch,
        response: { 200: Opportunity, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const { opportunity, leadToConvert } = await service.patch(
        request.auth,
        request.params.id,
        version,
        request.body,
      );
      if (leadToConvert) reply.header(LEAD_TO_CONVERT_HEADER, leadToConvert);
      return reply.header('etag', etagOf(opportunity.version)).send(opportunity);
    },
  );

  app.get(
    '/api/v1/opportunities/:id/history',
    {
      config: { permission: 'audit:read' },
      schema: { tags, params: IdParams, response: { 200: OpportunityHistory, ...errors } },
    },
    async (request) => service.history(request.auth, request.params.id),
  );
};
