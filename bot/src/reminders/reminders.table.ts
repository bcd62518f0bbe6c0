import type { RecordColumns } from '../../../api/src/db/columns.js';

/** Where to reach a CRM user in Teams: stored when they talk to the bot. */
export interface BotConversationsTable extends RecordColumns {
  user_id: string;
  conversation_id: string;
  service_url: string;
}
