import { Router } from 'express';
import type { ContextOf } from '../../http/request-scope.js';
import { idFrom, query } from '../../http/validate.js';
import { document, idParams } from '../../openapi/registry.js';
import { activityReport, activityReportQuery, clientSummary, pipelineReport, pipelineReportQuery } from './reports.schemas.js';
import * as service from './reports.service.js';

const tags = ['Reports'];
document({ method: 'get', path: '/reports/pipeline', summary: 'Open pipeline by stage and by month of expected close (team: Manager+)', tags, query: pipelineReportQuery, responses: { 200: pipelineReport } });
document({ method: 'get', path: '/reports/activity', summary: 'Activities per user and type in a date range (Manager+)', tags, query: activityReportQuery, responses: { 200: activityReport } });
document({ method: 'get', path: '/clients/{id}/summary', summary: 'Client card numbers: open deals, won this year, last activity, next task, primary contact', tags: ['Clients'], params: idParams, responses: { 200: clientSummary } });

export function reportsRoutes(ctx: ContextOf): Router {
  const r = Router();
  r.get('/reports/pipeline', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json(await service.pipelineReport(scope, user, query(req, pipelineReportQuery)));
  });
  r.get('/reports/activity', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json(await service.activityReport(scope, user, query(req, activityReportQuery)));
  });
  r.get('/clients/:id/summary', async (req, res) => {
    res.json(await service.clientSummary(ctx(req).scope, idFrom(req)));
  });
  return r;
}
