import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Digest, DigestNewArticle } from '../../src/digest/types.ts';
import { presentCitation, type PresentedCitation } from '../../src/wording/present.ts';
import { DIGEST_LABELS, disagreementLine, listCutMessage, pointSourcesLine } from '../../src/wording/messages.ts';
import { cutText, escapeDiscordMarkdown, fitEscaped, safeLinkUrl } from './markdown.ts';
import { DISCORD_LIMITS, NEUTRAL_COLOR, embedLength, joinWithinLimit, type DiscordMessage } from './render.ts';

/**
 * The daily briefing as a Discord message: one embed with the headline, the numbered key points and
 * one field per citation (outlet, title linked when known, date, article id, verbatim quote), then an embed for
 * where outlets differ and one for what is new since the last digest. Pure: the wording comes from
 * the core (src/wording/messages.ts); everything stays within Discord's limits, 6000 characters across the
 * message's embeds included, cut with "…" and a pointer.
 */

/** Characters each part of the briefing may use; their sum stays under Discord's 6000 per message. */
export const DIGEST_BUDGET = {
  /** Headline and key points (the first embed's description). */
  points: 3200,
  /** One key point's sentence. */
  pointText: 700,
  disagreements: 700,
  newArticles: 1000,
  /** One quote under a new article. */
  newFact: 240,
  /** Kept free for the footer that counts citations left out. */
  footer: 120,
  /** Shortest quote worth showing in a citation field. */
  minQuote: 80,
} as const;

/**
 * Renders a digest as Discord embeds, mentions disabled.
 * @example renderDigestForDiscord(desk.digest()).embeds[0].title // 'Daily briefing'
 */
export function renderDigestForDiscord(digest: Digest): DiscordMessage {
  if (digest.stories) return renderStoriesDigestForDiscord(digest);
  const main: APIEmbed = { color: NEUTRAL_COLOR, title: DIGEST_LABELS.title, description: pointsDescription(digest) };
  const embeds: APIEmbed[] = [main];
  if (digest.disagreements.length) {
    const lines = digest.disagreements.map((d) => `• ${fitEscaped(oneLine(disagreementLine(d)), 400).text}`);
    embeds.push({
      color: NEUTRAL_COLOR,
      title: DIGEST_LABELS.disagreements,
      description: joinWithinLimit(lines, '\n', DIGEST_BUDGET.disagreements, (hidden) => listCutMessage(hidden, 'disagreement')),
    });
  }
  const newLines = digest.new.map(newArticleLines);
  embeds.push({
    color: NEUTRAL_COLOR,
    title: DIGEST_LABELS.new,
    description: newLines.length
      ? joinWithinLimit(newLines, '\n', DIGEST_BUDGET.newArticles, (hidden) => listCutMessage(hidden, 'new article'))
      : escapeDiscordMarkdown(DIGEST_LABELS.noNew),
  });
  const used = embeds.reduce((n, e) => n + embedLength(e), 0);
  addCitationFields(main, digest, DISCORD_LIMITS.embedTotal - used - DIGEST_BUDGET.footer);
  return { embeds, components: [], allowedMentions: { parse: [] } };
}

/** New articles named per story in a briefing of many stories. */
const NEW_PER_STORY = 3;

/**
 * A briefing of many stories: a first embed with the headline, then one embed per top story (its
 * headline as the title) with its key points, each followed by its citations (outlet and article id;
 * the point is the first citation's sentence, verbatim), where its outlets differ and what is new.
 * The stories share the 6000 characters Discord allows a message's embeds.
 */
function renderStoriesDigestForDiscord(digest: Digest): DiscordMessage {
  const stories = digest.stories ?? [];
  const embeds: APIEmbed[] = [{ color: NEUTRAL_COLOR, title: DIGEST_LABELS.title, description: `**${fitEscaped(oneLine(digest.headline), 400).text}**` }];
  const share = Math.floor((DISCORD_LIMITS.embedTotal - embedLength(embeds[0]!) - DIGEST_BUDGET.footer) / Math.max(1, stories.length));
  stories.slice(0, DISCORD_LIMITS.embeds - 1).forEach((story, i) => {
    const title = `${i + 1}. ${fitEscaped(oneLine(story.title), Math.min(DISCORD_LIMITS.title, 200)).text}`;
    const parts: string[] = story.points.map((p, k) => {
      const refs = p.citations.map((c) => `[${c.n}] ${escapeDiscordMarkdown(cutText(oneLine(c.outlet ?? c.title), 60))} ${inlineCode(c.source)}`).join(' · ');
      return `**${k + 1}.** ${fitEscaped(oneLine(p.text), 400).text}\n-# ${refs}`;
    });
    if (story.points.length === 0) parts.push(escapeDiscordMarkdown(DIGEST_LABELS.noPoints));
    if (story.disagreements.length)
      parts.push(
        `**${escapeDiscordMarkdown(DIGEST_LABELS.disagreements)}**\n${story.disagreements.map((d) => `• ${fitEscaped(oneLine(disagreementLine(d)), 300).text}`).join('\n')}`,
      );
    const fresh = story.new.slice(0, NEW_PER_STORY).map((a) => `• ${fitEscaped(oneLine(a.title), 150).text}`);
    if (story.new.length > NEW_PER_STORY) fresh.push(escapeDiscordMarkdown(listCutMessage(story.new.length - NEW_PER_STORY, 'new article')));
    parts.push(`**${escapeDiscordMarkdown(DIGEST_LABELS.new)}**\n${fresh.length ? fresh.join('\n') : escapeDiscordMarkdown(DIGEST_LABELS.noNew)}`);
    const budget = Math.max(200, Math.min(DISCORD_LIMITS.description, share - title.length));
    embeds.push({ color: NEUTRAL_COLOR, title, description: joinWithinLimit(parts, '\n\n', budget, (hidden) => listCutMessage(hidden, 'part')) });
  });
  return { embeds, components: [], allowedMentions: { parse: [] } };
}

