import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import { decodeCursor, toPage, type Page } from '../../http/pagination.js';
import { findClient } from '../clients/clients.repository.js';
import { findDeal } from '../deals/deals.repository.js';
import type { DocumentStore, FileSource, StoredFolder } from './document-store.js';
import { documentsRuntime, storeFor, type DocumentActor } from './documents-runtime.js';
import { folderName, isAllowedExtension, isExecutableType, looksExecutable, numberedName, safeName } from './file-names.js';
import * as repo from './documents.repository.js';
import type { DocumentListQuery, DocumentRecord } from './documents.schemas.js';

export type { DocumentActor } from './documents-runtime.js';
export type { DocumentStore } from './document-store.js';

/** Tries " (2)" … " (20)" before giving up on a name. */
const maxNumbering = 20;

export function toDocument(row: repo.DocumentRow): DocumentRecord {
  return {
    id: row.id,
    name: row.name,
    size: Number(row.size),
    contentType: row.content_type,
    clientId: row.client_id,
    dealId: row.deal_id,
    webUrl: row.web_url,
    provider: row.provider,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

export async function getDocument(scope: TenantScope, id: string): Promise<DocumentRecord> {
  const row = await repo.findDocument(scope, id);
  if (!row) throw notFound('The document');
  return toDocument(row);
}

export async function requireClient(scope: TenantScope, clientId: string): Promise<void> {
  if (!(await findClient(scope, clientId))) throw notFound('The client');
}

export async function documentsOf(scope: TenantScope, of: { clientId: string } | { dealId: string }, q: DocumentListQuery): Promise<Page<DocumentRecord>> {
  if ('clientId' in of && !(await findClient(scope, of.clientId))) throw notFound('The client');
  if ('dealId' in of && !(await findDeal(scope, of.dealId))) throw notFound('The deal');
  const rows = await repo.documentsPage(scope, of, q.limit, decodeCursor(q.cursor));
  return toPage(rows, q.limit, (r) => [r.created_at, r.id], toDocument);
}

/**
 * The folder for a client (or one of its deals), made on first use. The name follows the
 * client's (deal's) current name: when it was renamed since, the folder is renamed here, lazily,
 * on the next document access.
 */
async function folderFor(scope: TenantScope, store: DocumentStore, clientId: string, deal: { id: string; title: string } | null): Promise<{ row: repo.FolderRow; folder: StoredFolder }> {
  const client = await findClient(scope, clientId);
  if (!client) throw notFound('The client');
  const resolve = async (dealId: string | null, name: string, parent: StoredFolder | null) => {
    const row = await repo.findFolder(scope, clientId, dealId, store.provider);
    if (!row) {
      const made = await store.ensureFolder(parent, name);
      const record = scope.newRecord();
      await repo.insertFolder(scope, { ...record, client_id: clientId, deal_id: dealId, provider: store.provider, item_id: made.id, name, web_url: made.webUrl });
      return { row: (await repo.findFolder(scope, clientId, dealId, store.provider))!, folder: made };
    }
    const folder = { id: row.item_id, name: row.name, webUrl: row.web_url };
    if (row.name === name) return { row, folder };
    const renamed = await store.renameFolder(folder, name);
    await scope.transaction(async (tx) => {
      await repo.updateFolder(tx, row.id, { name, item_id: renamed.id, web_url: renamed.webUrl });
      await repo.rewritePrefix(tx, clientId, 'item_id', row.item_id, renamed.id);
      if (row.web_url && renamed.webUrl) await repo.rewritePrefix(tx, clientId, 'web_url', row.web_url, renamed.webUrl);
    });
    return { row: { ...row, name, item_id: renamed.id, web_url: renamed.webUrl }, folder: renamed };
  };
  const clientFolder = await resolve(null, folderName(client.name, client.id), null);
  return deal ? resolve(deal.id, folderName(deal.title, deal.id), clientFolder.folder) : clientFolder;
}

/** Refuses programs and file types outside the allow-list (415), judged by name, declared type and first bytes. */
async function checkType(name: string, file: FileSource): Promise<void> {
  const head = Buffer.alloc(8);
  const fd = await fsp.open(file.path, 'r');
  try {
    await fd.read(head, 0, 8, 0);
  } finally {
    await fd.close();
  }
  if (!isAllowedExtension(name) || isExecutableType(file.contentType) || looksExecutable(head)) {
    throw new AppError('unsupported-media-type', `Files of this type cannot be stored (${path.extname(name) || 'no extension'}, ${file.contentType}). Programs and scripts are refused.`, [
      { path: 'file', message: 'File type not allowed' },
    ]);
  }
}

export interface StoreDocumentInput {
  clientId: string;
  dealId?: string | null;
  name: string;
  contentType: string;
  size: number;
  /** A file on disk (multer's temp file), or a stream that is spooled to a temp file first. */
  path?: string;
  stream?: Readable;
}

/**
 * Stores a file in the client's (or deal's) folder and records it. The API's upload and the
 * Outlook add-in's attachments both come through here. A taken name gets " (2)", " (3)" …;
 * if the store fails, no row is written, and if the row cannot be written, the file is removed.
 */
export async function storeDocument(scope: TenantScope, actor: DocumentActor, input: StoreDocumentInput): Promise<DocumentRecord> {
  assertCan(actor, 'document.upload');
  const { config } = documentsRuntime();
  if (input.size > config.uploadLimitBytes) {
    throw new AppError('payload-too-large', `Files may be at most ${Math.round(config.uploadLimitBytes / 1024 / 1024)} MB.`, [{ path: 'file', message: 'File too large' }]);
  }
  const client = await findClient(scope, input.clientId);
  if (!client) throw notFound('The client');
  let deal: { id: string; title: string } | null = null;
  if (input.dealId) {
    const row = await findDeal(scope, input.dealId);
    if (!row || row.client_id !== client.id || row.deleted_at) throw new AppError('unprocessable', 'The deal is not one of this client.', [{ path: 'dealId', message: 'Must be a deal of this client' }]);
    deal = { id: row.id, title: row.title };
  }
  const spooled = input.path ? null : path.join(os.tmpdir(), `crm-doc-${randomUUID()}`);
  try {
    if (spooled) {
      if (!input.stream) throw new Error('storeDocument needs a path or a stream');
      await pipeline(input.stream, fs.createWriteStream(spooled));
    }
    const file: FileSource = { path: input.path ?? spooled!, size: (await fsp.stat(input.path ?? spooled!)).size, contentType: input.contentType || 'application/octet-stream' };
    if (file.size > config.uploadLimitBytes) throw new AppError('payload-too-large', 'The file is larger than the upload limit.', [{ path: 'file', message: 'File too large' }]);
    const baseName = safeName(input.name);
    await checkType(baseName, file);

    const store = storeFor(actor);
    const { row: folderRow, folder } = await folderFor(scope, store, client.id, deal);
    const taken = await repo.namesInFolder(scope, folderRow.id);
    let stored = null;
    for (let n = 1; !stored && n <= maxNumbering; n++) {
      const name = numberedName(baseName, n);
      if (taken.has(name.toLowerCase())) continue;
      stored = await store.upload(folder, name, file).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'conflict') return null; // put there by hand: next number
        throw err;
      });
    }
    if (!stored) throw new AppError('conflict', `The folder already holds "${baseName}" and ${maxNumbering - 1} numbered copies. Rename the file.`, [{ path: 'file', message: 'Name taken' }]);

    const record = scope.newRecord();
    try {
      await repo.insertDocument(scope, {
        ...record,
        client_id: client.id,
        deal_id: deal?.id ?? null,
        folder_id: folderRow.id,
        provider: store.provider,
        item_id: stored.id,
        name: stored.name,
        size: stored.size || file.size,
        content_type: file.contentType,
        web_url: stored.webUrl,
        uploaded_by: actor.id,
      });
    } catch (err) {
      await store.remove(stored.id).catch(() => undefined);
      throw err;
    }
    return getDocument(scope, record.id);
  } finally {
    if (spooled) await fsp.rm(spooled, { force: true });
  }
}

