/**
 * Translation of incoming Slack message text into the plain question the core expects: the bot's own
 * mention removed, other mentions, channels, special mentions and links turned into the words a person
 * sees, and Slack's `&amp;`/`&lt;`/`&gt;` entities decoded. Translation only: nothing is interpreted.
 */

/**
 * Turns Slack message markup into plain text.
 * @param text - the `text` of a message or app_mention event, or a slash command's text
 * @param botUserId - the bot's user id, whose mentions are removed; null to keep every mention
 * @example slackTextToPlain('<@UBOT> who is <@U123|ana> in <#C1|news>? &lt;3', 'UBOT') // 'who is @ana in #news? <3'
 * @example slackTextToPlain('<!everyone> <https://x.org|this>', null) // '@everyone this'
 */
export function slackTextToPlain(text: string, botUserId: string | null): string {
  const replaced = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : null;
    if (target.startsWith('@')) {
      if (botUserId !== null && target.slice(1) === botUserId) return ' ';
      return label ? `@${label.replace(/^@/, '')}` : target;
    }
    if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
    if (target.startsWith('!')) {
      if (label) return label.startsWith('@') || target.startsWith('!date') ? label : `@${label}`;
      const name = target.slice(1).split('^')[0] ?? '';
      return `@${name}`;
    }
    return label ?? target;
  });
  return decodeEntities(replaced).replace(/\s+/g, ' ').trim();
}

/**
 * True when the text mentions the given user (`<@U…>` or `<@U…|name>`).
 * @example mentionsUser('<@UBOT> hi', 'UBOT') // true
 */
export function mentionsUser(text: string, userId: string): boolean {
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
