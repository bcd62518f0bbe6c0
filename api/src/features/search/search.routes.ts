import { Router } from 'express';
import type { ContextOf } from '../../http/request-scope.js';
import { query } from '../../http/validate.js';
import { document } from '../../openapi/registry.js';
import { searchQuery, searchResult } from './search.schemas.js';
import { searchAll } from './search.service.js';

document({ method: 'get', path: '/search', summary: 'Search clients, contacts and deals (diacritics-insensitive prefix match)', tags: ['Search'], query: searchQuery, responses: { 200: searchResult } });

export function searchRoutes(ctx: ContextOf): Router {
  const r = Router();
  r.get('/search', async (req, res) => {
    const { scope } = ctx(req);
    const q = query(req, searchQuery);
    res.json(await searchAll(scope, q.q, q.limit));
  });
  return r;
}
