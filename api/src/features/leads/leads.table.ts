import type { RecordColumns } from '../../db/columns.js';

export interface LeadsTable extends RecordColumns {
  company_name: string | null;
  company_id: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  topic: string;
  source: string | null;
  notes: string | null;
  status: 'open' | 'converted' | 'disqualified';
  owner_id: string | null;
  disqualify_reason: string | null;
  converted_client_id: string | null;
  converted_contact_id: string | null;
  converted_deal_id: string | null;
}
