import express, { Router } from 'express';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { z } from 'zod';
import type { Config } from '../config.js';
import { body } from '../http/validate.js';
import { roles } from './roles.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';
import { demoUsers } from '../db/seed/demo-people.js';
import { devLoginScript, renderDevLoginPage } from './dev-login-page.js';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Must be a GUID');

export const devTokenRequestSchema = z.strictObject({
  tenantId: guid,
  userId: guid,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  roles: z.array(z.enum([...roles, ...roles.map((r) => `CRM.${r}` as const)])).max(4).default(['User']),
});

const lifetimeSeconds = 3600;

export interface DevIssuer {
  issuer: string;
  verifier: TokenVerifier;
  issue(input: z.input<typeof devTokenRequestSchema>): Promise<string>;
  router(): Router;
}

/**
 * A small OpenID-style issuer for embedded mode and tests: its own RS256 key, discovery, JWKS
 * and a token endpoint. Its tokens go through the same verifier as Entra's. The server never
 * mounts it in production or when Entra is configured (see app.ts and config.ts).
 */
export async function createDevIssuer(config: Config): Promise<DevIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const issuer = `${config.publicUrl}/auth/dev`;
  const audience = config.auth.audiences[0]!;
  const verifier = createTokenVerifier({
    getKey: createLocalJWKSet({ keys: [jwk] }),
    audiences: config.auth.audiences,
    issuerFor: () => issuer,
    allowedTenants: null,
  });

  async function issue(input: z.input<typeof devTokenRequestSchema>): Promise<string> {
    const req = devTokenRequestSchema.parse(input);
    return new SignJWT({
      tid: req.tenantId.toLowerCase(),
      oid: req.userId.toLowerCase(),
      name: req.name,
      preferred_username: req.email,
      roles: req.roles.map((r) => (r.startsWith('CRM.') ? r : `CRM.${r}`)),
      scp: 'access_as_user',
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(req.userId.toLowerCase())
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(privateKey);
  }

  function router(): Router {
    const r = Router();
    r.use(express.json({ limit: '16kb' }));
    r.get('/.well-known/openid-configuration', (_req, res) => {
      res.json({
        issuer,
        jwks_uri: `${issuer}/jwks`,
        token_endpoint: `${issuer}/token`,
        authorization_endpoint: `${issuer}/login`,
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['token'],
        subject_types_supported: ['public'],
      });
    });
    r.get('/jwks', (_req, res) => {
      res.json({ keys: [jwk] });
    });
    r.get('/users', (_req, res) => {
      res.json({ items: demoUsers });
    });
    r.post('/token', async (req, res) => {
      const input = body(req, devTokenRequestSchema);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ access_token: await issue(input), token_type: 'Bearer', expires_in: lifetimeSeconds });
    });
    r.get('/login', (_req, res) => {
      res.type('html').send(renderDevLoginPage(demoUsers));
    });
    r.get('/login.js', (_req, res) => {
      res.type('text/javascript').send(devLoginScript);
    });
    return r;
  }

  return { issuer, verifier, issue, router };
}
