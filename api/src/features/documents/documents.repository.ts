import type { Selectable } from 'kysely';
import type { TenantInsert, TenantScope } from '../../db/tenant-scope.js';
import type { CursorKey } from '../../http/pagination.js';
import type { DocumentFoldersTable, DocumentsTable } from './documents.table.js';

export type DocumentRow = Selectable<DocumentsTable>;
export type FolderRow = Selectable<DocumentFoldersTable>;

export function findDocument(scope: TenantScope, id: string): Promise<DocumentRow | undefined> {
  return scope.selectFrom('documents').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Newest first, keyset on (created_at, id). */
export function documentsPage(scope: TenantScope, of: { clientId: string } | { dealId: string }, limit: number, after: CursorKey | null) {
  let q = scope.selectFrom('documents').selectAll().where('deleted_at', 'is', null);
  q = 'clientId' in of ? q.where('client_id', '=', of.clientId) : q.where('deal_id', '=', of.dealId);
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  return scope.first(q.orderBy('created_at', 'desc').orderBy('id', 'desc'), limit + 1).execute();
}

export async function namesInFolder(scope: TenantScope, folderId: string): Promise<Set<string>> {
  const rows = await scope.selectFrom('documents').select('name').where('folder_id', '=', folderId).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

export async function insertDocument(scope: TenantScope, row: TenantInsert<'documents'>): Promise<void> {
  await scope.insert('documents', row);
}

export async function updateDocument(scope: TenantScope, id: string, changes: Partial<DocumentRow>, expectedVersion: number, userId: string): Promise<boolean> {
  const result = await scope
    .updateTable('documents')
    .set({ ...changes, version: expectedVersion + 1, updated_at: new Date().toISOString(), updated_by: userId })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findFolder(scope: TenantScope, clientId: string, dealId: string | null, provider: FolderRow['provider']) {
  const q = scope.selectFrom('document_folders').selectAll().where('client_id', '=', clientId).where('provider', '=', provider).where('deleted_at', 'is', null);
  return scope.first((dealId ? q.where('deal_id', '=', dealId) : q.where('deal_id', 'is', null)).orderBy('created_at'), 1).executeTakeFirst();
}

export async function insertFolder(scope: TenantScope, row: TenantInsert<'document_folders'>): Promise<void> {
  await scope.insert('document_folders', row);
}

export async function updateFolder(scope: TenantScope, id: string, changes: Pick<FolderRow, 'name' | 'item_id' | 'web_url'>): Promise<void> {
  await scope.updateTable('document_folders').set({ ...changes, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/**
 * After a folder moved (renamed), ids that are paths (local store) and web addresses
 * (SharePoint) of everything under it start with the new prefix instead of the old one.
 */
export async function rewritePrefix(scope: TenantScope, clientId: string, column: 'item_id' | 'web_url', from: string, to: string): Promise<void> {
  if (from === to) return;
  for (const table of ['document_folders', 'documents'] as const) {
    // Per-client row counts are small; filtering here avoids LIKE escaping differing between dialects.
    const rows = await scope.selectFrom(table).select(['id', column]).where('client_id', '=', clientId).execute();
    for (const row of rows) {
      const value = (row as Record<string, string | null>)[column];
      if (!value?.startsWith(`${from}/`)) continue;
      await scope.updateTable(table).set({ [column]: to + value.slice(from.length) }).where('id', '=', row.id).execute();
    }
  }
}
