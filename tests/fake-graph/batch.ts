import { errors, GraphError, graphErrorBody } from './errors';
import type { GraphCall, GraphResult, GraphService } from './graph';
import type { FaultKind, Governor } from './limits';

// JSON batching (learn.microsoft.com/graph/json-batching): up to 20 requests with relative URLs;
// the batch answers 200 with every item's own status, in any order; `dependsOn` orders items and a
// failed dependency answers 424. Outlook runs at most 4 items of a batch in parallel; every item
// counts against the mailbox's limits and may come back 429/503 with its own Retry-After.

export const MAX_BATCH_ITEMS = 20;
const ITEMS_IN_PARALLEL = 4;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchCounters {
  batches: number;
  batchItems: number;
  /** Injected faults by kind (the batch kinds are counted here). */
  faults: Record<FaultKind, number>;
}

/** Validates and runs one `$batch` body for an authenticated caller. */
export async function runBatch(
  body: unknown,
  auth: { tenantId: string; clientId: string; sentAt: number },
  graph: GraphService,
  governor: Governor,
  counters: BatchCounters,
): Promise<GraphResult> {
  const items = parseBatch(body);
  counters.batches += 1;
  counters.batchItems += items.length;
  const results = new Map<string, Promise<GraphResult>>();
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    while (running >= ITEMS_IN_PARALLEL) await new Promise<void>((r) => waiting.push(r));
    running += 1;
  };
  const free = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const runItem = async (item: BatchItem): Promise<GraphResult> => {
    for (const dep of item.dependsOn ?? []) {
      const r = await results.get(dep)!;
      if (r.status < 200 || r.status > 299)
        return failed(new GraphError(424, 'FailedDependency', `The request depends on '${dep}', which failed.`));
    }
    await slot();
    try {
      const fault = governor.pickFault(true);
      if (fault === 'batch429') {
        counters.faults[fault] += 1;
        return failed(errors.throttled(1, 'Application is over its MailboxConcurrency limit.'));
      }
      if (fault === 'batch503') {
        counters.faults[fault] += 1;
        return failed(errors.unavailable(1));
      }
      return await graph.execute(itemCall(item, auth));
    } finally {
      free();
    }
  };
  for (const item of items) results.set(item.id, runItem(item));
  const settled = await Promise.all(items.map(async (item) => ({ item, r: await results.get(item.id)! })));
  // Graph answers items in any order; shuffle so clients correlate by id.
  for (let i = settled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(governor.random() * (i + 1));
    [settled[i], settled[j]] = [settled[j]!, settled[i]!];
  }
  return {
    status: 200,
    headers: {},
    refusals: settled.map(({ r }) => r.body).filter((b) => b instanceof GraphError),
    body: {
      responses: settled.map(({ item, r }) => ({
        id: item.id,
        status: r.status,
        headers: { 'Content-Type': 'application/json', ...r.headers },
        ...(r.body === undefined ? {} : { body: r.body instanceof GraphError ? graphErrorBody(r.body) : r.body }),
      })),
    },
  };
}

function failed(err: GraphError): GraphResult {
  return { status: err.status, headers: { ...err.headers }, body: err };
}

function itemCall(item: BatchItem, auth: { tenantId: string; clientId: string; sentAt: number }): GraphCall {
  const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'https://batch.invalid');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(item.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { ...auth, method: item.method, path: url.pathname, query: url.searchParams, headers, body: item.body };
}

function parseBatch(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw errors.badRequest('Invalid batch payload format.');
  if (requests.length === 0) throw errors.badRequest('Invalid batch payload format.');
  if (requests.length > MAX_BATCH_ITEMS)
    throw errors.badRequest(`Batch request cannot contain more than ${MAX_BATCH_ITEMS} requests.`);
  const ids = new Set<string>();
  const items: BatchItem[] = [];
  for (const raw of requests) {
    const r = raw as Partial<BatchItem> | null;
    if (!r || typeof r.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string')
      throw errors.badRequest('Invalid batch payload format: every request needs id, method and url.');
    if (ids.has(r.id)) throw errors.badRequest(`Batch request contains the id '${r.id}' twice.`);
    if (/^[a-z]+:\/\//i.test(r.url) || /^\/?v1\.0\//i.test(r.url))
      throw errors.badRequest('Batch request urls must be relative to the version, e.g. /users/{id}/contacts.');
    const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (r.body !== undefined && !headers['content-type'])
      throw errors.badRequest('Content-Type header is required for a batch request with a body.');
    for (const dep of r.dependsOn ?? [])
      if (!ids.has(dep)) throw errors.badRequest(`The dependsOn id '${dep}' must name an earlier request.`);
    ids.add(r.id);
    items.push(r as BatchItem);
  }
  return items;
}
