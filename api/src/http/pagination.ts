import { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Keyset pagination: the cursor is the sort key and id of the last row served, encoded
 * opaquely. The next page asks for rows strictly after it, so no OFFSET scans.
 */
export type { Page } from '../contract/responses.js';
import type { Page } from '../contract/responses.js';

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

export type CursorKey = [string | number | null, string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const validSortKey = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number';
    if (Array.isArray(key) && key.length === 2 && typeof key[1] === 'string' && validSortKey(key[0])) {
      return key as CursorKey;
    }
  } catch {
    // fall through
  }
  throw new AppError('validation', 'The cursor is not one this API issued.', [{ path: 'cursor', message: 'Invalid cursor' }]);
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<R, T>(rows: R[], limit: number, key: (row: R) => CursorKey, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: more && last ? encodeCursor(key(last)) : null };
}
