import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MirrorSettings, MirrorStatus, MirrorTarget } from '@klarkonform/shared';
import type { FakeMicrosoft, OutlookContact } from '../fake-graph/index';
import { startFakeMicrosoft } from '../fake-graph/index';
import type { BuildOptions } from '../../api/src/index';
import { createTestApp, TENANT_A, type TestApp } from './test-app';

// A KlarKonform API whose contacts mirror talks to the fake Microsoft cloud: the helpers the
// mirror's API tests share (tests/api/mirror-*.test.ts) and the benchmark.

/** Our id on an Outlook contact (api/src/features/mirror/README.md). */
export const CRM_ID_PROPERTY = 'String {b8d7b5c2-6f1e-4c53-9a0e-2f4a7d1c9e31} Name KlarKonformContactId';
export const FOLDER = 'KlarKonform CRM';

export interface GraphApp {
  clientId: string;
  clientSecret: string;
}

/** The environment that points an API at the fake (what an operator sets against Microsoft). */
export function graphEnv(
  fake: Pick<FakeMicrosoft, 'graphBaseUrl' | 'authorityHost' | 'caFile'>,
  app: GraphApp,
): Record<string, string> {
  return {
    GRAPH_BASE_URL: fake.graphBaseUrl,
    GRAPH_AUTHORITY_HOST: fake.authorityHost,
    GRAPH_CA_FILE: fake.caFile,
    GRAPH_CLIENT_ID: app.clientId,
    GRAPH_CLIENT_SECRET: app.clientSecret,
  };
}

/** A fresh app registration, consented in `tenantId` on the fake. */
export function registerGraphApp(fake: FakeMicrosoft, tenantId = TENANT_A): GraphApp {
  const app = { clientId: randomUUID(), clientSecret: `secret-${randomUUID()}` };
  fake.registerApp(tenantId, app);
  return app;
}

export interface MirrorWorld {
  fake: FakeMicrosoft;
  app: GraphApp;
  t: TestApp;
  mailbox: string;
  close(): Promise<void>;
}

/** The fake with one mailbox in tenant A, and an API (buildApp) configured for it. */
export async function startMirrorWorld(
  opts: { seed?: number; mailbox?: string; env?: Record<string, string>; build?: BuildOptions } = {},
): Promise<MirrorWorld> {
  const fake = await startFakeMicrosoft({ seed: opts.seed });
  const mailbox = opts.mailbox ?? 'crm@contoso.de';
  fake.addMailbox(TENANT_A, mailbox);
  const app = registerGraphApp(fake);
  const t = await createTestApp({ ...graphEnv(fake, app), ...opts.env }, opts.build);
  return {
    fake,
    app,
    t,
    mailbox,
    async close() {
      await t.close();
      await fake.close();
    },
  };
}

/** Saves the settings on their current version (mirror:manage, an admin token). */
export async function saveMirrorSettings(
  t: TestApp,
  enabled: boolean,
  targets: MirrorTarget[],
): Promise<MirrorSettings> {
  const current = (await t.request({ method: 'GET', url: '/api/v1/mirror/settings' })).json() as MirrorSettings;
  const res = await t.request({
    method: 'PUT',
    url: '/api/v1/mirror/settings',
    headers: { 'if-match': `"${current.version}"` },
    payload: { enabled, targets },
  });
  if (res.statusCode !== 200) throw new Error(`saving the mirror settings failed: ${res.statusCode} ${res.body}`);
  return res.json() as MirrorSettings;
}

export async function mirrorStatus(t: TestApp): Promise<MirrorStatus> {
  const res = await t.request({ method: 'GET', url: '/api/v1/mirror/status' });
  if (res.statusCode !== 200) throw new Error(`mirror status failed: ${res.statusCode} ${res.body}`);
  return res.json() as MirrorStatus;
}

/**
 * Asks for a run ("Jetzt synchronisieren") and waits until a run that started after the request
 * has finished and none is running. Returns the status then.
 */
export async function runMirrorOnce(t: TestApp, timeoutMs = 120_000): Promise<MirrorStatus> {
  const asked = Date.now();
  const res = await t.request({ method: 'POST', url: '/api/v1/mirror/run', payload: {} });
  if (res.statusCode >= 300) throw new Error(`mirror run failed: ${res.statusCode} ${res.body}`);
  const deadline = asked + timeoutMs;
  for (;;) {
    const s = await mirrorStatus(t);
    const run = s.lastRun;
    if (!s.running && run?.finishedAt && Date.parse(run.startedAt) >= asked - 1000) return s;
    if (Date.now() > deadline) throw new Error(`no mirror run finished within ${timeoutMs} ms: ${JSON.stringify(s)}`);
    await sleep(100);
  }
}

/** Runs until nothing is pending or in error (at most `maxRuns`); returns the runs' statuses. */
export async function runMirrorUntilSettled(t: TestApp, maxRuns = 10): Promise<MirrorStatus[]> {
  const seen: MirrorStatus[] = [];
  for (let i = 0; i < maxRuns; i += 1) {
    const s = await runMirrorOnce(t);
    seen.push(s);
    if (s.counts.pending === 0 && s.counts.error === 0 && !s.problem) return seen;
  }
  return seen;
}

type Json = Record<string, unknown>;

/** Every live contact of the tenant through the API (all pages). */
export async function allContacts(t: TestApp): Promise<Json[]> {
  const out: Json[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/v1/contacts?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await t.request({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`listing contacts failed: ${res.statusCode} ${res.body}`);
    const page = res.json() as { items: Json[]; nextCursor?: string | null };
    out.push(...page.items);
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return out;
}

/** The CRM id an Outlook contact carries, if any. */
export function crmIdOf(c: OutlookContact): string | undefined {
  return c.singleValueExtendedProperties?.find((p) => p.id === CRM_ID_PROPERTY)?.value;
}

/** The Outlook folder's contacts grouped by the CRM id they carry ('' = none). */
export function outlookByCrmId(fake: FakeMicrosoft, mailbox: string, folder = FOLDER): Map<string, OutlookContact[]> {
  const out = new Map<string, OutlookContact[]>();
  for (const c of fake.outlook(TENANT_A, mailbox).contacts(folder)) {
    const id = crmIdOf(c) ?? '';
    out.set(id, [...(out.get(id) ?? []), c]);
  }
  return out;
}
