import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { TenantUserList } from '@klarkonform/shared';
import { API_PREFIX } from '../../infra/auth';
import type { UsersRepository } from './users.repository';

// The tenant's users (GET /api/v1/users): whom a contact can be given to as Betreuer, and the
// names the front ends show for owner ids. Every verified request records its user (onRequest
// hook after authentication), so the list holds everyone who has used KlarKonform.
const usersPlugin: FastifyPluginAsyncTypebox<{ users: UsersRepository }> = async (app, { users }) => {
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith(API_PREFIX) && request.auth) await users.recordSeen(request.auth);
  });

  app.get(
    `${API_PREFIX}/users`,
    {
      config: { permission: 'contacts:read' },
      schema: { tags: ['session'], response: { 200: TenantUserList } },
    },
    async (request) => ({ items: await users.list(request.auth.tenantId) }),
  );
};

/** Not encapsulated: the hook that records users runs for every route of the app. */
export const usersRoutes = fp(usersPlugin, { name: 'users', dependencies: ['auth'] });
