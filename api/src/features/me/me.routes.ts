import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { APP_ROLES, PERMISSIONS } from '@klarkonform/shared';

const Me = Type.Object(
  {
    tenantId: Type.String(),
    userId: Type.String(),
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    roles: Type.Array(Type.Enum(APP_ROLES)),
    permissions: Type.Array(Type.Enum(PERMISSIONS)),
  },
  { additionalProperties: false },
);

// Who the caller is, as the API sees the verified token: the front ends use
// it to show the user and to hide actions their roles do not allow.
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/me',
    { config: { permission: 'contacts:read' }, schema: { tags: ['session'], response: { 200: Me } } },
    async (request) => {
      const { auth } = request;
      return {
        tenantId: auth.tenantId,
        userId: auth.userId,
        ...(auth.name ? { name: auth.name } : {}),
        ...(auth.email ? { email: auth.email } : {}),
        roles: [...auth.roles],
        permissions: [...auth.permissions],
      };
    },
  );
};
