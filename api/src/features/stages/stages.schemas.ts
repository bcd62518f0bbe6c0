import { z } from 'zod';
import { recordMeta, shortText, uuid } from '../../contract/primitives.js';

export const stageKey = z.string().trim().regex(/^[a-z][a-z0-9-]{1,29}$/, 'Lower-case letters, digits and dashes, 2–30 characters');

export const languages = ['en', 'cs', 'pl', 'ro'] as const;

export const stage = z
  .object({
    id: uuid,
    key: z.string(),
    name: z.string(),
    /** The name in each language: the tenant's own name when set, otherwise the translated default. */
    names: z.record(z.enum(languages), z.string()),
    position: z.number().int(),
    probability: z.number().int(),
    retired: z.boolean(),
    ...recordMeta,
  })
  .meta({ id: 'Stage' });
export type Stage = z.infer<typeof stage>;

const probability = z.number().int('Must be a whole percentage').min(0).max(100);

export const stageCreate = z
  .strictObject({ key: stageKey, name: shortText(100), probability, position: z.number().int().min(0).max(100).optional() })
  .meta({ id: 'StageCreate' });
export type StageCreate = z.infer<typeof stageCreate>;

export const stageUpdate = z
  .strictObject({ name: shortText(100).nullable(), probability, position: z.number().int().min(0).max(100), retired: z.boolean() })
  .partial()
  .meta({ id: 'StageUpdate' });
export type StageUpdate = z.infer<typeof stageUpdate>;
