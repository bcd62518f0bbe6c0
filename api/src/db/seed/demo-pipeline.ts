import type { DatabaseHandle } from '../connect.js';
import { TenantScope } from '../tenant-scope.js';
import type { CrmUser } from '../../features/users/users.repository.js';
import { createDeal, loseDeal, moveToStage, winDeal } from '../../features/deals/deals.service.js';
import { createActivity } from '../../features/activities/activities.service.js';
import { convertLead, createLead, disqualifyLead } from '../../features/leads/leads.service.js';
import { demoTenant } from './demo-people.js';

interface DemoDeal {
  client: string;
  owner: number;
  title: string;
  value: [number, string];
  stage: 'qualify' | 'develop' | 'propose' | 'close';
  outcome?: 'won' | 'lost';
  closeInDays: number;
  nextStep?: string;
}

/** Deals in every stage and status, in the currencies the demo clients pay in. */
const deals: DemoDeal[] = [
  { client: 'dvorak', owner: 2, title: 'Ocelové konstrukce hala B', value: [185000000, 'CZK'], stage: 'propose', closeInDays: 20, nextStep: 'Poslat upravenou nabídku' },
  { client: 'dvorak', owner: 2, title: 'Servisní smlouva 2027', value: [24000000, 'CZK'], stage: 'qualify', closeInDays: 60 },
  { client: 'vysocina', owner: 1, title: 'Obráběcí centrum CNC', value: [420000000, 'CZK'], stage: 'close', closeInDays: 7, nextStep: 'Podpis smlouvy' },
  { client: 'vysocina-servis', owner: 1, title: 'Náhradní díly – rámcová smlouva', value: [9500000, 'CZK'], stage: 'develop', closeInDays: 35 },
  { client: 'pekarna', owner: 2, title: 'Pekárenská linie', value: [68000000, 'CZK'], stage: 'qualify', closeInDays: 90 },
  { client: 'lodz', owner: 1, title: 'Dostawa przędzy 2027', value: [54000000, 'PLN'], stage: 'develop', closeInDays: 30, nextStep: 'Spotkanie z zarządem' },
  { client: 'lodz', owner: 1, title: 'Linia farbiarska', value: [120000000, 'PLN'], stage: 'propose', outcome: 'won', closeInDays: -12 },
  { client: 'gdansk', owner: 1, title: 'Wyposażenie jachtów', value: [31000000, 'PLN'], stage: 'develop', outcome: 'lost', closeInDays: -30 },
  { client: 'krakow', owner: 0, title: 'Licencje CRM', value: [4800000, 'EUR'], stage: 'close', outcome: 'won', closeInDays: -45 },
  { client: 'stefanescu', owner: 2, title: 'Flotă de camioane frigorifice', value: [260000000, 'RON'], stage: 'propose', closeInDays: 14, nextStep: 'Negociere preț' },
  { client: 'brasov', owner: 0, title: 'Mobilier birouri', value: [45000000, 'RON'], stage: 'close', closeInDays: 5 },
  { client: 'brasov-distributie', owner: 0, title: 'Depozit Timișoara', value: [18000000, 'EUR'], stage: 'qualify', closeInDays: 75 },
  { client: 'iasi', owner: 2, title: 'Utilaje țesătorie', value: [39000000, 'RON'], stage: 'develop', outcome: 'lost', closeInDays: -8 },
];

const order = ['qualify', 'develop', 'propose', 'close'] as const;
const day = 86_400_000;

export async function seedDemoPipeline(database: DatabaseHandle, users: CrmUser[], clientIds: Map<string, string>): Promise<void> {
  const scopeFor = (u: CrmUser) => new TenantScope(database.db, { tenantId: demoTenant.id, userId: u.id }, database.dialect);
  const now = Date.now();
  for (const d of deals) {
    const owner = users[d.owner]!;
    const scope = scopeFor(owner);
    const clientId = clientIds.get(d.client)!;
    const contact = await scope.selectFrom('contacts').select('id').where('client_id', '=', clientId).where('is_primary', '=', 1).executeTakeFirst();
    const deal = await createDeal(scope, owner, {
      clientId,
      contactId: contact?.id ?? null,
      title: d.title,
      estimatedValue: { amountMinor: d.value[0], currency: d.value[1] },
      expectedCloseDate: new Date(now + d.closeInDays * day).toISOString().slice(0, 10),
      nextStep: d.nextStep ?? null,
      source: 'referral',
    });
    for (const stage of order.slice(1, order.indexOf(d.stage) + 1)) await moveToStage(scope, owner, deal.id, stage, undefined);
    if (d.outcome === 'won') await winDeal(scope, owner, deal.id, {}, undefined);
    if (d.outcome === 'lost') await loseDeal(scope, owner, deal.id, { reason: 'Konkurence nabídla nižší cenu / cheaper competitor' }, undefined);
    await createActivity(scope, owner, {
      type: 'call',
      subject: `Call about ${d.title}`,
      clientId,
      dealId: deal.id,
      contactId: contact?.id ?? null,
      occurredAt: new Date(now - (3 + d.owner * 5) * day).toISOString(),
      callDirection: 'outbound',
      callDurationSeconds: 900,
      callOutcome: 'Interested',
    });
  }

  // A few weeks of notes and tasks: overdue, due today and upcoming for each demo user.
  const keys = [...clientIds.keys()];
  for (const [i, key] of keys.entries()) {
    const user = users[i % users.length]!;
    const scope = scopeFor(user);
    const clientId = clientIds.get(key)!;
    await createActivity(scope, user, { type: 'note', subject: 'Poznámka z návštěvy / visit notes', body: 'Customer asked for delivery terms and a reference visit.', clientId, occurredAt: new Date(now - (i + 2) * 2 * day).toISOString() });
    const dueOffsets = [-3, 0.2, 4];
    await createActivity(scope, user, {
      type: 'task',
      subject: ['Send the revised offer', 'Call back about the invoice', 'Prepare the quarterly review'][i % 3]!,
      clientId,
      dueAt: new Date(now + dueOffsets[Math.floor(i / 3) % 3]! * day).toISOString(),
      reminderAt: new Date(now + (dueOffsets[Math.floor(i / 3) % 3]! - 0.1) * day).toISOString(),
      priority: i % 3 === 0 ? 'high' : 'normal',
      assigneeId: user.id,
    });
  }

  const manager = users[1]!;
  const mScope = scopeFor(manager);
  await createLead(mScope, manager, { companyName: 'Wrocławskie Młyny sp. z o.o.', firstName: 'Zofia', lastName: 'Kamińska', email: 'zofia.kaminska@mlyny.example', topic: 'Mill modernisation', source: 'web' });
  await createLead(mScope, manager, { companyName: 'Timișoara Agro S.R.L.', firstName: 'Radu', lastName: 'Ionescu', topic: 'Storage silos', source: 'campaign' });
  const converted = await createLead(mScope, manager, { companyName: 'Olomoucké tvarůžky a.s.', firstName: 'Karel', lastName: 'Novotný', topic: 'Cold chain logistics', source: 'referral' });
  await convertLead(mScope, manager, converted.id, { estimatedValue: { amountMinor: 15000000, currency: 'CZK' } });
  const junk = await createLead(mScope, manager, { lastName: 'Unknown', topic: 'Free samples?', source: 'other' });
  await disqualifyLead(mScope, manager, junk.id, 'Not a business customer');
}
