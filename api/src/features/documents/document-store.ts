import type { Readable } from 'node:stream';

/** A folder in the store: the store's own id, its name and where people open it. */
export interface StoredFolder {
  id: string;
  name: string;
  webUrl: string | null;
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
  webUrl: string | null;
}

/** A file waiting on local disk (multer's temp file): stores read it in pieces, never whole. */
export interface FileSource {
  path: string;
  size: number;
  contentType: string;
}

/**
 * Where document bytes live: a SharePoint library through Graph, or a directory on local
 * disk. Both answer in the same shapes, so the documents service does not know which it has.
 * A name already taken in a folder throws AppError('conflict').
 */
export interface DocumentStore {
  readonly provider: 'sharepoint' | 'local';
  /** The folder `name` under `parent` (the library root when null), created when missing. */
  ensureFolder(parent: StoredFolder | null, name: string): Promise<StoredFolder>;
  /** Renames a folder; the local store's ids are paths, so the id may change. */
  renameFolder(folder: StoredFolder, name: string): Promise<StoredFolder>;
  list(folder: StoredFolder, page: { limit: number; cursor?: string }): Promise<{ items: StoredFile[]; nextCursor: string | null }>;
  upload(folder: StoredFolder, name: string, file: FileSource): Promise<StoredFile>;
  download(fileId: string): Promise<{ stream: Readable; size: number | null }>;
  rename(fileId: string, name: string): Promise<StoredFile>;
  remove(fileId: string): Promise<void>;
}
