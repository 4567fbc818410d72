import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { APP_ROLES, type AppRole } from '@klarkonform/shared';
import { type AppConfig, isLoopbackHost } from '../../config';
import { problem } from '../../infra/http-error';
import { DEMO_TENANT_ID, DEMO_USER } from '../demo/demo-tenant';

const LIFETIME_SECONDS = 3600;
const MAX_LIFETIME_SECONDS = 30 * 24 * 3600;

const TokenRequestBody = Type.Object(
  {
    tenantId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' })),
    userId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    roles: Type.Optional(Type.Array(Type.Enum(APP_ROLES), { maxItems: APP_ROLES.length, uniqueItems: true })),
    /** Lifetime in seconds, 1 minute to 30 days (npm run dev-token --hours); 1 hour when left out. */
    expiresInSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: MAX_LIFETIME_SECONDS })),
  },
  { additionalProperties: false },
);
const TokenResponse = Type.Object(
  { accessToken: Type.String(), expiresIn: Type.Integer() },
  { additionalProperties: false },
);

const TenantParams = Type.Object(
  { tid: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' }) },
  { additionalProperties: false },
);

/** Where the local issuer publishes its public keys (Entra: /discovery/v2.0/keys). */
export const LOCAL_JWKS_PATH = '/local-issuer/discovery/v2.0/keys';

// Development and demo sign-in: the task pane and the tab ask for a token
// here instead of Microsoft Entra ID. Registered only with LOCAL_ISSUER=true,
// which the configuration refuses unless the API listens on a loopback
// address and its public URL is localhost; a token request that still
// arrives from another address (a forwarded port) is refused too.
// The public keys are served as a JWKS with an OpenID discovery document,
// shaped like Entra's, so other local tools can verify the tokens.
export const localIssuerRoutes: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (app, { config }) => {
  const issuer = app.localIssuer;
  if (!issuer) return;

  app.get(LOCAL_JWKS_PATH, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return issuer.jwks;
  });

  app.get(
    '/local-issuer/:tid/v2.0/.well-known/openid-configuration',
    { schema: { hide: true, params: TenantParams } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      const base = config.publicBaseUrl;
      return {
        issuer: config.auth.issuerTemplate.replace('{tid}', request.params.tid),
        token_endpoint: `${base}/local-issuer/token`,
        jwks_uri: `${base}${LOCAL_JWKS_PATH}`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['none'],
      };
    },
  );

  app.post(
    '/local-issuer/token',
    { schema: { hide: true, body: TokenRequestBody, response: { 200: TokenResponse } } },
    async (request) => {
      const peer = request.socket.remoteAddress;
      if (peer !== undefined && !isLoopbackHost(peer)) {
        throw problem(403, 'forbidden', 'localIssuerRemote');
      }
      const body = request.body ?? {};
      const userId = body.userId ?? DEMO_USER.id;
      // The demo user's name and e-mail only for the demo user: another id must not borrow them.
      const demo = userId === DEMO_USER.id;
      const name = body.name ?? (demo ? DEMO_USER.name : undefined);
      const email = body.email ?? (demo ? DEMO_USER.email : undefined);
      const accessToken = await issuer.mint({
        tenantId: body.tenantId ?? DEMO_TENANT_ID,
        userId,
        ...(name ? { name } : {}),
        ...(email ? { email } : {}),
        roles: (body.roles ?? DEMO_USER.roles) as AppRole[],
        expiresInSeconds: body.expiresInSeconds ?? LIFETIME_SECONDS,
      });
      return { accessToken, expiresIn: body.expiresInSeconds ?? LIFETIME_SECONDS };
    },
  );
};
