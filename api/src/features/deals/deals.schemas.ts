import { z } from 'zod';
import { money, optionalText, recordMeta, shortText, uuid } from '../../contract/primitives.js';
import { stageKey } from '../stages/stages.schemas.js';

export const dealSources = ['lead', 'web', 'referral', 'campaign', 'other'] as const;
export const dealStatuses = ['open', 'won', 'lost'] as const;
export const dealViews = ['open', 'mine', 'won', 'lost', 'inactive', 'all'] as const;

const isoDate = z.iso.date({ message: 'Must be a date, YYYY-MM-DD' });
const probability = z.number().int('Must be a whole percentage').min(0, 'Between 0 and 100').max(100, 'Between 0 and 100');

const dealFields = {
  clientId: uuid,
  contactId: uuid.nullable().optional(),
  extraContactIds: z.array(uuid).max(20).optional(),
  title: shortText(200),
  description: optionalText(4000),
  customerNeed: optionalText(4000),
  proposedSolution: optionalText(4000),
  source: z.enum(dealSources).nullable().optional(),
  estimatedValue: money.nullable().optional(),
  probability: probability.optional(),
  expectedCloseDate: isoDate.nullable().optional(),
  nextStep: optionalText(500),
  ownerId: uuid.nullable().optional(),
  stage: stageKey.optional(),
};

export const dealCreate = z.strictObject(dealFields).meta({ id: 'DealCreate' });
export type DealCreate = z.infer<typeof dealCreate>;

/** Stage and status change only through the transitions; the client of a deal never changes. */
const { clientId: _c, stage: _s, ...updatable } = dealFields;
export const dealUpdate = z.strictObject(updatable).partial().meta({ id: 'DealUpdate' });
export type DealUpdate = z.infer<typeof dealUpdate>;

export const deal = z
  .object({
    id: uuid,
    clientId: uuid,
    clientName: z.string(),
    contactId: uuid.nullable(),
    extraContactIds: z.array(uuid),
    title: z.string(),
    description: z.string().nullable(),
    customerNeed: z.string().nullable(),
    proposedSolution: z.string().nullable(),
    source: z.enum(dealSources).nullable(),
    estimatedValue: money.nullable(),
    probability: z.number().int(),
    expectedCloseDate: z.string().nullable(),
    nextStep: z.string().nullable(),
    ownerId: uuid.nullable(),
    stage: z.string(),
    stageEnteredAt: z.string(),
    status: z.enum(dealStatuses),
    closeDate: z.string().nullable(),
    lostReason: z.string().nullable(),
    wonValue: money.nullable(),
    lastActivityAt: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Deal' });
export type Deal = z.infer<typeof deal>;

export const dealStageChange = z.strictObject({ stage: stageKey }).meta({ id: 'DealStageChange' });
export const dealWin = z.strictObject({ wonValue: money.optional(), closeDate: isoDate.optional() }).meta({ id: 'DealWin' });
export const dealLose = z.strictObject({ reason: shortText(500), closeDate: isoDate.optional() }).meta({ id: 'DealLose' });

export const dealListQuery = z.strictObject({
  view: z.enum(dealViews).default('open'),
  stage: stageKey.optional(),
  ownerId: uuid.optional(),
  clientId: uuid.optional(),
  closeFrom: isoDate.optional(),
  closeTo: isoDate.optional(),
  valueMin: z.coerce.number().int().min(0).optional(),
  valueMax: z.coerce.number().int().min(0).optional(),
  sort: z.enum(['expectedClose', 'value', 'lastActivity']).default('expectedClose'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type DealListQuery = z.infer<typeof dealListQuery>;

export const currencyTotal = z.object({ currency: z.string(), amountMinor: z.number(), weightedMinor: z.number() }).meta({ id: 'CurrencyTotal' });
export const dealTotals = z.object({ count: z.number().int(), byCurrency: z.array(currencyTotal) }).meta({ id: 'DealTotals' });
export type DealTotals = z.infer<typeof dealTotals>;

export const dealPage = z.object({ items: z.array(deal), nextCursor: z.string().nullable(), totals: dealTotals }).meta({ id: 'DealPage' });

export const stageHistoryEntry = z
  .object({ stage: z.string(), enteredAt: z.string(), leftAt: z.string().nullable(), secondsInStage: z.number().int() })
  .meta({ id: 'StageHistoryEntry' });
