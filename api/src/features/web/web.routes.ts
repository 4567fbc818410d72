import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppConfig } from '../../config';

const AppConfigBody = Type.Union([
  Type.Object({ auth: Type.Object({ mode: Type.Literal('local') }, { additionalProperties: false }) }),
  Type.Object({
    auth: Type.Object(
      { mode: Type.Literal('entra'), clientId: Type.String(), scope: Type.String() },
      { additionalProperties: false },
    ),
  }),
]);

const HASHED_ASSET = /[-.][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg)$/;

// Serves the built front ends from the API's origin: the Outlook task pane
// and demo page under /addin/, the Teams tab under /teams/, icons, and the
// file Outlook reads to allow our origin for CORS and SSO. Hashed assets are
// immutable; HTML is never cached so a deployment takes effect at once.
export const webRoutes: FastifyPluginAsyncTypebox<{ config: AppConfig }> = async (app, { config }) => {
  app.get('/app-config.json', { schema: { hide: true, response: { 200: AppConfigBody } } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    if (config.auth.localIssuer) return { auth: { mode: 'local' as const } };
    return {
      auth: {
        mode: 'entra' as const,
        clientId: config.auth.audience,
        scope: `api://${config.auth.audience}/access_as_user`,
      },
    };
  });

  // Classic Outlook on Windows runs the event handler in a JS-only runtime that checks this file on
  // the add-in's origin before it allows the script CORS requests and SSO (m365-tech.md §6.3).
  app.get('/.well-known/microsoft-officeaddins-allowed.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return { allowed: [`${config.publicBaseUrl}/addin/events.js`] };
  });

  // The event handler's one script, with the API's public URL stamped in: in the JS-only runtime
  // it has no page to learn its origin from (events.ts). Not hashed, so revalidated like HTML.
  const eventsScript = path.join(config.staticRoots.addin, 'events.js');
  app.get('/addin/events.js', { schema: { hide: true } }, async (_request, reply) => {
    let source: string;
    try {
      source = await readFile(eventsScript, 'utf8');
    } catch {
      return reply.status(404).type('text/plain; charset=utf-8').send('events.js is not built; run "npm run build"');
    }
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(source.replaceAll('"__KLARKONFORM_PUBLIC_BASE_URL__"', JSON.stringify(config.publicBaseUrl)));
  });

  const roots: Array<[string, string]> = [
    ['/addin/', config.staticRoots.addin],
    ['/teams/', config.staticRoots.teams],
    ['/icons/', config.staticRoots.icons],
  ];
  let decorated = false;
  for (const [prefix, root] of roots) {
    if (!existsSync(root)) {
      app.log.warn({ root }, `${prefix} is not built; run "npm run build"`);
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: !decorated,
      index: false,
      cacheControl: false,
      setHeaders(res, filePath) {
        if (filePath.endsWith('.html')) res.header('cache-control', 'no-cache');
        else if (HASHED_ASSET.test(filePath)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'public, max-age=3600');
      },
    });
    decorated = true;
  }

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/addin/demo.html'));
};
