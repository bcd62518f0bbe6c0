import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Express } from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/connect.js';
import { authenticate } from './auth/authenticate.js';
import { createDevIssuer, type DevIssuer } from './auth/dev-issuer.js';
import { entraVerifier, type TokenVerifier } from './auth/token-verifier.js';
import { problemHandler, unknownRoute } from './http/errors.js';
import { requestLog } from './http/request-log.js';
import { contextFactory, type ContextOf } from './http/request-scope.js';
import { openApiDocument } from './openapi/registry.js';
import { clientsRoutes } from './features/clients/clients.routes.js';
import { contactsRoutes } from './features/contacts/contacts.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { usersRoutes } from './features/users/users.routes.js';
import { stagesRoutes } from './features/stages/stages.routes.js';
import { dealsRoutes } from './features/deals/deals.routes.js';
import { leadsRoutes } from './features/leads/leads.routes.js';
import { activitiesRoutes } from './features/activities/activities.routes.js';
import { reportsRoutes } from './features/reports/reports.routes.js';
import { documentsRoutes } from './features/documents/documents.routes.js';
import { meetingsRoutes } from './features/meetings/meetings.routes.js';
import { graphRuntime } from './graph/graph-runtime.js';
import { attachBot } from '../../bot/src/bot-app.js';
import { emailBodyLimit, emailsRoutes } from './features/emails/emails.routes.js';
import { registryRoutes } from './features/registry/registry.routes.js';
import { createRegistryService, type RegistryService } from './features/registry/registry.service.js';
import type { App } from '@microsoft/teams.apps';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
}

export interface CrmApp {
  app: Express;
  /** Present in embedded/dev mode only. */
  devIssuer: DevIssuer | null;
  verifier: TokenVerifier;
  /** The Teams SDK app behind /api/messages (proactive sends need it). */
  bot: App;
  /** Registry look-ups, shared with the background job worker. */
  registry: RegistryService;
}


/** Hosts that may frame the tab and task pane (Teams, Outlook, Microsoft 365 app). */
const frameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

export async function createApp({ config, database, logger }: AppOptions): Promise<CrmApp> {
  const devIssuer = config.auth.mode === 'dev' && config.env !== 'production' ? await createDevIssuer(config) : null;
  const verifier = devIssuer ? devIssuer.verifier : entraVerifier(config.auth);
  const ctx = contextFactory(database);
  const registry = createRegistryService(config.registries, logger);
  /** Every feature's router, mounted under /api/v1 behind authentication. */
  const featureRoutes: ((ctx: ContextOf) => Router)[] = [
    usersRoutes,
    clientsRoutes,
    contactsRoutes,
    searchRoutes,
    stagesRoutes,
    (c) => dealsRoutes(c, { inactiveDealDays: config.inactiveDealDays }),
    leadsRoutes,
    activitiesRoutes,
    reportsRoutes,
    (c) => documentsRoutes(c, graphRuntime(config.graph)),
    (c) => meetingsRoutes(c, graphRuntime(config.graph)),
    emailsRoutes,
    (c) => registryRoutes(c, registry),
  ];

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.set('query parser', 'simple');
  // Records carry their own ETag (their version, for If-Match); hashing every list and timeline
  // body for a weak ETag nobody revalidates cost more than it saved. Static files keep theirs.
  app.set('etag', false);

  app.use(requestLog(logger, (path) => path === '/healthz' || path === '/readyz'));
  app.use(
    helmet({
      frameguard: false,
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': frameAncestors,
          'script-src': ["'self'", 'https://res.cdn.office.net', 'https://appsforoffice.microsoft.com'],
          // teams-js reads its list of valid host origins from res.cdn.office.net inside Teams.
          'connect-src': ["'self'", 'https://login.microsoftonline.com', 'https://res.cdn.office.net'],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await sql`select 1 as ok`.execute(database.db);
      res.json({ status: 'ok', database: database.dialect });
    } catch {
      res.status(503).type('application/problem+json').json({ type: '/problems/service-unavailable', title: 'Service unavailable', status: 503, detail: 'The database does not answer.' });
    }
  });

  if (devIssuer) app.use('/auth/dev', devIssuer.router());

  const spec = openApiDocument(config.publicUrl);
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(spec);
  });
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(spec, { customSiteTitle: 'CRM API' }));

  const api = Router();
  api.use(authenticate(verifier, database.db));
  const json = express.json({ limit: '1mb' });
  const emailJson = express.json({ limit: emailBodyLimit });
  // Reading an empty body still runs the stream machinery; only methods with bodies need it.
  api.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return next();
    return (req.path === '/emails' ? emailJson : json)(req, res, next);
  });
  for (const routes of featureRoutes) api.use(routes(ctx));
  app.use('/api/v1', api);
  const bot = await attachBot(app, { database, logger, publicUrl: config.publicUrl, credentials: config.bot });

  // What the tab needs to sign in with Nested App Authentication inside Teams and Outlook.
  app.get('/tab/config.json', (_req, res) => {
    const entra = config.auth.entra;
    res.json({
      clientId: entra?.clientId ?? null,
      apiScope: entra ? `${config.auth.audiences[1]}/access_as_user` : null,
      authority: `${entra?.authorityHost ?? 'https://login.microsoftonline.com'}/${entra?.tenant ?? 'organizations'}`,
    });
  });
  // office.js for the Outlook task pane: Microsoft's CDN in production, the npm package's copy offline.
  if (config.officeJsUrl) {
    const officeJsUrl = config.officeJsUrl;
    app.get('/outlook/office/office.js', (_req, res) => res.redirect(302, officeJsUrl));
  } else {
    app.use('/outlook/office', express.static(path.resolve('node_modules/@microsoft/office-js/dist'), { maxAge: '1d', index: false }));
  }
  for (const [mount, dir] of [
    ['/tab', 'dist/tab'],
    ['/outlook', 'dist/outlook'],
  ] as const) {
    const full = path.resolve(dir);
    if (fs.existsSync(full)) app.use(mount, express.static(full, { index: 'index.html', maxAge: '1h' }));
  }
  app.get('/', (_req, res) => {
    res.redirect('/tab/');
  });

  app.use(unknownRoute);
  app.use(problemHandler);
  return { app, devIssuer, verifier, bot, registry };
}
