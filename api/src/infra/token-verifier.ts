import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { type AppRole, isAppRole, type Permission, permissionsFor } from '@klarkonform/shared';
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

export class TokenError extends Error {
  constructor(readonly reason: string) {
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
      throw new TokenError(describeJoseError(err));
    }
    assertClaimTypes(payload);
    const tid = payload.tid as string;
    if (!TENANT_ID.test(tid)) throw new TokenError('invalid tenant id');
    if (payload.iss !== auth.issuerTemplate.replace('{tid}', tid)) throw new TokenError('unexpected issuer');
    if (payload.ver !== '2.0') throw new TokenError('only v2.0 access tokens are accepted');
    if (auth.allowedTenants !== '*' && !auth.allowedTenants.includes(tid)) {
      throw new TokenError('tenant is not allowed');
    }

    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    const claimedRoles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
    const roles = claimedRoles.filter(isAppRole);
    const delegated = scopes.includes(REQUIRED_SCOPE);
    if (!delegated && roles.length === 0)
      throw new TokenError(`token has neither the ${REQUIRED_SCOPE} scope nor an app role`);

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
    if (typeof value !== 'string' || value === '') throw new TokenError(`claim "${claim}" must be a non-empty string`);
  }
  if (payload.oid !== undefined && (payload.oid as string).length > 64) throw new TokenError('claim "oid" is too long');
  const roles = payload.roles;
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === 'string'))) {
    throw new TokenError('claim "roles" must be an array of strings');
  }
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `claim "${err.claim}" invalid: ${err.reason}`;
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'no matching signing key';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'signing algorithm not allowed';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (err instanceof joseErrors.JOSEError) return `invalid token (${err.code})`;
  return 'invalid token';
}
