import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@klarkonform/shared';
import type { AppConfig } from '../config';
import { FailureLimiter } from './failure-limiter';
import { type FieldLabels, HttpError, problem } from './http-error';
import { createLocalIssuer, type LocalIssuer, loadOrCreateIssuerKey } from './local-issuer';
import { type AuthContext, createTokenVerifier, TokenError } from './token-verifier';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext;
  }
  interface FastifyContextConfig {
    /** Permission every /api/v1 route must declare; checked after authentication. */
    permission?: Permission;
    /** Labels for paths the shared field table names otherwise, in this route's problems (http-error.ts). */
    fieldLabels?: FieldLabels;
  }
  interface FastifyInstance {
    localIssuer: LocalIssuer | undefined;
  }
}

export const API_PREFIX = '/api/v1';
/**
 * Pages for people without an account (the double opt-in link of issue 15): no token, no
 * permission; each such route checks its own signed token. Nothing else may live here.
 */
export const PUBLIC_PREFIX = '/api/v1/public/';

// Every route under /api/v1 needs a verified bearer token and declares the
// permission it requires; a route without one fails at start-up, so no
// endpoint can be left open by mistake.
export const authPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    let localIssuer: LocalIssuer | undefined;
    if (config.auth.localIssuer) {
      const key = await loadOrCreateIssuerKey(config.auth.localIssuerKeyFile);
      localIssuer = createLocalIssuer(key, config.auth.issuerTemplate, config.auth.audience);
    }
    app.decorate('localIssuer', localIssuer);
    const verify = createTokenVerifier(config.auth, localIssuer?.jwks);

    app.decorateRequest('auth', null as unknown as AuthContext);

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith(API_PREFIX) && !route.url.startsWith(PUBLIC_PREFIX) && !route.config?.permission) {
        throw new Error(`Route ${route.method} ${route.url} declares no permission`);
      }
    });

    // Requests without a valid token are limited per client address before their token is
    // verified; a valid token never counts here, so forged tokens cannot use up a real user's
    // budget (that one is counted per verified user, see security.ts).
    const unauthenticated = new FailureLimiter(config.rateLimitUnauthenticatedPerMinute, 60_000);

    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith(API_PREFIX)) return;
      // The matched route decides, not the raw URL (no "/api/v1/public/../" tricks).
      if (request.routeOptions.url?.startsWith(PUBLIC_PREFIX)) return;
      const wait = unauthenticated.blockedFor(request.ip);
      if (wait > 0) {
        throw problem(429, 'tooManyRequests', 'tooManyUnauthenticated', {}, { retryAfterSeconds: wait });
      }
      try {
        request.auth = await authenticate(request, verify);
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 401) unauthenticated.fail(request.ip);
        throw err;
      }
      const needed = request.routeOptions.config?.permission;
      if (needed && !request.auth.permissions.has(needed)) {
        throw problem(403, 'forbidden', 'missingPermission', { permission: needed });
      }
    });
  },
  { name: 'auth' },
);

async function authenticate(
  request: FastifyRequest,
  verify: (token: string) => Promise<AuthContext>,
): Promise<AuthContext> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  if (!match?.[1]) {
    throw problem(401, 'unauthorized', 'tokenRequired', {}, { wwwAuthenticate: 'Bearer' });
  }
  try {
    return await verify(match[1]);
  } catch (err) {
    if (err instanceof TokenError) {
      request.log.info({ reason: err.reason }, 'rejected token');
      const wwwAuthenticate = `Bearer error="invalid_token", error_description="${err.reason.replace(/"/g, "'")}"`;
      const { problem: why } = err;
      throw problem(401, 'unauthorized', 'tokenInvalid', (t) => ({ reason: t(`tokenProblem.${why}`) }), {
        wwwAuthenticate,
      });
    }
    throw err;
  }
}
