import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Activity,
  ActivityCreate,
  ActivityPage,
  ActivityPatch,
  LogResult,
  LogStatus,
  MailLogCreate,
  MailStatusQuery,
  MeetingLogCreate,
  MeetingStatusQuery,
  ObjectId,
  Problem,
  SentMailLogCreate,
  TimelineQuery,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { ActivitiesService } from './activities.service';

const IdParams = Type.Object({ id: ObjectId }, { additionalProperties: false });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_:.-]+$' }),
});
const OptionalIdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(IdempotencyHeaders.properties['idempotency-key']),
});
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['activities'];

export const activitiesRoutes: FastifyPluginAsyncTypebox<{ activities: ActivitiesService }> = async (
  app,
  { activities },
) => {
  app.post(
    '/api/v1/activities',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Record a call, meeting, letter, note or e-mail by hand (idempotent by Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: ActivityCreate,
        response: { 200: Activity, 201: Activity, ...errors },
      },
    },
    async (request, reply) => {
      const { activity, replayed } = await activities.create(
        request.auth,
        request.headers['idempotency-key'],
        request.body,
      );
      reply.header('etag', etagOf(activity.version)).header('location', `/api/v1/activities/${activity.id}`);
      return reply.status(replayed ? 200 : 201).send(activity);
    },
  );

  app.post(
    '/api/v1/activities/mail',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Log an e-mail from Outlook, once per tenant (by Internet message id)',
        description:
          'Links the mail to every participant who is a contact. 201 when stored now; 200 with alreadyLogged ' +
          'when anyone logged it before (or as the replay of the same Idempotency-Key); 409 when no participant ' +
          'is a contact. A body over MAX_MAIL_BODY_LENGTH characters is stored cut off (bodyTruncated).',
        headers: IdempotencyHeaders,
        body: MailLogCreate,
        response: { 200: LogResult, 201: LogResult, ...errors },
      },
    },
    async (request, reply) => {
      const { result, created } = await activities.logMail(
        request.auth,
        request.headers['idempotency-key'],
        request.body,
      );
      reply.header('location', `/api/v1/activities/${result.activity.id}`);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/v1/activities/sent-mail',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Log a mail as it is sent (Outlook send handler), once per tenant by its compose key',
        description:
          'Links the mail to every recipient (to, cc, bcc) who is a contact and records the template it was ' +
          'written from. 201 when stored now; 200 with alreadyLogged when the compose key was logged before ' +
          '(also by a later log of the sent copy); 409 when no recipient is a contact. The Idempotency-Key is ' +
          'optional here: the compose key makes the call idempotent.',
        headers: OptionalIdempotencyHeaders,
        body: SentMailLogCreate,
        response: { 200: LogResult, 201: LogResult, ...errors },
      },
    },
    async (request, reply) => {
      const { result, created } = await activities.logSentMail(
        request.auth,
        request.headers['idempotency-key'],
        request.body,
      );
      reply.header('location', `/api/v1/activities/${result.activity.id}`);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/v1/activities/meeting',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Log an appointment from Outlook, once per tenant (by iCalUId)',
        headers: IdempotencyHeaders,
        body: MeetingLogCreate,
        response: { 200: LogResult, 201: LogResult, ...errors },
      },
    },
    async (request, reply) => {
      const { result, created } = await activities.logMeeting(
        request.auth,
        request.headers['idempotency-key'],
        request.body,
      );
      reply.header('location', `/api/v1/activities/${result.activity.id}`);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/v1/activities/mail-status',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'Whether a mail is logged in the tenant (for "Bereits protokolliert")',
        description:
          'By internetMessageId or, for a sent copy with the compose-key header, by composeKey: exactly one.',
        querystring: MailStatusQuery,
        response: { 200: LogStatus, ...errors },
      },
    },
    async (request) => activities.mailStatus(request.auth, request.query),
  );

  app.get(
    '/api/v1/activities/meeting-status',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: 'Whether an appointment is logged in the tenant',
        querystring: MeetingStatusQuery,
        response: { 200: LogStatus, ...errors },
      },
    },
    async (request) => activities.meetingStatus(request.auth, request.query.iCalUId),
  );

  app.get(
    '/api/v1/contacts/:id/activities',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: "A contact's timeline (Kontakthistorie), newest first; a company's includes its people",
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: ActivityPage, ...errors },
      },
    },
    async (request) => activities.timeline(request.auth, request.params.id, request.query),
  );

  app.get(
    '/api/v1/activities/:id',
    {
      config: { permission: 'contacts:read' },
      schema: { tags, params: IdParams, response: { 200: Activity, ...errors } },
    },
    async (request, reply) => {
      const activity = await activities.get(request.auth, request.params.id);
      return reply.header('etag', etagOf(activity.version)).send(activity);
    },
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Change subject, text or time of a hand-made entry (If-Match; its creator or an admin)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ActivityPatch,
        response: { 200: Activity, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const activity = await activities.patch(request.auth, request.params.id, version, request.body);
      return reply.header('etag', etagOf(activity.version)).send(activity);
    },
  );

  app.delete(
    '/api/v1/activities/:id',
    {
      config: { permission: 'activities:write' },
      schema: {
        tags,
        summary: 'Delete an activity (If-Match; its creator or an admin); the audit trail keeps it',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      await activities.remove(request.auth, request.params.id, version);
      return reply.status(204).send(null);
    },
  );
};
