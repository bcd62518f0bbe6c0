import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { document } from '../../openapi/registry.js';
import { listUsers } from './users.repository.js';
import { me, userSummary } from './users.schemas.js';

document({ method: 'get', path: '/me', summary: 'The signed-in user, their tenant and roles', tags: ['Users'], responses: { 200: me } });
document({ method: 'get', path: '/users', summary: 'People of your organization who use the CRM (for owner pickers)', tags: ['Users'], responses: { 200: z.object({ items: z.array(userSummary) }) } });

export function usersRoutes(ctx: ContextOf): Router {
  const r = Router();
  r.get('/me', (req, res) => {
    const { user } = ctx(req);
    res.json(user);
  });
  r.get('/users', async (req, res) => {
    const { scope } = ctx(req);
    res.json({ items: await listUsers(scope) });
  });
  return r;
}
