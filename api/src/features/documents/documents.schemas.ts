import { z } from 'zod';
import { pageOf, recordMeta, uuid } from '../../contract/primitives.js';

export const documentProviders = ['sharepoint', 'local'] as const;

export const documentRecord = z
  .object({
    id: uuid,
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    clientId: uuid,
    dealId: uuid.nullable(),
    /** "Open in SharePoint"; null for the local store (download through `/documents/{id}/content`). */
    webUrl: z.string().nullable(),
    provider: z.enum(documentProviders),
    uploadedBy: uuid,
    ...recordMeta,
  })
  .meta({ id: 'Document' });
export type DocumentRecord = z.infer<typeof documentRecord>;

export const documentPage = pageOf(documentRecord, 'DocumentPage');

export const documentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

/** The multipart upload's text field next to `file`. */
export const documentUploadFields = z.strictObject({ dealId: uuid.optional() });

export const documentRename = z.strictObject({ name: z.string().trim().min(1, 'Must not be empty').max(200, 'At most 200 characters') }).meta({ id: 'DocumentRename' });
export type DocumentRename = z.infer<typeof documentRename>;

/** Shown in forms before uploading: the server enforces the same list (415 otherwise). */
export const allowedDocumentExtensions = [
  'pdf', 'doc', 'docx', 'dot', 'dotx', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'txt', 'csv', 'md', 'xml', 'json',
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'heic', 'eml', 'msg', 'ics', 'vcf', 'zip', 'isdoc', 'mp4', 'mp3', 'm4a', 'wav',
] as const;
