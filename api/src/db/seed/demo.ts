import type { DatabaseHandle } from '../connect.js';
import { TenantScope } from '../tenant-scope.js';
import { upsertUserFromToken, type CrmUser } from '../../features/users/users.repository.js';
import { createClient } from '../../features/clients/clients.service.js';
import { createContact } from '../../features/contacts/contacts.service.js';
import type { ClientCreate } from '../../features/clients/clients.schemas.js';
import type { ContactCreate } from '../../features/contacts/contacts.schemas.js';
import { demoTenant, demoUsers } from './demo-people.js';
import { seedDemoPipeline } from './demo-pipeline.js';

type DemoClient = ClientCreate & { key: string; parentKey?: string; ownerIndex: number; contacts: Omit<ContactCreate, 'clientId'>[] };

/** Invented Czech, Polish and Romanian clients; company ids pass their national checksums. */
export const demoClients: DemoClient[] = [
  {
    key: 'dvorak', ownerIndex: 2, kind: 'company', name: 'Dvořák & syn s.r.o.', companyId: '27182819', vatId: 'CZ27182819', vatPayer: true, country: 'CZ',
    industry: 'Manufacturing', relationshipType: 'customer', website: 'https://www.dvorak-syn.example', email: 'info@dvorak-syn.example', phone: '+420 543 211 100',
    creditLimit: { amountMinor: 50000000, currency: 'CZK' }, paymentTermsDays: 14, preferredContactMethods: ['email', 'phone'], tags: ['klíčový zákazník', 'VIP'],
    description: 'Rodinná výroba kovových konstrukcí, odběratel od roku 2019.',
    addresses: [
      { type: 'registered', street: 'Křenová 1127/58', city: 'Brno', postalCode: '602 00', country: 'CZ' },
      { type: 'contact', street: 'Vídeňská 89', city: 'Brno', postalCode: '639 00', country: 'CZ' },
      { type: 'delivery', label: 'Sklad Modřice', street: 'Husova 12', city: 'Modřice', postalCode: '664 42', country: 'CZ' },
    ],
    contacts: [
      { firstName: 'Jiří', lastName: 'Dvořák', jobTitle: 'Jednatel', email: 'jiri.dvorak@dvorak-syn.example', phone: '+420 602 123 456', isPrimary: true },
      { firstName: 'Věra', lastName: 'Dvořáková', jobTitle: 'Nákup', email: 'vera.dvorakova@dvorak-syn.example', phone: '+420 731 456 789' },
    ],
  },
  {
    key: 'vysocina', ownerIndex: 1, kind: 'company', name: 'Strojírny Vysočina a.s.', companyId: '26141591', vatId: 'CZ26141591', vatPayer: true, country: 'CZ',
    industry: 'Engineering', relationshipType: 'customer', website: 'https://www.strojirny-vysocina.example', paymentTermsDays: 30, tags: ['export'],
    addresses: [{ type: 'registered', street: 'Havlíčkova 4513/110', city: 'Jihlava', postalCode: '586 01', country: 'CZ' }],
    contacts: [
      { firstName: 'Lucie', lastName: 'Horáková', jobTitle: 'Obchodní ředitelka', email: 'lucie.horakova@strojirny-vysocina.example', phone: '+420 777 234 567' },
      { firstName: 'Přemysl', lastName: 'Šťastný', jobTitle: 'Technik', email: 'premysl.stastny@strojirny-vysocina.example', mobile: '+420 608 765 432' },
    ],
  },
  {
    key: 'vysocina-servis', parentKey: 'vysocina', ownerIndex: 1, kind: 'company', name: 'Strojírny Vysočina – servis s.r.o.', companyId: '41421353', vatId: 'CZ41421353', vatPayer: true,
    country: 'CZ', industry: 'Engineering', relationshipType: 'customer',
    addresses: [
      { type: 'registered', street: 'Znojemská 1026', city: 'Třebíč', postalCode: '674 01', country: 'CZ' },
      { type: 'delivery', label: 'Servisní středisko', street: 'Brněnská 77', city: 'Velké Meziříčí', postalCode: '594 01', country: 'CZ' },
    ],
    contacts: [{ firstName: 'Ondřej', lastName: 'Kříž', jobTitle: 'Vedoucí servisu', email: 'ondrej.kriz@vysocina-servis.example', phone: '+420 724 111 222' }],
  },
  {
    key: 'pekarna', ownerIndex: 2, kind: 'company', name: 'Pražská pekárna Šťastný s.r.o.', companyId: '17320500', vatId: 'CZ17320500', vatPayer: false, country: 'CZ',
    industry: 'Food', relationshipType: 'prospect', tags: ['nový'],
    addresses: [{ type: 'registered', street: 'Vinohradská 2396/184', city: 'Praha', postalCode: '130 00', country: 'CZ' }],
    contacts: [{ firstName: 'Markéta', lastName: 'Šťastná', jobTitle: 'Majitelka', email: 'marketa@pekarna-stastny.example', phone: '+420 603 987 654' }],
  },
  {
    key: 'cerny', ownerIndex: 2, kind: 'person', name: 'Tomáš Černý', country: 'CZ', relationshipType: 'customer', email: 'tomas.cerny@posta.example', phone: '+420 739 222 333',
    preferredContactMethods: ['phone'],
    addresses: [{ type: 'contact', street: 'Třída Svobody 956/31', city: 'Olomouc', postalCode: '779 00', country: 'CZ' }],
    contacts: [{ firstName: 'Tomáš', lastName: 'Černý', email: 'tomas.cerny@posta.example', phone: '+420 739 222 333' }],
  },
  {
    key: 'lodz', ownerIndex: 1, kind: 'company', name: 'Łódzkie Zakłady Włókiennicze sp. z o.o.', companyId: '5250012343', vatId: 'PL5250012343', vatPayer: true, country: 'PL',
    industry: 'Textiles', relationshipType: 'customer', website: 'https://www.lzw-lodz.example', paymentTermsDays: 21, creditLimit: { amountMinor: 20000000, currency: 'PLN' },
    tags: ['export', 'VIP'],
    addresses: [
      { type: 'registered', street: 'ul. Piotrkowska 142', city: 'Łódź', postalCode: '90-062', country: 'PL' },
      { type: 'delivery', label: 'Magazyn Zgierz', street: 'ul. Łęczycka 5', city: 'Zgierz', postalCode: '95-100', country: 'PL' },
    ],
    contacts: [
      { firstName: 'Małgorzata', lastName: 'Wójcik', jobTitle: 'Dyrektor zakupów', email: 'malgorzata.wojcik@lzw-lodz.example', phone: '+48 601 234 567' },
      { firstName: 'Grzegorz', lastName: 'Żółkiewski', jobTitle: 'Kierownik logistyki', email: 'grzegorz.zolkiewski@lzw-lodz.example', phone: '+48 512 345 678' },
    ],
  },
  {
    key: 'gdansk', ownerIndex: 1, kind: 'company', name: 'Gdańska Stocznia Jachtowa S.A.', companyId: '7792034514', vatId: 'PL7792034514', vatPayer: true, country: 'PL',
    industry: 'Shipbuilding', relationshipType: 'partner',
    addresses: [{ type: 'registered', street: 'ul. Na Ostrowiu 15', city: 'Gdańsk', postalCode: '80-873', country: 'PL' }],
    contacts: [{ firstName: 'Paweł', lastName: 'Kołodziej', jobTitle: 'Prezes zarządu', email: 'pawel.kolodziej@stocznia-jachtowa.example', phone: '+48 698 765 432' }],
  },
  {
    key: 'krakow', ownerIndex: 0, kind: 'company', name: 'Kraków Software Żółć sp. z o.o.', companyId: '9510003226', vatId: 'PL9510003226', vatPayer: true, country: 'PL',
    industry: 'Software', relationshipType: 'supplier',
    addresses: [{ type: 'registered', street: 'ul. Świętego Filipa 17', city: 'Kraków', postalCode: '31-150', country: 'PL' }],
    contacts: [{ firstName: 'Agnieszka', lastName: 'Łukasiewicz', jobTitle: 'Account manager', email: 'agnieszka@zolc-software.example', phone: '+48 883 112 233' }],
  },
  {
    key: 'stefanescu', ownerIndex: 2, kind: 'company', name: 'Ștefănescu Logistică S.R.L.', companyId: '14567898', vatId: 'RO14567898', vatPayer: true, country: 'RO',
    industry: 'Logistics', relationshipType: 'customer', paymentTermsDays: 30, creditLimit: { amountMinor: 15000000, currency: 'RON' }, tags: ['VIP'],
    addresses: [
      { type: 'registered', street: 'Strada Memorandumului 28', city: 'Cluj-Napoca', postalCode: '400114', country: 'RO' },
      { type: 'delivery', label: 'Depozit Florești', street: 'Strada Avram Iancu 2', city: 'Florești', postalCode: '407280', country: 'RO' },
    ],
    contacts: [
      { firstName: 'Andrei', lastName: 'Ștefănescu', jobTitle: 'Director general', email: 'andrei.stefanescu@stefanescu-logistica.example', phone: '+40 721 234 567' },
      { firstName: 'Ioana', lastName: 'Mureșan', jobTitle: 'Achiziții', email: 'ioana.muresan@stefanescu-logistica.example', phone: '+40 744 555 666' },
    ],
  },
  {
    key: 'brasov', ownerIndex: 0, kind: 'company', name: 'Brașov Mobila S.A.', companyId: '30987656', vatId: 'RO30987656', vatPayer: true, country: 'RO',
    industry: 'Furniture', relationshipType: 'customer',
    addresses: [{ type: 'registered', street: 'Bulevardul Eroilor 17', city: 'Brașov', postalCode: '500030', country: 'RO' }],
    contacts: [{ firstName: 'Mihai', lastName: 'Țurcanu', jobTitle: 'Director comercial', email: 'mihai.turcanu@brasov-mobila.example', phone: '+40 733 123 456' }],
  },
  {
    key: 'brasov-distributie', parentKey: 'brasov', ownerIndex: 0, kind: 'company', name: 'Brașov Mobila Distribuție S.R.L.', companyId: '41234564', vatId: 'RO41234564', vatPayer: true,
    country: 'RO', industry: 'Furniture', relationshipType: 'customer',
    addresses: [{ type: 'registered', street: 'Strada Aristide Demetriade 1', city: 'Timișoara', postalCode: '300088', country: 'RO' }],
    contacts: [{ firstName: 'Elena', lastName: 'Bălan', jobTitle: 'Logistică', email: 'elena.balan@brasov-mobila.example', phone: '+40 755 987 654' }],
  },
  {
    key: 'iasi', ownerIndex: 2, kind: 'company', name: 'Țesătoria Iași S.R.L.', companyId: '28600110', vatId: 'RO28600110', vatPayer: false, country: 'RO',
    industry: 'Textiles', relationshipType: 'prospect',
    addresses: [{ type: 'registered', street: 'Bulevardul Ștefan cel Mare și Sfânt 8', city: 'Iași', postalCode: '700063', country: 'RO' }],
    contacts: [{ firstName: 'Cristina', lastName: 'Văduva', jobTitle: 'Administrator', email: 'cristina.vaduva@tesatoria-iasi.example', phone: '+40 722 333 444' }],
  },
];

