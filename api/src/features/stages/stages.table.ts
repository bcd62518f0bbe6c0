import type { RecordColumns } from '../../db/columns.js';

export interface PipelineStagesTable extends RecordColumns {
  /** Stable key used by deals and the API (`qualify`, `develop`, …). */
  key: string;
  /** A tenant's own name; null shows the translated default name of the key. */
  name: string | null;
  position: number;
  probability: number;
  retired_at: string | null;
}
