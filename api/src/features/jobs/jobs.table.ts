import type { RecordColumns } from '../../db/columns.js';

export interface JobsTable extends RecordColumns {
  type: 'registry-refresh';
  status: 'queued' | 'running' | 'done';
  /** JSON: what to work on, e.g. { clientIds: [...] }. */
  payload: string;
  /** Items finished, in payload order: a restarted worker continues from here. */
  progress_done: number;
  progress_total: number;
  /** JSON array of { item, reason }. */
  failures: string;
  claimed_by: string | null;
  lease_until: string | null;
}
