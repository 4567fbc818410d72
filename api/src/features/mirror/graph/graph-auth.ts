import { ConfidentialClientApplication, type Configuration, LogLevel } from '@azure/msal-node';
import type { GraphConfig, GraphCredential } from '../../../config';
import { GraphFailure } from './graph-errors';
import type { HttpsTransport } from './graph-transport';

// App-only tokens for Microsoft Graph (client credentials, m365-tech.md §2.5): one msal-node
// ConfidentialClientApplication per customer tenant with that tenant's own authority (never
// `common`), the secret or certificate from the server's configuration, and the OpenID metadata
// given directly, so msal does no instance discovery or metadata fetch: the only request is the
// token request itself. msal caches each tenant's token until shortly before it expires.

/** Thrown when Entra ID refuses or cannot be reached; `status` 0 means no answer. */
export class TokenFailure extends GraphFailure {}

function credentialOf(credential: GraphCredential): Pick<Configuration['auth'], 'clientSecret' | 'clientCertificate'> {
  return credential.kind === 'secret'
    ? { clientSecret: credential.secret }
    : {
        clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey },
      };
}

/** The Entra ID v2 endpoints of a tenant under `host` (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc). */
export function authorityMetadata(host: string, tenantId: string): string {
  const base = `${host}/${tenantId}`;
  return JSON.stringify({
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `${base}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
  });
}

export class GraphTokens {
  private readonly apps = new Map<string, ConfidentialClientApplication>();
  /** Tenants whose cached token Graph refused (401): the next request asks Entra ID again. */
  private readonly stale = new Set<string>();

  constructor(
    private readonly config: GraphConfig,
    private readonly transport: HttpsTransport,
  ) {}

  /** Graph's scope for app-only access: the permissions granted to the app (`/.default`). */
  get scope(): string {
    return `${this.config.baseUrl}/.default`;
  }

  /** The cached token of `tenantId` was refused by Graph: the next `token()` bypasses the cache. */
  invalidate(tenantId: string): void {
    this.stale.add(tenantId);
  }

  /** An access token for Graph in `tenantId`; throws TokenFailure (authFailed or unavailable). */
  async token(tenantId: string): Promise<string> {
    try {
      const skipCache = this.stale.delete(tenantId);
      const result = await this.app(tenantId).acquireTokenByClientCredential({ scopes: [this.scope], skipCache });
      if (!result?.accessToken) throw new TokenFailure(401, 'no_token', 'Entra ID issued no access token.');
      return result.accessToken;
    } catch (err) {
      if (err instanceof TokenFailure) throw err;
      throw tokenFailureOf(err);
    }
  }

  private app(tenantId: string): ConfidentialClientApplication {
    let app = this.apps.get(tenantId);
    if (app) return app;
    const { clientId, credential, authorityHost } = this.config;
    if (!clientId || !credential)
      throw new TokenFailure(401, 'not_configured', 'No Graph app credentials are configured.');
    app = new ConfidentialClientApplication({
      auth: {
        clientId,
        authority: `${authorityHost}/${tenantId}`,
        knownAuthorities: [new URL(authorityHost).host],
        authorityMetadata: authorityMetadata(authorityHost, tenantId),
        ...credentialOf(credential),
      },
      system: {
        networkClient: this.transport.networkModule(),
        // Never log tokens or personal data; errors reach our log through the thrown failure.
        loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
      },
    });
    this.apps.set(tenantId, app);
    return app;
  }
}

/**
 * Entra ID's refusal (`invalid_client`: wrong or expired secret, unknown certificate;
 * `unauthorized_client`: the app is not consented in the tenant; AADSTS90002: no such tenant) is
 * `authFailed`; a network failure or an Entra ID outage is transient.
 */
function tokenFailureOf(err: unknown): TokenFailure {
  const e = err as { errorCode?: string; errorMessage?: string; message?: string; name?: string };
  const code = e.errorCode ?? e.name ?? 'token_error';
  const message = (e.errorMessage || e.message || 'Entra ID refused the sign-in.').split('\n')[0] ?? '';
  const network = /network|timeout|ECONN|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|socket/i.test(`${code} ${message}`);
  const outage = /temporarily_unavailable|server_error|AADSTS90033/i.test(`${code} ${message}`);
  return new TokenFailure(network || outage ? 0 : 401, code, message.slice(0, 400));
}
