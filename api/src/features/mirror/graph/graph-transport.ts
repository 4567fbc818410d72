import https from 'node:https';
import tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

// The one HTTPS client of the mirror, for Entra ID (msal-node's network module) and Graph (the
// Graph client's last middleware). Its own agent so that GRAPH_CA_FILE can add a trusted CA —
// a TLS-inspecting proxy's, or the tests' fake Microsoft — without touching the process's
// other connections; Node's global fetch offers no per-request CA.

/** How long one request may take before it counts as failed (ms). */
const TIMEOUT_MS = 60_000;

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** A network failure (no HTTP answer): refused, reset, timed out, TLS refused. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export class HttpsTransport {
  private readonly agent: https.Agent;

  /** `ca`: extra trusted certificates (PEM), on top of Node's bundled roots. */
  constructor(ca?: string) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 32,
      ...(ca ? { ca: [...tls.rootCertificates, ca] } : {}),
    });
  }

  request(url: string, init: HttpRequest): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
      if (init.signal?.aborted) {
        reject(init.signal.reason ?? new Error('aborted'));
        return;
      }
      const req = https.request(
        url,
        { method: init.method, headers: init.headers, agent: this.agent, timeout: TIMEOUT_MS, signal: init.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (err) => reject(new TransportError(err.message, (err as NodeJS.ErrnoException).code)));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [key, value] of Object.entries(res.headers)) {
              if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      req.on('timeout', () => req.destroy(new TransportError(`no answer within ${TIMEOUT_MS} ms`, 'ETIMEDOUT')));
      req.on('error', (err) => {
        if (init.signal?.aborted) reject(init.signal.reason ?? err);
        else
          reject(
            err instanceof TransportError ? err : new TransportError(err.message, (err as NodeJS.ErrnoException).code),
          );
      });
      if (init.body !== undefined) req.write(init.body);
      req.end();
    });
  }

  /** msal-node's network module on this transport (token and metadata requests to Entra ID). */
  networkModule(): INetworkModule {
    const send = async <T>(
      url: string,
      method: string,
      options?: NetworkRequestOptions,
    ): Promise<NetworkResponse<T>> => {
      const res = await this.request(url, {
        method,
        ...(options?.headers ? { headers: options.headers } : {}),
        ...(options?.body !== undefined ? { body: options.body } : {}),
      });
      let body: unknown = {};
      try {
        body = res.body === '' ? {} : JSON.parse(res.body);
      } catch {
        body = { error: 'invalid_response', error_description: res.body.slice(0, 200) };
      }
      return { status: res.status, headers: res.headers, body: body as T };
    };
    return {
      sendGetRequestAsync: (url, options) => send(url, 'GET', options),
      sendPostRequestAsync: (url, options) => send(url, 'POST', options),
    };
  }

  close(): void {
    this.agent.destroy();
  }
}
