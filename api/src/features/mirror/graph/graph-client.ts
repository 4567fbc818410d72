import { type AuthenticationProvider, Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { AuthenticationHandler, GraphError } from '@microsoft/microsoft-graph-client';
import { GraphFailure, graphErrorOf, retryAfterMs } from './graph-errors';
import { type HttpsTransport, TransportError } from './graph-transport';

// The Microsoft Graph client v3 (m365-tech.md §3.7) as the mirror uses it: our own middleware
// chain — the SDK's AuthenticationHandler (bearer token for the configured Graph host only), then
// `Prefer: IdType="ImmutableId"` on every request (§3.1: ids that survive moves between folders),
// then our HTTPS transport. Retries are the mailbox's (graph-mailbox.ts), not the SDK's
// RetryHandler: a Retry-After must hold back every request to that mailbox, a wait must end on
// shutdown, and a POST whose outcome is unknown must not simply be sent again.

/** The preference every request carries (https://learn.microsoft.com/graph/outlook-immutable-id). */
export const IMMUTABLE_ID = 'IdType="ImmutableId"';

/** The longest Retry-After the mirror waits for within a run (ms); a longer one ends the attempt. */
export const MAX_WAIT_MS = 60_000;

/** The header naming the API instance that calls (the tests' fake tells overlapping runs apart by it). */
export const INSTANCE_HEADER = 'x-klarkonform-instance';

type HeaderBag = Headers | Record<string, string> | undefined;

function headerRecord(headers: HeaderBag): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  return { ...headers };
}

/** Adds `IdType="ImmutableId"` to a Prefer header value unless it is there already. */
export function withImmutableId(prefer: string | undefined): string {
  if (!prefer) return IMMUTABLE_ID;
  return /IdType\s*=/i.test(prefer) ? prefer : `${prefer}, ${IMMUTABLE_ID}`;
}

/** Waits `ms`, or less when `signal` aborts (then rejects with its reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

class PreferMiddleware implements Middleware {
  private next!: Middleware;
  constructor(private readonly instanceId: string) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    context.options ??= {};
    const options = context.options;
    const record = headerRecord(options.headers as HeaderBag);
    const key = Object.keys(record).find((k) => k.toLowerCase() === 'prefer') ?? 'Prefer';
    record[key] = withImmutableId(record[key]);
    record[INSTANCE_HEADER] = this.instanceId;
    options.headers = record;
    await this.next.execute(context);
  }
}

class TransportMiddleware implements Middleware {
  constructor(
    private readonly transport: HttpsTransport,
    private readonly signal: AbortSignal,
  ) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const body = context.options?.body;
    const res = await this.transport.request(url, {
      method,
      headers: headerRecord(context.options?.headers as HeaderBag),
      ...(typeof body === 'string' ? { body } : {}),
      signal: this.signal,
    });
    const empty = res.status === 204 || res.status === 304 || res.body === '';
    context.response = new Response(empty ? null : res.body, { status: res.status, headers: res.headers });
  }
}

/** Options of one tenant's Graph client for one run. */
export interface GraphClientOptions {
  baseUrl: string;
  transport: HttpsTransport;
  token: () => Promise<string>;
  signal: AbortSignal;
  instanceId: string;
}

/** A Graph client v3 for one tenant and run: base URL and host from GRAPH_BASE_URL, our middleware chain. */
export function createGraphClient(o: GraphClientOptions): Client {
  const auth: AuthenticationProvider = { getAccessToken: () => o.token() };
  const chain: Middleware[] = [
    new AuthenticationHandler(auth),
    new PreferMiddleware(o.instanceId),
    new TransportMiddleware(o.transport, o.signal),
  ];
  for (let i = 0; i < chain.length - 1; i++) chain[i]?.setNext?.(chain[i + 1] as Middleware);
  return Client.initWithMiddleware({
    middleware: chain[0] as Middleware,
    baseUrl: `${o.baseUrl}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(o.baseUrl).hostname]),
  });
}

/** A Graph client's error as a GraphFailure (status 0: no answer); an abort is passed through. */
export function failureOf(err: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason ?? err;
  if (err instanceof GraphFailure) return err;
  if (err instanceof GraphError) {
    if (err.statusCode <= 0)
      return new GraphFailure(0, err.code ?? 'NetworkError', err.message || 'No answer from Microsoft Graph.');
    let code = err.code ?? 'UnknownError';
    let message = err.message;
    if (!err.code && typeof err.body === 'string') {
      try {
        ({ code, message } = graphErrorOf(JSON.parse(err.body)));
      } catch {
        // keep what the SDK made of it
      }
    }
    return new GraphFailure(err.statusCode, code, message || code, retryAfterMs(err.headers?.get('retry-after')));
  }
  if (err instanceof TransportError) return new GraphFailure(0, err.code ?? 'NetworkError', err.message);
  return err;
}
