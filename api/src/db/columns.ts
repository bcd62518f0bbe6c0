/** Columns every business table carries (DESIGN.md section 4). Timestamps are UTC ISO 8601 strings. */
export interface RecordColumns {
  id: string;
  tenant_id: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
  deleted_at: string | null;
}

/** Append-only rows (audit log, search terms, link rows): no version, no soft delete. */
export interface AppendOnlyColumns {
  id: string;
  tenant_id: string;
  created_at: string;
  created_by: string | null;
}

/** SQLite returns 0/1, SQL Server's tedious returns numbers for smallint too; both map through this. */
export type Flag = number;
