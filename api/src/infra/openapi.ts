import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';

export const openapiPlugin = fp<{ config: AppConfig }>(
  async (app, { config }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'KlarKonform API',
          version: '0.1.0',
          description:
            'CRM data for the KlarKonform Outlook add-in and Teams tab. Every /api/v1 route needs a Microsoft Entra ID v2 access token (scope access_as_user).',
        },
        servers: [{ url: config.publicBaseUrl }],
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        security: [{ bearer: [] }],
      },
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // Swagger UI sets a few inline styles (collapsing sections).
      transformStaticCSP: (header) =>
        header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
      theme: { title: 'KlarKonform API' },
    });
  },
  { name: 'openapi' },
);
