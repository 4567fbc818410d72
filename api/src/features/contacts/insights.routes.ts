import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ConsentChannel,
  ConsentDecision,
  Contact,
  ContactPurpose,
  CompanyPerson,
  ContactSummary,
  DuplicateCheckRequest,
  DuplicateCheckResult,
  DuplicateReason,
  MergeRequest,
  ObjectId,
  PrivacyRequest,
  Problem,
  mayContact,
  QualityFinding,
  SenderCardList,
  SenderCard,
  SenderCardQuery,
} from '@klarkonform/shared';
import type { ContactsFeature } from './contacts.feature';

// Read models over contacts: sender cards, consent decisions, duplicates,
// merge, and data quality.

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const ConsentQuery = Type.Object({ channel: ConsentChannel, purpose: ContactPurpose }, { additionalProperties: false });
const People = Type.Object({ items: Type.Array(CompanyPerson, { maxItems: 50 }) }, { additionalProperties: false });
const Findings = Type.Object({ findings: Type.Array(QualityFinding) }, { additionalProperties: false });
const WorklistQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    cursor: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
const Worklist = Type.Object(
  {
    items: Type.Array(
      Type.Object({ contact: ContactSummary, findings: Type.Array(QualityFinding) }, { additionalProperties: false }),
    ),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    /** First page, privacy:manage only: overdue data-subject requests (issue 15), the most overdue five. */
    privacyOverdue: Type.Optional(
      Type.Object(
        { count: Type.Integer({ minimum: 0 }), items: Type.Array(PrivacyRequest, { maxItems: 5 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const DuplicateGroups = Type.Object(
  {
    groups: Type.Array(
      Type.Object(
        { contacts: Type.Array(ContactSummary), score: Type.Integer(), reasons: Type.Array(DuplicateReason) },
        { additionalProperties: false },
      ),
    ),
    scanned: Type.Integer(),
  },
  { additionalProperties: false },
);

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const insightsRoutes: FastifyPluginAsyncTypebox<{ feature: ContactsFeature }> = async (app, { feature }) => {
  const { cards, duplicates, quality, contacts } = feature;

  app.get(
    '/api/v1/cards',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags: ['cards'],
        summary: 'Sender cards for up to 50 addresses in one request',
        querystring: SenderCardQuery,
        response: { 200: SenderCardList, ...errors },
      },
    },
    async (request) => ({ cards: await cards.cards(request.auth, request.query.email, request.query.name ?? []) }),
  );

  app.get(
    '/api/v1/contacts/:id/card',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags: ['cards'],
        summary: "A contact's card by id (as a sender card; for contacts without e-mail too)",
        params: IdParams,
        response: { 200: SenderCard, ...errors },
      },
    },
    async (request) => cards.contactCard(request.auth, request.params.id),
  );

  app.get(
    '/api/v1/contacts/:id/consent-decision',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags: ['consent'],
        summary: 'May we contact this contact on a channel for a purpose?',
        params: IdParams,
        querystring: ConsentQuery,
        response: { 200: ConsentDecision, ...errors },
      },
    },
    async (request) => {
      const contact = await contacts.get(request.auth, request.params.id);
      return mayContact(contact, request.query.channel, request.query.purpose, new Date());
    },
  );

  app.post(
    '/api/v1/contacts/duplicate-check',
    {
      config: { permission: 'contacts:read' },
      schema: { tags: ['duplicates'], body: DuplicateCheckRequest, response: { 200: DuplicateCheckResult, ...errors } },
    },
    async (request) => duplicates.check(request.auth, request.body),
  );

  app.get(
    '/api/v1/duplicates',
    {
      config: { permission: 'quality:read' },
      schema: {
        tags: ['duplicates'],
        summary: 'Tenant-wide duplicate groups',
        response: { 200: DuplicateGroups, ...errors },
      },
    },
    async (request) => duplicates.groups(request.auth),
  );

  app.post(
    '/api/v1/contacts/merge',
    {
      config: { permission: 'contacts:merge' },
      schema: { tags: ['duplicates'], body: MergeRequest, response: { 200: Contact, ...errors } },
    },
    async (request) => duplicates.merge(request.auth, request.body),
  );

  app.get(
    '/api/v1/contacts/:id/quality',
    {
      config: { permission: 'contacts:read' },
      schema: { tags: ['quality'], params: IdParams, response: { 200: Findings, ...errors } },
    },
    async (request) => quality.forContact(request.auth, request.params.id),
  );

  app.get(
    '/api/v1/contacts/:id/people',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags: ['cards'],
        summary: "A company's people with their roles (at most 50, by name)",
        params: IdParams,
        response: { 200: People, ...errors },
      },
    },
    async (request) => ({ items: await cards.companyPeople(request.auth, request.params.id) }),
  );

  app.get(
    '/api/v1/quality/worklist',
    {
      config: { permission: 'quality:read' },
      schema: { tags: ['quality'], querystring: WorklistQuery, response: { 200: Worklist, ...errors } },
    },
    async (request) => quality.worklist(request.auth, request.query.limit ?? 25, request.query.cursor),
  );
};
