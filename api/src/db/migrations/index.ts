import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_deals_activities.js';

/** Every migration in order. Forward-only: never edit one that has shipped, add the next number. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_deals_activities': m0002,
};
