import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DemoResetResult, DemoStatus, Problem } from '@klarkonform/shared';
import type { DemoService } from './demo.service';

const errors = { 401: Problem, 403: Problem, 404: Problem };
const tags = ['demo'];
const STATUS_PATH = '/api/v1/demo';
const RESET_PATH = '/api/v1/demo/reset';

// The demo tenant's endpoints, registered only when the server seeds the demo (SEED_DEMO=true):
// whether the caller is on the demo tenant (the front ends show "Demo zurücksetzen" then), and
// the reset itself, for admins.
export const demoRoutes: FastifyPluginAsyncTypebox<{ demo: DemoService }> = async (app, { demo }) => {
  app.get(
    STATUS_PATH,
    { config: { permission: 'contacts:read' }, schema: { tags, response: { 200: DemoStatus, ...errors } } },
    async (request) => demo.status(request.auth, STATUS_PATH),
  );

  app.post(
    RESET_PATH,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: DemoResetResult, ...errors },
      },
    },
    async (request) => demo.reset(request.auth, RESET_PATH, request.log),
  );
};
