import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import { can } from '../../auth/roles.js';
import { assertCan } from '../../auth/authenticate.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type { CrmUser } from '../users/users.repository.js';
import { findUser } from '../users/users.repository.js';
import { ancestorIds, childrenOf, clientSummariesByIds, findClient } from '../clients/clients.repository.js';
import { findContact } from '../contacts/contacts.repository.js';
import { removeTerms, replaceTerms } from '../search/search.repository.js';
import { searchWords } from '../search/normalize.js';
import { recordSystemEvent } from '../activities/activities.service.js';
import { activeStage, firstStage, listStages } from '../stages/stages.service.js';
import * as repo from './deals.repository.js';
import type { Deal, DealCreate, DealListQuery, DealTotals, DealUpdate } from './deals.schemas.js';

export function toDeal(row: repo.DealRow, extraContactIds: string[]): Deal {
  const money = (amount: number | null) => (amount === null || row.currency === null ? null : { amountMinor: Number(amount), currency: row.currency });
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    contactId: row.contact_id,
    extraContactIds,
    title: row.title,
    description: row.description,
    customerNeed: row.customer_need,
    proposedSolution: row.proposed_solution,
    source: row.source as Deal['source'],
    estimatedValue: money(row.value_minor),
    probability: row.probability,
    expectedCloseDate: row.expected_close_date,
    nextStep: row.next_step,
    ownerId: row.owner_id,
    stage: row.stage_key,
    stageEnteredAt: row.stage_entered_at,
    status: row.status,
    closeDate: row.closed_at,
    lostReason: row.lost_reason,
    wonValue: money(row.won_value_minor),
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

async function hydrate(scope: TenantScope, rows: repo.DealRow[]): Promise<Deal[]> {
  const extras = await repo.extraContactsOf(scope, rows.map((r) => r.id));
  return rows.map((r) => toDeal(r, extras.filter((e) => e.deal_id === r.id).map((e) => e.contact_id)));
}

export async function getDeal(scope: TenantScope, id: string): Promise<Deal> {
  const row = await repo.findDeal(scope, id);
  if (!row) throw notFound('The deal');
  return (await hydrate(scope, [row]))[0]!;
}

export async function listDeals(scope: TenantScope, user: CrmUser, q: DealListQuery, inactiveDays: number, now = new Date()): Promise<{ items: Deal[]; nextCursor: string | null; totals: DealTotals }> {
  const inactiveBefore = new Date(now.getTime() - inactiveDays * 86_400_000).toISOString();
  const rows = await repo.listDeals(scope, q, user.id, inactiveBefore, decodeCursor(q.cursor));
  const page = toPage(rows, q.limit, repo.dealSortKey(q.sort), (r) => r);
  const names = new Map((await clientSummariesByIds(scope, [...new Set(page.items.map((d) => d.client_id))])).map((c) => [c.id, c.name]));
  const sums = await repo.dealTotals(scope, q, user.id, inactiveBefore);
  return {
    items: await hydrate(scope, page.items.map((d) => ({ ...d, client_name: names.get(d.client_id) ?? '' }))),
    nextCursor: page.nextCursor,
    totals: {
      count: sums.reduce((n, s) => n + Number(s.count), 0),
      byCurrency: sums
        .filter((s) => s.currency !== null)
        .map((s) => ({ currency: s.currency!, amountMinor: Number(s.amount ?? 0), weightedMinor: Math.round(Number(s.weighted ?? 0) / 100) })),
    },
  };
}

/** Contacts of the client, of its parents, or of its child clients may be on its deals. */
async function checkContacts(scope: TenantScope, clientId: string, ids: { path: string; id: string }[], errors: FieldError[]) {
  if (ids.length === 0) return;
  const family = new Set([clientId, ...(await ancestorIds(scope, (await findClient(scope, clientId))?.parent_id ?? null)), ...(await childrenOf(scope, clientId)).map((c) => c.id)]);
  for (const { path, id } of ids) {
    const contact = await findContact(scope, id);
    if (!contact || !family.has(contact.client_id)) errors.push({ path, message: 'Must be a contact of this client or its hierarchy' });
  }
}

const dealTerms = (title: string) => searchWords(title);

export async function createDeal(scope: TenantScope, user: CrmUser, input: DealCreate): Promise<Deal> {
  assertCan(user, 'record.create');
  const client = await findClient(scope, input.clientId);
  if (!client) throw new AppError('unprocessable', 'The client does not exist.', [{ path: 'clientId', message: 'No such client' }]);
  const errors: FieldError[] = [];
  const contactRefs = [
    ...(input.contactId ? [{ path: 'contactId', id: input.contactId }] : []),
    ...(input.extraContactIds ?? []).map((id, i) => ({ path: `extraContactIds.${i}`, id })),
  ];
  await checkContacts(scope, client.id, contactRefs, errors);
  if (input.ownerId && !(await findUser(scope, input.ownerId))) errors.push({ path: 'ownerId', message: 'No such user in your organization' });
  const stage = input.stage ? await activeStage(scope, input.stage) : await firstStage(scope);
  if (errors.length) throw new AppError('unprocessable', 'The deal cannot be saved as it is.', errors);
  return scope.transaction(async (tx) => {
    const now = new Date().toISOString();
    const record = tx.newRecord(now);
    await tx.insert('deals', {
      ...record,
      client_id: client.id,
      contact_id: input.contactId ?? null,
      title: input.title,
      description: input.description ?? null,
      customer_need: input.customerNeed ?? null,
      proposed_solution: input.proposedSolution ?? null,
      source: input.source ?? null,
      value_minor: input.estimatedValue?.amountMinor ?? null,
      currency: input.estimatedValue?.currency ?? null,
      probability: input.probability ?? stage.probability,
      expected_close_date: input.expectedCloseDate ?? null,
      next_step: input.nextStep ?? null,
      owner_id: input.ownerId ?? user.id,
      stage_key: stage.key,
      status: 'open',
      stage_entered_at: now,
      closed_at: null,
      lost_reason: null,
      won_value_minor: null,
      last_activity_at: null,
    });
    await repo.replaceExtraContacts(tx, record.id, input.extraContactIds ?? []);
    await repo.enterStage(tx, record.id, stage.key, now);
    await replaceTerms(tx, 'deal', record.id, dealTerms(input.title));
    await recordSystemEvent(tx, { clientId: client.id, dealId: record.id, subject: `Deal created: ${input.title}`, event: 'deal-created' });
    return getDeal(tx, record.id);
  });
}

/** Loads a deal the caller may change, checking If-Match; the work runs in one transaction. */
async function changing<R>(scope: TenantScope, user: CrmUser, id: string, ifMatch: number | undefined, work: (tx: TenantScope, deal: Deal) => Promise<R>): Promise<R> {
  return scope.transaction(async (tx) => {
    const deal = await getDeal(tx, id);
    if (!can(user, 'record.update', deal.ownerId) && !can(user, 'record.update', deal.createdBy)) {
      throw new AppError('forbidden', 'Your role does not allow this (record.update).');
    }
    if (ifMatch !== undefined && ifMatch !== deal.version) {
      throw new AppError('precondition-failed', 'The deal was changed by someone else meanwhile. Reload it and try again.', undefined, { currentVersion: deal.version });
    }
    return work(tx, deal);
  });
}

async function save(tx: TenantScope, deal: Deal, changes: Parameters<typeof repo.updateDeal>[2]): Promise<void> {
  if (!(await repo.updateDeal(tx, deal.id, changes, deal.version))) {
    throw new AppError('precondition-failed', 'The deal was changed by someone else meanwhile. Reload it and try again.');
  }
}

export function updateDeal(scope: TenantScope, user: CrmUser, id: string, input: DealUpdate, ifMatch: number | undefined): Promise<Deal> {
  return changing(scope, user, id, ifMatch, async (tx, deal) => {
    const errors: FieldError[] = [];
    const refs = [
      ...(input.contactId ? [{ path: 'contactId', id: input.contactId }] : []),
      ...(input.extraContactIds ?? []).map((cid, i) => ({ path: `extraContactIds.${i}`, id: cid })),
    ];
    await checkContacts(tx, deal.clientId, refs, errors);
    if (input.ownerId && !(await findUser(tx, input.ownerId))) errors.push({ path: 'ownerId', message: 'No such user in your organization' });
    if (errors.length) throw new AppError('unprocessable', 'The deal cannot be saved as it is.', errors);
    const changes = Object.fromEntries(
      Object.entries({
        contact_id: input.contactId,
        title: input.title,
        description: input.description,
        customer_need: input.customerNeed,
        proposed_solution: input.proposedSolution,
        source: input.source,
        value_minor: input.estimatedValue === undefined ? undefined : (input.estimatedValue?.amountMinor ?? null),
        currency: input.estimatedValue === undefined ? undefined : (input.estimatedValue?.currency ?? null),
        probability: input.probability,
        expected_close_date: input.expectedCloseDate,
        next_step: input.nextStep,
        owner_id: input.ownerId,
      }).filter(([, v]) => v !== undefined),
    );
    await save(tx, deal, changes);
    if (input.extraContactIds) await repo.replaceExtraContacts(tx, id, input.extraContactIds);
    if (input.title) await replaceTerms(tx, 'deal', id, dealTerms(input.title));
    if (input.ownerId !== undefined && input.ownerId !== deal.ownerId) {
      const owner = input.ownerId ? await findUser(tx, input.ownerId) : null;
      await recordSystemEvent(tx, { clientId: deal.clientId, dealId: id, subject: `Owner changed to ${owner?.display_name ?? 'nobody'}`, event: 'owner-change' });
    }
    return getDeal(tx, id);
  });
}

async function stageName(scope: TenantScope, key: string): Promise<string> {
  return (await listStages(scope)).find((s) => s.key === key)?.name ?? key;
}

export function moveToStage(scope: TenantScope, user: CrmUser, id: string, stageKey: string, ifMatch: number | undefined): Promise<Deal> {
  return changing(scope, user, id, ifMatch, async (tx, deal) => {
    if (deal.status !== 'open') throw new AppError('conflict', `The deal is ${deal.status}; reopen it before moving it between stages.`);
    const stage = await activeStage(tx, stageKey);
    if (stage.key === deal.stage) return deal;
    const now = new Date().toISOString();
    await save(tx, deal, { stage_key: stage.key, stage_entered_at: now, probability: stage.probability });
    await repo.enterStage(tx, id, stage.key, now);
    await recordSystemEvent(tx, { clientId: deal.clientId, dealId: id, subject: `Stage: ${await stageName(tx, deal.stage)} → ${stage.name}`, event: 'stage-change' });
    return getDeal(tx, id);
  });
}

const today = () => new Date().toISOString().slice(0, 10);

export function winDeal(scope: TenantScope, user: CrmUser, id: string, input: { wonValue?: { amountMinor: number; currency: string }; closeDate?: string }, ifMatch: number | undefined): Promise<Deal> {
  return changing(scope, user, id, ifMatch, async (tx, deal) => {
    if (deal.status !== 'open') throw new AppError('conflict', `The deal is already ${deal.status}; reopen it first.`);
    const currency = input.wonValue?.currency ?? deal.estimatedValue?.currency ?? null;
    if (input.wonValue && deal.estimatedValue && input.wonValue.currency !== deal.estimatedValue.currency) {
      throw new AppError('unprocessable', 'The won value must be in the deal’s currency.', [{ path: 'wonValue.currency', message: `Use ${deal.estimatedValue.currency}` }]);
    }
    await save(tx, deal, {
      status: 'won',
      probability: 100,
      closed_at: input.closeDate ?? today(),
      won_value_minor: input.wonValue?.amountMinor ?? deal.estimatedValue?.amountMinor ?? null,
      currency,
      lost_reason: null,
    });
    await recordSystemEvent(tx, { clientId: deal.clientId, dealId: id, subject: `Deal won: ${deal.title}`, event: 'won' });
    return getDeal(tx, id);
  });
}

export function loseDeal(scope: TenantScope, user: CrmUser, id: string, input: { reason: string; closeDate?: string }, ifMatch: number | undefined): Promise<Deal> {
  return changing(scope, user, id, ifMatch, async (tx, deal) => {
    if (deal.status !== 'open') throw new AppError('conflict', `The deal is already ${deal.status}; reopen it first.`);
    await save(tx, deal, { status: 'lost', probability: 0, closed_at: input.closeDate ?? today(), lost_reason: input.reason, won_value_minor: null });
    await recordSystemEvent(tx, { clientId: deal.clientId, dealId: id, subject: `Deal lost: ${deal.title}`, body: input.reason, event: 'lost' });
    return getDeal(tx, id);
  });
}

export function reopenDeal(scope: TenantScope, user: CrmUser, id: string, ifMatch: number | undefined): Promise<Deal> {
  return changing(scope, user, id, ifMatch, async (tx, deal) => {
    if (deal.status === 'open') throw new AppError('conflict', 'The deal is already open.');
    const stage = (await listStages(tx)).find((s) => s.key === deal.stage && !s.retired) ?? (await firstStage(tx));
    const now = new Date().toISOString();
    await save(tx, deal, { status: 'open', probability: stage.probability, closed_at: null, lost_reason: null, won_value_minor: null, stage_key: stage.key, stage_entered_at: now });
    await repo.enterStage(tx, id, stage.key, now);
    await recordSystemEvent(tx, { clientId: deal.clientId, dealId: id, subject: `Deal reopened in ${stage.name}`, event: 'reopened' });
    return getDeal(tx, id);
  });
}

export async function deleteDeal(scope: TenantScope, user: CrmUser, id: string, ifMatch: number | undefined): Promise<void> {
  await scope.transaction(async (tx) => {
    const deal = await getDeal(tx, id);
    if (!can(user, 'record.delete', deal.ownerId) && !can(user, 'record.delete', deal.createdBy)) throw new AppError('forbidden', 'Your role does not allow this (record.delete).');
    if (ifMatch !== undefined && ifMatch !== deal.version) throw new AppError('precondition-failed', 'The deal was changed by someone else meanwhile.');
    await save(tx, deal, { deleted_at: new Date().toISOString() });
    await removeTerms(tx, [id]);
  });
}

export async function stageHistory(scope: TenantScope, id: string, now = new Date()) {
  await getDeal(scope, id);
  return (await repo.stageHistory(scope, id)).map((h) => ({
    stage: h.stage_key,
    enteredAt: h.entered_at,
    leftAt: h.left_at,
    secondsInStage: Math.round(((h.left_at ? Date.parse(h.left_at) : now.getTime()) - Date.parse(h.entered_at)) / 1000),
  }));
}
