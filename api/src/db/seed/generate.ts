import { v7 as uuidv7 } from 'uuid';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../connect.js';
import { TenantScope } from '../tenant-scope.js';
import type { TenantInsert } from '../tenant-scope.js';
import { normalizeText, searchWords } from '../../features/search/normalize.js';
import { contactSearchTerms, contactSortName } from '../../features/contacts/contacts.service.js';
import { upsertUserFromToken } from '../../features/users/users.repository.js';

/**
 * Bulk data for benchmarks and big demos: plausible Czech, Polish and Romanian clients with
 * contacts, written straight through the tenant scope in large transactions (the services
 * would write history rows one by one, far too slow for a million contacts).
 */
const firstNames = ['Jiří', 'Jana', 'Petr', 'Lucie', 'Tomáš', 'Markéta', 'Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Andrei', 'Ioana', 'Mihai', 'Elena', 'Ștefan', 'Ana', 'Ondřej', 'Zuzana', 'Grzegorz', 'Cristina'];
const lastNames = ['Dvořák', 'Novák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Wójcik', 'Kowalski', 'Żółkiewski', 'Łukasiewicz', 'Nowak', 'Popescu', 'Ștefănescu', 'Mureșan', 'Țurcanu', 'Bălan', 'Horák', 'Šťastný', 'Kříž', 'Văduva'];
const stems = ['Stroj', 'Tex', 'Agro', 'Log', 'Bud', 'Elektro', 'Pekař', 'Dřevo', 'Sklo', 'Kov', 'Mobil', 'Trans', 'Chem', 'Farm', 'Med', 'Info', 'Papír', 'Plast', 'Energ', 'Stav'];
const suffixes = { CZ: ['s.r.o.', 'a.s.', 'v.o.s.'], PL: ['sp. z o.o.', 'S.A.', 'sp.j.'], RO: ['S.R.L.', 'S.A.', 'S.N.C.'] } as const;
const cities = { CZ: ['Praha', 'Brno', 'Ostrava', 'Plzeň', 'Olomouc', 'České Budějovice'], PL: ['Łódź', 'Kraków', 'Gdańsk', 'Wrocław', 'Poznań', 'Warszawa'], RO: ['Cluj-Napoca', 'Brașov', 'Iași', 'Timișoara', 'Constanța', 'București'] } as const;
const countries = ['CZ', 'PL', 'RO'] as const;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export interface GenerateOptions {
  tenantId: string;
  clients: number;
  contactsPerClient: number;
  /** Activities (notes, calls, tasks) per client, spread over the last year. */
  activitiesPerClient?: number;
  /** One deal per this many clients (0: none). */
  dealEvery?: number;
  /** Called after each batch with the number of clients written so far. */
  progress?: (done: number) => void;
}

