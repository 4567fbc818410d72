import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { FakeMicrosoft } from './index';
import { trustingFetch, trustingNetworkClient } from './trusted-fetch';

// The recipe the engine follows too (README.md): msal-node with a tenant authority on the fake's
// host, knownAuthorities = that host, a network client trusting the test CA; the Graph SDK with a
// middleware chain whose last link fetches through the CA-trusting fetch, and `customHosts` so the
// AuthenticationHandler attaches the bearer token to `https://localhost:PORT`.

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A real msal-node confidential client against the fake's tenant authority. */
export function msalClient(
  fake: Pick<FakeMicrosoft, 'authorityHost' | 'caPem'>,
  tenantId: string,
  credentials: { clientId: string; clientSecret: string },
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `${fake.authorityHost}/${tenantId}`,
      knownAuthorities: [new URL(fake.authorityHost).host],
    },
    system: { networkClient: trustingNetworkClient(fake.caPem) },
  });
}

/** The last middleware: sends the request with the CA-trusting fetch instead of the global one. */
export class TrustingHttpHandler implements Middleware {
  private readonly fetch: typeof fetch;
  constructor(caPem: string) {
    this.fetch = trustingFetch(caPem);
  }
  async execute(context: Context): Promise<void> {
    context.response = await this.fetch(context.request, context.options as RequestInit);
  }
}

/** A real Graph SDK v3 client on the fake, tokens from `cca`; `retries` 0 turns the SDK's RetryHandler off. */
export function graphClient(
  fake: Pick<FakeMicrosoft, 'graphBaseUrl' | 'caPem'>,
  cca: ConfidentialClientApplication,
  opts: { retries?: number; retryDelaySeconds?: number } = {},
): Client {
  const auth = new AuthenticationHandler({
    getAccessToken: async () => {
      const r = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
      if (!r) throw new Error('no token');
      return r.accessToken;
    },
  });
  const retry = new RetryHandler(new RetryHandlerOptions(opts.retryDelaySeconds ?? 0, opts.retries ?? 3));
  return Client.initWithMiddleware({
    baseUrl: `${fake.graphBaseUrl}/`,
    customHosts: new Set([new URL(fake.graphBaseUrl).hostname]),
    middleware: [auth, retry, new TrustingHttpHandler(fake.caPem)],
  });
}

/** The header every engine request carries (m365-tech.md §3.1). */
export const IMMUTABLE_ID = { Prefer: 'IdType="ImmutableId"' };
