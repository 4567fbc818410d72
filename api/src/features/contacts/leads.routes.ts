import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Contact, leadStaleness, Problem, UserId } from '@klarkonform/shared';
import type { ContactsFeature } from './contacts.feature';
import { toContact } from './contacts.mapper';
import { findPage, withOwner } from './contacts.search';

// The weekly lead review: open leads as whole contacts (the reviewer edits
// them with If-Match, so the version comes along) and how stale each is —
// open for more than 90 days, or untouched for more than 12 months.

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
      const items = docs.map((doc) => {
        const contact = toContact(doc);
        const companyName = doc.companyId ? names.get(doc.companyId) : undefined;
        return { contact, ...(companyName ? { companyName } : {}), staleness: leadStaleness(contact, now) };
      });
      return { items, nextCursor };
    },
  );
};
