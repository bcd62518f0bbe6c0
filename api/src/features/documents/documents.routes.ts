import os from 'node:os';
import fsp from 'node:fs/promises';
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { ContextOf } from '../../http/request-scope.js';
import { AppError } from '../../http/errors.js';
import { body, idFrom, query } from '../../http/validate.js';
import { expectedVersion, sendWithEtag } from '../../http/etag.js';
import { document, idParams, registry } from '../../openapi/registry.js';
import { bearerOf, configureDocuments, type DocumentActor, type DocumentsRuntime } from './documents-runtime.js';
import { documentListQuery, documentPage, documentRecord, documentRename, documentUploadFields } from './documents.schemas.js';
import * as service from './documents.service.js';

const tags = ['Documents'];
registry.registerPath({
  method: 'post',
  path: '/clients/{id}/documents',
  summary: "Upload a document into the client's folder (multipart: `file`, optional `dealId`); a taken name gets \" (2)\"",
  tags,
  security: [{ bearer: [] }],
  request: {
    params: idParams,
    body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }), dealId: z.uuid().optional() }) } } },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: documentRecord } } },
    404: { description: 'No such client (or in another tenant)' },
    413: { description: 'Larger than UPLOAD_LIMIT_MB' },
    415: { description: 'File type not allowed (programs, scripts)' },
    503: { description: 'Microsoft 365 busy: see Retry-After' },
  },
});
document({ method: 'get', path: '/clients/{id}/documents', summary: "A client's documents, newest first", tags, params: idParams, query: documentListQuery, responses: { 200: documentPage } });
document({ method: 'get', path: '/deals/{id}/documents', summary: "A deal's documents, newest first", tags, params: idParams, query: documentListQuery, responses: { 200: documentPage } });
document({ method: 'get', path: '/documents/{id}', summary: 'Document metadata (ETag), with the "open in SharePoint" webUrl', tags, params: idParams, responses: { 200: documentRecord } });
document({ method: 'get', path: '/documents/{id}/content', summary: 'The file, streamed', tags, params: idParams, responses: { 200: null } });
document({ method: 'patch', path: '/documents/{id}', summary: 'Rename (409 when the folder has the name)', tags, params: idParams, body: documentRename, responses: { 200: documentRecord } });
document({ method: 'delete', path: '/documents/{id}', summary: 'Delete the document and its file', tags, params: idParams, responses: { 204: null } });

/** Multer errors as problems: the size limit is 413, everything else about the form is 400. */
function receiveFile(upload: multer.Multer, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.single('file')(req, res, (err: unknown) => {
      if (!err) return resolve();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return reject(new AppError('payload-too-large', 'The file is larger than the upload limit.', [{ path: 'file', message: 'File too large' }]));
        return reject(new AppError('validation', `The upload form is not valid: ${err.message}.`, [{ path: err.field ?? 'file', message: err.message }]));
      }
      reject(new AppError('validation', 'The upload form could not be read.', [{ path: 'file', message: 'Malformed multipart body' }]));
    });
  });
}

export function documentsRoutes(ctx: ContextOf, runtime: DocumentsRuntime): Router {
  configureDocuments(runtime);
  const r = Router();
  const upload = multer({
    storage: multer.diskStorage({ destination: os.tmpdir() }),
    // One byte over the limit is enough to know it is too large; the rest is never read.
    limits: { fileSize: runtime.config.uploadLimitBytes, files: 1, fields: 5, fieldSize: 1024, parts: 7 },
    defParamCharset: 'utf8',
  });
  const actorOf = (req: Request): DocumentActor => ({ ...ctx(req).user, bearer: bearerOf(req) });

  r.post('/clients/:id/documents', async (req, res) => {
    const { scope } = ctx(req);
    const clientId = idFrom(req);
    await service.requireClient(scope, clientId); // 404 before reading a byte of the body
    if (!req.is('multipart/form-data')) throw new AppError('unsupported-media-type', 'Send the file as multipart/form-data in the field "file".');
    try {
      await receiveFile(upload, req, res);
      if (!req.file) throw new AppError('validation', 'The upload has no file.', [{ path: 'file', message: 'Required' }]);
      const fields = body(req, documentUploadFields);
      const created = await service.storeDocument(scope, actorOf(req), {
        clientId,
        dealId: fields.dealId,
        name: req.file.originalname,
        contentType: req.file.mimetype,
        size: req.file.size,
        path: req.file.path,
      });
      res.location(`/api/v1/documents/${created.id}`);
      sendWithEtag(res, created, 201);
    } finally {
      if (req.file) await fsp.rm(req.file.path, { force: true });
    }
  });

  r.get('/clients/:id/documents', async (req, res) => {
    const { scope } = ctx(req);
    res.json(await service.documentsOf(scope, { clientId: idFrom(req) }, query(req, documentListQuery)));
  });

  r.get('/deals/:id/documents', async (req, res) => {
    const { scope } = ctx(req);
    res.json(await service.documentsOf(scope, { dealId: idFrom(req) }, query(req, documentListQuery)));
  });

  r.get('/documents/:id', async (req, res) => {
    const { scope } = ctx(req);
    sendWithEtag(res, await service.getDocument(scope, idFrom(req)));
  });

  r.get('/documents/:id/content', async (req, res) => {
    const { scope } = ctx(req);
    const { document: doc, stream } = await service.openDocument(scope, actorOf(req), idFrom(req));
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    stream.on('error', (err) => res.destroy(err));
    stream.pipe(res);
  });

  r.patch('/documents/:id', async (req, res) => {
    const { scope } = ctx(req);
    const id = idFrom(req);
    sendWithEtag(res, await service.renameDocument(scope, actorOf(req), id, body(req, documentRename).name, expectedVersion(req)));
  });

  r.delete('/documents/:id', async (req, res) => {
    const { scope } = ctx(req);
    await service.deleteDocument(scope, actorOf(req), idFrom(req), expectedVersion(req));
    res.status(204).end();
  });

  return r;
}
