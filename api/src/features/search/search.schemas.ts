import { z } from 'zod';
import { uuid } from '../../contract/primitives.js';

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'Type something to search for').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const searchHit = z
  .object({
    type: z.enum(['client', 'contact', 'deal']),
    id: uuid,
    title: z.string(),
    subtitle: z.string().nullable(),
    clientId: uuid,
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z
  .object({
    clients: z.array(searchHit),
    contacts: z.array(searchHit),
    deals: z.array(searchHit),
    partial: z.boolean().meta({ description: 'Every word was common and the scan limit was reached with fewer hits than asked for: more may exist, type more.' }),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof searchResult>;
