import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../test/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the server', () => {
  it('when probed, then /healthz and /readyz answer ok', async () => {
    expect((await server.call('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await server.call('GET', '/readyz')).body).toMatchObject({ status: 'ok', database: 'sqlite' });
  });

  it('when asked for the OpenAPI document, then it is 3.1 and covers the routes and schemas', async () => {
    const doc = (await server.call('GET', '/api/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/clients', '/clients/{id}', '/clients/{id}/history', '/contacts/{id}', '/search', '/me']));
    expect(doc.components.schemas.ClientCreate.properties.kind.enum).toEqual(['company', 'person']);
    expect(doc.paths['/clients'].post.responses['401']).toBeDefined();
    const docs = await fetch(`${server.url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });

  it('when a route does not exist, then 404 problem+json without a stack', async () => {
    const res = await server.call('GET', '/api/v1/nothing-here', { as: newUser() });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/not-found', status: 404, title: 'Not found' });
    expect(JSON.stringify(res.body)).not.toMatch(/node_modules|\.ts:\d+/);
  });

  it('when a request arrives, then it gets a request id and security headers', async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const generated = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('graceful shutdown', () => {
  it('when SIGTERM-style stop comes during a request, then the request still completes and new connections are refused', async () => {
    const s = await startTestServer();
    const token = await s.tokenFor(newUser());
    const socket = net.connect(s.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    // Send the request head now and its body after stop() began: the request is in flight.
    const body = JSON.stringify({ kind: 'company', name: 'In Flight s.r.o.' });
    socket.write(`POST /api/v1/clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 50));
    const stopped = s.stop();
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    socket.write(body);
    await new Promise((r) => socket.once('close', r));
    await stopped;
    expect(Buffer.concat(chunks).toString()).toMatch(/^HTTP\/1\.1 201/);
  });
});
