import type { Selectable } from 'kysely';
import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import type { CrmUser } from '../users/users.repository.js';
import type { PipelineStagesTable } from './stages.table.js';
import type { Stage, StageCreate, StageUpdate, languages } from './stages.schemas.js';

type Names = Record<(typeof languages)[number], string>;

/** Every tenant starts with these; the Czech names are the ones the Czech seed CRM uses. */
export const defaultStages: { key: string; probability: number; names: Names }[] = [
  { key: 'qualify', probability: 10, names: { en: 'Qualify', cs: 'Zpracování', pl: 'Kwalifikacja', ro: 'Calificare' } },
  { key: 'develop', probability: 30, names: { en: 'Develop', cs: 'Jednání', pl: 'Rozwój', ro: 'Dezvoltare' } },
  { key: 'propose', probability: 60, names: { en: 'Propose', cs: 'Nabídka', pl: 'Oferta', ro: 'Ofertare' } },
  { key: 'close', probability: 80, names: { en: 'Close', cs: 'Dokončení', pl: 'Zamknięcie', ro: 'Finalizare' } },
];

type StageRow = Selectable<PipelineStagesTable>;

function toStage(row: StageRow): Stage {
  const defaults = defaultStages.find((d) => d.key === row.key)?.names;
  const names: Names = row.name ? { en: row.name, cs: row.name, pl: row.name, ro: row.name } : (defaults ?? { en: row.key, cs: row.key, pl: row.key, ro: row.key });
  return {
    id: row.id,
    key: row.key,
    name: names.en,
    names,
    position: row.position,
    probability: row.probability,
    retired: row.retired_at !== null,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

async function stageRows(scope: TenantScope): Promise<StageRow[]> {
  const rows = await scope.selectFrom('pipeline_stages').selectAll().where('deleted_at', 'is', null).orderBy('position').execute();
  if (rows.length > 0) return rows;
  // First use in this tenant: write the defaults. A concurrent first use hits the unique
  // (tenant, key) index; then the other request's rows are simply read back.
  try {
    await scope.transaction(async (tx) => {
      await tx.insert(
        'pipeline_stages',
        defaultStages.map((d, position) => ({ ...tx.newRecord(), key: d.key, name: null, position, probability: d.probability, retired_at: null })),
      );
    });
  } catch {
    // someone else seeded them
  }
  return scope.selectFrom('pipeline_stages').selectAll().where('deleted_at', 'is', null).orderBy('position').execute();
}

export async function listStages(scope: TenantScope): Promise<Stage[]> {
  return (await stageRows(scope)).map(toStage);
}

/** An active stage by key, or a 422 on `field`. */
export async function activeStage(scope: TenantScope, key: string, field = 'stage'): Promise<Stage> {
  const found = (await listStages(scope)).find((s) => s.key === key);
  if (!found || found.retired) throw new AppError('unprocessable', `There is no active stage "${key}".`, [{ path: field, message: 'Unknown or retired stage' }]);
  return found;
}

export async function firstStage(scope: TenantScope): Promise<Stage> {
  const first = (await listStages(scope)).find((s) => !s.retired);
  if (!first) throw new AppError('conflict', 'The pipeline has no active stage. An Admin must add one.');
  return first;
}

async function renumber(scope: TenantScope, orderedIds: string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await scope.updateTable('pipeline_stages').set({ position }).where('id', '=', id).where('position', '<>', position).execute();
  }
}

function placeAt(ids: string[], id: string, position: number | undefined): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = position === undefined ? rest.length : Math.min(position, rest.length);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

export async function createStage(scope: TenantScope, user: CrmUser, input: StageCreate): Promise<Stage> {
  assertCan(user, 'settings.manage');
  return scope.transaction(async (tx) => {
    const rows = await stageRows(tx);
    const taken = await tx.selectFrom('pipeline_stages').select('id').where('key', '=', input.key).executeTakeFirst();
    if (taken) throw new AppError('conflict', `A stage with the key "${input.key}" exists or existed; pick another key.`, [{ path: 'key', message: 'Key already used' }]);
    const record = tx.newRecord();
    await tx.insert('pipeline_stages', { ...record, key: input.key, name: input.name, position: rows.length, probability: input.probability, retired_at: null });
    await renumber(tx, placeAt(rows.map((r) => r.id), record.id, input.position));
    return (await listStages(tx)).find((s) => s.id === record.id)!;
  });
}

export async function updateStage(scope: TenantScope, user: CrmUser, id: string, input: StageUpdate): Promise<Stage> {
  assertCan(user, 'settings.manage');
  return scope.transaction(async (tx) => {
    const rows = await stageRows(tx);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('The stage');
    if (input.retired === true && rows.filter((r) => r.retired_at === null && r.id !== id).length === 0) {
      throw new AppError('conflict', 'The last active stage cannot be retired.');
    }
    const now = new Date().toISOString();
    await tx
      .updateTable('pipeline_stages')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.probability !== undefined ? { probability: input.probability } : {}),
        ...(input.retired !== undefined ? { retired_at: input.retired ? (row.retired_at ?? now) : null } : {}),
        version: row.version + 1,
        updated_at: now,
        updated_by: user.id,
      })
      .where('id', '=', id)
      .execute();
    if (input.position !== undefined) await renumber(tx, placeAt(rows.map((r) => r.id), id, input.position));
    return (await listStages(tx)).find((s) => s.id === id)!;
  });
}

/** A stage still holding open deals cannot go (409); closed deals keep its key for history. */
export async function deleteStage(scope: TenantScope, user: CrmUser, id: string): Promise<void> {
  assertCan(user, 'settings.manage');
  await scope.transaction(async (tx) => {
    const rows = await stageRows(tx);
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('The stage');
    const open = await tx.selectFrom('deals').select('id').where('stage_key', '=', row.key).where('status', '=', 'open').where('deleted_at', 'is', null).executeTakeFirst();
    if (open) throw new AppError('conflict', 'This stage still has open deals. Move them to another stage first.');
    if (rows.filter((r) => r.retired_at === null && r.id !== id).length === 0) throw new AppError('conflict', 'The last active stage cannot be deleted.');
    const now = new Date().toISOString();
    await tx.updateTable('pipeline_stages').set({ deleted_at: now, updated_at: now, updated_by: user.id, version: row.version + 1 }).where('id', '=', id).execute();
    await renumber(tx, rows.filter((r) => r.id !== id).map((r) => r.id));
  });
}
