import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import type { CrmUser } from '../users/users.repository.js';
import { findUser } from '../users/users.repository.js';
import { decodeCursor, toPage, type Page } from '../../http/pagination.js';
import { normalizePhone, phoneSearchForms } from '../../contract/phone.js';
import { normalizeText, searchWords } from '../search/normalize.js';
import { searchQueryWords } from '../search/search-query.js';
import { removeTerms, replaceTerms } from '../search/search.repository.js';
import { diffFields, recordHistory } from '../history/history.repository.js';
import * as repo from './clients.repository.js';
import { markPrimary } from '../contacts/contacts.repository.js';
import type { Client, ClientCreate, ClientListQuery, ClientUpdate } from './clients.schemas.js';

type AddressInput = NonNullable<ClientCreate['addresses']>[number];

export function toClient(row: repo.ClientRow, addresses: repo.AddressRow[], tags: string[]): Client {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    companyId: row.company_id,
    vatId: row.vat_id,
    vatPayer: row.vat_payer === null ? null : Boolean(row.vat_payer),
    country: row.country,
    industry: row.industry,
    relationshipType: row.relationship_type as Client['relationshipType'],
    parentId: row.parent_id,
    ownerId: row.owner_id,
    primaryContactId: row.primary_contact_id,
    description: row.description,
    website: row.website,
    email: row.email,
    phone: row.phone,
    creditLimit: row.credit_limit_minor === null || row.credit_limit_currency === null ? null : { amountMinor: Number(row.credit_limit_minor), currency: row.credit_limit_currency },
    paymentTermsDays: row.payment_terms_days,
    preferredContactMethods: JSON.parse(row.preferred_contact_methods),
    doNotContact: Boolean(row.do_not_contact),
    tags,
    addresses: addresses.map((a) => ({
      id: a.id,
      type: a.type,
      label: a.label,
      street: a.street,
      city: a.city,
      postalCode: a.postal_code,
      country: a.country,
    })),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

/** Clients with their addresses and tags, in the order of `rows`. */
async function hydrate(scope: TenantScope, rows: repo.ClientRow[]): Promise<Client[]> {
  const ids = rows.map((r) => r.id);
  const [addresses, tags] = await Promise.all([repo.addressesOf(scope, ids), repo.tagsOf(scope, ids)]);
  return rows.map((r) =>
    toClient(
      r,
      addresses.filter((a) => a.client_id === r.id),
      tags.filter((t) => t.client_id === r.id).map((t) => t.tag),
    ),
  );
}

export async function getClient(scope: TenantScope, id: string): Promise<Client> {
  const row = await repo.findClient(scope, id);
  if (!row) throw notFound('The client');
  return (await hydrate(scope, [row]))[0]!;
}

export async function listClients(scope: TenantScope, q: ClientListQuery): Promise<Page<Client>> {
  const words = q.q ? searchQueryWords(q.q) : [];
  if (q.q && words.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.listClients(scope, q, words, decodeCursor(q.cursor));
  const page = toPage(rows, q.limit, repo.clientSortKey(q.sort), (r) => r);
  return { items: await hydrate(scope, page.items), nextCursor: page.nextCursor };
}

export async function childClients(scope: TenantScope, id: string): Promise<Client[]> {
  await getClient(scope, id);
  return hydrate(scope, await repo.childrenOf(scope, id));
}

function clientSearchTerms(c: Client): string[] {
  const terms = [...searchWords(c.name), ...searchWords(c.email), ...searchWords(c.website?.replace(/^https?:\/\/(www\.)?/, ''))];
  for (const id of [c.companyId, c.vatId]) {
    if (id) terms.push(normalizeText(id).replace(/[^\p{L}\p{N}]/gu, ''), ...searchWords(id));
  }
  if (c.vatId) terms.push(c.vatId.replace(/\D/g, ''));
  if (c.phone) terms.push(...phoneSearchForms(c.phone));
  return terms;
}

/** Field-level checks that need the database or another field; collected so all show at once. */
async function checkReferences(scope: TenantScope, id: string | null, input: ClientUpdate, errors: FieldError[]): Promise<void> {
  if (input.ownerId && !(await findUser(scope, input.ownerId))) errors.push({ path: 'ownerId', message: 'No such user in your organization' });
  if (input.parentId) {
    if (input.parentId === id) errors.push({ path: 'parentId', message: 'A client cannot be its own parent' });
    else if (!(await repo.findClient(scope, input.parentId))) errors.push({ path: 'parentId', message: 'No such client' });
    else if (id && (await repo.ancestorIds(scope, input.parentId)).includes(id)) {
      errors.push({ path: 'parentId', message: 'This parent would make a cycle: the client is already its ancestor' });
    }
  }
  if (input.primaryContactId) {
    const contact = id
      ? await scope.selectFrom('contacts').select('id').where('id', '=', input.primaryContactId).where('client_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
      : undefined;
    if (!contact) errors.push({ path: 'primaryContactId', message: 'Must be a contact of this client' });
  } else if (input.primaryContactId === null && id) {
    const any = await scope.selectFrom('contacts').select('id').where('client_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (any) errors.push({ path: 'primaryContactId', message: 'A client with contacts has one primary contact' });
  }
}

function normalizedPhone(input: ClientUpdate, country: string | null | undefined, errors: FieldError[]): string | null | undefined {
  if (input.phone === undefined || input.phone === null) return input.phone;
  const e164 = normalizePhone(input.phone, country);
  if (!e164) errors.push({ path: 'phone', message: 'Not a phone number we can read; include the country code, e.g. +420 777 123 456' });
  return e164;
}

function columnsFrom(input: ClientUpdate, phone: string | null | undefined) {
  const cols: Record<string, unknown> = {
    kind: input.kind,
    name: input.name,
    sort_name: input.name === undefined ? undefined : normalizeText(input.name),
    company_id: input.companyId,
    vat_id: input.vatId === undefined || input.vatId === null ? input.vatId : input.vatId.replace(/\s+/g, '').toUpperCase(),
    vat_payer: input.vatPayer === undefined || input.vatPayer === null ? input.vatPayer : Number(input.vatPayer),
    country: input.country,
    industry: input.industry,
    relationship_type: input.relationshipType,
    parent_id: input.parentId,
    owner_id: input.ownerId,
    primary_contact_id: input.primaryContactId,
    description: input.description,
    website: input.website,
    email: input.email,
    phone,
    credit_limit_minor: input.creditLimit === undefined ? undefined : (input.creditLimit?.amountMinor ?? null),
    credit_limit_currency: input.creditLimit === undefined ? undefined : (input.creditLimit?.currency ?? null),
    payment_terms_days: input.paymentTermsDays,
    preferred_contact_methods: input.preferredContactMethods === undefined ? undefined : JSON.stringify(input.preferredContactMethods),
    do_not_contact: input.doNotContact === undefined ? undefined : Number(input.doNotContact),
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
}

const addressColumns = (a: AddressInput) => ({
  type: a.type,
  label: a.label ?? null,
  street: a.street ?? null,
  city: a.city ?? null,
  postal_code: a.postalCode ?? null,
  country: a.country ?? null,
});

export async function createClient(scope: TenantScope, user: CrmUser, input: ClientCreate): Promise<Client> {
  assertCan(user, 'record.create');
  const errors: FieldError[] = [];
  await checkReferences(scope, null, input, errors);
  const phone = normalizedPhone(input, input.country, errors);
  if (errors.length) throw new AppError('unprocessable', 'Some fields refer to records that cannot be used here.', errors);
  return scope.transaction(async (tx) => {
    const record = tx.newRecord();
    await repo.insertClient(tx, {
      ...record,
      preferred_contact_methods: '[]',
      do_not_contact: 0,
      owner_id: user.id,
      ...columnsFrom(input, phone),
    } as Parameters<typeof repo.insertClient>[1]);
    await repo.replaceAddresses(tx, record.id, (input.addresses ?? []).map(addressColumns));
    await repo.replaceTags(tx, record.id, input.tags ?? []);
    const created = await getClient(tx, record.id);
    await replaceTerms(tx, 'client', created.id, clientSearchTerms(created));
    await recordHistory(tx, { entityType: 'client', entityId: created.id, clientId: created.id, action: 'create' });
    return created;
  });
}

export async function updateClient(scope: TenantScope, user: CrmUser, id: string, input: ClientUpdate, ifMatch: number | undefined): Promise<Client> {
  return scope.transaction(async (tx) => {
    const before = await getClient(tx, id);
    assertCan(user, 'record.update', before.ownerId ?? before.createdBy);
    if (ifMatch !== undefined && ifMatch !== before.version) {
      throw new AppError('precondition-failed', 'The client was changed by someone else meanwhile. Reload it and apply your change again.', undefined, { currentVersion: before.version });
    }
    const errors: FieldError[] = [];
    await checkReferences(tx, id, input, errors);
    const phone = normalizedPhone(input, input.country ?? before.country, errors);
    if (errors.length) throw new AppError('unprocessable', 'Some fields refer to records that cannot be used here.', errors);
    const updated = await repo.updateClient(tx, id, columnsFrom(input, phone), before.version);
    if (!updated) throw new AppError('precondition-failed', 'The client was changed by someone else meanwhile. Reload it and apply your change again.');
    if (input.addresses) await repo.replaceAddresses(tx, id, input.addresses.map(addressColumns));
    if (input.tags) await repo.replaceTags(tx, id, input.tags);
    if (input.primaryContactId) await markPrimary(tx, id, input.primaryContactId);
    const after = await getClient(tx, id);
    const comparable = (c: Client) => ({ ...c, addresses: c.addresses.map(({ id: _id, ...a }) => a) });
    const changes = diffFields(comparable(before), comparable(after), Object.keys(input));
    if (changes.length) await recordHistory(tx, { entityType: 'client', entityId: id, clientId: id, action: 'update', changes });
    await replaceTerms(tx, 'client', id, clientSearchTerms(after));
    return after;
  });
}

export async function deleteClient(scope: TenantScope, user: CrmUser, id: string, ifMatch: number | undefined): Promise<void> {
  await scope.transaction(async (tx) => {
    const before = await getClient(tx, id);
    assertCan(user, 'record.delete', before.ownerId ?? before.createdBy);
    if (ifMatch !== undefined && ifMatch !== before.version) throw new AppError('precondition-failed', 'The client was changed by someone else meanwhile.');
    if ((await repo.childrenOf(tx, id)).length) {
      throw new AppError('conflict', 'This client has child clients. Move or delete them first.');
    }
    if (!(await repo.softDeleteClient(tx, id, before.version))) throw new AppError('precondition-failed', 'The client was changed by someone else meanwhile.');
    const now = new Date().toISOString();
    const contactIds = (await tx.selectFrom('contacts').select('id').where('client_id', '=', id).where('deleted_at', 'is', null).execute()).map((c) => c.id);
    await tx.updateTable('contacts').set({ deleted_at: now, updated_at: now, updated_by: user.id }).where('client_id', '=', id).where('deleted_at', 'is', null).execute();
    await removeTerms(tx, [id, ...contactIds]);
    await recordHistory(tx, { entityType: 'client', entityId: id, clientId: id, action: 'delete' });
  });
}

/** Search terms for a client, for bulk loaders that insert rows without the service. */
export { clientSearchTerms };
