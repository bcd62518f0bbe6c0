import type { Selectable } from 'kysely';
import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { can } from '../../auth/roles.js';
import { assertCan } from '../../auth/authenticate.js';
import { decodeCursor, toPage, type Page } from '../../http/pagination.js';
import type { CrmUser } from '../users/users.repository.js';
import { findUser } from '../users/users.repository.js';
import { normalizeText } from '../search/normalize.js';
import { findClient } from '../clients/clients.repository.js';
import { createClient } from '../clients/clients.service.js';
import { createContact } from '../contacts/contacts.service.js';
import { createDeal } from '../deals/deals.service.js';
import type { LeadsTable } from './leads.table.js';
import type { Lead, LeadConvert, LeadCreate, LeadUpdate } from './leads.schemas.js';

type LeadRow = Selectable<LeadsTable>;

function toLead(r: LeadRow): Lead {
  return {
    id: r.id,
    companyName: r.company_name,
    companyId: r.company_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    topic: r.topic,
    source: r.source as Lead['source'],
    notes: r.notes,
    status: r.status,
    ownerId: r.owner_id,
    disqualifyReason: r.disqualify_reason,
    convertedClientId: r.converted_client_id,
    convertedContactId: r.converted_contact_id,
    convertedDealId: r.converted_deal_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  };
}

async function leadRow(scope: TenantScope, id: string): Promise<LeadRow> {
  const row = await scope.selectFrom('leads').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('The lead');
  return row;
}

export const getLead = async (scope: TenantScope, id: string) => toLead(await leadRow(scope, id));

export async function listLeads(scope: TenantScope, q: { status?: Lead['status']; limit: number; cursor?: string }): Promise<Page<Lead>> {
  const after = decodeCursor(q.cursor);
  let qb = scope.selectFrom('leads').selectAll().where('deleted_at', 'is', null);
  if (q.status) qb = qb.where('status', '=', q.status);
  if (after) {
    const [at, id] = after as [string, string];
    qb = qb.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await scope.first(qb.orderBy('created_at', 'desc').orderBy('id', 'desc'), q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.created_at, r.id], toLead);
}

export async function createLead(scope: TenantScope, user: CrmUser, input: LeadCreate): Promise<Lead> {
  assertCan(user, 'record.create');
  if (input.ownerId && !(await findUser(scope, input.ownerId))) throw new AppError('unprocessable', 'No such owner.', [{ path: 'ownerId', message: 'No such user in your organization' }]);
  const record = scope.newRecord();
  await scope.insert('leads', {
    ...record,
    company_name: input.companyName ?? null,
    company_id: input.companyId ?? null,
    first_name: input.firstName ?? null,
    last_name: input.lastName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    topic: input.topic,
    source: input.source ?? null,
    notes: input.notes ?? null,
    status: 'open',
    owner_id: input.ownerId ?? user.id,
    disqualify_reason: null,
    converted_client_id: null,
    converted_contact_id: null,
    converted_deal_id: null,
  });
  return getLead(scope, record.id);
}

function assertOpenAndMine(user: CrmUser, row: LeadRow) {
  if (!can(user, 'record.update', row.owner_id) && !can(user, 'record.update', row.created_by)) throw new AppError('forbidden', 'Your role does not allow this (record.update).');
  if (row.status !== 'open') throw new AppError('conflict', `The lead is already ${row.status}.`);
}

export async function updateLead(scope: TenantScope, user: CrmUser, id: string, input: LeadUpdate): Promise<Lead> {
  const row = await leadRow(scope, id);
  assertOpenAndMine(user, row);
  const changes = Object.fromEntries(
    Object.entries({
      company_name: input.companyName,
      company_id: input.companyId,
      first_name: input.firstName,
      last_name: input.lastName,
      email: input.email,
      phone: input.phone,
      topic: input.topic,
      source: input.source,
      notes: input.notes,
      owner_id: input.ownerId,
    }).filter(([, v]) => v !== undefined),
  );
  await scope.updateTable('leads').set({ ...changes, version: row.version + 1, updated_at: new Date().toISOString(), updated_by: user.id }).where('id', '=', id).execute();
  return getLead(scope, id);
}

/** Existing clients a lead may belong to: same company id, or the same name without diacritics. */
export async function matchingClients(scope: TenantScope, id: string) {
  const row = await leadRow(scope, id);
  const name = row.company_name ? normalizeText(row.company_name) : null;
  if (!row.company_id && !name) return [];
  const rows = await scope
    .selectFrom('clients')
    .select(['id', 'name', 'company_id', 'country'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([...(row.company_id ? [eb('company_id', '=', row.company_id)] : []), ...(name ? [eb('sort_name', '=', name)] : [])]))
    .orderBy('sort_name')
    .execute();
  return rows.map((c) => ({ id: c.id, name: c.name, companyId: c.company_id, country: c.country, matchedBy: row.company_id && c.company_id === row.company_id ? 'companyId' : 'name' }));
}

/**
 * Lead → client (new, or the existing one the user picked) + contact + deal, in one
 * transaction: any failure writes nothing. A second conversion is a 409.
 */
export async function convertLead(scope: TenantScope, user: CrmUser, id: string, input: LeadConvert) {
  assertCan(user, 'record.create');
  return scope.transaction(async (tx) => {
    const row = await leadRow(tx, id);
    assertOpenAndMine(user, row);
    let clientId = input.clientId;
    if (clientId) {
      if (!(await findClient(tx, clientId))) throw new AppError('unprocessable', 'The client does not exist.', [{ path: 'clientId', message: 'No such client' }]);
    } else {
      const person = [row.first_name, row.last_name].filter(Boolean).join(' ');
      const client = await createClient(tx, user, {
        kind: row.company_name ? 'company' : 'person',
        name: row.company_name ?? person,
        companyId: row.company_id,
        relationshipType: 'prospect',
        email: row.company_name ? undefined : row.email,
        ownerId: row.owner_id ?? user.id,
      });
      clientId = client.id;
    }
    const contact = row.last_name
      ? await createContact(tx, user, { clientId, firstName: row.first_name ?? '—', lastName: row.last_name, email: row.email, phone: row.phone })
      : null;
    const deal = await createDeal(tx, user, {
      clientId,
      contactId: contact?.id ?? null,
      title: input.dealTitle ?? row.topic,
      source: 'lead',
      description: row.notes,
      estimatedValue: input.estimatedValue ?? null,
      ownerId: row.owner_id ?? user.id,
    });
    const converted = await tx
      .updateTable('leads')
      .set({ status: 'converted', converted_client_id: clientId, converted_contact_id: contact?.id ?? null, converted_deal_id: deal.id, version: row.version + 1, updated_at: new Date().toISOString(), updated_by: user.id })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(converted.numUpdatedRows) !== 1) throw new AppError('conflict', 'The lead was converted meanwhile.');
    return { clientId, contactId: contact?.id ?? null, dealId: deal.id };
  });
}

export async function disqualifyLead(scope: TenantScope, user: CrmUser, id: string, reason: string): Promise<Lead> {
  const row = await leadRow(scope, id);
  assertOpenAndMine(user, row);
  await scope
    .updateTable('leads')
    .set({ status: 'disqualified', disqualify_reason: reason, version: row.version + 1, updated_at: new Date().toISOString(), updated_by: user.id })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
  return getLead(scope, id);
}
