import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SCHEMA_FORMATS } from '@klarkonform/shared';
import { DEMO_TENANT_ID } from './features/demo/demo-tenant';
import type { AppConfig } from './config';
import { activitiesRoutes } from './features/activities/activities.routes';
import { createActivitiesFeature } from './features/activities/activities.feature';
import { contactsRoutes } from './features/contacts/contacts.routes';
import { createContactsFeature } from './features/contacts/contacts.feature';
import { UsersRepository } from './features/users/users.repository';
import { usersRoutes } from './features/users/users.routes';
import { migrateContactLookupFields } from './features/contacts/contacts.migrations';
import { insightsRoutes } from './features/contacts/insights.routes';
import { leadsRoutes } from './features/contacts/leads.routes';
import { demoRoutes } from './features/demo/demo.routes';
import { createFollowUpsFeature } from './features/follow-ups/follow-ups.feature';
import { followUpsRoutes } from './features/follow-ups/follow-ups.routes';
import { activitiesTimeline } from './features/follow-ups/follow-ups.timeline';
import { seedDemoTenant } from './features/demo/demo.seed';
import { DemoService } from './features/demo/demo.service';
import { healthRoutes } from './features/health/health.routes';
import { meRoutes } from './features/me/me.routes';
import { createPrivacyBFeature, type PrivacyBFeature } from './features/privacy/privacy-b.feature';
import { privacyBRoutes } from './features/privacy/privacy-b.routes';
import { createOpportunitiesFeature } from './features/opportunities/opportunities.feature';
import { opportunitiesRoutes } from './features/opportunities/opportunities.routes';
import { contactSyncStatusHook } from './features/mirror/contact-sync-status.hook';
import { createMirrorFeature, type MirrorFeature } from './features/mirror/mirror.feature';
import { mirrorRoutes } from './features/mirror/mirror.routes';
import { createTemplatesFeature } from './features/templates/templates.feature';
import { templatesRoutes } from './features/templates/templates.routes';
import { createImportExportFeature } from './features/import-export/import-export.feature';
import { exportsRoutes } from './features/import-export/exports.routes';
import { importsRoutes } from './features/import-export/imports.routes';
import { createPrivacyAFeature } from './features/privacy/privacy-a.feature';
import { privacyARoutes } from './features/privacy/privacy-a.routes';
import { createSendCheckFeature } from './features/send-check/send-check.feature';
import { sendCheckRoutes } from './features/send-check/send-check.routes';
import { localIssuerRoutes } from './features/web/local-issuer.routes';
import { webRoutes } from './features/web/web.routes';
import { authPlugin } from './infra/auth';
import { dbPlugin } from './infra/db';
import { errorsPlugin } from './infra/errors';
import { problem } from './infra/http-error';
import { openapiPlugin } from './infra/openapi';
import { securityPlugin } from './infra/security';
import { validatorCompiler } from './infra/validation';

declare module 'fastify' {
  interface FastifyInstance {
    /** The start-up data migrations (background): resolves with the number of contacts migrated. */
    migrations: { done: Promise<number> };
    /** The Microsoft 365 contacts mirror (issue 13): `app.mirror.runNow(tenantId)` runs a tenant at once. */
    mirror: MirrorFeature;
    /**
     * The time date rules read (issue 15: request due dates, retention periods, DOI expiry): the
     * wall clock in production; tests move it (years ahead for a retention period).
     */
    clock: () => Date;
    /** The DSGVO lifecycle, part B (issue 15): settings, restriction, legal hold, erasure and its daily job. */
    privacyB: PrivacyBFeature;
  }
}

export const BODY_LIMIT_BYTES = 256 * 1024;

/**
 * A request as the log shows it: method, path and the names of its query parameters, never their
 * values — they carry personal data (`cards?email=…`, `contacts?q=Müller`; DSGVO Art. 5(1)(c)).
 */
