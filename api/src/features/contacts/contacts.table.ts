import type { Flag, RecordColumns } from '../../db/columns.js';

export interface ContactsTable extends RecordColumns {
  client_id: string;
  first_name: string;
  last_name: string;
  /** Normalized "last first" then id: the keyset for sorting by name. */
  sort_name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job_title: string | null;
  is_primary: Flag;
  preferred_contact_methods: string;
  do_not_contact: Flag;
  notes: string | null;
}
