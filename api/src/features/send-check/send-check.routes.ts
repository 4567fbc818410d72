import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AuditEntry,
  ConsentCheckRequest,
  ConsentCheckResult,
  Problem,
  SendCheckSettings,
  SendCheckSettingsUpdate,
} from '@klarkonform/shared';
import { etagOf, parseIfMatch } from '../contacts/contact-writer';
import type { SendCheckService } from './send-check.service';

const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });
const History = Type.Object({ items: Type.Array(AuditEntry) }, { additionalProperties: false });

const errors = { 400: Problem, 401: Problem, 403: Problem };
const tags = ['send-check'];

// The send-time consent check (Smart Alerts, issue 14). Everyone who reads contacts may ask
// (the Outlook handler runs as the sending user); only an admin changes the tenant's settings.
export const sendCheckRoutes: FastifyPluginAsyncTypebox<{ service: SendCheckService }> = async (app, { service }) => {
  app.get(
    '/api/v1/send-check/settings',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: "The tenant's send-check settings (the defaults, version 0, until an admin saves them)",
        response: { 200: SendCheckSettings, ...errors },
      },
    },
    async (request, reply) => {
      const settings = await service.settings(request.auth);
      return reply.header('etag', etagOf(settings.version)).send(settings);
    },
  );

  app.put(
    '/api/v1/send-check/settings',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Save the send-check settings (If-Match: their version, 0 before the first save)',
        headers: IfMatchHeaders,
        body: SendCheckSettingsUpdate,
        response: { 200: SendCheckSettings, 412: Problem, 428: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const version = parseIfMatch(request.headers['if-match']);
      const settings = await service.updateSettings(request.auth, version, request.body);
      return reply.header('etag', etagOf(settings.version)).send(settings);
    },
  );

  app.get(
    '/api/v1/send-check/settings/history',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags,
        summary: 'Who changed the send-check settings, newest first',
        response: { 200: History, ...errors },
      },
    },
    async (request) => service.history(request.auth),
  );

  app.post(
    '/api/v1/send-check/consent',
    {
      config: { permission: 'contacts:read' },
      schema: {
        tags,
        summary: "May these recipients be sent marketing e-mail? (the card's rule, with the tenant's settings)",
        body: ConsentCheckRequest,
        response: { 200: ConsentCheckResult, ...errors },
      },
    },
    async (request) => service.consent(request.auth, request.body.emails),
  );
};