/** The headline in bold, then "Key points" and one numbered line per point with its citation numbers. */
function pointsDescription(digest: Digest): string {
  const headline = `**${fitEscaped(oneLine(digest.headline), 400).text}**`;
  if (digest.points.length === 0) return `${headline}\n\n${escapeDiscordMarkdown(DIGEST_LABELS.noPoints)}`;
  const lines = digest.points.map((p, i) => {
    const refs = escapeDiscordMarkdown(p.citations.map((c) => `[${c.n}]`).join(''));
    return `**${i + 1}.** ${fitEscaped(oneLine(p.text), DIGEST_BUDGET.pointText).text} ${refs}\n*${escapeDiscordMarkdown(pointSourcesLine(p.citations.length))}*`;
  });
  const head = `${headline}\n\n**${escapeDiscordMarkdown(DIGEST_LABELS.points)}**\n`;
  return (
    head +
    joinWithinLimit(lines, '\n', Math.min(DISCORD_LIMITS.description, DIGEST_BUDGET.points) - head.length, (hidden) => listCutMessage(hidden, 'key point'))
  );
}

/** "• **Outlet**: title (`source`, first seen …)" and a quote line per new fact. */
function newArticleLines(a: DigestNewArticle): string {
  const outlet = a.outlet ? `**${fitEscaped(oneLine(a.outlet), 100).text}**: ` : '';
  const meta = escapeDiscordMarkdown(`${a.source}, ${DIGEST_LABELS.firstSeen} ${a.firstSeen}`);
  const facts = a.facts.map((c) => `\n> ${fitEscaped(oneLine(c.quote), DIGEST_BUDGET.newFact).text} ${escapeDiscordMarkdown(`[${c.n}]`)}`);
  return `• ${outlet}${fitEscaped(oneLine(a.title), 200).text} (${meta})${facts.join('')}`;
}

/** A citation of a key point, and whether its quote is the point's own sentence (shown above). */
interface PointCitation {
  citation: PresentedCitation;
  quoteShown: boolean;
}

/**
 * One field per citation while they fit in `budget` characters (quotes shortened to share it), the
 * rest counted in the footer.
 */
function addCitationFields(embed: APIEmbed, digest: Digest, budget: number): void {
  const citations: PointCitation[] = digest.points.flatMap((p) =>
    p.citations.map((c) => ({ citation: presentCitation(c), quoteShown: oneLine(c.quote) === oneLine(p.text) })),
  );
  const fields: APIEmbedField[] = [];
  let left = budget;
  for (const [i, c] of citations.entries()) {
    if (fields.length >= DISCORD_LIMITS.fields) break;
    const field = citationField(c, Math.floor(left / (citations.length - i)));
    const size = field.name.length + field.value.length;
    if (size > left) break;
    fields.push(field);
    left -= size;
  }
  if (fields.length) embed.fields = fields;
  const hidden = citations.length - fields.length;
  if (hidden > 0) embed.footer = { text: cutText(listCutMessage(hidden, 'citation'), DIGEST_BUDGET.footer) };
}

/**
 * `[n] outlet`, then the title (linked when known), date and article id, then the quote cut with "…"
 * to the share left (left out when it is the point's sentence, already shown in full above).
 */
function citationField({ citation: c, quoteShown }: PointCitation, share: number): APIEmbedField {
  const name = `[${c.n}] ${fitEscaped(oneLine(c.label), DISCORD_LIMITS.fieldName - 12).text}`;
  const url = safeLinkUrl(c.url);
  const title = c.label !== c.title || url ? titleMarkdown(c.title, url) : null;
  const meta = [title, c.date ? escapeDiscordMarkdown(c.date) : null, inlineCode(c.source)].filter((x): x is string => x !== null).join(' · ');
  if (quoteShown) return { name, value: meta };
  const room = Math.min(DISCORD_LIMITS.fieldValue, Math.max(DIGEST_BUDGET.minQuote, share - name.length)) - meta.length - 3;
  return { name, value: `${meta}\n> ${fitEscaped(oneLine(c.quote), Math.max(DIGEST_BUDGET.minQuote, room)).text}` };
}

/** The title as a masked link when its URL is known and short, else in italics. */
function titleMarkdown(title: string, url: string | null): string {
  const text = fitEscaped(oneLine(title), 150).text;
  return url && url.length <= 300 ? `[${text}](${url})` : `*${text}*`;
}

/** An article id as inline code (ids have no backticks; escaped text otherwise). */
function inlineCode(text: string): string {
  return text.includes('`') ? escapeDiscordMarkdown(text) : `\`${text}\``;
}

/** Whitespace runs (line breaks included) become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
