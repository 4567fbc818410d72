import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CONSENT_CHANNELS, createTranslator, type Language } from '@klarkonform/shared';
import type { Confirmation, DoubleOptInService, LinkState } from './double-opt-in.service';

// The public double opt-in page (no login: the data subject clicks the link in a mail). A GET
// only shows the page with the "Bestätigen" button — mail scanners and link previews fetch links,
// so a GET never confirms; the button's form POSTs to the same address, which confirms once.
// Expired, used or forged links get a clear page and change nothing. The page has no script and
// posts to its own origin, which the security plugin's CSP allows (`form-action 'self'`).

const TokenParams = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 300 }) },
  { additionalProperties: false },
);
const Html = Type.String({ description: 'text/html page' });
const tags = ['privacy'];

function languageOf(request: FastifyRequest): Language {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'de';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function page(lang: Language, body: string): string {
  const t = createTranslator(lang);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(t('doiPage.title'))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:4px;border:0;background:#0f6cbd;color:#fff;cursor:pointer}</style>
</head><body><h1>${escapeHtml(t('doiPage.title'))}</h1>${body}</body></html>`;
}

const message = (lang: Language, key: 'confirmed' | 'expired' | 'used' | 'invalid') =>
  page(lang, `<p role="status">${escapeHtml(createTranslator(lang)(`doiPage.${key}`))}</p>`);

const statusOf: Record<Exclude<Confirmation, 'confirmed'>, 404 | 409 | 410> = { expired: 410, used: 409, invalid: 404 };

function form(lang: Language, state: Extract<LinkState, { kind: 'open' }>, action: string): string {
  const t = createTranslator(lang);
  const channel = CONSENT_CHANNELS.includes(state.doc.channel) ? t(`channel.${state.doc.channel}`) : state.doc.channel;
  return page(
    lang,
    `<p>${escapeHtml(t('doiPage.question', { channel }))}</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(t('doiPage.button'))}</button></form>`,
  );
}

export const doubleOptInPublicRoutes: FastifyPluginAsyncTypebox<{ service: DoubleOptInService }> = async (
  app,
  { service },
) => {
  // The button's form posts application/x-www-form-urlencoded with an empty body; nothing in it is read.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_r, _b, done) => done(null, {}),
  );

  app.get(
    '/api/v1/public/doi/:token',
    {
      schema: {
        tags,
        summary: 'The double opt-in page (no login): shows a "Bestätigen" button, confirms nothing',
        security: [],
        params: TokenParams,
        response: { 200: Html, 404: Html, 409: Html, 410: Html },
      },
    },
    async (request, reply) => {
      const lang = languageOf(request);
      const state = await service.inspect(request.params.token);
      reply.header('content-type', 'text/html; charset=utf-8').header('content-language', lang);
      if (state.kind !== 'open') return reply.status(statusOf[state.kind]).send(message(lang, state.kind));
      return reply.send(form(lang, state, `/api/v1/public/doi/${request.params.token}`));
    },
  );

  app.post(
    '/api/v1/public/doi/:token',
    {
      schema: {
        tags,
        summary: 'Confirms the double opt-in once (no login); expired, used or forged links change nothing',
        security: [],
        params: TokenParams,
        response: { 200: Html, 404: Html, 409: Html, 410: Html },
      },
    },
    async (request, reply) => {
      const lang = languageOf(request);
      const outcome = await service.confirm(request.params.token, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.header('content-type', 'text/html; charset=utf-8').header('content-language', lang);
      if (outcome !== 'confirmed') return reply.status(statusOf[outcome]).send(message(lang, outcome));
      return reply.send(message(lang, 'confirmed'));
    },
  );
};