export function requestForLog(req: { method: string; url: string }): { method: string; url: string } {
  const [path = '', query] = req.url.split('?', 2);
  const names = query ? [...new Set([...new URLSearchParams(query).keys()])].map((k) => `${k}=…`) : [];
  return { method: req.method, url: names.length > 0 ? `${path}?${names.join('&')}` : path };
}

/**
 * JSON bodies must be valid UTF-8 (RFC 8259 §8.1): the default parser would turn invalid bytes into
 * U+FFFD and store them; here they are refused with 400 before anything else reads the body.
 */
function useStrictUtf8Json(app: FastifyInstance): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  // Only JSON is accepted: a text/plain body answers 415 instead of failing the schema as a string.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(problem(400, 'badRequest', 'invalidUtf8'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

/**
 * Options for embedding the app: `logStream` receives the JSON log lines (tests read them); `clock`
 * replaces the wall clock for the date rules that read `app.clock()` (tests only).
 */
export interface BuildOptions {
  readonly logStream?: { write(line: string): void };
  readonly clock?: () => Date;
}

// The composition root: infrastructure first, then features, in order.
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Values of a refused unique key (MongoDB's E11000 errors) can be personal data.
      redact: ['req.headers.authorization', 'err.keyValue', 'err.errorResponse.keyValue'],
      serializers: { req: requestForLog },
      ...(options.logStream ? { stream: options.logStream } : {}),
      ...(config.prettyLogs && !options.logStream
        ? {
            transport: {
              target: 'pino-pretty',
              options: { translateTime: 'SYS:HH:MM:ss', singleLine: true, ignore: 'pid,hostname' },
            },
          }
        : {}),
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // The response serializer picks union branches (company | person) with ajv: it must know our
    // formats like the validators do.
    serializerOpts: { ajv: { formats: { ...SCHEMA_FORMATS } } },
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('clock', options.clock ?? (() => new Date()));
  app.setValidatorCompiler(validatorCompiler);
  useStrictUtf8Json(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // CRM data and tokens must not stay in browser or proxy caches (shared machines, proxies).
    if (request.url.startsWith('/api/') || request.url.startsWith('/local-issuer/token')) {
      reply.header('cache-control', 'no-store');
    }
  });

  await app.register(errorsPlugin);
  // Task-pane scripts and sender cards travel compressed (the bundle budget is measured gzipped).
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(securityPlugin, { config });
  await app.register(dbPlugin, { config });
  await app.register(openapiPlugin, { config });
  await app.register(authPlugin, { config });

  await app.register(healthRoutes);
  const users = new UsersRepository(app.mongo);
  await app.register(usersRoutes, { users });
  await app.register(meRoutes);
  const contacts = createContactsFeature(app.mongo, users);
  // Data migrations run in the background, so an update answers at once: contacts not yet migrated
  // are read in the current shape (contacts.mapper.ts), and search finds by the refreshed keys once
  // the pass is through. Closing the app stops the pass; the next start resumes it.
  const stopMigrations = new AbortController();
  const migrations = { done: Promise.resolve(0) };
  app.decorate('migrations', migrations);
  app.addHook('onReady', async () => {
    migrations.done = migrateContactLookupFields(app.mongo, stopMigrations.signal).then(
      (migrated) => {
        if (migrated > 0) app.log.info({ migrated }, 'migrated contacts of an earlier version');
        return migrated;
      },
      (err: unknown) => {
        app.log.error({ err }, 'contact migration stopped; it resumes at the next start');
        return 0;
      },
    );
  });
  app.addHook('onClose', async () => {
    stopMigrations.abort();
    await migrations.done;
  });
  // The mirror hears of every contact write (outbox) and puts each contact's sync status on every
  // response that contains contacts: both before the contact routes are registered.
  const mirror = createMirrorFeature(app.mongo, config, contacts, app.log);
  app.decorate('mirror', mirror);
  contactSyncStatusHook(app, mirror.status);
  app.addHook('onReady', async () => mirror.scheduler.start());
  app.addHook('onClose', async () => mirror.close());
  await app.register(contactsRoutes, { feature: contacts });
  await app.register(insightsRoutes, { feature: contacts });
  await app.register(leadsRoutes, { feature: contacts });
  const opportunities = createOpportunitiesFeature(app.mongo, contacts.contacts, users);
  await app.register(opportunitiesRoutes, { feature: opportunities });
  const activities = createActivitiesFeature(app.mongo, contacts);
  await app.register(activitiesRoutes, { activities: activities.activities });
  const followUps = createFollowUpsFeature(app.mongo, contacts, users, {
    timeline: activitiesTimeline(activities.activities),
    onError: (err) => app.log.warn({ err }, 'timeline entry of a completed follow-up stays owed'),
  });
  await app.register(followUpsRoutes, { service: followUps.service, repo: followUps.repo, users });
  const templates = createTemplatesFeature(app.mongo, contacts.contacts, users);
  await app.register(templatesRoutes, { service: templates.service });
  // A merge hands the duplicate's sales work to the survivor.
  contacts.duplicates.onMerged(async (auth, move) => {
    await opportunities.service.relinkMerged(auth, move);
    await followUps.service.relinkMerged(auth, move);
    await activities.activities.relinkMerged(auth, move);
  });
  // The sender card shows each known contact's sales work, read through these features' services.
  contacts.cards.attachSalesWork({
    recentActivities: (tenantId, ids, limit) => activities.activities.recentFor(tenantId, ids, limit),
    openFollowUps: (tenantId, ids) => followUps.service.openFor(tenantId, ids),
    openOpportunities: (tenantId, ids) => opportunities.service.openFor(tenantId, ids),
  });
  // The DSGVO lifecycle, Part A (issue 15): requests register, export, objection, DOI, consent review.
  const privacyA = createPrivacyAFeature(app.mongo, {
    contacts,
    activities: activities.activities,
    followUps: followUps.service,
    opportunities: opportunities.repo,
    mirror: mirror.status,
    clock: app.clock,
    publicBaseUrl: config.publicBaseUrl,
  });
  await app.register(privacyARoutes, { feature: privacyA });
  // Data care lists the overdue requests for users who handle them.
  contacts.quality.attachPrivacyOverdue((tenantId) => privacyA.requests.overdueSummary(tenantId));
  const sendCheck = createSendCheckFeature(app.mongo, contacts);
  await app.register(sendCheckRoutes, { service: sendCheck.service });
  await app.register(mirrorRoutes, { feature: mirror });
  // Issue 15, part B: erasure forgets the Outlook copy through the mirror's hook; the daily
  // retention job runs on one instance (its lease) and stops with the app.
  const privacyB = createPrivacyBFeature(app.mongo, contacts, (t, id) => mirror.forget(t, id), app.clock, app.log);
  app.decorate('privacyB', privacyB);
  await app.register(privacyBRoutes, { feature: privacyB });
  app.addHook('onReady', async () => privacyB.job.start());
  app.addHook('onClose', async () => privacyB.job.stop());
  // Imports run in the background: taken up at start (resuming any a stopped API left) and
  // stopped at their next row when the app closes.
  const importExport = createImportExportFeature(app.mongo, contacts, users, app.log);
  await app.register(importsRoutes, { feature: importExport });
  await app.register(exportsRoutes, { feature: importExport });
  app.addHook('onReady', async () => importExport.runner.start());
  app.addHook('onClose', async () => importExport.runner.stop());
  if (config.seedDemo) {
    const demo = { contacts, users, activities, followUps, opportunities, templates, mirror };
    app.addHook('onReady', async () => {
      await seedDemoTenant(demo, DEMO_TENANT_ID, app.log);
    });
    await app.register(demoRoutes, { demo: new DemoService(demo, DEMO_TENANT_ID) });
  }
  await app.register(localIssuerRoutes, { config });
  await app.register(webRoutes, { config });

  return app;
}
