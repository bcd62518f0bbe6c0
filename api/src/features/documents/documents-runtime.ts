import type { Request } from 'express';
import type { GraphConfig } from '../../config.js';
import type { GraphAccess } from '../../graph/graph-client.js';
import type { GraphIdentity } from '../../graph/graph-tokens.js';
import type { CrmUser } from '../users/users.repository.js';
import type { DocumentStore } from './document-store.js';
import { localStore } from './local-store.js';
import { sharePointStore } from './sharepoint-store.js';

/** The signed-in person, with their API token when Graph should act on their behalf. */
export type DocumentActor = CrmUser & { bearer?: string };

export interface DocumentsRuntime {
  config: GraphConfig;
  graph: GraphAccess | null;
}

let current: DocumentsRuntime | null = null;

/** Set once when the app mounts the documents routes; other features (emails) then store through it. */
export function configureDocuments(runtime: DocumentsRuntime): void {
  current = runtime;
}

export function documentsRuntime(): DocumentsRuntime {
  if (!current) throw new Error('Documents are not configured: the app mounts documentsRoutes first.');
  return current;
}

/** Graph acts as the person when their token is at hand (OBO), else as the app (background work). */
export function graphIdentity(actor: DocumentActor): GraphIdentity {
  return actor.bearer ? { kind: 'user', tenantId: actor.tenantId, oid: actor.oid, assertion: actor.bearer } : { kind: 'app', tenantId: actor.tenantId };
}

export function storeFor(actor: DocumentActor): DocumentStore {
  const { config, graph } = documentsRuntime();
  if (config.documentsStore === 'sharepoint' && graph && config.site) {
    return sharePointStore(graph, graphIdentity(actor), { site: config.site, library: config.library });
  }
  return localStore(config.documentsDir, actor.tenantId);
}

/** The caller's bearer token (already validated by authenticate), for the on-behalf-of flow. */
export function bearerOf(req: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.get('Authorization') ?? '')?.[1];
}
