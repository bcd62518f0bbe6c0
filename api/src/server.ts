import 'dotenv/config';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config.js';
import { createApp, type CrmApp } from './app.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './db/seed/demo.js';
import { createLogger } from './logger.js';
import { localSender, startReminderScheduler, teamsSender } from '../../bot/src/reminders/reminders.js';
import { startMeetingSync } from './features/meetings/meetings-sync-job.js';
import { outlookCalendar } from './features/meetings/outlook-calendar.js';
import { graphRuntime } from './graph/graph-runtime.js';
import { startJobWorker } from './features/jobs/registry-refresh-job.js';

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  database: DatabaseHandle;
  crm: CrmApp;
  server: Server;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Connects, migrates, seeds the demo tenant on an empty embedded database, and listens.
 * Tests call it with `PORT: '0'` and a fresh database.
 */
export async function start(env: NodeJS.ProcessEnv = process.env, logDestination?: NodeJS.WritableStream): Promise<RunningServer> {
  const config = loadConfig(env);
  const logger = createLogger(config, logDestination);
  const database = connectDatabase(config.databaseUrl);
  const applied = await migrateToLatest(database.db);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');
  if (config.seedDemo && database.dialect === 'sqlite' && config.auth.mode === 'dev') {
    if (await seedDemoIfEmpty(database)) logger.info('demo data seeded');
  }
  const crm = await createApp({ config, database, logger });
  const reminders = startReminderScheduler(database.db, config.bot ? teamsSender(crm.bot) : localSender(), logger);
  // Registry calls are spaced out to stay far below the services' limits.
  const jobs = startJobWorker({ db: database.db, dialect: database.dialect, registry: crm.registry, logger, throttleMs: 1100 });
  // Meetings moved or cancelled in Outlook come back to the timeline (Microsoft 365 mode only).
  const graph = graphRuntime(config.graph).graph;
  const stopMeetingSync = config.graph.meetingsStore === 'graph' && graph ? startMeetingSync(database, { calendar: outlookCalendar(graph) }, logger) : () => undefined;
  const server = crm.app.listen(config.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ url, database: database.describe, auth: config.auth.mode }, 'CRM server listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let in-flight requests finish, then close the database.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      stopMeetingSync();
      await jobs.stop();
      await reminders.stop();
      await database.db.destroy();
      logger.info('CRM server stopped');
    })());
  return { url, port, config, database, crm, server, logger, stop };
}

async function main() {
  const running = await start();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      running.stop().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
