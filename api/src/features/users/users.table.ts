import type { RecordColumns } from '../../db/columns.js';

export interface UsersTable extends RecordColumns {
  /** Entra object id (`oid`), unique per tenant. */
  entra_oid: string;
  display_name: string;
  email: string | null;
  /** Comma-separated app roles from the last token seen: Admin,Manager,User,Reader. */
  roles: string;
  last_seen_at: string;
}
