import https from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * A `fetch` that trusts one extra CA (PEM) besides Node's default roots, built on node:https because
 * Node 20's global fetch takes no CA option without the `undici` package (its `dispatcher`).
 * Honours `init.signal` (abort → rejects with an AbortError, the socket is destroyed); the
 * response body is buffered. Used by the tests for both msal-node (`system.networkClient`, see
 * {@link trustingNetworkClient}) and `@microsoft/microsoft-graph-client` (a final middleware).
 */
export function trustingFetch(caPem: string | Buffer): typeof fetch {
  const agent = new https.Agent({ keepAlive: true, ca: [...rootCertificates, caPem.toString()] });
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (body) headers['content-length'] = String(body.length);
    const signal = init?.signal ?? undefined;
    return await new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const req = https.request(request.url, { method: request.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined) continue;
            for (const one of Array.isArray(v) ? v : [v]) out.append(k, one);
          }
          const status = res.statusCode ?? 500;
          const nullBody = status === 204 || status === 304 || request.method === 'HEAD';
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: out }));
        });
      });
      const onAbort = () => {
        req.destroy();
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('close', () => signal?.removeEventListener('abort', onAbort));
      req.on('error', (err) => reject(new TypeError('fetch failed', { cause: err })));
      req.end(body);
    });
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** msal-node's INetworkModule shape (GET/POST returning `{ headers, body, status }`), structurally typed. */
export interface MsalNetworkClient {
  sendGetRequestAsync<T>(url: string, options?: NetworkOptions, timeout?: number): Promise<NetworkResult<T>>;
  sendPostRequestAsync<T>(url: string, options?: NetworkOptions): Promise<NetworkResult<T>>;
}
interface NetworkOptions {
  headers?: Record<string, string>;
  body?: string;
}
interface NetworkResult<T> {
  headers: Record<string, string>;
  body: T;
  status: number;
}

/**
 * An msal-node `system.networkClient` over {@link trustingFetch}: msal-node 7 calls the global fetch
 * and has no CA option, so a custom network client is the way to trust a test CA or a proxy's CA.
 */
export function trustingNetworkClient(caPem: string | Buffer): MsalNetworkClient {
  const f = trustingFetch(caPem);
  const send = async <T>(url: string, method: string, options?: NetworkOptions, timeout?: number) => {
    const signal = timeout ? AbortSignal.timeout(timeout) : undefined;
    const res = await f(url, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? (options?.body ?? '') : undefined,
      signal,
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { headers, body: (await res.json()) as T, status: res.status };
  };
  return {
    sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}
