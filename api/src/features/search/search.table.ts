/**
 * One row per searchable word of a record: normalized (no diacritics, lower case), so that
 * a prefix search is an index range scan on (tenant_id, term) on both SQLite and SQL Server.
 */
export interface SearchTermsTable {
  tenant_id: string;
  entity_type: 'client' | 'contact' | 'deal' | 'lead';
  entity_id: string;
  term: string;
}
