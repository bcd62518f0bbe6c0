import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
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

/**
 * Ids of records of one type having, for every word, a term that starts with it. The rarest
 * word (by a capped count of its terms) drives an index range scan on (tenant_id, entity_type,
 * term); the others are checked per candidate. When every word is common ("jana nov" among a
 * million contacts), the scan still reads all of the driver's candidates (README, Search).
 */
export async function matchingIds(scope: TenantScope, words: string[], type: SearchEntity) {
  const counts = words.length > 1 ? await Promise.all(words.map((w) => scope.countUpTo(termsStartingWith(scope, type, w), rarityCap))) : [0];
  const [first, ...rest] = words.map((word, i) => ({ word, count: counts[i]! })).sort((a, b) => a.count - b.count).map((w) => w.word);
  let qb = termsStartingWith(scope, type, first!);
  rest.forEach((word, i) => {
    const alias = `t${i + 1}` as 't';
    qb = qb.where(({ exists, selectFrom }) =>
      exists(
        selectFrom(`search_terms as ${alias}`)
          .select(`${alias}.entity_id`)
          .whereRef(`${alias}.entity_id`, '=', 'search_terms.entity_id')
          .where(`${alias}.tenant_id`, '=', scope.tenantId)
          .where((eb) => startsWith(scope.dialect, eb, `${alias}.term`, word)),
      ),
    );
  });
  return qb;
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
