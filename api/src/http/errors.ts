import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

import { problemCodes, type FieldError, type ProblemCode } from '../contract/responses.js';

export { problemCodes, type FieldError, type ProblemCode };

const titles: Record<ProblemCode, string> = {
  'malformed-json': 'Malformed JSON',
  validation: 'Invalid request',
  unauthorized: 'Not signed in',
  forbidden: 'Not allowed',
  'consent-required': 'Consent required',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  conflict: 'Conflict',
  'precondition-failed': 'Changed meanwhile',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  unprocessable: 'Cannot be processed',
  'too-many-requests': 'Too many requests',
  internal: 'Internal error',
  'service-unavailable': 'Service unavailable',
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.status = problemCodes[code];
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} was not found.`);

export function problemBody(code: ProblemCode, detail: string, errors?: FieldError[], extra?: Record<string, unknown>) {
  return {
    type: `/problems/${code}`,
    title: titles[code],
    status: problemCodes[code],
    detail,
    ...(errors && errors.length ? { errors } : {}),
    ...extra,
  };
}

export function zodFieldErrors(error: z.ZodError, prefix: string[] = []): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: [...base, k].join('.'), message: 'Unknown field' }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}

/** 404 for any route nobody answers. */
export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('not-found', `No route for ${req.method} ${req.path}.`));
};

/** The one place that turns errors into RFC 9457 problem+json. Stack traces stay in the log. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let problem: ReturnType<typeof problemBody>;
  const e = err as { type?: string; status?: number; statusCode?: number; expose?: boolean; message?: string };
  if (err instanceof AppError) {
    problem = problemBody(err.code, err.detail, err.errors, err.extra);
    // A "busy" problem says when to come back, in the header clients look for.
    if (typeof err.extra?.retryAfter === 'number' && !res.headersSent) res.setHeader('Retry-After', String(err.extra.retryAfter));
  } else if (e.type === 'entity.parse.failed') {
    problem = problemBody('malformed-json', 'The request body is not valid JSON.');
  } else if (e.type === 'entity.too.large') {
    problem = problemBody('payload-too-large', 'The request body is larger than the limit.');
  } else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    problem = problemBody('unsupported-media-type', 'The request body encoding is not supported.');
  } else if (e.expose && typeof (e.status ?? e.statusCode) === 'number') {
    const status = (e.status ?? e.statusCode) as number;
    const code = (Object.keys(problemCodes) as ProblemCode[]).find((k) => problemCodes[k] === status) ?? 'validation';
    problem = problemBody(code, e.message ?? titles[code]);
  } else {
    req.log?.error({ err }, 'unhandled error');
    problem = problemBody('internal', 'Something went wrong on our side. The request id identifies it in the logs.');
  }
  if (res.headersSent) return;
  res.status(problem.status).type('application/problem+json').json({ ...problem, instance: req.originalUrl.split('?')[0], requestId: req.id });
};
