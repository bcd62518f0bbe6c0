import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { connectDatabase } from '../connect.js';
import { migrateToLatest } from '../migrate.js';
import { seedDemoIfEmpty } from './demo.js';
import { generateClients } from './generate.js';
import { demoTenant } from './demo-people.js';

/**
 * `npm run seed` seeds the demo tenant (when empty);
 * `npm run seed -- --clients 100000 [--contacts-per-client 10] [--tenant <guid>]` adds bulk data.
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    'contacts-per-client': { type: 'string', default: '10' },
    tenant: { type: 'string', default: demoTenant.id },
  },
});

const clients = values.clients === undefined ? 0 : Number(values.clients);
const perClient = Number(values['contacts-per-client']);
if (!Number.isInteger(clients) || clients < 0 || clients > 10_000_000 || !Number.isInteger(perClient) || perClient < 0 || perClient > 100) {
  console.error('Usage: npm run seed -- [--clients N (0..10000000)] [--contacts-per-client M (0..100)] [--tenant <guid>]');
  process.exit(2);
}
if (!/^[0-9a-f-]{36}$/i.test(values.tenant)) {
  console.error('--tenant must be a GUID');
  process.exit(2);
}

const config = loadConfig();
const database = connectDatabase(config.databaseUrl);
try {
  await migrateToLatest(database.db);
  if (clients === 0) {
    console.log((await seedDemoIfEmpty(database)) ? 'Demo data seeded.' : 'The demo tenant already has data.');
  } else {
    const started = Date.now();
    await generateClients(database, {
      tenantId: values.tenant.toLowerCase(),
      clients,
      contactsPerClient: perClient,
      progress: (done) => {
        if (done % 10_000 === 0 || done === clients) process.stdout.write(`\r${done} / ${clients} clients`);
      },
    });
    console.log(`\nGenerated ${clients} clients and ${clients * perClient} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
} finally {
  await database.db.destroy();
}
