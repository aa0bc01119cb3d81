/**
 * Translation of Discord message text into a question for the core: the bot's own mention removed,
 * other user and channel mentions turned into readable names when Discord resolved them.
 */

/** Names Discord resolved for the mentions in a message. */
export interface MentionNames {
  users: ReadonlyMap<string, string>;
  channels: ReadonlyMap<string, string>;
}

/**
 * The question a message asks: the bot's mentions (`<@id>`, `<@!id>`) removed, resolved user and
 * channel mentions shown as `@name` / `#name`, whitespace collapsed. Unresolved mentions stay as typed.
 * @example questionFromMessage('<@42> who requested the call?', '42') // 'who requested the call?'
 */
export function questionFromMessage(content: string, botId: string, names: MentionNames = NO_NAMES): string {
  return content
    .replace(/<@!?(\d{1,20})>/g, (whole, id: string) => {
      if (id === botId) return ' ';
      const name = names.users.get(id);
      return name ? `@${name}` : whole;
    })
    .replace(/<#(\d{1,20})>/g, (whole, id: string) => {
      const name = names.channels.get(id);
      return name ? `#${name}` : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const NO_NAMES: MentionNames = { users: new Map(), channels: new Map() };
