import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { sendWithEtag } from '../../http/etag.js';
import { document, idParams } from '../../openapi/registry.js';
import { lead, leadConversion, leadConvert, leadCreate, leadDisqualify, leadListQuery, leadPage, leadUpdate } from './leads.schemas.js';
import * as service from './leads.service.js';

const tags = ['Leads'];
const match = z.object({ id: z.uuid(), name: z.string(), companyId: z.string().nullable(), country: z.string().nullable(), matchedBy: z.enum(['companyId', 'name']) });
document({ method: 'get', path: '/leads', summary: 'Leads, newest first', tags, query: leadListQuery, responses: { 200: leadPage } });
document({ method: 'post', path: '/leads', summary: 'Create a lead', tags, body: leadCreate, responses: { 201: lead } });
document({ method: 'get', path: '/leads/{id}', summary: 'Read a lead', tags, params: idParams, responses: { 200: lead } });
document({ method: 'patch', path: '/leads/{id}', summary: 'Change an open lead', tags, params: idParams, body: leadUpdate, responses: { 200: lead } });
document({ method: 'get', path: '/leads/{id}/matches', summary: 'Existing clients with the same company id or name', tags, params: idParams, responses: { 200: z.object({ items: z.array(match) }) } });
document({ method: 'post', path: '/leads/{id}/convert', summary: 'Convert to client + contact + deal in one transaction (409 when done already)', tags, params: idParams, body: leadConvert, responses: { 200: leadConversion } });
document({ method: 'post', path: '/leads/{id}/disqualify', summary: 'Disqualify with a reason', tags, params: idParams, body: leadDisqualify, responses: { 200: lead } });

export function leadsRoutes(ctx: ContextOf): Router {
  const r = Router();
  r.get('/leads', async (req, res) => {
    res.json(await service.listLeads(ctx(req).scope, query(req, leadListQuery)));
  });
  r.post('/leads', async (req, res) => {
    const { scope, user } = ctx(req);
    const created = await service.createLead(scope, user, body(req, leadCreate));
    res.location(`/api/v1/leads/${created.id}`);
    sendWithEtag(res, created, 201);
  });
  r.get('/leads/:id', async (req, res) => {
    sendWithEtag(res, await service.getLead(ctx(req).scope, idFrom(req)));
  });
  r.patch('/leads/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.updateLead(scope, user, id, body(req, leadUpdate)));
  });
  r.get('/leads/:id/matches', async (req, res) => {
    res.json({ items: await service.matchingClients(ctx(req).scope, idFrom(req)) });
  });
  r.post('/leads/:id/convert', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    res.json(await service.convertLead(scope, user, id, body(req, leadConvert)));
  });
  r.post('/leads/:id/disqualify', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    res.json(await service.disqualifyLead(scope, user, id, body(req, leadDisqualify).reason));
  });
  return r;
}
