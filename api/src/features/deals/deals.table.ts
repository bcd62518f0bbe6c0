import type { AppendOnlyColumns, RecordColumns } from '../../db/columns.js';

export interface DealsTable extends RecordColumns {
  client_id: string;
  contact_id: string | null;
  title: string;
  description: string | null;
  customer_need: string | null;
  proposed_solution: string | null;
  source: string | null;
  value_minor: number | null;
  currency: string | null;
  probability: number;
  /** YYYY-MM-DD */
  expected_close_date: string | null;
  next_step: string | null;
  owner_id: string | null;
  stage_key: string;
  status: 'open' | 'won' | 'lost';
  stage_entered_at: string;
  /** YYYY-MM-DD */
  closed_at: string | null;
  lost_reason: string | null;
  won_value_minor: number | null;
  last_activity_at: string | null;
}

export interface DealContactsTable extends AppendOnlyColumns {
  deal_id: string;
  contact_id: string;
}

export interface DealStageHistoryTable extends AppendOnlyColumns {
  deal_id: string;
  stage_key: string;
  entered_at: string;
  left_at: string | null;
}
