/**
 * Slack mrkdwn formatting of outside text (questions, article titles and quotes): escaping so that
 * `<!everyone>`, `<!here>`, `<@U…>`, `<#C…>` and `<url|label>` written by anyone else stay inert text,
 * cutting to a budget without breaking an entity, safe links and block quotes.
 */

/**
 * Escapes text for mrkdwn: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;` (Slack's three control characters).
 * @example escapeMrkdwn('<!everyone> & <@U123>') // '&lt;!everyone&gt; &amp; &lt;@U123&gt;'
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escaped text and whether it had to be cut. */
export interface CutText {
  text: string;
  cut: boolean;
}

/**
 * Escapes `raw` and cuts it so that the escaped result, "…" included, is at most `budget` characters.
 * Cuts between code points, preferring a word boundary in the last 40 characters.
 * @example cutEscaped('a < b < c', 8) // { text: 'a &lt; …', cut: true }
 */
export function cutEscaped(raw: string, budget: number): CutText {
  const full = escapeMrkdwn(raw);
  if (full.length <= budget) return { text: full, cut: false };
  const room = Math.max(0, budget - 1);
  let used = 0;
  let end = 0;
  for (const ch of raw) {
    const size = escapeMrkdwn(ch).length;
    if (used + size > room) break;
    used += size;
    end += ch.length;
  }
  let kept = raw.slice(0, end);
  const space = kept.lastIndexOf(' ');
  if (space > 0 && kept.length - space < 40) kept = kept.slice(0, space);
  return { text: `${escapeMrkdwn(kept.trimEnd())}…`, cut: true };
}

/**
 * A mrkdwn link `<url|label>` when `url` is an http(s) URL, otherwise the escaped label alone.
 * The URL is percent-encoded where mrkdwn would misread it; the label is escaped.
 * @param label - escaped label text
 * @example linkMrkdwn('https://example.com/a?b=1&c=2', 'Title') // '<https://example.com/a?b=1&amp;c=2|Title>'
 */
export function linkMrkdwn(url: string | null, label: string): string {
  const safe = safeUrl(url);
  return safe ? `<${safe}|${label}>` : label;
}

/**
 * A URL fit for a mrkdwn link: http(s) only, `|`, `<`, `>`, spaces and quotes percent-encoded,
 * `&` escaped; null when the URL is missing or not http(s).
 */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[|<>\s"]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
}

/**
 * Marks every line of escaped text as a mrkdwn block quote.
 * @example blockquote('one\ntwo') // '>one\n>two'
 */
export function blockquote(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/**
 * Bold escaped text in mrkdwn (surrounding spaces trimmed so the markers take effect).
 * @example bold('Russia ') // '*Russia*'
 */
export function bold(escaped: string): string {
  return `*${escaped.trim()}*`;
}

/**
 * Inline code in mrkdwn for identifiers (file ids), so underscores and asterisks in them are not read
 * as formatting; a backtick inside would end the span, so it is shown as a straight quote.
 * @example code('000_a.txt') // '`000_a.txt`'
 */
export function code(raw: string): string {
  return `\`${escapeMrkdwn(raw.replace(/`/g, "'"))}\``;
}
