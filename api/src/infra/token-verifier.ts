import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { type AppRole, isAppRole, type Permission, permissionsFor, type TokenProblem } from '@klarkonform/shared';
import type { AppConfig } from '../config';

// Verifies Entra ID v2 access tokens (and the local issuer's, which have the
// same shape) — RS256 only, issuer bound to the token's own tenant, tenant on
// the allow-list, audience, lifetime, and a delegated scope or an app role.

export interface AuthContext {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly roles: readonly AppRole[];
  readonly permissions: ReadonlySet<Permission>;
  readonly kind: 'user' | 'app';
}

/** A refused token: `problem` says why in catalog terms (tokenProblem.*), `reason` in English for logs and WWW-Authenticate. */
export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TokenError';
  }
}

export type TokenVerifier = (token: string) => Promise<AuthContext>;

const REQUIRED_SCOPE = 'access_as_user';
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export function createTokenVerifier(auth: AppConfig['auth'], localJwks?: JSONWebKeySet): TokenVerifier {
  const keys = localJwks
    ? createLocalJWKSet(localJwks)
    : createRemoteJWKSet(new URL(auth.entraJwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 6 * 3600_000 });

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        audience: auth.audience,
        clockTolerance: 60,
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      }));
    } catch (err) {
      throw describeJoseError(err);
    }
    assertClaimTypes(payload);
    const tid = payload.tid as string;
    if (!TENANT_ID.test(tid)) throw new TokenError('tenantInvalid', 'invalid tenant id');
    if (payload.iss !== auth.issuerTemplate.replace('{tid}', tid)) throw new TokenError('issuer', 'unexpected issuer');
    if (payload.ver !== '2.0') throw new TokenError('version', 'only v2.0 access tokens are accepted');
    if (auth.allowedTenants !== '*' && !auth.allowedTenants.includes(tid)) {
      throw new TokenError('tenantNotAllowed', 'tenant is not allowed');
    }

    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    const claimedRoles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
    const roles = claimedRoles.filter(isAppRole);
    const delegated = scopes.includes(REQUIRED_SCOPE);
    if (!delegated && roles.length === 0)
      throw new TokenError('noScopeOrRole', `token has neither the ${REQUIRED_SCOPE} scope nor an app role`);

    const effectiveRoles = roles.length > 0 ? roles : [...auth.defaultRoles];
    return {
      tenantId: tid,
      userId: payload.oid as string,
      name: typeof payload.name === 'string' ? payload.name : undefined,
      email: typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined,
      roles: effectiveRoles,
      permissions: permissionsFor(effectiveRoles),
      kind: delegated ? 'user' : 'app',
    };
  };
}

/** Claims that must be a string when present (`tid`, `oid`, `ver` are required). */
const STRING_CLAIMS = ['tid', 'oid', 'ver', 'scp', 'name', 'preferred_username', 'azp', 'appid'] as const;

/**
 * Each identity claim must have exactly the type Entra ID issues (Microsoft identity platform,
 * "Access token claims reference"): a `tid: ["…"]` or `oid: 42` is refused, never converted.
 */
function assertClaimTypes(payload: JWTPayload): void {
  for (const claim of STRING_CLAIMS) {
    const value = payload[claim];
    if (value === undefined && claim !== 'tid' && claim !== 'oid' && claim !== 'ver') continue;
    if (typeof value !== 'string' || value === '')
      throw new TokenError('claimType', `claim "${claim}" must be a non-empty string`);
  }
  if (payload.oid !== undefined && (payload.oid as string).length > 64)
    throw new TokenError('claimType', 'claim "oid" is too long');
  const roles = payload.roles;
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === 'string'))) {
    throw new TokenError('claimType', 'claim "roles" must be an array of strings');
  }
}

function describeJoseError(err: unknown): TokenError {
  if (err instanceof joseErrors.JWTExpired) return new TokenError('expired', 'token expired');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    const reason = `claim "${err.claim}" invalid: ${err.reason}`;
    if (err.claim === 'aud') return new TokenError('audience', reason);
    if (err.claim === 'nbf' || err.claim === 'iat') return new TokenError('notYetValid', reason);
    return new TokenError('claimInvalid', reason);
  }
  if (err instanceof joseErrors.JWKSNoMatchingKey) return new TokenError('noMatchingKey', 'no matching signing key');
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new TokenError('algorithm', 'signing algorithm not allowed');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new TokenError('signature', 'signature verification failed');
  }
  if (err instanceof joseErrors.JOSEError) return new TokenError('malformed', `invalid token (${err.code})`);
  return new TokenError('malformed', 'invalid token');
}
