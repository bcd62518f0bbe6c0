import fs from 'node:fs';
import { ConfidentialClientApplication, AuthError, type Configuration } from '@azure/msal-node';
import type { GraphConfig } from '../config.js';
import { AppError } from '../http/errors.js';
import { fetchNetworkClient } from './entra-network.js';

type Credentials = NonNullable<GraphConfig['credentials']>;

/** Who the Graph call acts as: a signed-in person (on-behalf-of their API token) or the app itself. */
export type GraphIdentity = { kind: 'user'; tenantId: string; oid: string; assertion: string } | { kind: 'app'; tenantId: string };

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Tokens are renewed this long before they expire, so a call never starts with a dying one. */
const skewMs = 5 * 60_000;
const maxCached = 10_000;

/**
 * Entra's metadata for an authority, handed to msal-node up front: the shapes are fixed for
 * Entra ID v2, and msal then makes no discovery calls (offline stand-ins and one round trip less).
 */
function offlineMetadata(host: string, tenantId: string) {
  const base = `${host}/${tenantId}`;
  const authorityMetadata = {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    issuer: `${base}/v2.0`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
  };
  const authority = new URL(host).host;
  const cloudDiscoveryMetadata = {
    tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: authority, preferred_cache: authority, aliases: [authority] }],
  };
  return { authorityMetadata: JSON.stringify(authorityMetadata), cloudDiscoveryMetadata: JSON.stringify(cloudDiscoveryMetadata), knownAuthorities: [authority] };
}

/** AADSTS65001 and interaction_required mean a person (or an admin) must consent first. */
function isConsentError(err: AuthError): boolean {
  const text = `${err.errorCode} ${err.subError} ${err.errorMessage}`;
  return /AADSTS65001|consent_required|interaction_required|AADSTS650057/i.test(text);
}

/**
 * Access tokens for Graph, per person (on-behalf-of) and per tenant (client credentials),
 * cached until shortly before they expire. Safe to lose: a new process asks again.
 */
export class GraphTokens {
  private readonly apps = new Map<string, ConfidentialClientApplication>();
  private readonly cache = new Map<string, CachedToken>();
  private readonly scope: string;

  constructor(
    private readonly credentials: Credentials,
    graphBaseUrl: string,
  ) {
    this.scope = `${new URL(graphBaseUrl).origin}/.default`;
  }

  async token(who: GraphIdentity): Promise<string> {
    const key = who.kind === 'user' ? `u:${who.tenantId}:${who.oid}` : `a:${who.tenantId}`;
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt - skewMs > Date.now()) return hit.token;
    const result = await this.acquire(who);
    if (this.cache.size >= maxCached) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, result);
    return result.token;
  }

  /** Drops a token Graph refused (revoked or expired early), so the next call gets a new one. */
  forget(who: GraphIdentity): void {
    this.cache.delete(who.kind === 'user' ? `u:${who.tenantId}:${who.oid}` : `a:${who.tenantId}`);
  }

  // This class keeps the cache (per person, per tenant); msal's own would also hand an
  // on-behalf-of token to an app-only request, as both lack an account.
  private async acquire(who: GraphIdentity): Promise<CachedToken> {
    const app = this.appFor(who.tenantId);
    try {
      const result =
        who.kind === 'user'
          ? await app.acquireTokenOnBehalfOf({ oboAssertion: who.assertion, scopes: [this.scope], skipCache: true })
          : await app.acquireTokenByClientCredential({ scopes: [this.scope], skipCache: true });
      if (!result?.accessToken) throw new AppError('service-unavailable', 'Microsoft Entra ID returned no token for Microsoft Graph.');
      return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 10 * 60_000 };
    } catch (err) {
      if (err instanceof AuthError && isConsentError(err)) {
        throw new AppError('consent-required', 'The CRM needs your consent to use Microsoft 365 (files and calendar) on your behalf.', undefined, {
          scopes: ['Files.ReadWrite.All', 'Calendars.ReadWrite', 'OnlineMeetings.ReadWrite'],
        });
      }
      if (err instanceof AppError) throw err;
      throw new AppError('service-unavailable', 'Microsoft Entra ID did not issue a token for Microsoft Graph. Try again shortly.', undefined, { retryAfter: 30 });
    }
  }

  private appFor(tenantId: string): ConfidentialClientApplication {
    let app = this.apps.get(tenantId);
    if (!app) {
      const c = this.credentials;
      const auth: Configuration['auth'] = {
        clientId: c.clientId,
        authority: `${c.authorityHost}/${tenantId}`,
        ...offlineMetadata(c.authorityHost, tenantId),
        ...(c.certificate
          ? {
              clientCertificate: {
                ...(c.certificate.thumbprint.length === 64 ? { thumbprintSha256: c.certificate.thumbprint } : { thumbprint: c.certificate.thumbprint }),
                privateKey: fs.readFileSync(c.certificate.path, 'utf8'),
              },
            }
          : { clientSecret: c.secret }),
      };
      app = new ConfidentialClientApplication({ auth, system: { networkClient: fetchNetworkClient } });
      this.apps.set(tenantId, app);
    }
    return app;
  }
}
