import type { Request } from 'express';
import { z } from 'zod';
import { AppError, zodFieldErrors } from './errors.js';

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation', `The ${where} has ${result.error.issues.length === 1 ? 'an invalid field' : 'invalid fields'}.`, zodFieldErrors(result.error));
  }
  return result.data;
}

/** A JSON body, validated by a strict schema (unknown fields are errors). */
export function body<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  if (req.body === undefined) {
    if (!req.is('application/json') && req.headers['content-length'] && req.headers['content-length'] !== '0') {
      throw new AppError('unsupported-media-type', 'Send the body as application/json.');
    }
  }
  return parse(schema, req.body ?? {}, 'request body');
}

export function query<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parse(schema, req.query, 'query string');
}

export function params<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parse(schema, req.params, 'path');
}

const idParam = z.object({ id: z.uuid({ message: 'Must be a UUID' }) });
/** The `:id` path parameter, which must be a UUID. */
export function idFrom(req: Request): string {
  return params(req, idParam).id;
}
