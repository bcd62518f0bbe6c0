import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaptiveCard, SerializationContext } from 'adaptivecards';
import { newUser, startTestServer, type TestServer, type TestUser } from '../../test/support/server.js';
import { startConnector } from '../../test/standins/bot-connector/connector.js';
import { parseCommand } from './commands/parse.js';
import { botCommands } from './commands/command-list.js';
import { localSender, sendDueReminders } from './reminders/reminders.js';
import { clientCard, dealsCard, helpCard, noAccessCard, searchCard, tasksCard } from './cards/cards.js';

let server: TestServer;
let connector: Awaited<ReturnType<typeof startConnector>>;
const tenant = crypto.randomUUID();
const seller = newUser(['User'], tenant);
const outsider = newUser(['User']);
let clientId: string;

function activity(user: TestUser, extra: Record<string, unknown>) {
  return {
    type: 'message',
    id: crypto.randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${user.userId}`, aadObjectId: user.userId, name: user.name },
    recipient: { id: '28:crm-bot', name: 'CRM' },
    conversation: { id: `a:${user.userId}`, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
    ...extra,
  };
}

const post = (body: unknown) => fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function ask(user: TestUser, text: string) {
  const res = await post(activity(user, { text }));
  expect(res.status).toBeLessThan(300);
  const sent = await connector.next();
  return sent.body.attachments![0]!.content;
}

const cardText = (card: unknown) => JSON.stringify(card);

beforeAll(async () => {
  connector = await startConnector();
  server = await startTestServer();
  await server.call('GET', '/api/v1/me', { as: seller });
  clientId = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Dvořák & syn s.r.o.', companyId: '27182819' } })).body.id;
  await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId, title: 'Ocelová hala', estimatedValue: { amountMinor: 1_000_000, currency: 'CZK' } } });
  await server.call('POST', '/api/v1/activities', { as: seller, body: { clientId, type: 'task', subject: 'Call back Jiří', dueAt: new Date(Date.now() - 86_400_000).toISOString() } });
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
});

describe('parsing commands', () => {
  it.each([
    ['help', { command: 'help' }],
    ['', { command: 'help' }],
    ['FIND acme', { command: 'find', text: 'acme' }],
    ['najdi Dvořák', { command: 'find', text: 'Dvořák' }],
    ['<at>CRM</at> klient dvorak', { command: 'client', name: 'dvorak' }],
    ['deals won', { command: 'deals', view: 'won' }],
    ['obchody vyhrané', { command: 'deals', view: 'won' }],
    ['deals', { command: 'deals', view: 'mine' }],
    ['úkoly', { command: 'tasks' }],
    ['sarcini', { command: 'tasks' }],
    ['acme corp', { command: 'find', text: 'acme corp' }],
  ])('when someone writes "%s", then it is %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('when the command list is read, then it matches what the parser answers to', () => {
    expect(botCommands.map((c) => c.id)).toEqual(['help', 'find', 'client', 'deals', 'tasks']);
  });
});

describe('cards', () => {
  it('when every kind of card is built, then the Adaptive Cards library parses it with no validation events', async () => {
    const client = (await server.call('GET', `/api/v1/clients/${clientId}`, { as: seller })).body;
    const summary = (await server.call('GET', `/api/v1/clients/${clientId}/summary`, { as: seller })).body;
    const deals = (await server.call('GET', '/api/v1/deals?view=all', { as: seller })).body;
    const tasks = (await server.call('GET', '/api/v1/activities?assignee=me&type=task', { as: seller })).body.items;
    const built = [
      helpCard(),
      noAccessCard(),
      tasksCard(tasks),
      tasksCard([]),
      dealsCard('mine', deals.items, deals.totals, server.url),
      clientCard(client, summary, deals.items, tasks, server.url),
      searchCard('dvorak', { clients: [{ type: 'client', id: clientId, title: 'Dvořák', subtitle: null, clientId }], contacts: [], deals: [], partial: false }, server.url),
      searchCard('jana nov', { clients: [], contacts: [], deals: [], partial: true }, server.url),
    ];
    for (const json of built) {
      const context = new SerializationContext();
      new AdaptiveCard().parse(json, context);
      const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
      expect(events).toEqual([]);
      expect(json.version).toBe('1.5');
    }
  });
});

describe('the bot over HTTP', () => {
  it('when a user asks for help, find, client, deals and tasks, then cards with their data reach the connector', async () => {
    expect(cardText(await ask(seller, 'help'))).toContain('find');
    const found = cardText(await ask(seller, 'find dvorak'));
    expect(found).toContain('Dvořák & syn s.r.o.');
    expect(found).toContain(`/tab/#/clients/${clientId}`);
    const client = await ask(seller, 'client dvorak');
    expect(cardText(client)).toContain('Ocelová hala');
    expect(cardText(client)).toContain('"verb":"addNote"');
    expect(cardText(await ask(seller, 'deals mine'))).toContain('10,000.00 CZK');
    expect(cardText(await ask(seller, 'tasks'))).toContain('Call back Jiří');
    expect(cardText(await ask(seller, 'something unknown'))).toContain('Nothing found');
  });

  it('when a query is huge or looks like SQL or card JSON, then a friendly card comes back', async () => {
    expect(cardText(await ask(seller, 'x'.repeat(2000)))).toContain('Nothing found');
    expect(cardText(await ask(seller, `'; DROP TABLE clients; -- {"type":"AdaptiveCard"}`))).toContain('Nothing found');
  });

  it('when someone without a CRM user writes, then a polite no-access card and nothing of others', async () => {
    const card = cardText(await ask(outsider, 'find dvorak'));
    expect(card).toContain('don’t have access');
    expect(card).not.toContain('Dvořák');
  });

  it('when a card action adds a note or completes a task, then it is written through the services; tampered ids are refused', async () => {
    const execute = (user: TestUser, verb: string, data: Record<string, unknown>) =>
      post(activity(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }));
    const res = await execute(seller, 'addNote', { clientId, note: 'Spoke in Teams' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Dvořák');
    const tl = await server.call('GET', `/api/v1/clients/${clientId}/timeline?type=note`, { as: seller });
    expect(tl.body.items.map((a: { body: string }) => a.body)).toContain('Spoke in Teams');
    const task = (await server.call('GET', '/api/v1/activities?assignee=me&type=task&open=true', { as: seller })).body.items[0];
    const stranger = newUser(['User'], tenant);
    await server.call('GET', '/api/v1/me', { as: stranger });
    const refused = await execute(stranger, 'done', { taskId: task.id });
    expect(JSON.stringify(await refused.json())).toContain('not one of your open tasks');
    expect((await server.call('GET', `/api/v1/activities/${task.id}`, { as: seller })).body.completedAt).toBeNull();
    const done = await execute(seller, 'done', { taskId: task.id });
    expect(done.status).toBe(200);
    expect((await server.call('GET', `/api/v1/activities/${task.id}`, { as: seller })).body.completedAt).not.toBeNull();
    const bad = await execute(seller, 'addNote', { clientId: 'not-a-uuid', note: '' });
    expect(JSON.stringify(await bad.json())).toContain('nothing was saved');
  });

  it('when the message extension searches and a CRM link is pasted, then cards come back only for the same tenant', async () => {
    const query = (user: TestUser, q: string) =>
      post(activity(user, { type: 'invoke', name: 'composeExtension/query', value: { commandId: 'searchCrm', parameters: [{ name: 'searchQuery', value: q }], queryOptions: { skip: 0, count: 10 } } }));
    const mine = (await (await query(seller, 'dvorak')).json()) as { composeExtension: { attachments: { preview: { content: { title: string } } }[] } };
    expect(mine.composeExtension.attachments.map((a) => a.preview.content.title)).toContain('Dvořák & syn s.r.o.');
    const theirs = (await (await query(outsider, 'dvorak')).json()) as { composeExtension: { attachments: unknown[] } };
    expect(theirs.composeExtension.attachments).toEqual([]);
    const link = `${server.config.publicUrl}/tab/#/clients/${clientId}`;
    const unfurl = (user: TestUser) => post(activity(user, { type: 'invoke', name: 'composeExtension/queryLink', value: { url: link } }));
    expect(JSON.stringify(await (await unfurl(seller)).json())).toContain('Dvořák & syn s.r.o.');
    expect(JSON.stringify(await (await unfurl(outsider)).json())).not.toContain('Dvořák');
  });

  it('when an activity is malformed or an invoke unknown, then no 500', async () => {
    const malformed = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(malformed.status).toBe(400);
    const unknown = await post(activity(seller, { type: 'invoke', name: 'something/unknown', value: {} }));
    expect(unknown.status).toBeLessThan(500);
  });
});

