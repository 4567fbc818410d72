import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';

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
      keyGenerator: rateLimitKey,
      allowList: (request) => request.url.startsWith('/health/'),
    });
  },
  { name: 'security' },
);

// Limits apply per signed-in user where a token names one (many users of one
// company share a NAT address), else per client address. The claims are only
// read here, not trusted: a forged token still fails authentication.
function rateLimitKey(request: FastifyRequest): string {
  const token = /^Bearer ([^.]+)\.([^.]+)\./.exec(request.headers.authorization ?? '')?.[2];
  if (token) {
    try {
      const claims = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { tid?: unknown; oid?: unknown };
      if (typeof claims.tid === 'string' && typeof claims.oid === 'string') return `u:${claims.tid}:${claims.oid}`;
    } catch {
      // Not a JWT: fall back to the address.
    }
  }
  return `ip:${request.ip}`;
}