async function changeable(scope: TenantScope, actor: DocumentActor, id: string, permission: 'record.update' | 'record.delete', ifMatch: number | undefined) {
  const row = await repo.findDocument(scope, id);
  if (!row) throw notFound('The document');
  assertCan(actor, permission, row.uploaded_by);
  if (ifMatch !== undefined && ifMatch !== row.version) throw new AppError('precondition-failed', 'The document was changed by someone else meanwhile.', undefined, { currentVersion: row.version });
  return row;
}

export async function openDocument(scope: TenantScope, actor: DocumentActor, id: string): Promise<{ document: DocumentRecord; stream: Readable }> {
  const row = await repo.findDocument(scope, id);
  if (!row) throw notFound('The document');
  const { stream } = await storeFor(actor).download(row.item_id);
  return { document: toDocument(row), stream };
}

/** Renames in the store too. A name already in the folder is a 409 here: renaming is explicit, so no silent numbering. */
export async function renameDocument(scope: TenantScope, actor: DocumentActor, id: string, rawName: string, ifMatch: number | undefined): Promise<DocumentRecord> {
  const row = await changeable(scope, actor, id, 'record.update', ifMatch);
  const name = safeName(rawName);
  if (!isAllowedExtension(name)) {
    throw new AppError('unsupported-media-type', 'The new name must keep an allowed file type.', [{ path: 'name', message: 'File type not allowed' }]);
  }
  if (name === row.name) return toDocument(row);
  const taken = await repo.namesInFolder(scope, row.folder_id);
  if (taken.has(name.toLowerCase()) && name.toLowerCase() !== row.name.toLowerCase()) {
    throw new AppError('conflict', `The folder already holds "${name}".`, [{ path: 'name', message: 'Name taken' }]);
  }
  const stored = await storeFor(actor).rename(row.item_id, name);
  if (!(await repo.updateDocument(scope, id, { name: stored.name, item_id: stored.id, web_url: stored.webUrl }, row.version, actor.id))) {
    throw new AppError('precondition-failed', 'The document was changed by someone else meanwhile.');
  }
  return getDocument(scope, id);
}

/** Deletes the file from the store first: if that fails, the document stays listed. */
export async function deleteDocument(scope: TenantScope, actor: DocumentActor, id: string, ifMatch: number | undefined): Promise<void> {
  const row = await changeable(scope, actor, id, 'record.delete', ifMatch);
  await storeFor(actor).remove(row.item_id);
  await repo.updateDocument(scope, id, { deleted_at: new Date().toISOString() }, row.version, actor.id);
}
