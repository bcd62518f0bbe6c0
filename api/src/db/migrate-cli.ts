import 'dotenv/config';
import { loadConfig } from '../config.js';
import { connectDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const handle = connectDatabase(config.databaseUrl);
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${handle.describe}` : `${handle.describe} is up to date`);
} finally {
  await handle.db.destroy();
}
