import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { idFrom, params } from '../../http/validate.js';
import { document, idParams } from '../../openapi/registry.js';
import { client } from '../clients/clients.schemas.js';
import { registryParams, registryRecord } from './registry.schemas.js';
import { bankAccountsOf, type RegistryService } from './registry.service.js';
import { body } from '../../http/validate.js';
import { getJob, job, queueRegistryRefresh, registryRefreshRequest } from '../jobs/registry-refresh-job.js';

const tags = ['Company registries'];
document({ method: 'get', path: '/registry/{country}/{companyId}', summary: 'Look a company up in ARES (cz), the PL VAT white list (pl), ANAF (ro) or VIES (eu, id with its country prefix)', tags, params: registryParams, responses: { 200: registryRecord } });
document({ method: 'post', path: '/clients/{id}/registry-refresh', summary: 'Fill the client from its registry; history per changed field and one timeline entry', tags, params: idParams, responses: { 200: z.object({ client, record: registryRecord, changed: z.array(z.string()) }) } });

document({ method: 'post', path: '/clients/registry-refresh', summary: 'Refresh many clients from their registries as a background job (Manager+)', tags, body: registryRefreshRequest, responses: { 202: job } });
document({ method: 'get', path: '/jobs/{id}', summary: 'Progress of a background job', tags: ['Jobs'], params: idParams, responses: { 200: job } });

document({ method: 'get', path: '/clients/{id}/bank-accounts', summary: 'Bank accounts the registry publishes for the client (PL VAT white list)', tags, params: idParams, responses: { 200: z.object({ items: z.array(z.object({ accountNumber: z.string(), source: z.string(), checkedAt: z.string() })) }) } });

export function registryRoutes(ctx: ContextOf, registry: RegistryService): Router {
  const r = Router();
  r.get('/registry/:country/:companyId', async (req, res) => {
    const { scope } = ctx(req);
    const p = params(req, registryParams);
    res.json(await registry.lookup(scope, p.country, p.companyId));
  });
  r.post('/clients/registry-refresh', async (req, res) => {
    const { scope, user } = ctx(req);
    const queued = await queueRegistryRefresh(scope, user, body(req, registryRefreshRequest).clientIds);
    res.status(202).location(`/api/v1/jobs/${queued.id}`).json(queued);
  });
  r.get('/clients/:id/bank-accounts', async (req, res) => {
    res.json({ items: await bankAccountsOf(ctx(req).scope, idFrom(req)) });
  });
  r.get('/jobs/:id', async (req, res) => {
    res.json(await getJob(ctx(req).scope, idFrom(req)));
  });
  r.post('/clients/:id/registry-refresh', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json(await registry.refreshClient(scope, user, idFrom(req)));
  });
  return r;
}
