import { constants, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { errors, type GraphError } from './errors';
import type { Store } from './store';

// The fake Microsoft Entra ID: OIDC metadata per tenant and the v2.0 token endpoint for the client
// credentials grant, with a client secret or a client assertion (certificate credential,
// learn.microsoft.com/entra/identity-platform/certificate-credentials). Tokens are opaque.

/** An issued access token: whose, for which tenant, until when (ms). */
export interface IssuedToken {
  tenantId: string;
  clientId: string;
  expiresAt: number;
  /** 1, 2, … in issue order: tells token holders (API instances) apart. */
  serial: number;
}

export interface AuthAnswer {
  status: number;
  body: unknown;
}

export const TOKEN_LIFETIME_SECONDS = 3599;

function aadError(status: number, error: string, code: number, description: string): AuthAnswer {
  const traceId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: traceId,
      correlation_id: randomUUID(),
    },
  };
}

/** Tokens and the token endpoint. */
export class AuthService {
  private readonly tokens = new Map<string, IssuedToken>();
  private serial = 0;
  tokenRequests = 0;
  tokensIssued = 0;

  constructor(
    private readonly store: Store,
    private readonly baseUrl: () => string,
  ) {}

  /** GET /{tenant}/v2.0/.well-known/openid-configuration (enough for msal-node's authority). */
  openIdConfiguration(tenantId: string): AuthAnswer {
    if (!this.store.findTenant(tenantId))
      return aadError(400, 'invalid_tenant', 90002, `Tenant '${tenantId}' not found.`);
    const t = `${this.baseUrl()}/${tenantId}`;
    return {
      status: 200,
      body: {
        issuer: `${t}/v2.0`,
        authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
        token_endpoint: `${t}/oauth2/v2.0/token`,
        jwks_uri: `${t}/discovery/v2.0/keys`,
        end_session_endpoint: `${t}/oauth2/v2.0/logout`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        tenant_region_scope: 'EU',
      },
    };
  }

  /** POST /{tenant}/oauth2/v2.0/token, form-encoded, grant_type=client_credentials. */
  token(tenantId: string, form: URLSearchParams): AuthAnswer {
    this.tokenRequests += 1;
    const tenant = this.store.findTenant(tenantId);
    if (!tenant) return aadError(400, 'invalid_request', 90002, `Tenant '${tenantId}' not found.`);
    if (form.get('grant_type') !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    const clientId = form.get('client_id') ?? '';
    const scope = form.get('scope') ?? '';
    if (!/\/\.default(\s|$)/.test(scope))
      return aadError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
      );
    const app = tenant.apps.get(clientId);
    if (!app?.consented)
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (!app.clientSecret || secret !== app.clientSecret)
        return aadError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        );
    } else if (assertion !== null) {
      const problem = this.checkAssertion(
        assertion,
        clientId,
        app.certificatePem,
        `${this.baseUrl()}/${tenantId}/oauth2/v2.0/token`,
      );
      if (problem) return aadError(401, 'invalid_client', 700027, problem);
    } else {
      return aadError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    const accessToken = randomBytes(32).toString('base64url');
    this.serial += 1;
    this.tokensIssued += 1;
    this.tokens.set(accessToken, {
      tenantId: tenant.id,
      clientId,
      expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000,
      serial: this.serial,
    });
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_SECONDS,
        ext_expires_in: TOKEN_LIFETIME_SECONDS,
        access_token: accessToken,
      },
    };
  }

  /** Client assertion: a JWT signed RS256/PS256 with the registered key; aud = token endpoint, iss = sub = client id. */
  private checkAssertion(jwt: string, clientId: string, pem: string | undefined, audience: string): string | undefined {
    if (!pem) return 'Client assertion contains an invalid signature. No certificate is registered for the app.';
    const [h, p, s] = jwt.split('.');
    if (!h || !p || !s) return 'Client assertion is not a valid JWT.';
    try {
      const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
      const key = createPublicKey(pem);
      const data = Buffer.from(`${h}.${p}`);
      const sig = Buffer.from(s, 'base64url');
      const valid =
        header.alg === 'RS256'
          ? verify('sha256', data, key, sig)
          : header.alg === 'PS256'
            ? verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig)
            : false;
      if (!valid) return 'Client assertion contains an invalid signature.';
      if (claims.aud !== audience) return `The audience '${String(claims.aud)}' is invalid.`;
      if (claims.iss !== clientId || claims.sub !== clientId)
        return 'The client assertion issuer or subject is invalid.';
      if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return 'The client assertion is expired.';
      return undefined;
    } catch {
      return 'Client assertion is not a valid JWT.';
    }
  }

  /** The token behind `Authorization: Bearer …`, or the 401 Graph answers. */
  authenticate(authorization: string | undefined): IssuedToken | GraphError {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!m) return errors.unauthenticated('Access token is empty.');
    const t = this.tokens.get(m[1]!);
    if (!t) return errors.unauthenticated('IDX14100: JWT is not well formed, there are no dots (.).');
    if (t.expiresAt <= Date.now()) return errors.unauthenticated('Lifetime validation failed, the token is expired.');
    return t;
  }

  /** Makes every issued token expired (the next Graph call with one answers 401). */
  expireAll(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }
}
