import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { GraphAccess } from '../../graph/graph-client.js';
import type { GraphIdentity } from '../../graph/graph-tokens.js';
import { AppError } from '../../http/errors.js';
import type { DocumentStore, FileSource, StoredFile, StoredFolder } from './document-store.js';

/** Graph takes files up to 4 MB in one PUT; larger ones go through an upload session. */
export const simpleUploadLimit = 4 * 1024 * 1024;
/** Session chunks must be multiples of 320 KiB; 10 × 320 KiB stays well under Graph's 60 MiB cap. */
export const chunkSize = 10 * 320 * 1024;
const chunkAttempts = 3;

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  webUrl?: string;
  '@microsoft.graph.downloadUrl'?: string;
}

export interface SharePointLocation {
  site: { id?: string; url?: string };
  library: string;
}

/** Drive and root ids per site and library: they never change, so one look-up per process. */
const drives = new Map<string, Promise<{ driveId: string; rootId: string }>>();

const asFile = (i: DriveItem): StoredFile => ({ id: i.id, name: i.name, size: i.size ?? 0, webUrl: i.webUrl ?? null });
const asFolder = (i: DriveItem): StoredFolder => ({ id: i.id, name: i.name, webUrl: i.webUrl ?? null });
const segment = (name: string) => encodeURIComponent(name);

async function readRange(fd: fs.promises.FileHandle, start: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await fd.read(buffer, 0, length, start);
  return buffer.subarray(0, bytesRead);
}

/**
 * A SharePoint document library through Microsoft Graph, acting as `who` (the person, on
 * behalf of their token, or the app in background work).
 */
export function sharePointStore(graph: GraphAccess, who: GraphIdentity, where: SharePointLocation): DocumentStore {
  const call = <T>(work: (c: Client) => Promise<T>) => graph.call(who, work);

  const drive = () => {
    const key = `${who.tenantId}|${where.site.id ?? where.site.url}|${where.library}`;
    let found = drives.get(key);
    if (!found) {
      found = (async () => {
        let siteId = where.site.id;
        if (!siteId) {
          const url = new URL(where.site.url!);
          siteId = (await call((c) => c.api(`/sites/${url.hostname}:${url.pathname.replace(/\/$/, '')}`).select('id').get())).id as string;
        }
        const list = (await call((c) => c.api(`/sites/${siteId}/drives`).select('id,name').get())).value as { id: string; name: string }[];
        const library = list.find((d) => d.name.toLowerCase() === where.library.toLowerCase());
        if (!library) throw new AppError('service-unavailable', `The SharePoint site has no document library named "${where.library}". Create it or set SHAREPOINT_LIBRARY.`, undefined, { retryAfter: 300 });
        const root = (await call((c) => c.api(`/drives/${library.id}/root`).select('id').get())) as DriveItem;
        return { driveId: library.id, rootId: root.id };
      })();
      found.catch(() => drives.delete(key));
      drives.set(key, found);
    }
    return found;
  };
  const items = async () => `/drives/${(await drive()).driveId}/items`;

  /** Sends the file in Content-Range chunks; after a failed chunk asks the session where to resume. */
  async function uploadInSession(uploadUrl: string, file: FileSource): Promise<DriveItem> {
    const fd = await fs.promises.open(file.path, 'r');
    try {
      let offset = 0;
      let failures = 0;
      for (;;) {
        const chunk = await readRange(fd, offset, Math.min(chunkSize, file.size - offset));
        const end = offset + chunk.length - 1;
        // Upload URLs are pre-authenticated: no Authorization header, as Graph's documentation requires.
        const res = await fetch(uploadUrl, { method: 'PUT', headers: { 'Content-Range': `bytes ${offset}-${end}/${file.size}`, 'Content-Length': String(chunk.length) }, body: chunk }).catch(() => null);
        if (res && (res.status === 200 || res.status === 201)) return (await res.json()) as DriveItem;
        if (res?.status === 409) throw new AppError('conflict', 'The folder already holds a file with this name.');
        if (res?.status === 202) {
          offset = end + 1;
          failures = 0;
          continue;
        }
        if (++failures >= chunkAttempts) {
          const retryAfter = Number(res?.headers.get('retry-after') ?? 30) || 30;
          throw new AppError('service-unavailable', 'SharePoint did not accept the upload. Nothing was saved; try again.', undefined, { retryAfter });
        }
        const status = await fetch(uploadUrl).then((r) => (r.ok ? (r.json() as Promise<{ nextExpectedRanges?: string[] }>) : null)).catch(() => null);
        const next = Number(status?.nextExpectedRanges?.[0]?.split('-')[0]);
        if (Number.isInteger(next)) offset = next;
      }
    } finally {
      await fd.close();
    }
  }

  return {
    provider: 'sharepoint',
    async ensureFolder(parent, name) {
      const parentId = parent?.id ?? (await drive()).rootId;
      const base = await items();
      try {
        return asFolder(await call((c) => c.api(`${base}/${parentId}/children`).post({ name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' })));
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'conflict')) throw err;
        // Made meanwhile (another request, or by hand in SharePoint): use it.
        return asFolder(await call((c) => c.api(`${base}/${parentId}:/${segment(name)}`).get()));
      }
    },
    async renameFolder(folder, name) {
      const base = await items();
      return asFolder(await call((c) => c.api(`${base}/${folder.id}`).patch({ name })));
    },
    async list(folder, page) {
      const base = await items();
      const next = page.cursor ? Buffer.from(page.cursor, 'base64url').toString('utf8') : null;
      const answer = await call((c) => (next ? c.api(next) : c.api(`${base}/${folder.id}/children`).top(page.limit)).get());
      const files = (answer.value as (DriveItem & { file?: object })[]).filter((i) => i.file).map(asFile);
      const link = answer['@odata.nextLink'] as string | undefined;
      return { items: files, nextCursor: link ? Buffer.from(link).toString('base64url') : null };
    },
    async upload(folder, name, file) {
      const base = await items();
      const target = `${base}/${folder.id}:/${segment(name)}:`;
      if (file.size < simpleUploadLimit) {
        const bytes = await fs.promises.readFile(file.path);
        return asFile(await call((c) => c.api(`${target}/content`).query({ '@microsoft.graph.conflictBehavior': 'fail' }).header('Content-Type', file.contentType).put(bytes)));
      }
      const session = (await call((c) => c.api(`${target}/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'fail', name } }))) as { uploadUrl: string };
      try {
        return asFile(await uploadInSession(session.uploadUrl, file));
      } catch (err) {
        // Leave nothing half-uploaded behind in SharePoint.
        await fetch(session.uploadUrl, { method: 'DELETE' }).catch(() => undefined);
        throw err;
      }
    },
    async download(fileId) {
      const base = await items();
      const item = (await call((c) => c.api(`${base}/${fileId}`).get())) as DriveItem;
      const url = item['@microsoft.graph.downloadUrl'];
      const res = url ? await fetch(url).catch(() => null) : null;
      if (!res?.ok || !res.body) throw new AppError('service-unavailable', 'SharePoint did not hand out the file. Try again.', undefined, { retryAfter: 5 });
      return { stream: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), size: item.size ?? null };
    },
    async rename(fileId, name) {
      const base = await items();
      return asFile(await call((c) => c.api(`${base}/${fileId}`).patch({ name })));
    },
    async remove(fileId) {
      const base = await items();
      await call((c) => c.api(`${base}/${fileId}`).delete()).catch((err: unknown) => {
        if (!(err instanceof AppError && err.code === 'not-found')) throw err;
      });
    },
  };
}
