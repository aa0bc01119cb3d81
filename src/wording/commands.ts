/**
 * The one catalogue of newsdesk's chat commands: each command's name, the one-line summary every
 * platform shows for it (Slack's manifest, Discord's registration) and the hint for its argument.
 * The help text's lines (HELP_COMMANDS in messages.ts) describe their uses in more detail.
 */

/** One top-level chat command. */
export interface ChatCommand {
  /** The name without a slash ("ask"). */
  name: string;
  /** What it does, in one line of at most 100 characters (Discord's limit for a description). */
  summary: string;
  /** What to type after it, shown as the usage hint; null when it takes nothing. */
  hint: string | null;
}

/** newsdesk's chat commands, in the order platforms list them. */
export const CHAT_COMMANDS: readonly ChatCommand[] = [
  { name: 'ask', summary: 'Ask a question about the coverage; the answer quotes the articles (private until you share it).', hint: 'who requested the call?' },
  { name: 'sources', summary: 'List the articles in the coverage.', hint: null },
  { name: 'source', summary: 'Show one article (by outlet, id or title words): its lead and key passages.', hint: 'outlet or id' },
  { name: 'stories', summary: 'List the stories in the coverage, largest first.', hint: null },
  { name: 'story', summary: 'Follow a story in this channel: questions are then answered from its coverage.', hint: 'words of its headline, or its id' },
  {
    name: 'digest',
    summary: 'The daily briefing on the coverage: now, or every day in this channel.',
    hint: '[subscribe [time] [timezone] [topic] | unsubscribe | status]',
  },
  { name: 'newsdesk', summary: 'What newsdesk does and how to use it.', hint: 'help' },
];

/**
 * The catalogue entry of a command.
 * @example chatCommand('ask').hint // 'who requested the call?'
 */
export function chatCommand(name: string): ChatCommand {
  const found = CHAT_COMMANDS.find((c) => c.name === name);
  if (!found) throw new RangeError(`no chat command named ${name}`);
  return found;
}
