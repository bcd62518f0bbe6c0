import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { upsertUserFromToken, type CrmUser } from '../features/users/users.repository.js';
import { can, type Permission } from './roles.js';
import type { TokenVerifier } from './token-verifier.js';

declare module 'express-serve-static-core' {
  interface Request {
    user?: CrmUser;
  }
}

/**
 * Bearer token → verified claims → CRM user (created on first call). The user is cached per
 * tenant and object id for as long as the claims it came from are unchanged.
 */
export function authenticate(verifier: TokenVerifier, db: Kysely<Database>): RequestHandler {
  const users = new Map<string, { claims: string; user: CrmUser }>();
  return async (req, _res, next) => {
    const header = req.get('Authorization');
    const match = header ? /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i.exec(header) : null;
    if (!match) throw new AppError('unauthorized', header ? 'The Authorization header must be "Bearer <token>".' : 'Sign in: this API needs a bearer token.');
    const token = await verifier.verify(match[1]!);
    const key = `${token.tenantId}/${token.oid}`;
    const claims = `${token.name}|${token.email}|${token.roles.join(',')}`;
    let entry = users.get(key);
    if (!entry || entry.claims !== claims) {
      entry = { claims, user: await upsertUserFromToken(db, token) };
      if (users.size >= 10_000) users.delete(users.keys().next().value as string);
      users.set(key, entry);
    }
    req.user = entry.user;
    next();
  };
}

/** Route guard for permissions that do not depend on the record's owner. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!req.user || !can(req.user, permission)) throw new AppError('forbidden', `Your role does not allow this (${permission}).`);
    next();
  };
}

/** Throws 403 unless the caller may act on a record owned by `ownerId`. */
export function assertCan(user: CrmUser, permission: Permission, ownerId?: string | null): void {
  if (!can(user, permission, ownerId)) {
    throw new AppError('forbidden', `Your role does not allow this (${permission}).`);
  }
}
