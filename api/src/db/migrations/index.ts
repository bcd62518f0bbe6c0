import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_deals_activities.js';
import * as m0004 from './0004_documents_meetings.js';
import * as m0005 from './0005_emails.js';
import * as m0006 from './0006_bot_reminders.js';
import * as m0007 from './0007_jobs.js';
import * as m0008 from './0008_client_bank_accounts.js';
import * as m0009 from './0009_email_filing_intents.js';
import * as m0010 from './0010_search_terms_by_type.js';
import * as m0011 from './0011_deal_owner_sort.js';
import * as m0012 from './0012_deal_totals_inactive.js';

/** Every migration in order. Forward-only: never edit one that has shipped, add the next number. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_deals_activities': m0002,
  '0004_documents_meetings': m0004,
  '0005_emails': m0005,
  '0006_bot_reminders': m0006,
  '0007_jobs': m0007,
  '0008_client_bank_accounts': m0008,
  '0009_email_filing_intents': m0009,
  '0010_search_terms_by_type': m0010,
  '0011_deal_owner_sort': m0011,
  '0012_deal_totals_inactive': m0012,
};
