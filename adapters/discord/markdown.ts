/**
 * Discord markdown safety: escaping outside text (quotes, titles, questions) so that it shows as
 * written and can neither format a message, hide a masked link nor mention anyone, and cutting text
 * to Discord's length limits cleanly with "…".
 */

/**
 * Escapes text for any Discord field that renders markdown (content, embed description, field values).
 * Inline markup (`* _ ~ \` | [ ] < \\`) is backslash-escaped everywhere, block markup (`#`, `>`, `-`,
 * `+`, `1.`) at the start of a line, and `@everyone` / `@here` get a zero-width space after the `@`.
 * Escaping `<` makes `<@123>`, `<#123>`, `<@&123>`, `</cmd:1>` and `<t:1>` show as typed; escaping `[`
 * and `]` disables masked links.
 * @example escapeDiscordMarkdown('**hi** <@123> [x](https://e.vil)') // '\\*\\*hi\\*\\* \\<@123> \\[x\\](https://e.vil)'
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/g, '\\$&')
    .replace(/^([ \t]*)([#>+-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.')
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Cuts plain text to at most `max` UTF-16 units, at a word boundary when one is close, ending with "…".
 * Never splits a surrogate pair.
 * @example cutText('one two three', 9) // 'one two…'
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? ELLIPSIS : '';
  return `${clip(text, max - ELLIPSIS.length)}${ELLIPSIS}`;
}

/**
 * Escapes `raw` with {@link escapeDiscordMarkdown} and cuts it so the escaped text fits in `max`
 * units. The cut is made in the raw text (never inside an escape sequence) and marked with "…".
 * @returns the escaped text and whether it was cut
 */
export function fitEscaped(raw: string, max: number): { text: string; cut: boolean } {
  const full = escapeDiscordMarkdown(raw);
  if (full.length <= max) return { text: full, cut: false };
  if (max <= ELLIPSIS.length) return { text: ELLIPSIS.slice(0, Math.max(0, max)), cut: true };
  let budget = Math.min(raw.length, max - ELLIPSIS.length);
  for (;;) {
    const candidate = `${escapeDiscordMarkdown(clip(raw, budget))}${ELLIPSIS}`;
    if (candidate.length <= max || budget <= 0) return { text: candidate.length <= max ? candidate : ELLIPSIS, cut: true };
    budget -= Math.max(1, candidate.length - max);
  }
}

/**
 * Makes a link target safe for a masked link `[label](url)`: only http(s) URLs, normalised, with
 * parentheses and angle brackets percent-encoded so they cannot end the link early.
 * @returns the URL, or null when it is not a usable http(s) URL
 */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const href = parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return href.length <= MAX_URL_LENGTH ? href : null;
}

/** The ellipsis that marks a cut. */
const ELLIPSIS = '…';

const ZERO_WIDTH_SPACE = '\u200b';

/** Discord rejects embed URLs longer than this. */
const MAX_URL_LENGTH = 2048;

/** The first `n` units of `text`, backed off to a word boundary when one is within the last 30%. */
function clip(text: string, n: number): string {
  if (n <= 0) return '';
  let end = Math.min(n, text.length);
  const code = text.charCodeAt(end - 1);
  if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
  const head = text.slice(0, end);
  if (end >= text.length || /\s/.test(text.charAt(end))) return head.trimEnd();
  const space = head.search(/\s\S*$/);
  const cut = space > end * 0.7 ? head.slice(0, space) : head;
  return cut.trimEnd();
}