/** The demo users as CRM users (created the way a first sign-in creates them). */
export async function demoCrmUsers(database: DatabaseHandle): Promise<CrmUser[]> {
  const users: CrmUser[] = [];
  for (const u of demoUsers) {
    users.push(await upsertUserFromToken(database.db, { tenantId: u.tenantId, oid: u.userId, name: u.name, email: u.email, roles: u.roles, expiresAt: 0 }));
  }
  return users;
}

/** Seeds the demo tenant when it has no clients yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(database: DatabaseHandle): Promise<boolean> {
  const any = await database.db.selectFrom('clients').select('id').where('tenant_id', '=', demoTenant.id).limit(1).executeTakeFirst();
  if (any) return false;
  const users = await demoCrmUsers(database);
  await database.db.updateTable('tenants').set({ name: demoTenant.name }).where('id', '=', demoTenant.id).execute();
  const ids = new Map<string, string>();
  for (const { key, parentKey, ownerIndex, contacts, ...input } of demoClients) {
    const owner = users[ownerIndex]!;
    const scope = new TenantScope(database.db, { tenantId: demoTenant.id, userId: owner.id }, database.dialect);
    const client = await createClient(scope, owner, { ...input, ownerId: owner.id, parentId: parentKey ? ids.get(parentKey) : undefined });
    ids.set(key, client.id);
    for (const c of contacts) await createContact(scope, owner, { ...c, clientId: client.id });
  }
  await seedDemoPipeline(database, users, ids);
  return true;
}
