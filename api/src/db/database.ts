import type { TenantsTable } from '../features/tenants/tenants.table.js';
import type { UsersTable } from '../features/users/users.table.js';
import type { ClientAddressesTable, ClientsTable, ClientTagsTable } from '../features/clients/clients.table.js';
import type { ContactsTable } from '../features/contacts/contacts.table.js';
import type { SearchTermsTable } from '../features/search/search.table.js';
import type { AuditLogTable } from '../features/history/history.table.js';
import type { PipelineStagesTable } from '../features/stages/stages.table.js';
import type { DealContactsTable, DealsTable, DealStageHistoryTable } from '../features/deals/deals.table.js';
import type { LeadsTable } from '../features/leads/leads.table.js';
import type { ActivitiesTable } from '../features/activities/activities.table.js';
import type { DocumentFoldersTable, DocumentsTable } from '../features/documents/documents.table.js';
import type { MeetingsTable, MeetingSyncLeasesTable } from '../features/meetings/meetings.table.js';
import type { EmailFilingIntentsTable, EmailLinksTable, EmailsTable } from '../features/emails/emails.table.js';
import type { JobsTable } from '../features/jobs/jobs.table.js';
import type { ClientBankAccountsTable } from '../features/registry/registry.table.js';
import type { BotConversationsTable } from '../../../bot/src/reminders/reminders.table.js';

/** The typed shape of the whole database; each feature owns its table interfaces. */
export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  clients: ClientsTable;
  client_addresses: ClientAddressesTable;
  client_tags: ClientTagsTable;
  contacts: ContactsTable;
  search_terms: SearchTermsTable;
  audit_log: AuditLogTable;
  pipeline_stages: PipelineStagesTable;
  deals: DealsTable;
  deal_contacts: DealContactsTable;
  deal_stage_history: DealStageHistoryTable;
  leads: LeadsTable;
  activities: ActivitiesTable;
  document_folders: DocumentFoldersTable;
  documents: DocumentsTable;
  meetings: MeetingsTable;
  meeting_sync_leases: MeetingSyncLeasesTable;
  bot_conversations: BotConversationsTable;
  jobs: JobsTable;
  client_bank_accounts: ClientBankAccountsTable;
  emails: EmailsTable;
  email_links: EmailLinksTable;
  email_filing_intents: EmailFilingIntentsTable;
}

/** Tables whose rows belong to one tenant (all but `tenants`). */
export type TenantTable = Exclude<keyof Database, 'tenants'>;
