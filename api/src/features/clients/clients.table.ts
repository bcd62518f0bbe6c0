import type { AppendOnlyColumns, Flag, RecordColumns } from '../../db/columns.js';

export interface ClientsTable extends RecordColumns {
  kind: 'company' | 'person';
  name: string;
  /** Normalized name (no diacritics, lower case) then id: the keyset for sorting by name. */
  sort_name: string;
  company_id: string | null;
  vat_id: string | null;
  vat_payer: Flag | null;
  country: string | null;
  industry: string | null;
  relationship_type: string | null;
  parent_id: string | null;
  owner_id: string | null;
  primary_contact_id: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  credit_limit_minor: number | null;
  credit_limit_currency: string | null;
  payment_terms_days: number | null;
  /** JSON array of preferred channels, e.g. ["email","phone"]. */
  preferred_contact_methods: string;
  do_not_contact: Flag;
}

export interface ClientAddressesTable extends RecordColumns {
  client_id: string;
  type: 'registered' | 'contact' | 'delivery';
  label: string | null;
  street: string | null;
  city: string | null;
  postal_code: string | null;
  country: string | null;
  position: number;
}

export interface ClientTagsTable extends AppendOnlyColumns {
  client_id: string;
  tag: string;
  /** Normalized tag for filtering. */
  tag_key: string;
}
