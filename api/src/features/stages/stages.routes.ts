import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom } from '../../http/validate.js';
import { document, idParams } from '../../openapi/registry.js';
import { stage, stageCreate, stageUpdate } from './stages.schemas.js';
import * as service from './stages.service.js';

const tags = ['Pipeline stages'];
document({ method: 'get', path: '/stages', summary: 'Pipeline stages in order (with translated names)', tags, responses: { 200: z.object({ items: z.array(stage) }) } });
document({ method: 'post', path: '/stages', summary: 'Add a stage (Admin)', tags, body: stageCreate, responses: { 201: stage } });
document({ method: 'patch', path: '/stages/{id}', summary: 'Rename, reorder, change probability, retire (Admin)', tags, params: idParams, body: stageUpdate, responses: { 200: stage } });
document({ method: 'delete', path: '/stages/{id}', summary: 'Delete a stage without open deals (Admin; 409 otherwise)', tags, params: idParams, responses: { 204: null } });

export function stagesRoutes(ctx: ContextOf): Router {
  const r = Router();
  r.get('/stages', async (req, res) => {
    res.json({ items: await service.listStages(ctx(req).scope) });
  });
  r.post('/stages', async (req, res) => {
    const { scope, user } = ctx(req);
    res.status(201).json(await service.createStage(scope, user, body(req, stageCreate)));
  });
  r.patch('/stages/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    res.json(await service.updateStage(scope, user, id, body(req, stageUpdate)));
  });
  r.delete('/stages/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    await service.deleteStage(scope, user, idFrom(req));
    res.status(204).end();
  });
  return r;
}