describe('task reminders', () => {
  const reminderTask = async (user: TestUser, subject: string) =>
    (
      await server.call('POST', '/api/v1/activities', {
        as: user,
        body: { clientId, type: 'task', subject, dueAt: new Date(Date.now() + 3_600_000).toISOString(), reminderAt: new Date(Date.now() - 60_000).toISOString() },
      })
    ).body;

  it('when a reminder comes due, then its assignee gets it once, even with two schedulers at the same time', async () => {
    await ask(seller, 'help'); // the bot learns where to reach this person
    await reminderTask(seller, 'Send the contract');
    await reminderTask(seller, 'Check the invoice');
    const before = connector.sent.length;
    const [a, b] = await Promise.all([sendDueReminders(server.database.db, localSender(), server.logger), sendDueReminders(server.database.db, localSender(), server.logger)]);
    expect(a + b).toBe(2);
    const reminders = connector.sent.slice(before).map((s) => JSON.stringify(s.body));
    expect(reminders.filter((r) => r.includes('Send the contract'))).toHaveLength(1);
    expect(reminders.filter((r) => r.includes('Check the invoice'))).toHaveLength(1);
    expect(connector.sent.slice(before).every((s) => s.conversationId === `a:${seller.userId}`)).toBe(true);
    expect(await sendDueReminders(server.database.db, localSender(), server.logger)).toBe(0);
  });

  it('when the process that claimed a reminder died, then a restarted server sends it once after the lease, and never again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-reminders-'));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, 'crm.sqlite')}` };
    const user = newUser(['User']);
    const first = await startTestServer(env);
    const client = (await first.call('POST', '/api/v1/clients', { as: user, body: { kind: 'company', name: 'Restart s.r.o.' } })).body.id;
    const res = await fetch(`${first.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(user, { text: 'help' })) });
    expect(res.status).toBeLessThan(300);
    await connector.next();
    const task = (await first.call('POST', '/api/v1/activities', { as: user, body: { clientId: client, type: 'task', subject: 'Survives restarts', dueAt: new Date(Date.now() + 3_600_000).toISOString(), reminderAt: new Date(Date.now() - 60_000).toISOString() } })).body;
    // A process claims it and dies before sending: its lease is in the past now.
    await first.database.db.updateTable('activities').set({ reminder_claimed_by: crypto.randomUUID(), reminder_lease_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', task.id).execute();
    await first.stop();
    const second = await startTestServer(env);
    try {
      const before = connector.sent.length;
      expect(await sendDueReminders(second.database.db, localSender(), second.logger)).toBe(1);
      expect(JSON.stringify(connector.sent.slice(before))).toContain('Survives restarts');
      expect(await sendDueReminders(second.database.db, localSender(), second.logger)).toBe(0);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
