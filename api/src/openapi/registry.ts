import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests: each
 * routes file describes its paths here, next to the handlers.
 */
export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });

interface Documented {
  method: RouteConfig['method'];
  path: string;
  summary: string;
  tags: string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status → schema of the JSON answer (or null for an empty one). */
  responses: Record<number, z.ZodType | null>;
  public?: boolean;
}

/** Registers one operation; every authenticated one also documents 401/403 and validation errors. */
export function document(op: Documented): void {
  const responses: RouteConfig['responses'] = {};
  for (const [status, schema] of Object.entries(op.responses)) {
    responses[Number(status)] = schema ? { description: 'OK', content: { 'application/json': { schema } } } : { description: 'No content' };
  }
  responses[400] = problemResponse('Invalid request (malformed JSON, unknown or invalid fields)');
  if (!op.public) {
    responses[401] = problemResponse('Missing or invalid token');
    responses[403] = problemResponse('Your role does not allow this');
  }
  if (op.path.includes('{id}')) responses[404] = problemResponse('Not found (or in another tenant)');
  registry.registerPath({
    method: op.method,
    path: op.path,
    summary: op.summary,
    tags: op.tags,
    security: op.public ? [] : [{ bearer: [] }],
    request: {
      params: op.params,
      query: op.query,
      body: op.body ? { content: { 'application/json': { schema: op.body } } } : undefined,
    },
    responses,
  });
}

export function openApiDocument(serverUrl: string) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'CRM for Microsoft 365 API', version: '1.0.0', description: 'Clients, contacts, deals and activities. Errors are RFC 9457 problem+json.' },
    servers: [{ url: `${serverUrl}/api/v1` }],
  });
}

export const idParams = z.object({ id: z.uuid() });
