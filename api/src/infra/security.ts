import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';
import type { AuthContext } from './token-verifier';

// Hosts that frame our pages: Outlook (web, new Outlook), Teams and the
// Microsoft 365 app. Helmet's defaults (X-Frame-Options SAMEORIGIN,
// frame-ancestors 'self') would break the task pane and the tab.
export const FRAME_ANCESTORS = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.officeapps.live.com',
];

export const securityPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    await app.register(helmet, {
      frameguard: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'frame-ancestors': FRAME_ANCESTORS,
          'script-src': ["'self'", 'https://appsforoffice.microsoft.com', 'https://res.cdn.office.net'],
          // TeamsJS fetches its list of valid domains from the Office CDN.
          'connect-src': [
            "'self'",
            'https://login.microsoftonline.com',
            'https://res.cdn.office.net',
            ...config.corsOrigins,
          ],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': config.publicBaseUrl.startsWith('https:') ? [] : null,
        },
      },
      hsts: config.publicBaseUrl.startsWith('https:'),
    });

    await app.register(cors, {
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Accept-Language'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After'],
      maxAge: 600,
    });

    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // After authentication (an onRequest hook), before the body is read or validated.
      hook: 'preParsing',
      keyGenerator: rateLimitKey,
      allowList: (request) => request.url.startsWith('/health/'),
    });
  },
  { name: 'security' },
);

// Limits apply per verified user (many users of one company share a NAT
// address), else per client address. Only a verified identity counts: a forged
// token naming a real user never reaches this point (authentication refused it)
// and cannot use up that user's budget.
function rateLimitKey(request: FastifyRequest): string {
  const auth = request.auth as AuthContext | null;
  return auth ? `u:${auth.tenantId}:${auth.userId}` : `ip:${request.ip}`;
}
