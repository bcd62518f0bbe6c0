import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { document, idParams } from '../../openapi/registry.js';
import { bearerOf, type DocumentActor } from '../documents/documents-runtime.js';
import { filedEmail, emailFile, emailLookup, emailLookupQuery, emailMatch, emailMatchRequest, filingIntent, filingIntentInput, filingIntentQuery } from './emails.schemas.js';
import { cancelFilingIntent, chooseFilingIntent, filingIntentFor } from './filing-intents.js';
import * as service from './emails.service.js';

const tags = ['Emails'];
const unfileQuery = z.strictObject({ clientId: z.uuid() });
document({ method: 'post', path: '/emails', summary: 'File an email (once per tenant; filing again adds links) with its attachments', tags, body: emailFile, responses: { 201: filedEmail, 200: filedEmail } });
document({ method: 'get', path: '/emails/lookup', summary: 'Is this internet message id filed, where and by whom', tags, query: emailLookupQuery, responses: { 200: emailLookup } });
document({ method: 'post', path: '/emails/match', summary: 'Contacts and clients for the addresses of an email', tags, body: emailMatchRequest, responses: { 200: emailMatch } });
document({ method: 'delete', path: '/emails/{id}/links', summary: 'Unfile from a client (?clientId=): its links and timeline entry go; with no link left, the email and its documents too', tags, params: idParams, query: unfileQuery, responses: { 200: z.object({ filed: z.boolean() }) } });
document({ method: 'post', path: '/emails/intents', summary: 'On a message being written: file it to this client once sent (replaces the caller\'s earlier choice for the conversation)', tags, body: filingIntentInput, responses: { 201: filingIntent } });
document({ method: 'get', path: '/emails/intents', summary: 'The caller\'s choice for a conversation, if any', tags, query: filingIntentQuery, responses: { 200: z.object({ intent: filingIntent.nullable() }) } });
document({ method: 'delete', path: '/emails/intents/{id}', summary: 'Drop a choice: the sent message will not be filed by itself', tags, params: idParams, responses: { 204: null } });
document({ method: 'get', path: '/emails/{id}', summary: 'A filed email with its sanitized HTML body', tags, params: idParams, responses: { 200: filedEmail } });

/** Filing carries attachments as base64 in JSON: its body limit is the one exception to 1 MB. */
export const emailBodyLimit = '40mb';

export function emailsRoutes(ctx: ContextOf): Router {
  const r = Router();
  const actorOf = (req: Request): DocumentActor => ({ ...ctx(req).user, bearer: bearerOf(req) });
  r.post('/emails', async (req, res) => {
    const { scope } = ctx(req);
    const { email: filed, created, skipped } = await service.fileEmail(scope, actorOf(req), body(req, emailFile));
    if (created) res.location(`/api/v1/emails/${filed.id}`);
    res.status(created ? 201 : 200).json({ ...filed, skippedAttachments: skipped });
  });
  r.get('/emails/lookup', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json(await service.lookupEmail(scope, user, query(req, emailLookupQuery)));
  });
  r.post('/emails/intents', async (req, res) => {
    const { scope, user } = ctx(req);
    res.status(201).json(await chooseFilingIntent(scope, user, body(req, filingIntentInput)));
  });
  r.get('/emails/intents', async (req, res) => {
    const { scope, user } = ctx(req);
    res.json({ intent: await filingIntentFor(scope, user, query(req, filingIntentQuery).conversationId) });
  });
  r.delete('/emails/intents/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    await cancelFilingIntent(scope, user, idFrom(req));
    res.status(204).end();
  });
  r.post('/emails/match', async (req, res) => {
    res.json(await service.matchAddresses(ctx(req).scope, body(req, emailMatchRequest).addresses));
  });
  r.delete('/emails/:id/links', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    res.json(await service.unfileEmail(scope, actorOf(req), id, query(req, unfileQuery).clientId));
  });
  r.get('/emails/:id', async (req, res) => {
    res.json(await service.getEmail(ctx(req).scope, idFrom(req)));
  });
  return r;
}
