import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import { can } from '../../auth/roles.js';
import type { CrmUser } from '../users/users.repository.js';
import { decodeCursor, toPage, type Page } from '../../http/pagination.js';
import { normalizePhone, phoneSearchForms } from '../../contract/phone.js';
import { normalizeText, searchWords } from '../search/normalize.js';
import { searchQueryWords } from '../search/search-query.js';
import { removeTerms, replaceTerms } from '../search/search.repository.js';
import { diffFields, recordHistory } from '../history/history.repository.js';
import { findClient } from '../clients/clients.repository.js';
import * as repo from './contacts.repository.js';
import type { Contact, ContactCreate, ContactListQuery, ContactUpdate } from './contacts.schemas.js';

export function toContact(row: repo.ContactRow): Contact {
  return {
    id: row.id,
    clientId: row.client_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    jobTitle: row.job_title,
    isPrimary: Boolean(row.is_primary),
    preferredContactMethods: JSON.parse(row.preferred_contact_methods),
    doNotContact: Boolean(row.do_not_contact),
    notes: row.notes,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

export function contactSearchTerms(c: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'phone' | 'mobile'>): string[] {
  const terms = [...searchWords(c.firstName), ...searchWords(c.lastName), ...searchWords(c.email)];
  for (const p of [c.phone, c.mobile]) if (p) terms.push(...phoneSearchForms(p));
  return terms;
}

export const contactSortName = (firstName: string, lastName: string) => normalizeText(`${lastName} ${firstName}`).slice(0, 200);

/** A contact may be changed by whoever may change its client, or by whoever created it. */
function assertCanChange(user: CrmUser, contact: repo.ContactRow, clientOwner: string | null, permission: 'record.update' | 'record.delete') {
  if (!can(user, permission, clientOwner) && !can(user, permission, contact.created_by)) {
    throw new AppError('forbidden', `Your role does not allow this (${permission}).`);
  }
}

function phones(input: ContactUpdate, country: string | null, errors: FieldError[]) {
  const out: { phone?: string | null; mobile?: string | null } = {};
  for (const field of ['phone', 'mobile'] as const) {
    const value = input[field];
    if (value === undefined || value === null) {
      if (value === null) out[field] = null;
      continue;
    }
    const e164 = normalizePhone(value, country);
    if (!e164) errors.push({ path: field, message: 'Not a phone number we can read; include the country code, e.g. +48 601 234 567' });
    out[field] = e164;
  }
  return out;
}

export async function getContact(scope: TenantScope, id: string): Promise<Contact> {
  const row = await repo.findContact(scope, id);
  if (!row) throw notFound('The contact');
  return toContact(row);
}

export async function listContacts(scope: TenantScope, q: ContactListQuery): Promise<Page<Contact>> {
  const words = q.q ? searchQueryWords(q.q) : [];
  if (q.q && words.length === 0) return { items: [], nextCursor: null };
  const rows = await repo.listContacts(scope, q, words, decodeCursor(q.cursor));
  return toPage(rows, q.limit, (r) => [r.sort_name, r.id], toContact);
}

export async function contactsOfClient(scope: TenantScope, clientId: string): Promise<Contact[]> {
  if (!(await findClient(scope, clientId))) throw notFound('The client');
  return (await repo.contactsOfClient(scope, clientId)).map(toContact);
}

export async function createContact(scope: TenantScope, user: CrmUser, input: ContactCreate): Promise<Contact> {
  if (!can(user, 'record.create')) throw new AppError('forbidden', 'Your role does not allow this (record.create).');
  return scope.transaction(async (tx) => {
    const client = await findClient(tx, input.clientId);
    if (!client) throw new AppError('unprocessable', 'The client does not exist.', [{ path: 'clientId', message: 'No such client' }]);
    const errors: FieldError[] = [];
    const p = phones(input, client.country, errors);
    if (errors.length) throw new AppError('validation', 'The request body has invalid fields.', errors);
    const record = tx.newRecord();
    await repo.insertContact(tx, {
      ...record,
      client_id: client.id,
      first_name: input.firstName,
      last_name: input.lastName,
      sort_name: contactSortName(input.firstName, input.lastName),
      email: input.email ?? null,
      phone: p.phone ?? null,
      mobile: p.mobile ?? null,
      job_title: input.jobTitle ?? null,
      is_primary: 0,
      preferred_contact_methods: JSON.stringify(input.preferredContactMethods ?? []),
      do_not_contact: Number(input.doNotContact ?? false),
      notes: input.notes ?? null,
    });
    // The first contact of a client becomes its primary contact.
    if (input.isPrimary || !client.primary_contact_id) await repo.markPrimary(tx, client.id, record.id);
    const created = await getContact(tx, record.id);
    await replaceTerms(tx, 'contact', created.id, contactSearchTerms(created));
    await recordHistory(tx, { entityType: 'contact', entityId: created.id, clientId: client.id, action: 'create', changes: [{ field: 'contact', from: null, to: `${created.firstName} ${created.lastName}` }] });
    return created;
  });
}

export async function updateContact(scope: TenantScope, user: CrmUser, id: string, input: ContactUpdate, ifMatch: number | undefined): Promise<Contact> {
  return scope.transaction(async (tx) => {
    const row = await repo.findContact(tx, id);
    if (!row) throw notFound('The contact');
    const client = (await findClient(tx, row.client_id))!;
    assertCanChange(user, row, client.owner_id ?? client.created_by, 'record.update');
    if (ifMatch !== undefined && ifMatch !== row.version) {
      throw new AppError('precondition-failed', 'The contact was changed by someone else meanwhile. Reload it and apply your change again.', undefined, { currentVersion: row.version });
    }
    if (input.isPrimary === false && row.is_primary) {
      throw new AppError('unprocessable', 'A client with contacts has one primary contact: mark another contact as primary instead.', [{ path: 'isPrimary', message: 'Mark another contact as primary instead' }]);
    }
    const errors: FieldError[] = [];
    const p = phones(input, client.country, errors);
    if (errors.length) throw new AppError('validation', 'The request body has invalid fields.', errors);
    const before = toContact(row);
    const firstName = input.firstName ?? row.first_name;
    const lastName = input.lastName ?? row.last_name;
    const changes = Object.fromEntries(
      Object.entries({
        first_name: input.firstName,
        last_name: input.lastName,
        sort_name: input.firstName !== undefined || input.lastName !== undefined ? contactSortName(firstName, lastName) : undefined,
        email: input.email,
        phone: p.phone,
        mobile: p.mobile,
        job_title: input.jobTitle,
        preferred_contact_methods: input.preferredContactMethods === undefined ? undefined : JSON.stringify(input.preferredContactMethods),
        do_not_contact: input.doNotContact === undefined ? undefined : Number(input.doNotContact),
        notes: input.notes,
      }).filter(([, v]) => v !== undefined),
    );
    if (!(await repo.updateContact(tx, id, changes, row.version))) {
      throw new AppError('precondition-failed', 'The contact was changed by someone else meanwhile. Reload it and apply your change again.');
    }
    if (input.isPrimary === true && !row.is_primary) await repo.markPrimary(tx, row.client_id, id);
    const after = await getContact(tx, id);
    const diff = diffFields(before, after, Object.keys(input)).map((c) => ({ ...c, field: `contact.${c.field}` }));
    if (diff.length) await recordHistory(tx, { entityType: 'contact', entityId: id, clientId: row.client_id, action: 'update', changes: diff });
    await replaceTerms(tx, 'contact', id, contactSearchTerms(after));
    return after;
  });
}

export async function deleteContact(scope: TenantScope, user: CrmUser, id: string, ifMatch: number | undefined): Promise<void> {
  await scope.transaction(async (tx) => {
    const row = await repo.findContact(tx, id);
    if (!row) throw notFound('The contact');
    const client = (await findClient(tx, row.client_id))!;
    assertCanChange(user, row, client.owner_id ?? client.created_by, 'record.delete');
    if (ifMatch !== undefined && ifMatch !== row.version) throw new AppError('precondition-failed', 'The contact was changed by someone else meanwhile.');
    const now = new Date().toISOString();
    await repo.updateContact(tx, id, { deleted_at: now, is_primary: 0 }, row.version);
    if (row.is_primary) {
      // Keep exactly one primary while any contact remains: promote the longest-standing one.
      const next = (await repo.contactsOfClient(tx, row.client_id))[0];
      await repo.markPrimary(tx, row.client_id, next?.id ?? null);
    }
    await removeTerms(tx, [id]);
    await recordHistory(tx, { entityType: 'contact', entityId: id, clientId: row.client_id, action: 'delete', changes: [{ field: 'contact', from: `${row.first_name} ${row.last_name}`, to: null }] });
  });
}
