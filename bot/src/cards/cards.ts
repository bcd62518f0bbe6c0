import type { Activity, Client, ClientSummary, Deal, DealTotals, SearchResult } from '../../../api/src/contract/index.js';
import { botCommands } from '../commands/command-list.js';

/**
 * Adaptive Cards (schema 1.5) built by typed functions: pure, no SDK, easy to test. Text from
 * the CRM goes into TextBlocks as data (cards render no HTML), and ids go into action data
 * that the bot re-checks against the caller's tenant and permissions on submit.
 */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

const card = (body: Record<string, unknown>[], actions?: Record<string, unknown>[]): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions && actions.length ? { actions } : {}),
});

const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
const title = (t: string) => text(t, { size: 'Medium', weight: 'Bolder' });
const facts = (pairs: [string, string][]) => ({ type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) });
const money = (m: { amountMinor: number; currency: string } | null | undefined) => (m ? `${(m.amountMinor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })} ${m.currency}` : '—');

export const tabLinks = (baseUrl: string) => ({
  client: (id: string) => `${baseUrl}/tab/#/clients/${id}`,
  deal: (id: string) => `${baseUrl}/tab/#/deals/${id}`,
});

export function helpCard(): AdaptiveCard {
  return card([title('CRM assistant'), text('Ask me for a client, a deal or your tasks:'), facts(botCommands.map((c) => [c.title, c.description]))]);
}

export function noAccessCard(): AdaptiveCard {
  return card([title('You don’t have access to the CRM yet'), text('Ask your CRM administrator to add you; once you have signed in to the CRM tab once, I can answer you here.')]);
}

export function messageCard(message: string): AdaptiveCard {
  return card([text(message)]);
}

export function searchCard(query: string, result: SearchResult, baseUrl: string): AdaptiveCard {
  const links = tabLinks(baseUrl);
  const section = (heading: string, hits: SearchResult['clients'], link: (h: SearchResult['clients'][number]) => string) =>
    hits.length ? [text(heading, { weight: 'Bolder', spacing: 'Medium' }), ...hits.map((h) => text(`[${h.title}](${link(h)})${h.subtitle ? ` · ${h.subtitle}` : ''}`))] : [];
  const body = [
    title(`Results for “${query.slice(0, 100)}”`),
    ...section('Clients', result.clients, (h) => links.client(h.id)),
    ...section('Contacts', result.contacts, (h) => links.client(h.clientId)),
    ...section('Deals', result.deals, (h) => links.deal(h.id)),
  ];
  if (result.partial) body.push(text('So many records start with these words that not all were searched: type more letters of a name.', { isSubtle: true }));
  else if (body.length === 1) body.push(text('Nothing found. Try fewer letters, or a company id or phone number.'));
  return card(body);
}

export function clientCard(client: Client, summary: ClientSummary, deals: Deal[], activities: Activity[], baseUrl: string): AdaptiveCard {
  const registered = client.addresses.find((a) => a.type === 'registered');
  return card(
    [
      title(client.name),
      facts([
        ['Company id', client.companyId ?? '—'],
        ['VAT id', client.vatId ?? '—'],
        ['Address', registered ? [registered.street, registered.postalCode, registered.city].filter(Boolean).join(', ') : '—'],
        ['Primary contact', summary.primaryContact ? `${summary.primaryContact.name} ${summary.primaryContact.phone ?? ''}` : '—'],
        ['Open deals', `${summary.openDeals.count} · ${summary.openDeals.value.map(money).join(' + ') || '—'}`],
      ]),
      ...(deals.length ? [text('Open deals', { weight: 'Bolder' }), ...deals.slice(0, 5).map((d) => text(`${d.title} · ${d.stage} · ${money(d.estimatedValue)}`))] : []),
      ...(activities.length ? [text('Last activities', { weight: 'Bolder' }), ...activities.slice(0, 3).map((a) => text(`${a.occurredAt.slice(0, 10)} · ${a.type} · ${a.subject}`, { isSubtle: true }))] : []),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Open in CRM', url: tabLinks(baseUrl).client(client.id) },
      {
        type: 'Action.ShowCard',
        title: 'Add note',
        card: card([{ type: 'Input.Text', id: 'note', isMultiline: true, label: 'Note', maxLength: 4000, isRequired: true, errorMessage: 'Write the note' }], [
          { type: 'Action.Execute', title: 'Save note', verb: 'addNote', data: { clientId: client.id } },
        ]),
      },
      {
        type: 'Action.ShowCard',
        title: 'New task',
        card: card(
          [
            { type: 'Input.Text', id: 'subject', label: 'Task', maxLength: 300, isRequired: true, errorMessage: 'Say what to do' },
            { type: 'Input.Date', id: 'due', label: 'Due' },
          ],
          [{ type: 'Action.Execute', title: 'Create task', verb: 'newTask', data: { clientId: client.id } }],
        ),
      },
    ],
  );
}

export function dealsCard(view: string, deals: Deal[], totals: DealTotals, baseUrl: string): AdaptiveCard {
  return card([
    title(`Deals: ${view}`),
    text(`${totals.count} deals · ${totals.byCurrency.map((c) => `${money({ amountMinor: c.amountMinor, currency: c.currency })} (weighted ${money({ amountMinor: c.weightedMinor, currency: c.currency })})`).join(' · ') || 'no value'}`),
    ...deals.slice(0, 10).map((d) => text(`[${d.title}](${tabLinks(baseUrl).deal(d.id)}) · ${d.clientName} · ${d.status === 'open' ? d.stage : d.status} · ${money(d.estimatedValue)}`)),
  ]);
}

export function tasksCard(tasks: Activity[], now = new Date()): AdaptiveCard {
  if (tasks.length === 0) return card([title('My tasks'), text('No open tasks. Well done.')]);
  return card([
    title('My tasks'),
    ...tasks.slice(0, 15).map((t) => ({
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [text(`${t.dueAt && Date.parse(t.dueAt) < now.getTime() ? '⚠ overdue · ' : ''}${t.subject}`), text(t.dueAt ? `due ${t.dueAt.slice(0, 16).replace('T', ' ')}` : 'no due date', { isSubtle: true, spacing: 'None' })] },
        { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Done', verb: 'done', data: { taskId: t.id } }] }] },
      ],
    })),
  ]);
}

/** A compact card for a search hit or an unfurled link, with its preview. */
export function recordPreview(kind: 'client' | 'contact' | 'deal', titleText: string, subtitle: string | null, url: string) {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: card([title(titleText), ...(subtitle ? [text(subtitle, { isSubtle: true })] : [])], [{ type: 'Action.OpenUrl', title: 'Open in CRM', url }]),
    preview: { contentType: 'application/vnd.microsoft.card.hero', content: { title: titleText, text: subtitle ?? kind } },
  };
}

export function reminderCard(taskId: string, subject: string, clientName: string, dueAt: string | null): AdaptiveCard {
  return card(
    [title('Reminder'), text(subject, { weight: 'Bolder' }), facts([['Client', clientName], ['Due', dueAt ? dueAt.slice(0, 16).replace('T', ' ') : '—']])],
    [{ type: 'Action.Execute', title: 'Done', verb: 'done', data: { taskId } }],
  );
}
