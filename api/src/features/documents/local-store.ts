import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../http/errors.js';
import type { DocumentStore, FileSource, StoredFile, StoredFolder } from './document-store.js';

const taken = (name: string) => new AppError('conflict', `The folder already holds "${name}".`);

/**
 * Documents on local disk (embedded mode): `<DOCUMENTS_DIR>/<tenant id>/<client folder>/<deal folder>/<file>`,
 * the same layout as the SharePoint library. Ids are paths relative to the tenant's directory.
 */
export function localStore(documentsDir: string, tenantId: string): DocumentStore {
  const root = path.resolve(documentsDir, tenantId);
  const full = (id: string) => {
    const resolved = path.resolve(root, id);
    // Ids come from our own rows, but a path must never leave the tenant's directory.
    if (resolved !== root && !resolved.startsWith(root + path.sep)) throw new AppError('not-found', 'The document was not found.');
    return resolved;
  };
  const idOf = (...parts: string[]) => path.posix.join(...parts);
  const fileOf = async (id: string): Promise<StoredFile> => {
    const stat = await fsp.stat(full(id)).catch(() => null);
    if (!stat?.isFile()) throw new AppError('not-found', 'The file is no longer in the document store.');
    return { id, name: path.posix.basename(id), size: stat.size, webUrl: null };
  };
  /** Moves without ever overwriting: a hard link fails when the target exists. */
  const moveExclusive = async (from: string, to: string, name: string) => {
    await fsp.link(from, to).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'EEXIST' ? taken(name) : err;
    });
    await fsp.unlink(from);
  };

  return {
    provider: 'local',
    async ensureFolder(parent, name) {
      const id = idOf(parent?.id ?? '', name);
      await fsp.mkdir(full(id), { recursive: true });
      return { id, name, webUrl: null };
    },
    async renameFolder(folder, name) {
      const id = idOf(path.posix.dirname(folder.id), name);
      if (id === folder.id) return folder;
      if (fs.existsSync(full(id))) throw taken(name);
      await fsp.rename(full(folder.id), full(id)).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
        await fsp.mkdir(full(id), { recursive: true });
      });
      return { id, name, webUrl: null };
    },
    async list(folder: StoredFolder, page) {
      const names = (await fsp.readdir(full(folder.id), { withFileTypes: true }).catch(() => []))
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort()
        .filter((n) => !page.cursor || n > page.cursor);
      const items = await Promise.all(names.slice(0, page.limit).map((n) => fileOf(idOf(folder.id, n))));
      return { items, nextCursor: names.length > page.limit ? names[page.limit - 1]! : null };
    },
    async upload(folder, name, file: FileSource) {
      const id = idOf(folder.id, name);
      await fsp.mkdir(full(folder.id), { recursive: true });
      await fsp.copyFile(file.path, full(id), fs.constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
        throw err.code === 'EEXIST' ? taken(name) : err;
      });
      return fileOf(id);
    },
    async download(fileId) {
      const file = await fileOf(fileId);
      return { stream: fs.createReadStream(full(fileId)), size: file.size };
    },
    async rename(fileId, name) {
      const id = idOf(path.posix.dirname(fileId), name);
      if (id !== fileId) await moveExclusive(full(fileId), full(id), name);
      return fileOf(id);
    },
    async remove(fileId) {
      await fsp.rm(full(fileId), { force: true });
    },
  };
}
