import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startGraphStandin, type GraphStandin } from '../../../test/standins/graph/graph-standin.js';
import { AppError } from '../http/errors.js';
import { GraphTokens, type GraphIdentity } from './graph-tokens.js';
import { createGraphAccess, type GraphAccess } from './graph-client.js';

let standin: GraphStandin;
let graph: GraphAccess;
const tenantId = randomUUID();
const jwt = (claims: object) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const person = (): GraphIdentity => {
  const oid = randomUUID();
  return { kind: 'user', tenantId, oid, assertion: jwt({ oid, tid: tenantId }) };
};

beforeAll(async () => {
  standin = await startGraphStandin();
  const tokens = new GraphTokens({ clientId: randomUUID(), authorityHost: standin.url, secret: 'test-secret' }, standin.url);
  graph = createGraphAccess(tokens, standin.url);
});
afterEach(() => standin.clearFaults());
afterAll(() => standin.stop());

async function problemOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('Graph access through msal-node and the Graph client', () => {
  it('when a person calls Graph, then an on-behalf-of token is fetched once, cached, and sent as the bearer', async () => {
    const who = person();
    const before = standin.tokenRequests.length;
    await graph.call(who, (c) => c.api('/drives/' + standin.driveId + '/root').get());
    await graph.call(who, (c) => c.api('/drives/' + standin.driveId + '/root').get());
    const asked = standin.tokenRequests.slice(before);
    expect(asked).toEqual([{ grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', tenant: tenantId }]);
    expect(standin.requests.slice(-2).every((r) => r.authorized)).toBe(true);
  });

  it('when the app works in the background, then it uses a client-credentials token for the tenant', async () => {
    const before = standin.tokenRequests.length;
    await graph.call({ kind: 'app', tenantId }, (c) => c.api(`/sites/${standin.siteId}/drives`).get());
    expect(standin.tokenRequests.slice(before)).toEqual([{ grantType: 'client_credentials', tenant: tenantId }]);
    expect(standin.requests.at(-1)?.authorized).toBe(true);
  });

  it('when Graph answers 429 with Retry-After once, then the call is retried and succeeds', async () => {
    standin.fail({ status: 429, retryAfter: 1, times: 1, match: (_m, p) => p.endsWith('/root') });
    const before = standin.requests.length;
    const root = await graph.call(person(), (c) => c.api(`/drives/${standin.driveId}/root`).get());
    expect(root.id).toBe(standin.rootId);
    expect(standin.requests.length - before).toBe(2);
  });

  it('when Graph keeps answering 429, then the retries stop and a 503 problem carries Retry-After', async () => {
    standin.fail({ status: 429, retryAfter: 0, times: 20, match: (_m, p) => p.endsWith('/root') });
    const before = standin.requests.length;
    const problem = await problemOf(graph.call(person(), (c) => c.api(`/drives/${standin.driveId}/root`).get()));
    expect(problem.status).toBe(503);
    expect(problem.extra?.retryAfter).toBe(1);
    expect(standin.requests.length - before).toBe(4);
    standin.clearFaults();
  });

  it('when Graph asks to wait longer than a request may hold, then the caller gets 503 at once with that Retry-After', async () => {
    standin.fail({ status: 503, retryAfter: 120, times: 1, match: (_m, p) => p.endsWith('/root') });
    const problem = await problemOf(graph.call(person(), (c) => c.api(`/drives/${standin.driveId}/root`).get()));
    expect(problem.code).toBe('service-unavailable');
    expect(problem.extra?.retryAfter).toBe(120);
  });

  it('when the person has not consented, then the problem is consent-required', async () => {
    standin.refuseConsent(true);
    try {
      const problem = await problemOf(graph.call(person(), (c) => c.api(`/drives/${standin.driveId}/root`).get()));
      expect(problem.code).toBe('consent-required');
      expect(problem.status).toBe(403);
    } finally {
      standin.refuseConsent(false);
    }
  });

  it('when Graph answers 403, then the problem is consent-required', async () => {
    standin.fail({ status: 403, code: 'accessDenied', times: 1 });
    const problem = await problemOf(graph.call(person(), (c) => c.api(`/drives/${standin.driveId}/root`).get()));
    expect(problem.code).toBe('consent-required');
  });

  it('when Graph refuses a cached token with 401, then a fresh token is fetched and the call repeated', async () => {
    const who = person();
    await graph.call(who, (c) => c.api(`/drives/${standin.driveId}/root`).get());
    standin.fail({ status: 401, code: 'InvalidAuthenticationToken', times: 1 });
    const before = standin.tokenRequests.length;
    const root = await graph.call(who, (c) => c.api(`/drives/${standin.driveId}/root`).get());
    expect(root.id).toBe(standin.rootId);
    expect(standin.tokenRequests.length - before).toBe(1);
  });
});
