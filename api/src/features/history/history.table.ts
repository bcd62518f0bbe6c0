import type { AppendOnlyColumns } from '../../db/columns.js';

/** Change history: one row per changed field. Values are JSON text (null when absent). */
export interface AuditLogTable extends AppendOnlyColumns {
  entity_type: string;
  entity_id: string;
  /** The client whose history shows this change (the record itself, or the contact's client). */
  client_id: string | null;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}
