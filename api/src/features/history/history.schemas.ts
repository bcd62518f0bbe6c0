import { z } from 'zod';
import { pageOf, uuid } from '../../contract/primitives.js';

export const historyEntry = z
  .object({
    id: uuid,
    entityType: z.string(),
    entityId: uuid,
    action: z.enum(['create', 'update', 'delete']),
    field: z.string().nullable(),
    from: z.unknown(),
    to: z.unknown(),
    changedAt: z.string(),
    changedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntry>;

export const historyPage = pageOf(historyEntry, 'HistoryPage');

export const historyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
