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
      const database = (await pingDatabase(app.mongo)) ? ('ok' as const) : ('unreachable' as const);
      const status = database === 'ok' ? ('ok' as const) : ('unavailable' as const);
      return reply.status(database === 'ok' ? 200 : 503).send({ status, checks: { database } });
    },
  );
};
