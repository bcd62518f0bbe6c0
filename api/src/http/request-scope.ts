import type { Request } from 'express';
import type { DatabaseHandle } from '../db/connect.js';
import { TenantScope } from '../db/tenant-scope.js';
import type { CrmUser } from '../features/users/users.repository.js';
import { AppError } from './errors.js';

/** What the feature routers get from the app: the signed-in user and a scope on their tenant. */
export interface RequestContext {
  user: CrmUser;
  scope: TenantScope;
}

export type ContextOf = (req: Request) => RequestContext;

export function contextFactory(database: DatabaseHandle): ContextOf {
  return (req) => {
    const user = req.user;
    if (!user) throw new AppError('unauthorized', 'Sign in: this API needs a bearer token.');
    return { user, scope: new TenantScope(database.db, { tenantId: user.tenantId, userId: user.id }, database.dialect) };
  };
}
