import { Router } from 'express';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { body, idFrom, query } from '../../http/validate.js';
import { expectedVersion, sendWithEtag } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { document, idParams } from '../../openapi/registry.js';
import { clientHistoryPage } from '../history/history.repository.js';
import { historyPage, historyQuery } from '../history/history.schemas.js';
import { contactCreateForClient, contact } from '../contacts/contacts.schemas.js';
import { contactsOfClient, createContact } from '../contacts/contacts.service.js';
import { address, client, clientCreate, clientListQuery, clientPage, clientUpdate } from './clients.schemas.js';
import * as service from './clients.service.js';

const tags = ['Clients'];
document({ method: 'get', path: '/clients', summary: 'List and search clients', tags, query: clientListQuery, responses: { 200: clientPage } });
document({ method: 'post', path: '/clients', summary: 'Create a client', tags, body: clientCreate, responses: { 201: client } });
document({ method: 'get', path: '/clients/{id}', summary: 'Read a client (ETag)', tags, params: idParams, responses: { 200: client } });
document({ method: 'patch', path: '/clients/{id}', summary: 'Change a client (If-Match → 412 when stale)', tags, params: idParams, body: clientUpdate, responses: { 200: client } });
document({ method: 'delete', path: '/clients/{id}', summary: 'Delete a client (soft)', tags, params: idParams, responses: { 204: null } });
document({ method: 'get', path: '/clients/{id}/contacts', summary: "A client's contacts", tags, params: idParams, responses: { 200: z.object({ items: z.array(contact) }) } });
document({ method: 'post', path: '/clients/{id}/contacts', summary: 'Add a contact to a client', tags, params: idParams, body: contactCreateForClient, responses: { 201: contact } });
document({ method: 'get', path: '/clients/{id}/addresses', summary: "A client's addresses", tags, params: idParams, responses: { 200: z.object({ items: z.array(address) }) } });
document({ method: 'get', path: '/clients/{id}/children', summary: 'Child clients in the hierarchy', tags, params: idParams, responses: { 200: z.object({ items: z.array(client) }) } });
document({ method: 'get', path: '/clients/{id}/history', summary: 'Change history of a client and its contacts', tags, params: idParams, query: historyQuery, responses: { 200: historyPage } });

export function clientsRoutes(ctx: ContextOf): Router {
  const r = Router();

  r.get('/clients', async (req, res) => {
    const { scope } = ctx(req);
    res.json(await service.listClients(scope, query(req, clientListQuery)));
  });

  r.post('/clients', async (req, res) => {
    const { scope, user } = ctx(req);
    const created = await service.createClient(scope, user, body(req, clientCreate));
    res.location(`/api/v1/clients/${created.id}`);
    sendWithEtag(res, created, 201);
  });

  r.get('/clients/:id', async (req, res) => {
    const { scope } = ctx(req);
    sendWithEtag(res, await service.getClient(scope, idFrom(req)));
  });

  r.patch('/clients/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.updateClient(scope, user, id, body(req, clientUpdate), expectedVersion(req)));
  });

  r.delete('/clients/:id', async (req, res) => {
    const { scope, user } = ctx(req);
    await service.deleteClient(scope, user, idFrom(req), expectedVersion(req));
    res.status(204).end();
  });

  r.get('/clients/:id/contacts', async (req, res) => {
    const { scope } = ctx(req);
    res.json({ items: await contactsOfClient(scope, idFrom(req)) });
  });

  r.post('/clients/:id/contacts', async (req, res) => {
    const { scope, user } = ctx(req);
    const clientId = idFrom(req);
    await service.getClient(scope, clientId); // 404 for an unknown client in the path
    const created = await createContact(scope, user, { ...body(req, contactCreateForClient), clientId });
    res.location(`/api/v1/contacts/${created.id}`);
    sendWithEtag(res, created, 201);
  });

  r.get('/clients/:id/addresses', async (req, res) => {
    const { scope } = ctx(req);
    res.json({ items: (await service.getClient(scope, idFrom(req))).addresses });
  });

  r.get('/clients/:id/children', async (req, res) => {
    const { scope } = ctx(req);
    res.json({ items: await service.childClients(scope, idFrom(req)) });
  });

  r.get('/clients/:id/history', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    const q = query(req, historyQuery);
    await service.getClient(scope, id);
    const rows = await clientHistoryPage(scope, id, decodeCursor(q.cursor) as [string, string] | null, q.limit);
    res.json(
      toPage(rows, q.limit, (r) => [r.created_at, r.id], (r) => ({
        id: r.id,
        entityType: r.entity_type,
        entityId: r.entity_id,
        action: r.action,
        field: r.field,
        from: r.old_value === null ? null : JSON.parse(r.old_value),
        to: r.new_value === null ? null : JSON.parse(r.new_value),
        changedAt: r.created_at,
        changedBy: { id: r.created_by, name: r.display_name },
      })),
    );
  });

  return r;
}
