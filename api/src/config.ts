import { z } from 'zod';

/**
 * Every setting the server reads, validated once at start so a bad value fails fast
 * with the variable's name. docs/configuration.md documents each one.
 */
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).default('sqlite:./data/crm.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  AAD_TENANT_ID: z.union([guid, z.enum(['common', 'organizations'])]).optional(),
  AAD_CLIENT_ID: guid.optional(),
  AAD_ALLOWED_TENANTS: z.string().optional(),
  AAD_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  API_AUDIENCE: z.string().optional(),
  INACTIVE_DEAL_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  GRAPH_CLIENT_ID: guid.optional(),
  AAD_CLIENT_SECRET: z.string().min(1).optional(),
  AAD_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
  AAD_CLIENT_CERTIFICATE_THUMBPRINT: z.string().regex(/^[0-9a-f]{40}$|^[0-9a-f]{64}$/i, 'must be a SHA-1 or SHA-256 hex thumbprint').optional(),
  SHAREPOINT_SITE_ID: z.string().min(1).optional(),
  SHAREPOINT_SITE_URL: z.url().optional(),
  SHAREPOINT_LIBRARY: z.string().min(1).max(255).default('CRM Clients'),
  DOCUMENTS_STORE: z.enum(['local', 'sharepoint']).optional(),
  DOCUMENTS_DIR: z.string().min(1).default('./data/documents'),
  UPLOAD_LIMIT_MB: z.coerce.number().min(1).max(250).default(25),
  MEETINGS_STORE: z.enum(['local', 'graph']).optional(),
  OFFICE_JS_URL: z.url().optional(),
  ARES_BASE_URL: z.url().default('https://ares.gov.cz/ekonomicke-subjekty-v-be/rest'),
  PL_VAT_BASE_URL: z.url().default('https://wl-api.mf.gov.pl'),
  ANAF_BASE_URL: z.url().default('https://webservicesp.anaf.ro'),
  VIES_BASE_URL: z.url().default('https://ec.europa.eu/taxation_customs/vies/rest-api'),
  REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  BOT_CLIENT_ID: guid.optional(),
  BOT_CLIENT_SECRET: z.string().min(1).optional(),
  BOT_TENANT_ID: guid.optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface AuthConfig {
  mode: 'dev' | 'entra';
  /** Accepted `aud` values. */
  audiences: string[];
  /** Entra only: the authority host, tenant (or common) and allowed tenants. */
  entra?: { authorityHost: string; tenant: string; clientId: string; allowedTenants: string[] | null };
}

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  publicUrl: string;
  databaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  seedDemo: boolean;
  auth: AuthConfig;
  inactiveDealDays: number;
  graph: GraphConfig;
  /** Where the Outlook task pane loads office.js from; null serves the @microsoft/office-js package's copy. */
  officeJsUrl: string | null;
  /** Public company registries (ARES, PL VAT white list, ANAF, VIES). */
  registries: { ares: string; plVat: string; anaf: string; vies: string; timeoutMs: number };
  /** Teams bot credentials; null in embedded mode (then only callers on this machine reach the bot). */
  bot: { clientId: string; clientSecret: string; tenantId?: string } | null;
}

