/**
 * The bot's commands: the single list the bot answers to and the Teams manifest lists.
 * Plain data, no SDK, so the manifest renderer and tests can import it.
 */
export const botCommands = [
  { id: 'help', title: 'help', description: 'What I can do' },
  { id: 'find', title: 'find', description: 'Find clients, contacts and deals: find <text>' },
  { id: 'client', title: 'client', description: 'A client card: client <name>' },
  { id: 'deals', title: 'deals', description: 'Deals with totals: deals [mine|open|won|lost]' },
  { id: 'tasks', title: 'tasks', description: 'My open and overdue tasks' },
] as const satisfies readonly { id: string; title: string; description: string }[];

export type BotCommandId = (typeof botCommands)[number]['id'];

/** The search-based message extension's command id. */
export const messageExtensionCommandId = 'searchCrm';
