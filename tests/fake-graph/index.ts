import { rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { AuthService } from './auth';
import { type BatchCounters, runBatch } from './batch';
import { errors, GraphError, graphErrorBody } from './errors';
import { type GraphResult, GraphService } from './graph';
import { type FaultKind, type Faults, Governor, type Limits } from './limits';
import { type FakeOutlookUser, outlookUser } from './outlook-user';
import { Store } from './store';
import { createTestCertificates } from './tls';
import { type HttpExchange, readBody, sendJson } from './transport';

export type { FakeOutlookUser, OutlookContact } from './outlook-user';
export type { FaultKind, Faults, Limits } from './limits';
export { trustingFetch, trustingNetworkClient } from './trusted-fetch';

/** What the fake counted since start (or the last resetStats). */
export interface FakeStats {
  /** Top-level HTTP requests to Graph (a $batch counts once here; its items in batchItems). */
  requests: number;
  batches: number;
  batchItems: number;
  /** 429s answered because a limit was hit (window or concurrency), top-level and batch items. */
  throttled: number;
  throttledByWindow: number;
  throttledByConcurrency: number;
  /** Calls that arrived for an app+mailbox while the Retry-After of a limit 429 to it was still running. */
  retryAfterIgnored: number;
  /** Highest number of requests in flight for one app+mailbox, counting refused arrivals. */
  maxConcurrentPerMailbox: number;
  /** Time (ms) some app+mailbox had a call in flight (summed over the app+mailbox pairs). */
  graphBusyMs: number;
  /** Graph calls (top-level and batch items, not the $batch envelope) without Prefer: IdType="ImmutableId". */
  missingImmutableIdPrefer: number;
  tokenRequests: number;
  tokensIssued: number;
  unauthorized: number;
  faults: Record<FaultKind, number>;
  contactCreates: number;
  contactUpdates: number;
  contactDeletes: number;
  contactReads: number;
  folderCreates: number;
  deltaRequests: number;
  deltaGone: number;
  /** Times a Graph call of one client started while another client's call for the same tenant was in flight. */
  tenantOverlaps: number;
  /** Top-level Graph calls per client (the instance header, else the app's client id). */
  callsByClient: Record<string, number>;
}

export interface FakeMicrosoft {
  /** `https://localhost:PORT`; Graph under /v1.0/… */
  graphBaseUrl: string;
  /** `https://localhost:PORT`; /{tenantId}/v2.0/.well-known/openid-configuration, /{tenantId}/oauth2/v2.0/token */
  authorityHost: string;
  /** PEM file of the test CA that signed the server's certificate. */
  caFile: string;
  caPem: string;
  port: number;
  /** Registers (or replaces) an app in a tenant; `consented` defaults to true. */
  registerApp(
    tenantId: string,
    app: { clientId: string; clientSecret?: string; certificatePem?: string; consented?: boolean },
  ): void;
  addMailbox(tenantId: string, smtp: string, opts?: { accessDenied?: boolean }): void;
  setMailboxAccess(tenantId: string, smtp: string, denied: boolean): void;
  outlook(tenantId: string, smtp: string): FakeOutlookUser;
  setLimits(l: Partial<Limits>): void;
  limits(): Limits;
  setFaults(f: Faults | null): void;
  /** The next use of any older delta or next link of that mailbox answers 410 syncStateNotFound. */
  expireDeltaTokens(tenantId: string, smtp: string): void;
  /** Every issued access token expires now (Graph answers 401 until a new one is fetched). */
  expireTokens(): void;
  stats(): FakeStats;
  resetStats(): void;
  close(): Promise<void>;
}

/** Header an API instance may send to name itself; otherwise its app (client id) identifies it. */
export const INSTANCE_HEADER = 'x-klarkonform-instance';
const DEFAULT_HOLD_MS = 30_000;

/**
 * Starts the fake Microsoft cloud: Entra ID's token endpoint and Microsoft Graph's contacts API in
 * one HTTPS server on 127.0.0.1 (certificate for `localhost` from a fresh test CA). `seed` makes
 * injected faults and batch order reproducible for a given request order.
 */
export async function startFakeMicrosoft(opts: { port?: number; seed?: number } = {}): Promise<FakeMicrosoft> {
  const certs = await createTestCertificates();
  let base = '';
  const store = new Store();
  const governor = new Governor(opts.seed ?? 13);
  const auth = new AuthService(store, () => base);
  const graph = new GraphService(store, governor, () => base);
  const faults: Record<FaultKind, number> = { '503': 0, '429': 0, timeout: 0, drop: 0, batch429: 0, batch503: 0 };
  const batchCounters: BatchCounters = { batches: 0, batchItems: 0, faults };
  const top = { requests: 0, unauthorized: 0, tenantOverlaps: 0 };
  let callsByClient: Record<string, number> = {};
  const inFlightByTenant = new Map<string, Map<string, number>>();
  const held = new Set<{ timer: NodeJS.Timeout; ex: HttpExchange }>();

  const track = (tenantId: string, client: string) => {
    const m = inFlightByTenant.get(tenantId) ?? new Map<string, number>();
    inFlightByTenant.set(tenantId, m);
    for (const [other, n] of m) if (other !== client && n > 0) top.tenantOverlaps += 1;
    m.set(client, (m.get(client) ?? 0) + 1);
    return () => m.set(client, (m.get(client) ?? 1) - 1);
  };

  const hold = (ex: HttpExchange) => {
    const entry = { ex, timer: setTimeout(() => drop(), governor.faults?.holdMs ?? DEFAULT_HOLD_MS) };
    const drop = () => {
      held.delete(entry);
      ex.req.socket.destroy();
    };
    held.add(entry);
  };

  async function graphRequest(ex: HttpExchange, url: URL, body: unknown, sentAt: number): Promise<void> {
    top.requests += 1;
    const who = auth.authenticate(ex.req.headers.authorization);
    if (who instanceof GraphError) {
      top.unauthorized += 1;
      return sendJson(ex, who.status, who.headers, graphErrorBody(who));
    }
    const fault = governor.pickFault(false);
    if (fault) faults[fault] += 1;
    if (fault === '503') return sendError(ex, errors.unavailable(1));
    if (fault === '429') return sendError(ex, errors.throttled(1));
    // Timeouts and dropped connections happen before or, as often, after the request took effect.
    const effectFirst = (fault === 'timeout' || fault === 'drop') && governor.random() < 0.5;
    if ((fault === 'timeout' || fault === 'drop') && !effectFirst)
      return fault === 'drop' ? dropConnection(ex) : hold(ex);
    const client = String(ex.req.headers[INSTANCE_HEADER] ?? who.clientId);
    callsByClient[client] = (callsByClient[client] ?? 0) + 1;
    const done = track(who.tenantId.toLowerCase(), client);
    let result: GraphResult;
    try {
      const path = url.pathname.slice('/v1.0'.length);
      const headers = Object.fromEntries(Object.entries(ex.req.headers).map(([k, v]) => [k, String(v)]));
      if (decodeURIComponent(path) === '/$batch') {
        if (ex.req.method !== 'POST') throw errors.badRequest('Batch requests must be POST.');
        result = await runBatch(body, { ...who, sentAt }, graph, governor, batchCounters);
      } else {
        result = await graph.execute({
          ...who,
          method: ex.req.method ?? 'GET',
          path,
          query: url.searchParams,
          headers,
          body,
          sentAt,
        });
      }
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      result = { status: err.status, headers: { ...err.headers }, body: err };
    } finally {
      done();
    }
    if (fault === 'drop') return dropConnection(ex);
    if (fault === 'timeout') return hold(ex);
    governor.answered(result.refusals ?? [result.body]);
    const out = result.body instanceof GraphError ? graphErrorBody(result.body) : result.body;
    sendJson(
      ex,
      result.status,
      { ...result.headers, 'client-request-id': String(ex.req.headers['client-request-id'] ?? '') },
      out,
    );
  }

  function dropConnection(ex: HttpExchange): void {
    ex.req.socket.destroy();
  }

  function sendError(ex: HttpExchange, err: GraphError): void {
    sendJson(ex, err.status, err.headers, graphErrorBody(err));
  }

  async function handle(ex: HttpExchange): Promise<void> {
    const sentAt = Date.now();
    const url = new URL(ex.req.url ?? '/', base);
    const raw = await readBody(ex.req);
    const segs = url.pathname.split('/').filter(Boolean);
    if (segs[0] === 'v1.0') {
      let body: unknown;
      if (raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return sendError(ex, errors.badRequest('Unable to read JSON request payload.'));
        }
      }
      return await graphRequest(ex, url, body, sentAt);
    }
    const tenantId = decodeURIComponent(segs[0] ?? '');
    const rest = segs.slice(1).join('/');
    if (ex.req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') {
      const a = auth.openIdConfiguration(tenantId);
      return sendJson(ex, a.status, {}, a.body);
    }
    if (ex.req.method === 'GET' && rest === 'discovery/v2.0/keys') return sendJson(ex, 200, {}, { keys: [] });
    if (ex.req.method === 'POST' && rest === 'oauth2/v2.0/token') {
      const a = auth.token(tenantId, new URLSearchParams(raw.toString('utf8')));
      return sendJson(ex, a.status, { 'Cache-Control': 'no-store' }, a.body);
    }
    sendJson(ex, 404, {}, { error: 'not_found', error_description: `No such endpoint: ${url.pathname}` });
  }

  const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    const ex = { req, res };
    handle(ex).catch((err: unknown) => {
      if (!res.headersSent) sendJson(ex, 500, {}, { error: { code: 'InternalServerError', message: String(err) } });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `https://localhost:${port}`;

  const mailboxOf = (tenantId: string, smtp: string) => {
    const m = store.findTenant(tenantId)?.mailboxes.get(smtp.toLowerCase());
    if (!m) throw new Error(`fake Microsoft: no mailbox ${smtp} in tenant ${tenantId}`);
    return m;
  };

  return {
    graphBaseUrl: base,
    authorityHost: base,
    caFile: certs.caFile,
    caPem: certs.caPem,
    port,
    registerApp: (tenantId, app) =>
      store.tenant(tenantId).apps.set(app.clientId, { ...app, consented: app.consented ?? true }),
    addMailbox: (tenantId, smtp, o) => void store.addMailbox(tenantId, smtp, o?.accessDenied ?? false),
    setMailboxAccess: (tenantId, smtp, denied) => {
      mailboxOf(tenantId, smtp).accessDenied = denied;
    },
    outlook: (tenantId, smtp) => outlookUser(store, tenantId, smtp),
    setLimits: (l) => Object.assign(governor.limits, l),
    limits: () => ({ ...governor.limits }),
    setFaults: (f) => {
      governor.faults = f ? { ...f, kinds: [...f.kinds] } : null;
    },
    expireDeltaTokens: (tenantId, smtp) => {
      mailboxOf(tenantId, smtp).deltaGeneration += 1;
    },
    expireTokens: () => auth.expireAll(),
    stats: () => ({
      requests: top.requests,
      batches: batchCounters.batches,
      batchItems: batchCounters.batchItems,
      throttled: governor.throttledByWindow + governor.throttledByConcurrency,
      throttledByWindow: governor.throttledByWindow,
      throttledByConcurrency: governor.throttledByConcurrency,
      retryAfterIgnored: governor.retryAfterIgnored,
      maxConcurrentPerMailbox: governor.maxConcurrent,
      graphBusyMs: governor.busyMs,
      missingImmutableIdPrefer: graph.counters.missingImmutableIdPrefer,
      tokenRequests: auth.tokenRequests,
      tokensIssued: auth.tokensIssued,
      unauthorized: top.unauthorized,
      faults: { ...faults },
      contactCreates: graph.counters.contactCreates,
      contactUpdates: graph.counters.contactUpdates,
      contactDeletes: graph.counters.contactDeletes,
      contactReads: graph.counters.contactReads,
      folderCreates: graph.counters.folderCreates,
      deltaRequests: graph.delta.requests,
      deltaGone: graph.delta.gone,
      tenantOverlaps: top.tenantOverlaps,
      callsByClient: { ...callsByClient },
    }),
    resetStats: () => {
      top.requests = 0;
      top.unauthorized = 0;
      top.tenantOverlaps = 0;
      callsByClient = {};
      batchCounters.batches = 0;
      batchCounters.batchItems = 0;
      governor.resetCounters();
      for (const k of Object.keys(faults) as FaultKind[]) faults[k] = 0;
      for (const k of Object.keys(graph.counters) as Array<keyof typeof graph.counters>) graph.counters[k] = 0;
      auth.tokenRequests = 0;
      auth.tokensIssued = 0;
      graph.delta.requests = 0;
      graph.delta.gone = 0;
    },
    close: async () => {
      for (const h of held) {
        clearTimeout(h.timer);
        h.ex.req.socket.destroy();
      }
      held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(certs.dir, { recursive: true, force: true });
    },
  };
}
