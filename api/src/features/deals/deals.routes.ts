import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { expectedVersion, sendWithEtag } from '../../http/etag.js';
import { document, idParams } from '../../openapi/registry.js';
import { registerSearchLoader } from '../search/search.service.js';
import { activityPage, timelineQuery } from '../activities/activities.schemas.js';
import { timeline } from '../activities/activities.service.js';
import { deal, dealCreate, dealListQuery, dealLose, dealPage, dealStageChange, dealUpdate, dealWin, stageHistoryEntry } from './deals.schemas.js';
import * as service from './deals.service.js';
import { dealsByIds } from './deals.repository.js';

const tags = ['Deals'];
document({ method: 'get', path: '/deals', summary: 'Deal views (open, mine, won, lost, inactive, all) with filters, sorts and totals', tags, query: dealListQuery, responses: { 200: dealPage } });
document({ method: 'post', path: '/deals', summary: 'Create a deal', tags, body: dealCreate, responses: { 201: deal } });
document({ method: 'get', path: '/deals/{id}', summary: 'Read a deal (ETag)', tags, params: idParams, responses: { 200: deal } });
document({ method: 'patch', path: '/deals/{id}', summary: 'Change a deal (If-Match → 412 when stale)', tags, params: idParams, body: dealUpdate, responses: { 200: deal } });
document({ method: 'delete', path: '/deals/{id}', summary: 'Delete a deal (soft)', tags, params: idParams, responses: { 204: null } });
document({ method: 'post', path: '/deals/{id}/stage', summary: 'Move an open deal to another stage', tags, params: idParams, body: dealStageChange, responses: { 200: deal } });
document({ method: 'post', path: '/deals/{id}/win', summary: 'Mark an open deal won', tags, params: idParams, body: dealWin, responses: { 200: deal } });
document({ method: 'post', path: '/deals/{id}/lose', summary: 'Mark an open deal lost, with a reason', tags, params: idParams, body: dealLose, responses: { 200: deal } });
document({ method: 'post', path: '/deals/{id}/reopen', summary: 'Reopen a won or lost deal', tags, params: idParams, responses: { 200: deal } });
document({ method: 'get', path: '/deals/{id}/stage-history', summary: 'Stages the deal went through, with time in each', tags, params: idParams, responses: { 200: z.object({ items: z.array(stageHistoryEntry) }) } });
document({ method: 'get', path: '/deals/{id}/timeline', summary: "The deal's timeline, newest first", tags, params: idParams, query: timelineQuery, responses: { 200: activityPage } });

registerSearchLoader('deal', async (scope, ids) =>
  (await dealsByIds(scope, ids)).map((d) => ({ type: 'deal' as const, id: d.id, title: d.title, subtitle: `${d.client_name} · ${d.stage_key} · ${d.status}`, clientId: d.client_id })),
);

export function dealsRoutes(ctx: ContextOf, options: { inactiveDealDays: number }): Router {
  const r = Router();

  r.get('/deals', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json(await service.listDeals(scope, user, query(req, dealListQuery), options.inactiveDealDays));
  });
  r.post('/deals', async (req, res) => {
    const { scope, user } = ctx(req);
    const created = await service.createDeal(scope, user, body(req, dealCreate));
    res.location(`/api/v1/deals/${created.id}`);
    sendWithEtag(res, created, 201);
  });
  r.get('/deals/:id', async (req, res) => {
    sendWithEtag(res, await service.getDeal(ctx(req).scope, idFrom(req)));
  });
  r.patch('/deals/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.updateDeal(scope, user, id, body(req, dealUpdate), expectedVersion(req)));
  });
  r.delete('/deals/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    await service.deleteDeal(scope, user, idFrom(req), expectedVersion(req));
    res.status(204).end();
  });
  r.post('/deals/:id/stage', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.moveToStage(scope, user, id, body(req, dealStageChange).stage, expectedVersion(req)));
  });
  r.post('/deals/:id/win', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.winDeal(scope, user, id, body(req, dealWin), expectedVersion(req)));
  });
  r.post('/deals/:id/lose', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.loseDeal(scope, user, id, body(req, dealLose), expectedVersion(req)));
  });
  r.post('/deals/:id/reopen', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    body(req, z.strictObject({}));
    sendWithEtag(res, await service.reopenDeal(scope, user, id, expectedVersion(req)));
  });
  r.get('/deals/:id/stage-history', async (req, res) => {
    res.json({ items: await service.stageHistory(ctx(req).scope, idFrom(req)) });
  });
  r.get('/deals/:id/timeline', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    const q = query(req, timelineQuery);
    await service.getDeal(scope, id);
    res.json(await timeline(scope, { dealId: id }, q));
  });
  return r;
}