/** Microsoft Graph access (documents in SharePoint, meetings in Outlook). */
export interface GraphConfig {
  /** Null when no app credentials are configured: documents and meetings stay local. */
  credentials: { clientId: string; authorityHost: string; secret?: string; certificate?: { path: string; thumbprint: string } } | null;
  baseUrl: string;
  site: { id?: string; url?: string } | null;
  library: string;
  documentsStore: 'local' | 'sharepoint';
  documentsDir: string;
  uploadLimitBytes: number;
  meetingsStore: 'local' | 'graph';
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const entraConfigured = Boolean(e.AAD_CLIENT_ID);
  if (e.NODE_ENV === 'production' && !entraConfigured) {
    throw new ConfigError('Invalid configuration:\n  AAD_CLIENT_ID: required when NODE_ENV=production (the development sign-in is refused there)');
  }
  if (e.NODE_ENV === 'production' && !(e.BOT_CLIENT_ID && e.BOT_CLIENT_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  BOT_CLIENT_ID, BOT_CLIENT_SECRET: required when NODE_ENV=production (the bot would otherwise accept unauthenticated activities from this machine)');
  }
  const auth: AuthConfig = entraConfigured
    ? {
        mode: 'entra',
        audiences: [e.AAD_CLIENT_ID!, e.API_AUDIENCE ?? `api://${new URL(publicUrl).host}/${e.AAD_CLIENT_ID}`],
        entra: {
          authorityHost: e.AAD_AUTHORITY_HOST.replace(/\/$/, ''),
          tenant: e.AAD_TENANT_ID ?? 'organizations',
          clientId: e.AAD_CLIENT_ID!,
          allowedTenants: e.AAD_ALLOWED_TENANTS
            ? e.AAD_ALLOWED_TENANTS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)
            : null,
        },
      }
    : { mode: 'dev', audiences: [e.API_AUDIENCE ?? 'api://crm-dev'] };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'true',
    auth,
    inactiveDealDays: e.INACTIVE_DEAL_DAYS,
    graph: graphConfig(e),
    officeJsUrl: e.OFFICE_JS_URL ?? null,
    registries: {
      ares: e.ARES_BASE_URL.replace(/\/$/, ''),
      plVat: e.PL_VAT_BASE_URL.replace(/\/$/, ''),
      anaf: e.ANAF_BASE_URL.replace(/\/$/, ''),
      vies: e.VIES_BASE_URL.replace(/\/$/, ''),
      timeoutMs: e.REGISTRY_TIMEOUT_MS,
    },
    bot: e.BOT_CLIENT_ID && e.BOT_CLIENT_SECRET ? { clientId: e.BOT_CLIENT_ID, clientSecret: e.BOT_CLIENT_SECRET, tenantId: e.BOT_TENANT_ID } : null,
  };
}

function graphConfig(e: Env): GraphConfig {
  const clientId = e.GRAPH_CLIENT_ID ?? e.AAD_CLIENT_ID;
  if (e.AAD_CLIENT_CERTIFICATE_PATH && !e.AAD_CLIENT_CERTIFICATE_THUMBPRINT) {
    throw new ConfigError('Invalid configuration:\n  AAD_CLIENT_CERTIFICATE_THUMBPRINT: required with AAD_CLIENT_CERTIFICATE_PATH');
  }
  const certificate = e.AAD_CLIENT_CERTIFICATE_PATH ? { path: e.AAD_CLIENT_CERTIFICATE_PATH, thumbprint: e.AAD_CLIENT_CERTIFICATE_THUMBPRINT! } : undefined;
  const credentials = clientId && (e.AAD_CLIENT_SECRET || certificate) ? { clientId, authorityHost: e.AAD_AUTHORITY_HOST.replace(/\/$/, ''), secret: e.AAD_CLIENT_SECRET, certificate } : null;
  const site = e.SHAREPOINT_SITE_ID || e.SHAREPOINT_SITE_URL ? { id: e.SHAREPOINT_SITE_ID, url: e.SHAREPOINT_SITE_URL } : null;
  const documentsStore = e.DOCUMENTS_STORE ?? (credentials && site ? 'sharepoint' : 'local');
  if (documentsStore === 'sharepoint' && !(credentials && site)) {
    throw new ConfigError('Invalid configuration:\n  DOCUMENTS_STORE: sharepoint needs app credentials (AAD_CLIENT_ID or GRAPH_CLIENT_ID with AAD_CLIENT_SECRET or a certificate) and SHAREPOINT_SITE_ID or SHAREPOINT_SITE_URL');
  }
  const meetingsStore = e.MEETINGS_STORE ?? (credentials ? 'graph' : 'local');
  if (meetingsStore === 'graph' && !credentials) {
    throw new ConfigError('Invalid configuration:\n  MEETINGS_STORE: graph needs app credentials (AAD_CLIENT_ID or GRAPH_CLIENT_ID with AAD_CLIENT_SECRET or a certificate)');
  }
  return {
    credentials,
    baseUrl: e.GRAPH_BASE_URL.replace(/\/$/, ''),
    site,
    library: e.SHAREPOINT_LIBRARY,
    documentsStore,
    documentsDir: e.DOCUMENTS_DIR,
    uploadLimitBytes: Math.round(e.UPLOAD_LIMIT_MB * 1024 * 1024),
    meetingsStore,
  };
}
