import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { DialectName } from '../../db/dialect.js';
import type { TenantScope } from '../../db/tenant-scope.js';
import type { SearchTermsTable } from './search.table.js';

export type SearchEntity = SearchTermsTable['entity_type'];

/** Replaces a record's search terms with `terms` (already normalized). */
export async function replaceTerms(scope: TenantScope, type: SearchEntity, id: string, terms: Iterable<string>): Promise<void> {
  await scope.deleteFrom('search_terms').where('entity_id', '=', id).execute();
  const unique = [...new Set(terms)].filter((t) => t.length > 0);
  await scope.insert(
    'search_terms',
    unique.map((term) => ({ entity_type: type, entity_id: id, term })),
  );
}

export async function removeTerms(scope: TenantScope, ids: string[]): Promise<void> {
  if (ids.length) await scope.deleteFrom('search_terms').where('entity_id', 'in', ids).execute();
}

const termsStartingWith = (scope: TenantScope, type: SearchEntity, word: string) =>
  scope
    .selectFrom('search_terms')
    .select('search_terms.entity_id')
    .where('search_terms.entity_type', '=', type)
    .where((eb) => startsWith(scope.dialect, eb, 'search_terms.term', word));

/** Enough to tell a rare word from a common one; counting further would cost more than it saves. */
const rarityCap = 1000;

interface CountedWord {
  word: string;
  count: number;
}

/** The words with capped counts of their terms, rarest first (one word needs no count). */
async function rarestFirst(scope: TenantScope, words: string[], type: SearchEntity, cap: number): Promise<CountedWord[]> {
  const counts = words.length > 1 ? await Promise.all(words.map((w) => scope.countUpTo(termsStartingWith(scope, type, w), cap))) : [0];
  return words.map((word, i) => ({ word, count: counts[i]! })).sort((a, b) => a.count - b.count);
}

/** Keeps the driver's rows whose record also has a term starting with each of `words`. */
function havingEvery<QB extends SelectQueryBuilder<any, any, { entity_id: string }>>(scope: TenantScope, qb: QB, driverId: string, words: string[]): QB {
  return words.reduce((q, word, i) => {
    const alias = `t${i + 1}` as 't';
    return q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom(`search_terms as ${alias}`)
          .select(`${alias}.entity_id`)
          .whereRef(`${alias}.entity_id`, '=', driverId as 't.entity_id')
          .where(`${alias}.tenant_id`, '=', scope.tenantId)
          .where((eb) => startsWith(scope.dialect, eb, `${alias}.term`, word)),
      ),
    ) as QB;
  }, qb);
}

/**
 * Ids of records of one type having, for every word, a term that starts with it. The rarest
 * word (by a capped count of its terms) drives an index range scan on (tenant_id, entity_type,
 * term); the others are checked per candidate. When every word is common ("jana nov" among a
 * million contacts), the scan still reads all of the driver's candidates: lists need every
 * match. The search box uses `quickFindIds`, which bounds that scan.
 */
export async function matchingIds(scope: TenantScope, words: string[], type: SearchEntity) {
  const [first, ...rest] = (await rarestFirst(scope, words, type, rarityCap)).map((w) => w.word);
  return havingEvery(scope, termsStartingWith(scope, type, first!), 'search_terms.entity_id', rest);
}

/**
 * Like `matchingIds`, but checks at most `scanLimit` records of the rarest word, as a CRM's
 * quick find does: "jana nov" among a million contacts answers in milliseconds instead of
 * reading 50,000 candidates. `partial` says the limit was reached, so matches may be missing
 * and the person should type more.
 */
export async function quickFindIds(scope: TenantScope, words: string[], type: SearchEntity, scanLimit: number) {
  const [driver, ...rest] = await rarestFirst(scope, words, type, Math.max(rarityCap, scanLimit + 1));
  const others = rest.map((w) => w.word);
  if (words.length === 1 || driver!.count <= scanLimit) {
    return { ids: havingEvery(scope, termsStartingWith(scope, type, driver!.word), 'search_terms.entity_id', others), partial: false };
  }
  const candidates = scope.first(termsStartingWith(scope, type, driver!.word), scanLimit).as('candidates');
  return { ids: havingEvery(scope, scope.fromSubquery(candidates).select('candidates.entity_id'), 'candidates.entity_id', others), partial: true };
}

/**
 * `column` starts with `word`, written so each database uses its index: SQL Server seeks on
 * LIKE 'prefix%'; SQLite's LIKE ignores plain indexes, but a binary range works (terms hold
 * only lower-case letters and digits, so incrementing the last character bounds the range).
 */
function startsWith(dialect: DialectName, eb: ExpressionBuilder<any, any>, column: string, word: string): Expression<SqlBool> {
  if (dialect === 'mssql') return eb(column, 'like', `${word}%`);
  const upper = word.slice(0, -1) + String.fromCharCode(word.charCodeAt(word.length - 1) + 1);
  return eb.and([eb(column, '>=', word), eb(column, '<', upper)]);
}
