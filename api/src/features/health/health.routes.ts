import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pingDatabase } from '../../infra/db';

const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    checks: Type.Optional(Type.Object({ database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]) })),
  },
  { additionalProperties: false },
);

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health/live', { schema: { tags: ['health'], security: [], response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/health/ready',
    { schema: { tags: ['health'], security: [], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      // While the database is known to be down this answers at once, without a ping that would
      // wait for the driver's server selection.
      const reachable = app.dbAvailability.check() && (await pingDatabase(app.mongo));
      if (!reachable) {
        reply.header('retry-after', String(app.dbAvailability.retryAfterSeconds()));
        return reply.status(503).send({ status: 'unavailable' as const, checks: { database: 'unreachable' as const } });
      }
      return { status: 'ok' as const, checks: { database: 'ok' as const } };
    },
  );
};
