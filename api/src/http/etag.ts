import type { Request, Response } from 'express';
import { AppError } from './errors.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function sendWithEtag(res: Response, record: { version: number }, status = 200): void {
  res.status(status).setHeader('ETag', etagOf(record.version));
  res.json(record);
}

/**
 * The version the caller last saw, from If-Match. Absent means "no precondition"; a value
 * that is not one of our ETags can never match, so it answers 412 like a stale one.
 */
export function expectedVersion(req: Request): number | undefined {
  const header = req.get('If-Match');
  if (!header || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new AppError('precondition-failed', 'If-Match does not name a version of this record.');
  return Number(match[1]);
}
