import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { expectedVersion, sendWithEtag } from '../../http/etag.js';
import { document, idParams } from '../../openapi/registry.js';
import { clientExists } from '../clients/clients.repository.js';
import { notFound } from '../../http/errors.js';
import { activity, activityCreate, activityListQuery, activityPage, activityUpdate, timelineQuery } from './activities.schemas.js';
import * as service from './activities.service.js';

const tags = ['Activities'];
document({ method: 'get', path: '/activities', summary: 'Activities and tasks (assignee=me&due=overdue|today|week for my tasks)', tags, query: activityListQuery, responses: { 200: z.object({ items: z.array(activity) }) } });
document({ method: 'post', path: '/activities', summary: 'Log a note, call or task', tags, body: activityCreate, responses: { 201: activity } });
document({ method: 'get', path: '/activities/{id}', summary: 'Read an activity', tags, params: idParams, responses: { 200: activity } });
document({ method: 'patch', path: '/activities/{id}', summary: 'Change an activity or complete a task', tags, params: idParams, body: activityUpdate, responses: { 200: activity } });
document({ method: 'delete', path: '/activities/{id}', summary: 'Delete an activity (soft)', tags, params: idParams, responses: { 204: null } });
document({ method: 'post', path: '/activities/{id}/complete', summary: 'Complete a task', tags, params: idParams, responses: { 200: activity } });
document({ method: 'get', path: '/clients/{id}/timeline', summary: "The client's timeline (its contacts and deals included), newest first", tags: ['Clients'], params: idParams, query: timelineQuery, responses: { 200: activityPage } });

export function activitiesRoutes(ctx: ContextOf): Router {
  const r = Router();
  r.get('/activities', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json(await service.listActivities(scope, user, query(req, activityListQuery)));
  });
  r.post('/activities', async (req, res) => {
    const { scope, user } = ctx(req);
    const created = await service.createActivity(scope, user, body(req, activityCreate));
    res.location(`/api/v1/activities/${created.id}`);
    sendWithEtag(res, created, 201);
  });
  r.get('/activities/:id', async (req, res) => {
    sendWithEtag(res, await service.getActivity(ctx(req).scope, idFrom(req)));
  });
  r.patch('/activities/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.updateActivity(scope, user, id, body(req, activityUpdate), expectedVersion(req)));
  });
  r.delete('/activities/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    await service.deleteActivity(scope, user, idFrom(req));
    res.status(204).end();
  });
  r.post('/activities/:id/complete', async (req, res) => {
    const { scope, user } = ctx(req);
    sendWithEtag(res, await service.completeTask(scope, user, idFrom(req)));
  });
  r.get('/clients/:id/timeline', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    const q = query(req, timelineQuery);
    if (!(await clientExists(scope, id))) throw notFound('The client');
    res.json(await service.timeline(scope, { clientId: id }, q));
  });
  return r;
}
