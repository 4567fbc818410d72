import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Contact,
  inLeadReview,
  type LeadState,
  LeadStatusChange,
  LeadStatusResult,
  LeadUndoRequest,
  LeadUndoResult,
  leadStaleness,
  ObjectId,
  Problem,
  UserId,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from './contact-writer';
import type { ContactsFeature } from './contacts.feature';
import { type ContactFields, fieldsOf, toContact } from './contacts.mapper';
import { findPage, withOwner } from './contacts.search';

// The weekly lead review: open leads as whole contacts (the reviewer edits
// them with If-Match, so the version comes along) and how stale each is —
// open for more than 90 days, or untouched for more than 12 months — and the
// lead state machine's actions (lead-status.service.ts) with their undo.

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 412: Problem, 428: Problem };

const LeadsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    // A user id, or "me" for the caller ("Meine Leads").
    owner: Type.Optional(UserId),
  },
  { additionalProperties: false },
);
const LeadReviewPage = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          contact: Contact,
          companyName: Type.Optional(Type.String()),
          staleness: Type.Union([Type.Literal('fresh'), Type.Literal('openTooLong'), Type.Literal('untouched')]),
        },
        { additionalProperties: false },
      ),
    ),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const leadsRoutes: FastifyPluginAsyncTypebox<{ feature: ContactsFeature }> = async (app, { feature }) => {
  app.get(
    '/api/v1/leads',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags: ['leads'],
        summary: 'Lead review: active leads with their staleness, one page per request',
        querystring: LeadsQuery,
        response: { 200: LeadReviewPage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const now = new Date();
      const { docs, nextCursor } = await findPage(feature.repo, request.auth.tenantId, {
        relationship: 'lead',
        limit: request.query.limit ?? 50,
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        ...withOwner({ owner: request.query.owner }, request.auth),
      });
      const companyIds = docs.map((d) => d.companyId).filter((id): id is string => typeof id === 'string');
      const names = new Map(
        (await feature.repo.findByIds(request.auth.tenantId, companyIds)).map((c) => [String(c._id), String(c.name)]),
      );
      // Leads whose status was closed before the state machine existed stay out too.
      const items = docs
        .filter((doc) => inLeadReview(fieldsOf(doc) as ContactFields & LeadState))
        .map((doc) => {
          const contact = toContact(doc);
          const companyName = doc.companyId ? names.get(doc.companyId) : undefined;
          return { contact, ...(companyName ? { companyName } : {}), staleness: leadStaleness(contact, now) };
        });
      return { items, nextCursor };
    },
  );

  app.post(
    '/api/v1/contacts/:id/lead-status',
    {
      config: { permission: 'contacts:write' },
      schema: {
        tags: ['leads'],
        summary:
          'Change the lead status (If-Match): qualify, win (Lead → Kunde, "Kunde seit" today; a company optionally with its people), lose or archive (with reason), reopen',
        params: IdParams,
        headers: IfMatchHeaders,
        body: LeadStatusChange,
        response: { 200: LeadStatusResult, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const result = await feature.leads.change(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(result.contact.version)).send(result);
    },
  );

  app.post(
    '/api/v1/contacts/:id/lead-status/undo',
    {
      config: { permission: 'contacts:write' },
      schema: {
        tags: ['leads'],
        summary: 'Undo the last lead status change (If-Match: the version it gave), with the people it changed along',
        params: IdParams,
        headers: IfMatchHeaders,
        body: LeadUndoRequest,
        response: { 200: LeadUndoResult, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const result = await feature.leads.undo(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(result.contact.version)).send(result);
    },
  );
};
