import type { TenantScope } from '../../db/tenant-scope.js';
import { clientSummariesByIds } from '../clients/clients.repository.js';
import { contactSummariesByIds } from '../contacts/contacts.repository.js';
import { normalizeText } from './normalize.js';
import { searchQueryWords } from './search-query.js';
import { quickFindIds, type SearchEntity } from './search.repository.js';
import type { SearchHit, SearchResult } from './search.schemas.js';

/** Finds hits of one entity type; features with searchable records register one here. */
export type HitLoader = (scope: TenantScope, ids: string[]) => Promise<SearchHit[]>;

const loaders: Partial<Record<SearchEntity, HitLoader>> = {
  client: async (scope, ids) =>
    (await clientSummariesByIds(scope, ids)).map((c) => ({
      type: 'client',
      id: c.id,
      title: c.name,
      subtitle: [c.company_id, c.country].filter(Boolean).join(' · ') || null,
      clientId: c.id,
    })),
  contact: async (scope, ids) => {
    const contacts = await contactSummariesByIds(scope, ids);
    const clients = new Map((await clientSummariesByIds(scope, [...new Set(contacts.map((c) => c.client_id))])).map((c) => [c.id, c.name]));
    return contacts.map((c) => ({
      type: 'contact',
      id: c.id,
      title: `${c.first_name} ${c.last_name}`,
      subtitle: [c.job_title, clients.get(c.client_id), c.email].filter(Boolean).join(' · ') || null,
      clientId: c.client_id,
    }));
  },
};

export function registerSearchLoader(type: SearchEntity, loader: HitLoader): void {
  loaders[type] = loader;
}

const titleOrder = new Intl.Collator('en', { sensitivity: 'base' });

/** Records of the rarest word checked per type before the search box gives up (see quickFindIds). */
export const quickFindScanLimit = 2000;

/**
 * Clients, contacts and deals matching every word of `q` by prefix, top `limit` of each.
 * Titles that start with the query come first, then alphabetical. `partial` is set when a type
 * came back short after the scan limit, so more matches may exist than were found.
 */
export async function searchAll(scope: TenantScope, q: string, limit: number): Promise<SearchResult> {
  const words = searchQueryWords(q);
  const result: SearchResult = { clients: [], contacts: [], deals: [], partial: false };
  if (words.length === 0) return result;
  const wanted = normalizeText(q.trim());
  const groups: [SearchEntity, 'clients' | 'contacts' | 'deals'][] = [
    ['client', 'clients'],
    ['contact', 'contacts'],
    ['deal', 'deals'],
  ];
  for (const [type, key] of groups) {
    const loader = loaders[type];
    if (!loader) continue;
    // No DISTINCT: it makes the database collect every match before stopping. A record with two
    // matching words appears twice at most, so a few extra rows and a JS dedupe are cheaper.
    const { ids, partial } = await quickFindIds(scope, words, type, quickFindScanLimit);
    const rows = await scope.first(ids, limit * 3).execute();
    const found = [...new Set(rows.map((r) => r.entity_id))];
    result.partial ||= partial && found.length < limit;
    const hits = await loader(scope, found);
    const ranked = hits.map((hit) => ({ hit, rank: normalizeText(hit.title).startsWith(wanted) ? 0 : 1 }));
    ranked.sort((a, b) => a.rank - b.rank || titleOrder.compare(a.hit.title, b.hit.title));
    result[key] = ranked.slice(0, limit).map((r) => r.hit);
  }
  return result;
}
