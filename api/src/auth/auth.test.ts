import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';
import { newUser, startTestServer, type TestServer } from '../../../test/support/server.js';
import { loadConfig } from '../config.js';
import { can, permissions, rolesFromClaim, type Role } from './roles.js';
import { createTokenVerifier } from './token-verifier.js';
import { createLocalJWKSet, exportJWK } from 'jose';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function foreignToken(claims: Record<string, unknown>, opts: { issuer?: string; audience?: string; expiresIn?: string; key?: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"] } = {}) {
  const key = opts.key ?? (await generateKeyPair('RS256')).privateKey;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'someone-else' })
    .setIssuer(opts.issuer ?? server.crm.devIssuer!.issuer)
    .setAudience(opts.audience ?? 'api://crm-dev')
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '1h')
    .sign(key);
}

const get = (token?: string, header?: string) =>
  fetch(`${server.url}/api/v1/me`, { headers: header ? { authorization: header } : token ? { authorization: `Bearer ${token}` } : {} });

describe('bearer tokens', () => {
  it('when there is no token, then 401 problem+json', async () => {
    const res = await get();
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { type: string }).type).toBe('/problems/unauthorized');
  });

  it('when the header is not a bearer token, then 401', async () => {
    expect((await get(undefined, 'Basic dXNlcjpwYXNz')).status).toBe(401);
    expect((await get(undefined, 'Bearer not-a-jwt')).status).toBe(401);
  });

  it('when the token is signed by an unknown key, then 401 naming the key', async () => {
    const res = await get(await foreignToken({ tid: crypto.randomUUID(), oid: crypto.randomUUID() }));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/unknown key/);
  });

  it('when a valid token comes first time, then the user is created from its claims', async () => {
    const u = newUser(['Manager']);
    const res = await server.call('GET', '/api/v1/me', { as: u });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenantId: u.tenantId, oid: u.userId, name: u.name, roles: ['Manager'] });
    const again = await server.call('GET', '/api/v1/me', { as: u });
    expect(again.body.id).toBe(res.body.id);
  });

  it('when the token names no CRM role, then the user only reads', () => {
    expect(rolesFromClaim(undefined)).toEqual(['Reader']);
    expect(rolesFromClaim(['Something.Else'])).toEqual(['Reader']);
    expect(rolesFromClaim(['CRM.Admin', 'CRM.User'])).toEqual(['User', 'Admin']);
  });

  it('when requests are logged, then no token or body is in the log', async () => {
    const u = newUser(['User']);
    const token = await server.tokenFor(u);
    await server.call('POST', '/api/v1/clients', { as: u, body: { kind: 'company', name: 'Secret Name s.r.o.' } });
    const log = server.logs.join('');
    expect(log).toContain('request completed');
    expect(log).not.toContain(token);
    expect(log).not.toContain('Secret Name');
  });
});

