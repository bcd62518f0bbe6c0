import { hash } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { AuthConfig } from '../config.js';
import { AppError } from '../http/errors.js';
import { rolesFromClaim, type Role } from './roles.js';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** The claims the CRM relies on; a token missing `tid` or `oid` is refused. */
const claimsSchema = z.object({
  tid: guid,
  oid: guid,
  name: z.string().max(200).optional(),
  preferred_username: z.string().max(254).optional(),
  email: z.string().max(254).optional(),
  roles: z.array(z.string()).optional(),
  exp: z.number(),
});

export interface VerifiedToken {
  tenantId: string;
  oid: string;
  name: string;
  email: string | null;
  roles: Role[];
  expiresAt: number;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

interface Options {
  getKey: JWTVerifyGetKey;
  audiences: string[];
  /** Checks `iss` against the token's own `tid` (Entra's issuer contains the tenant). */
  issuerFor: (tid: string) => string;
  allowedTenants: string[] | null;
  cacheSize?: number;
}

/**
 * The single validation path for every bearer token, Entra's or the dev issuer's: signature
 * against the issuer's JWKS, `aud`, `exp`, `iss`, then `tid`/`oid`/`roles`. Verified tokens
 * are cached by their SHA-256 until they expire, so the signature check runs once per token,
 * not once per request (RS256 verification costs more than the whole rest of a request).
 */
export function createTokenVerifier(options: Options): TokenVerifier {
  const cache = new Map<string, VerifiedToken>();
  const max = options.cacheSize ?? 10_000;

  return {
    async verify(token) {
      const key = hash('sha256', token, 'base64url');
      const now = Date.now() / 1000;
      const hit = cache.get(key);
      if (hit) {
        if (hit.expiresAt > now) return hit;
        cache.delete(key);
      }
      let payload;
      try {
        ({ payload } = await jwtVerify(token, options.getKey, { audience: options.audiences, algorithms: ['RS256'], clockTolerance: 60 }));
      } catch (err) {
        throw new AppError('unauthorized', describeJoseError(err));
      }
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) throw new AppError('unauthorized', 'The token has no tenant (tid) or user (oid).');
      const c = claims.data;
      const tid = c.tid.toLowerCase();
      if (payload.iss !== options.issuerFor(tid)) throw new AppError('unauthorized', 'The token was issued by an issuer this API does not trust.');
      if (options.allowedTenants && !options.allowedTenants.includes(tid)) {
        throw new AppError('unauthorized', 'Your organization is not allowed to use this CRM.');
      }
      const verified: VerifiedToken = {
        tenantId: tid,
        oid: c.oid.toLowerCase(),
        name: c.name ?? c.preferred_username ?? 'Unknown user',
        email: c.email ?? c.preferred_username ?? null,
        roles: rolesFromClaim(c.roles),
        expiresAt: c.exp,
      };
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(key, verified);
      return verified;
    },
  };
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'The token has expired.';
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') return 'The token is for another audience.';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'The token is signed by an unknown key.';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'The token signature is not valid.';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `The token's ${err.claim} claim is not valid.`;
  return 'The token is not valid.';
}

/** Entra ID v2: keys from the tenant's (or common) discovery, issuer per tenant. */
export function entraVerifier(auth: AuthConfig): TokenVerifier {
  const entra = auth.entra!;
  const jwks = createRemoteJWKSet(new URL(`${entra.authorityHost}/${entra.tenant}/discovery/v2.0/keys`));
  const single = /^[0-9a-f-]{36}$/i.test(entra.tenant) ? entra.tenant.toLowerCase() : null;
  return createTokenVerifier({
    getKey: jwks,
    audiences: auth.audiences,
    issuerFor: (tid) => `${entra.authorityHost}/${tid}/v2.0`,
    allowedTenants: single ? [single] : entra.allowedTenants,
  });
}
