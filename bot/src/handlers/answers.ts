import { z } from 'zod';
import type { TenantScope } from '../../../api/src/db/tenant-scope.js';
import type { CrmUser } from '../../../api/src/features/users/users.repository.js';
import { AppError } from '../../../api/src/http/errors.js';
import { searchAll } from '../../../api/src/features/search/search.service.js';
import { getClient } from '../../../api/src/features/clients/clients.service.js';
import { clientSummary } from '../../../api/src/features/reports/reports.service.js';
import { listDeals, getDeal } from '../../../api/src/features/deals/deals.service.js';
import { dealListQuery } from '../../../api/src/features/deals/deals.schemas.js';
import { completeTask, createActivity, listActivities, timeline } from '../../../api/src/features/activities/activities.service.js';
import { activityListQuery, timelineQuery } from '../../../api/src/features/activities/activities.schemas.js';
import type { ParsedCommand } from '../commands/parse.js';
import { clientCard, dealsCard, helpCard, messageCard, recordPreview, searchCard, tabLinks, tasksCard, type AdaptiveCard } from '../cards/cards.js';

/**
 * What the bot answers, as plain functions over the CRM services: the Teams SDK adapter only
 * turns activities into these calls and their cards into replies.
 */
export interface Asker {
  scope: TenantScope;
  user: CrmUser;
  baseUrl: string;
}

async function clientByName(a: Asker, name: string) {
  const hits = await searchAll(a.scope, name, 1);
  return hits.clients[0] ? getClient(a.scope, hits.clients[0].id) : null;
}

export async function clientCardFor(a: Asker, clientId: string): Promise<AdaptiveCard> {
  const client = await getClient(a.scope, clientId);
  const [summary, deals, activities] = await Promise.all([
    clientSummary(a.scope, client.id),
    listDeals(a.scope, a.user, dealListQuery.parse({ view: 'open', clientId: client.id, limit: '5' }), 30),
    timeline(a.scope, { clientId: client.id }, timelineQuery.parse({ limit: '3' })),
  ]);
  return clientCard(client, summary, deals.items, activities.items, a.baseUrl);
}

export async function answer(a: Asker, command: ParsedCommand): Promise<AdaptiveCard> {
  switch (command.command) {
    case 'help':
      return helpCard();
    case 'find':
      return searchCard(command.text, await searchAll(a.scope, command.text, 5), a.baseUrl);
    case 'client': {
      const client = await clientByName(a, command.name);
      return client ? clientCardFor(a, client.id) : messageCard(`No client matches “${command.name.slice(0, 100)}”.`);
    }
    case 'deals': {
      const page = await listDeals(a.scope, a.user, dealListQuery.parse({ view: command.view, limit: '10' }), 30);
      return dealsCard(command.view, page.items, page.totals, a.baseUrl);
    }
    case 'tasks': {
      const open = await listActivities(a.scope, a.user, activityListQuery.parse({ assignee: 'me', type: 'task', open: 'true', limit: '15' }));
      return tasksCard(open.items);
    }
  }
}

const actionData = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('addNote'), clientId: z.uuid(), note: z.string().trim().min(1).max(4000) }),
  z.object({ verb: z.literal('newTask'), clientId: z.uuid(), subject: z.string().trim().min(1).max(300), due: z.iso.date().optional().or(z.literal('')) }),
  z.object({ verb: z.literal('done'), taskId: z.uuid() }),
]);

/**
 * A card button: the same service functions, validation and permissions as the API. Ids in
 * the card are only hints: a task of another person or tenant is refused by the services.
 */
export async function act(a: Asker, verb: string, data: unknown): Promise<AdaptiveCard> {
  const parsed = actionData.safeParse({ ...(typeof data === 'object' && data ? data : {}), verb });
  if (!parsed.success) return messageCard('That form was not filled in right; nothing was saved.');
  const input = parsed.data;
  try {
    if (input.verb === 'addNote') {
      await createActivity(a.scope, a.user, { type: 'note', clientId: input.clientId, subject: input.note.slice(0, 80), body: input.note });
      return clientCardFor(a, input.clientId);
    }
    if (input.verb === 'newTask') {
      await createActivity(a.scope, a.user, { type: 'task', clientId: input.clientId, subject: input.subject, dueAt: input.due ? new Date(`${input.due}T09:00:00Z`).toISOString() : undefined });
      return clientCardFor(a, input.clientId);
    }
    const task = await listActivities(a.scope, a.user, activityListQuery.parse({ assignee: 'me', type: 'task', open: 'true', limit: '200' }));
    if (!task.items.some((t) => t.id === input.taskId)) return messageCard('That task is not one of your open tasks.');
    await completeTask(a.scope, a.user, input.taskId);
    return tasksCard((await listActivities(a.scope, a.user, activityListQuery.parse({ assignee: 'me', type: 'task', open: 'true', limit: '15' }))).items);
  } catch (err) {
    if (err instanceof AppError) return messageCard(`Not saved: ${err.detail}`);
    throw err;
  }
}

/** The search message extension: records as cards with a preview each. */
export async function searchExtension(a: Asker, query: string) {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const result = await searchAll(a.scope, q, 5);
  const links = tabLinks(a.baseUrl);
  return [
    ...result.clients.map((h) => recordPreview('client', h.title, h.subtitle, links.client(h.id))),
    ...result.contacts.map((h) => recordPreview('contact', h.title, h.subtitle, links.client(h.clientId))),
    ...result.deals.map((h) => recordPreview('deal', h.title, h.subtitle, links.deal(h.id))),
  ];
}

/** Link unfurling for the tab's own URLs; another tenant's record (or any other URL) unfurls to nothing. */
export async function unfurl(a: Asker, url: string) {
  const match = /\/tab\/#\/(clients|deals)\/([0-9a-f-]{36})\b/i.exec(url);
  if (!match || !url.startsWith(a.baseUrl)) return [];
  try {
    if (match[1] === 'clients') {
      const c = await getClient(a.scope, match[2]!);
      return [recordPreview('client', c.name, [c.companyId, c.country].filter(Boolean).join(' · ') || null, tabLinks(a.baseUrl).client(c.id))];
    }
    const d = await getDeal(a.scope, match[2]!);
    return [recordPreview('deal', d.title, `${d.clientName} · ${d.status === 'open' ? d.stage : d.status}`, tabLinks(a.baseUrl).deal(d.id))];
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return [];
    throw err;
  }
}