describe('the token verifier', () => {
  async function setup(allowedTenants: string[] | null = null) {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const verifier = createTokenVerifier({
      getKey: createLocalJWKSet({ keys: [jwk] }),
      audiences: ['api://crm'],
      issuerFor: (tid) => `https://login.example/${tid}/v2.0`,
      allowedTenants,
    });
    const sign = (claims: Record<string, unknown>, o: { aud?: string; iss?: string; exp?: number } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(o.iss ?? `https://login.example/${claims.tid}/v2.0`)
        .setAudience(o.aud ?? 'api://crm')
        .setExpirationTime(o.exp ?? Math.floor(Date.now() / 1000) + 600)
        .sign(privateKey);
    return { verifier, sign };
  }
  const tid = '11111111-2222-3333-4444-555555555555';
  const oid = '66666666-7777-8888-9999-000000000000';

  it('when everything is right, then the claims come back with roles', async () => {
    const { verifier, sign } = await setup();
    const v = await verifier.verify(await sign({ tid, oid, name: 'Eva', roles: ['CRM.Manager'] }));
    expect(v).toMatchObject({ tenantId: tid, oid, name: 'Eva', roles: ['Manager'] });
  });
  it('when the token has expired, then "expired"', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({ tid, oid }, { exp: Math.floor(Date.now() / 1000) - 3600 }))).rejects.toThrow(/expired/);
  });
  it('when the token is for another audience, then "another audience"', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({ tid, oid }, { aud: 'api://other' }))).rejects.toThrow(/another audience/);
  });
  it('when the token has no tenant or no user, then refused', async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({ oid }, { iss: 'https://login.example/x/v2.0' }))).rejects.toThrow(/no tenant/);
    await expect(verifier.verify(await sign({ tid }))).rejects.toThrow(/no tenant/);
  });
  it("when the issuer is not the token's tenant's, then refused", async () => {
    const { verifier, sign } = await setup();
    await expect(verifier.verify(await sign({ tid, oid }, { iss: 'https://login.example/99999999-2222-3333-4444-555555555555/v2.0' }))).rejects.toThrow(/issuer/);
  });
  it('when the tenant is not on the allow-list, then refused', async () => {
    const { verifier, sign } = await setup(['aaaaaaaa-2222-3333-4444-555555555555']);
    await expect(verifier.verify(await sign({ tid, oid }))).rejects.toThrow(/not allowed/);
  });
  it('when a verified token comes again, then the cached claims are reused until expiry', async () => {
    const { verifier, sign } = await setup();
    const token = await sign({ tid, oid });
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
  });
});

describe('the role table', () => {
  const cases: [Role, keyof typeof permissions, boolean, boolean][] = [
    // role, permission, on someone else's record, on own record
    ['Reader', 'record.read', true, true],
    ['Reader', 'record.create', false, false],
    ['Reader', 'record.update', false, false],
    ['User', 'record.create', true, true],
    ['User', 'record.update', false, true],
    ['User', 'record.delete', false, true],
    ['User', 'email.file', true, true],
    ['User', 'team.view', false, false],
    ['Manager', 'record.update', true, true],
    ['Manager', 'team.view', true, true],
    ['Manager', 'settings.manage', false, false],
    ['Admin', 'settings.manage', true, true],
    ['Admin', 'users.manage', true, true],
    ['Reader', 'document.upload', false, false],
    ['User', 'document.upload', true, true],
    ['Reader', 'meeting.schedule', false, false],
    ['User', 'meeting.schedule', true, true],
  ];
  it.each(cases)('when a %s asks for %s, then others: %s, own: %s', (role, permission, others, own) => {
    const me = { id: 'me', roles: [role] };
    expect(can(me, permission, 'someone-else')).toBe(others);
    expect(can(me, permission, 'me')).toBe(own);
  });
});

describe('the development issuer', () => {
  it('when in embedded mode, then discovery, JWKS and the login page answer', async () => {
    const discovery = await server.call('GET', '/auth/dev/.well-known/openid-configuration');
    expect(discovery.body.issuer).toBe(server.crm.devIssuer!.issuer);
    const jwks = await server.call('GET', '/auth/dev/jwks');
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(jwks.body.keys[0].d).toBeUndefined();
    const login = await fetch(`${server.url}/auth/dev/login`);
    expect(await login.text()).toContain('Development sign-in');
  });

  it('when the token request is bad, then 400 with the field', async () => {
    const res = await server.call('POST', '/auth/dev/token', { body: { tenantId: 'nope', userId: crypto.randomUUID(), name: 'X', roles: ['God'] } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['tenantId', 'roles.0']));
  });

  it('when Entra is configured, then the dev issuer is not mounted (404)', async () => {
    const entra = await startTestServer({ AAD_CLIENT_ID: crypto.randomUUID(), AAD_TENANT_ID: crypto.randomUUID(), AAD_AUTHORITY_HOST: 'https://127.0.0.1:9' });
    try {
      expect(entra.crm.devIssuer).toBeNull();
      expect((await entra.call('POST', '/auth/dev/token', { body: {} })).status).toBe(404);
      expect((await entra.call('GET', '/auth/dev/login')).status).toBe(404);
    } finally {
      await entra.stop();
    }
  });

  it('when NODE_ENV is production without Entra, then the server refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AAD_CLIENT_ID/);
  });
});
