import { Router } from 'express';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { expectedVersion, sendWithEtag } from '../../http/etag.js';
import { document, idParams } from '../../openapi/registry.js';
import type { GraphRuntime } from '../../graph/graph-runtime.js';
import { assertCan } from '../../auth/authenticate.js';
import { bearerOf } from '../documents/documents-runtime.js';
import { outlookCalendar } from './outlook-calendar.js';
import { meeting, meetingCancel, meetingCreate, meetingListQuery, meetingPage, meetingSyncResult, meetingUpdate } from './meetings.schemas.js';
import * as service from './meetings.service.js';

const tags = ['Meetings'];
document({ method: 'post', path: '/meetings', summary: 'Schedule a meeting with a client (Outlook event with a Teams link in Microsoft 365 mode)', tags, body: meetingCreate, responses: { 201: meeting } });
document({ method: 'get', path: '/clients/{id}/meetings', summary: "A client's meetings, latest first", tags, params: idParams, query: meetingListQuery, responses: { 200: meetingPage } });
document({ method: 'get', path: '/meetings/{id}', summary: 'A meeting (ETag)', tags, params: idParams, responses: { 200: meeting } });
document({ method: 'get', path: '/meetings/{id}.ics', summary: 'The meeting as an iCalendar file', tags, params: idParams, responses: { 200: null } });
document({ method: 'patch', path: '/meetings/{id}', summary: 'Reschedule or edit (Outlook too)', tags, params: idParams, body: meetingUpdate, responses: { 200: meeting } });
document({ method: 'post', path: '/meetings/{id}/cancel', summary: 'Cancel (attendees get Outlook’s cancellation)', tags, params: idParams, body: meetingCancel, responses: { 200: meeting } });
document({ method: 'delete', path: '/meetings/{id}', summary: 'Cancel without a comment', tags, params: idParams, responses: { 204: null } });
document({ method: 'post', path: '/meetings/sync', summary: 'Bring moves and cancellations made in Outlook back to the CRM', tags, responses: { 200: meetingSyncResult } });

export function meetingsRoutes(ctx: ContextOf, runtime: GraphRuntime): Router {
  const r = Router();
  const deps: service.MeetingsDeps = { calendar: runtime.config.meetingsStore === 'graph' && runtime.graph ? outlookCalendar(runtime.graph) : null };
  const actorOf = (req: Parameters<ContextOf>[0]): service.MeetingActor => ({ ...ctx(req).user, bearer: bearerOf(req) });

  r.post('/meetings/sync', async (req, res) => {
    const { scope, user } = ctx(req);
    assertCan(user, 'meeting.schedule');
    res.json(await service.syncMeetings(scope, deps));
  });

  r.post('/meetings', async (req, res) => {
    const { scope } = ctx(req);
    const created = await service.createMeeting(scope, actorOf(req), deps, body(req, meetingCreate));
    res.location(`/api/v1/meetings/${created.id}`);
    sendWithEtag(res, created, 201);
  });

  r.get('/clients/:id/meetings', async (req, res) => {
    const { scope } = ctx(req);
    res.json(await service.meetingsOfClient(scope, idFrom(req), query(req, meetingListQuery)));
  });

  r.get('/meetings/:id.ics', async (req, res) => {
    const { scope } = ctx(req);
    const file = await service.meetingIcs(scope, idFrom(req));
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.send(file.body);
  });

  r.get('/meetings/:id', async (req, res) => {
    const { scope } = ctx(req);
    sendWithEtag(res, await service.getMeeting(scope, idFrom(req)));
  });

  r.patch('/meetings/:id', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.updateMeeting(scope, actorOf(req), deps, id, body(req, meetingUpdate), expectedVersion(req)));
  });

  r.post('/meetings/:id/cancel', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.cancelMeeting(scope, actorOf(req), deps, id, body(req, meetingCancel).comment ?? null, expectedVersion(req)));
  });

  r.delete('/meetings/:id', async (req, res) => {
    const { scope } = ctx(req);
    await service.cancelMeeting(scope, actorOf(req), deps, idFrom(req), null, expectedVersion(req));
    res.status(204).end();
  });

  return r;
}
