import express, { type Express } from 'express';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/src/db/database.js';
import type { DatabaseHandle } from '../../api/src/db/connect.js';
import { TenantScope } from '../../api/src/db/tenant-scope.js';
import { findUserByEntraIds } from '../../api/src/features/users/users.repository.js';
import { parseCommand } from './commands/parse.js';
import { noAccessCard, type AdaptiveCard } from './cards/cards.js';
import { act, answer, searchExtension, unfurl, type Asker } from './handlers/answers.js';
import { rememberConversation } from './reminders/reminders.js';

export interface BotOptions {
  database: DatabaseHandle;
  logger: Logger;
  publicUrl: string;
  /** Bot (Entra app) credentials; without them only loopback callers are accepted, like the Bot Framework Emulator. */
  credentials: { clientId: string; clientSecret: string; tenantId?: string } | null;
}

const cardAttachment = (content: AdaptiveCard) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content });

interface TeamsIds {
  from?: { aadObjectId?: string };
  conversation?: { tenantId?: string };
  channelData?: { tenant?: { id?: string } };
}

/** The Teams user → the CRM user of the same tenant, or null (never another tenant's). */
async function askerFor(db: Kysely<Database>, database: DatabaseHandle, activity: TeamsIds, publicUrl: string): Promise<Asker | null> {
  const tid = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const oid = activity.from?.aadObjectId;
  if (!tid || !oid) return null;
  const user = await findUserByEntraIds(db, tid, oid);
  if (!user) return null;
  return { user, scope: new TenantScope(db, { tenantId: user.tenantId, userId: user.id }, database.dialect), baseUrl: publicUrl };
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Mounts the Teams SDK app on our Express app at /api/messages. The SDK validates Bot Framework
 * tokens when credentials are configured; without them it would accept anyone, so this refuses
 * every caller that is not on this machine.
 */
export async function attachBot(expressApp: Express, options: BotOptions): Promise<App> {
  const { database, logger, publicUrl, credentials } = options;
  expressApp.use('/api/messages', express.json({ limit: '256kb' }), (req, res, next) => {
    if (!credentials && !loopback.has(req.socket.remoteAddress ?? '')) {
      res.status(401).type('application/problem+json').json({ type: '/problems/unauthorized', title: 'Not signed in', status: 401, detail: 'Without bot credentials only local callers may post activities.' });
      return;
    }
    next();
  });

  const app = new App({
    httpServerAdapter: new ExpressAdapter(expressApp),
    messagingEndpoint: '/api/messages',
    dangerouslyAllowUnauthenticatedRequests: !credentials,
    ...(credentials ? { clientId: credentials.clientId, clientSecret: credentials.clientSecret, tenantId: credentials.tenantId } : {}),
    activity: { mentions: { stripText: true } },
  });

  app.on('message', async ({ activity, send }) => {
    const asker = await askerFor(database.db, database, activity, publicUrl);
    if (!asker) {
      await send({ type: 'message', attachments: [cardAttachment(noAccessCard())] });
      return;
    }
    await rememberConversation(asker.scope, { conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl ?? '' });
    // Action.Submit from older clients arrives as a message with `value`.
    const value = (activity as { value?: { verb?: string } }).value;
    const card = value?.verb ? await act(asker, value.verb, value) : await answer(asker, parseCommand(activity.text ?? ''));
    await send({ type: 'message', attachments: [cardAttachment(card)] });
  });

  app.on('card.action', async ({ activity }) => {
    const asker = await askerFor(database.db, database, activity, publicUrl);
    const action = activity.value.action as { verb?: string; data?: unknown };
    const card = asker ? await act(asker, action.verb ?? '', action.data) : noAccessCard();
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  });

  app.on('message.ext.query', async ({ activity }) => {
    const asker = await askerFor(database.db, database, activity, publicUrl);
    const query = String(activity.value.parameters?.find((p) => p.name === 'searchQuery')?.value ?? '');
    const attachments = asker ? await searchExtension(asker, query) : [];
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: attachments as never } };
  });

  app.on('message.ext.query-link', async ({ activity }) => {
    const asker = await askerFor(database.db, database, activity, publicUrl);
    const attachments = asker ? await unfurl(asker, String(activity.value.url ?? '')) : [];
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: attachments as never } };
  });

  app.event('error', ({ error }) => logger.error({ err: error }, 'bot error'));
  await app.initialize();
  return app;
}
