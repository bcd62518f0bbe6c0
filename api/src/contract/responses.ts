/** Shapes every response shares: problem details and pages. */
/** Every error the API can answer, with its status; the code is the last part of the problem `type` (`/problems/<code>`). */
export const problemCodes = {
  'malformed-json': 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'consent-required': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'too-many-requests': 429,
  internal: 500,
  'service-unavailable': 503,
} as const;

export type ProblemCode = keyof typeof problemCodes;

export interface FieldError {
  path: string;
  message: string;
}

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
