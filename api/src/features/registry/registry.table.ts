import type { AppendOnlyColumns } from '../../db/columns.js';

/** Bank accounts published by a registry for a client (PL VAT white list); shown under billing. */
export interface ClientBankAccountsTable extends AppendOnlyColumns {
  client_id: string;
  account_number: string;
  source: string;
}
