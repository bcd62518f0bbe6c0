import { Router } from 'express';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { expectedVersion, sendWithEtag } from '../../http/etag.js';
import { document, idParams } from '../../openapi/registry.js';
import { contact, contactCreate, contactListQuery, contactPage, contactUpdate } from './contacts.schemas.js';
import * as service from './contacts.service.js';

const tags = ['Contacts'];
document({ method: 'get', path: '/contacts', summary: 'List and search contacts', tags, query: contactListQuery, responses: { 200: contactPage } });
document({ method: 'post', path: '/contacts', summary: 'Create a contact of a client', tags, body: contactCreate, responses: { 201: contact } });
document({ method: 'get', path: '/contacts/{id}', summary: 'Read a contact (ETag)', tags, params: idParams, responses: { 200: contact } });
document({ method: 'patch', path: '/contacts/{id}', summary: 'Change a contact (If-Match → 412 when stale)', tags, params: idParams, body: contactUpdate, responses: { 200: contact } });
document({ method: 'delete', path: '/contacts/{id}', summary: 'Delete a contact (soft)', tags, params: idParams, responses: { 204: null } });

export function contactsRoutes(ctx: ContextOf): Router {
  const r = Router();

  r.get('/contacts', async (req, res) => {
    const { scope } = ctx(req);
    res.json(await service.listContacts(scope, query(req, contactListQuery)));
  });

  r.post('/contacts', async (req, res) => {
    const { scope, user } = ctx(req);
    const created = await service.createContact(scope, user, body(req, contactCreate));
    res.location(`/api/v1/contacts/${created.id}`);
    sendWithEtag(res, created, 201);
  });

  r.get('/contacts/:id', async (req, res) => {
    const { scope } = ctx(req);
    sendWithEtag(res, await service.getContact(scope, idFrom(req)));
  });

  r.patch('/contacts/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.updateContact(scope, user, id, body(req, contactUpdate), expectedVersion(req)));
  });

  r.delete('/contacts/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    await service.deleteContact(scope, user, idFrom(req), expectedVersion(req));
    res.status(204).end();
  });

  return r;
}
