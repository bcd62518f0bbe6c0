import { z } from 'zod';
import { money, uuid } from '../../contract/primitives.js';

const isoDate = z.iso.date({ message: 'Must be a date, YYYY-MM-DD' });

export const pipelineReportQuery = z.strictObject({
  /** `team` (Manager and Admin) or one owner; a User sees only their own deals. */
  ownerId: uuid.optional(),
  scope: z.enum(['mine', 'team']).default('mine'),
});

const bucket = z.object({ count: z.number().int(), currency: z.string(), amountMinor: z.number(), weightedMinor: z.number() });
export const pipelineReport = z
  .object({
    byStage: z.array(bucket.extend({ stage: z.string() })),
    byMonth: z.array(bucket.extend({ month: z.string() })),
  })
  .meta({ id: 'PipelineReport' });
export type PipelineReport = z.infer<typeof pipelineReport>;

export const activityReportQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'At most one year', path: ['to'] });

export const activityReport = z
  .object({ items: z.array(z.object({ userId: z.string().nullable(), userName: z.string().nullable(), type: z.string(), count: z.number().int() })) })
  .meta({ id: 'ActivityReport' });

export const clientSummary = z
  .object({
    openDeals: z.object({ count: z.number().int(), value: z.array(money) }),
    wonThisYear: z.array(money),
    lastActivityAt: z.string().nullable(),
    nextTask: z.object({ id: uuid, subject: z.string(), dueAt: z.string().nullable() }).nullable(),
    primaryContact: z.object({ id: uuid, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'ClientSummary' });
export type ClientSummary = z.infer<typeof clientSummary>;
