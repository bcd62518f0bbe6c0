import type { AppendOnlyColumns, RecordColumns } from '../../db/columns.js';

export interface EmailsTable extends RecordColumns {
  internet_message_id: string;
  conversation_id: string | null;
  subject: string;
  from_name: string | null;
  from_email: string;
  /** JSON arrays of { name, email }. */
  to_json: string;
  cc_json: string;
  sent_at: string;
  /** Sanitized on the way in; never the raw HTML from the mailbox. */
  body_html: string;
  body_text: string;
  /** JSON array of the documents its attachments became. */
  document_ids: string;
}

/** Who filed the email where: one row per client, deal or contact link (created_by is who filed it). */
export interface EmailLinksTable extends AppendOnlyColumns {
  email_id: string;
  client_id: string;
  deal_id: string | null;
  contact_id: string | null;
}

/** A message being written that its author chose to file once sent; one per author and conversation. */
export interface EmailFilingIntentsTable extends AppendOnlyColumns {
  conversation_id: string;
  subject: string;
  client_id: string;
  deal_id: string | null;
  /** JSON array of contact ids. */
  contact_ids: string;
}
