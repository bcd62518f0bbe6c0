import { normalizeText } from '../../../api/src/features/search/normalize.js';
import type { BotCommandId } from './command-list.js';

export type ParsedCommand =
  | { command: 'help' }
  | { command: 'find'; text: string }
  | { command: 'client'; name: string }
  | { command: 'deals'; view: 'mine' | 'open' | 'won' | 'lost' }
  | { command: 'tasks' };

/** Words people type for each command, in English, Czech, Polish and Romanian (without diacritics). */
const aliases: Record<BotCommandId, string[]> = {
  help: ['help', 'pomoc', 'napoveda', 'ajutor', '?'],
  find: ['find', 'search', 'najdi', 'hledej', 'hledat', 'znajdz', 'szukaj', 'cauta'],
  client: ['client', 'klient', 'firma', 'company'],
  deals: ['deals', 'deal', 'obchody', 'obchod', 'szanse', 'oportunitati'],
  tasks: ['tasks', 'task', 'ukoly', 'ukol', 'zadania', 'sarcini', 'todo'],
};
const views: Record<string, 'mine' | 'open' | 'won' | 'lost'> = {
  mine: 'mine', moje: 'mine', moj: 'mine', ale: 'mine', mele: 'mine',
  open: 'open', otevrene: 'open', otwarte: 'open', deschise: 'open',
  won: 'won', vyhrane: 'won', wygrane: 'won', castigate: 'won',
  lost: 'lost', prohrane: 'lost', przegrane: 'lost', pierdute: 'lost',
};

/**
 * Text of a Teams message → a command. Case and diacritics do not matter; the bot's @mention
 * is dropped; anything that is not a command is a search.
 */
export function parseCommand(raw: string): ParsedCommand {
  const text = raw.replace(/<at>[^<]*<\/at>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 500);
  if (!text) return { command: 'help' };
  const [first = '', ...rest] = text.split(' ');
  const word = normalizeText(first);
  const arg = rest.join(' ').trim();
  const command = (Object.keys(aliases) as BotCommandId[]).find((c) => aliases[c].includes(word));
  switch (command) {
    case 'help':
      return { command: 'help' };
    case 'find':
      return arg ? { command: 'find', text: arg } : { command: 'help' };
    case 'client':
      return arg ? { command: 'client', name: arg } : { command: 'help' };
    case 'deals':
      return { command: 'deals', view: views[normalizeText(rest.join(' '))] ?? (rest.length ? 'open' : 'mine') };
    case 'tasks':
      return { command: 'tasks' };
    default:
      return { command: 'find', text };
  }
}
