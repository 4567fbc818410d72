import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { APP_ROLES, type AppRole } from '@klarkonform/shared';
import { DEMO_TENANT_ID, DEMO_USER } from '../demo/demo-tenant';

const TokenRequestBody = Type.Object(
  {
    tenantId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' })),
    userId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    roles: Type.Optional(Type.Array(Type.Enum(APP_ROLES), { maxItems: APP_ROLES.length, uniqueItems: true })),
  },
  { additionalProperties: false },
);
const TokenResponse = Type.Object(
  { accessToken: Type.String(), expiresIn: Type.Integer() },
  { additionalProperties: false },
);

const LIFETIME_SECONDS = 3600;

// Development and demo sign-in: the task pane and the tab ask for a token
// here instead of Microsoft Entra ID. Registered only with LOCAL_ISSUER=true,
// which the configuration refuses for any non-localhost public URL.
export const localIssuerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const issuer = app.localIssuer;
  if (!issuer) return;
  app.post(
    '/local-issuer/token',
    { schema: { hide: true, body: TokenRequestBody, response: { 200: TokenResponse } } },
    async (request) => {
      const body = request.body ?? {};
      const accessToken = await issuer.mint({
        tenantId: body.tenantId ?? DEMO_TENANT_ID,
        userId: body.userId ?? DEMO_USER.id,
        name: body.name ?? DEMO_USER.name,
        email: body.email ?? DEMO_USER.email,
        roles: (body.roles ?? DEMO_USER.roles) as AppRole[],
        expiresInSeconds: LIFETIME_SECONDS,
      });
      return { accessToken, expiresIn: LIFETIME_SECONDS };
    },
  );
};