export async function generateClients(database: DatabaseHandle, options: GenerateOptions): Promise<{ ownerId: string; clientIds: string[] }> {
  const owner = await upsertUserFromToken(database.db, {
    tenantId: options.tenantId,
    oid: '00000000-0000-4000-8000-00000000b001',
    name: 'Bulk Owner',
    email: 'bulk.owner@bench.example',
    roles: ['Manager'],
    expiresAt: 0,
  });
  const scope = new TenantScope(database.db, { tenantId: options.tenantId, userId: owner.id }, database.dialect);
  const clientIds: string[] = [];
  const batch = 1000;
  for (let start = 0; start < options.clients; start += batch) {
    const end = Math.min(options.clients, start + batch);
    await scope.transaction(async (tx) => {
      const now = new Date().toISOString();
      const clients: TenantInsert<'clients'>[] = [];
      const contacts: TenantInsert<'contacts'>[] = [];
      const terms: TenantInsert<'search_terms'>[] = [];
      const deals: TenantInsert<'deals'>[] = [];
      const activities: TenantInsert<'activities'>[] = [];
      for (let i = start; i < end; i++) {
        const country = pick(countries, i);
        const name = `${pick(stems, i)}${pick(stems, Math.floor(i / 20)).toLowerCase()} ${pick(lastNames, Math.floor(i / 400))} ${pick(suffixes[country], i)} ${i}`;
        const id = uuidv7();
        clientIds.push(id);
        const contactIds: string[] = [];
        for (let j = 0; j < options.contactsPerClient; j++) {
          const n = i * options.contactsPerClient + j;
          const firstName = pick(firstNames, n);
          const lastName = pick(lastNames, Math.floor(n / 7));
          const contactId = uuidv7();
          contactIds.push(contactId);
          const email = `${normalizeText(firstName)}.${normalizeText(lastName)}${n}@firma${i}.example`;
          const phone = `+420${600000000 + (n % 99999999)}`;
          contacts.push({
            id: contactId, created_at: now, created_by: owner.id, updated_at: now, updated_by: owner.id, version: 1, deleted_at: null,
            client_id: id, first_name: firstName, last_name: lastName, sort_name: contactSortName(firstName, lastName), email, phone, mobile: null,
            job_title: null, is_primary: j === 0 ? 1 : 0, preferred_contact_methods: '[]', do_not_contact: 0, notes: null,
          });
          for (const term of new Set(contactSearchTerms({ firstName, lastName, email, phone, mobile: null }))) {
            terms.push({ entity_type: 'contact', entity_id: contactId, term });
          }
        }
        clients.push({
          id, created_at: now, created_by: owner.id, updated_at: now, updated_by: owner.id, version: 1, deleted_at: null,
          kind: 'company', name, sort_name: normalizeText(name), company_id: String(10000000 + i), vat_id: null, vat_payer: null, country,
          industry: pick(['Manufacturing', 'Textiles', 'Logistics', 'Food', 'Software'], i), relationship_type: pick(['customer', 'prospect', 'partner'], i),
          parent_id: null, owner_id: owner.id, primary_contact_id: contactIds[0] ?? null, description: `${pick(cities[country], i)}`, website: null, email: null, phone: null,
          credit_limit_minor: null, credit_limit_currency: null, payment_terms_days: 14, preferred_contact_methods: '[]', do_not_contact: 0,
        });
        for (const term of new Set([...searchWords(name), String(10000000 + i)])) terms.push({ entity_type: 'client', entity_id: id, term });
        const dealEvery = options.dealEvery ?? 0;
        let dealId: string | null = null;
        if (dealEvery > 0 && i % dealEvery === 0) {
          dealId = uuidv7();
          const status = pick(['open', 'open', 'open', 'won', 'lost'] as const, i / dealEvery);
          const stage = pick(['qualify', 'develop', 'propose', 'close'], i / dealEvery);
          const title = `${pick(stems, i)} ${pick(['linka', 'dodávka', 'servis', 'licence'], i)} ${i}`;
          deals.push({
            id: dealId, created_at: now, created_by: owner.id, updated_at: now, updated_by: owner.id, version: 1, deleted_at: null,
            client_id: id, contact_id: contactIds[0] ?? null, title, description: null, customer_need: null, proposed_solution: null, source: 'web',
            value_minor: 100_000 * (1 + (i % 97)), currency: pick(['CZK', 'PLN', 'RON', 'EUR'], i), probability: status === 'won' ? 100 : status === 'lost' ? 0 : 30,
            expected_close_date: new Date(Date.now() + ((i % 365) - 60) * 86_400_000).toISOString().slice(0, 10), next_step: null, owner_id: owner.id,
            stage_key: stage, status, stage_entered_at: now, closed_at: null, lost_reason: null, won_value_minor: null,
            last_activity_at: new Date(Date.now() - (i % 90) * 86_400_000).toISOString(),
          });
          for (const term of new Set(searchWords(title))) terms.push({ entity_type: 'deal', entity_id: dealId, term });
        }
        for (let k = 0; k < (options.activitiesPerClient ?? 0); k++) {
          const type = pick(['note', 'call', 'task', 'note', 'email'] as const, k);
          const occurred = new Date(Date.now() - ((i * 7 + k * 13) % 365) * 86_400_000 - k * 60_000).toISOString();
          activities.push({
            id: uuidv7(), created_at: occurred, created_by: owner.id, updated_at: occurred, updated_by: owner.id, version: 1, deleted_at: null,
            type, subject: `${type} ${k} – ${name.slice(0, 40)}`, body: null, client_id: id, deal_id: k % 4 === 0 ? dealId : null, contact_id: contactIds[k % Math.max(1, contactIds.length)] ?? null,
            occurred_at: occurred, due_at: type === 'task' ? occurred : null, reminder_at: null, completed_at: type === 'task' && k % 2 === 0 ? occurred : null,
            priority: type === 'task' ? 'normal' : null, assignee_id: type === 'task' ? owner.id : null, call_direction: type === 'call' ? 'outbound' : null,
            call_duration_seconds: type === 'call' ? 300 : null, call_outcome: null, event: null, meeting_id: null, email_id: null,
          });
        }
      }
      await tx.insert('clients', clients);
      await tx.insert('contacts', contacts);
      await tx.insert('search_terms', terms);
      await tx.insert('deals', deals);
      await tx.insert('activities', activities);
    });
    options.progress?.(end);
  }
  // Fresh statistics for the planner after a bulk load (see connect.ts).
  if (database.dialect === 'sqlite') await sql`analyze`.execute(database.db);
  return { ownerId: owner.id, clientIds };
}
