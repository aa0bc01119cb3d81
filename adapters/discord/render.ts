import { withoutInvisibles } from '../../src/ask/input.ts';
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type MessageMentionTypes,
} from 'discord.js';
import { presentAnswer, presentCitation, type PresentedCitation } from '../../src/wording/present.ts';
import type { SourceDetail, SourceList, SourceLookup } from '../../src/index/sources.ts';
import type { Answer, Citation } from '../../src/types.ts';
import {
  ANSWER_BUTTON_LABELS,
  HELP_INTRO,
  QUESTION_LABEL,
  SOURCE_DETAIL_LABELS,
  citationsCutMessage,
  listCutMessage,
  moreSourcesHeading,
  quoteCutMessage,
  skippedFilesHeading,
  sourceIdLine,
  sourceListHeading,
  sourceLookupHeading,
  sourceMetaLine,
  storyChoiceLabel,
  storyListHeading,
  storyMetaLine,
} from '../../src/wording/messages.ts';
import type { Story } from '../../src/stories/stories.ts';
import { encodeButtonId } from './custom-ids.ts';
import { cutText, escapeDiscordMarkdown, fitEscaped, safeLinkUrl } from './markdown.ts';

/**
 * Pure renderers from newsdesk results to Discord message payloads: plain JSON objects in the shapes
 * of the Discord API (embeds, action rows, buttons) that discord.js sends as they are. They only
 * format: the wording comes from src/wording/present.ts and src/wording/messages.ts. Every payload stays within
 * Discord's limits (cut with "…" and a pointer to the rest) and disables mentions.
 */

/** Discord's documented message limits (characters are UTF-16 units, as Discord counts them). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  threadName: 100,
} as const;

/** Mentions disabled: nobody is pinged by anything newsdesk sends. */
interface NoMentions {
  parse: MessageMentionTypes[];
}

/** A message payload as discord.js `send` / `reply` / `editReply` take it. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: NoMentions;
}

/** The buttons under an answer. */
interface AnswerControls {
  /** The stored reply the buttons refer to (see custom-ids.ts). */
  key: string;
  /** True when the core holds citations beyond those in the answer. */
  moreAvailable: boolean;
  /** Show "Share in channel" (private replies only). */
  share: boolean;
  /** Show "Helpful" / "Not helpful". */
  feedback: boolean;
}

/** Options of {@link renderAnswerForDiscord}. */
export interface AnswerRenderOptions {
  /** Show at most this many citations (default: all that fit). */
  shown?: number;
  /** Buttons to add; none when omitted. */
  controls?: AnswerControls;
}

/** One line of the help: a command's usage and what it does. */
export interface CommandUsage {
  usage: string;
  description: string;
}

/** Embed colours by answer status. */
const ANSWER_COLORS = { answered: 0x2e7d32, conflicting: 0xf9a825, not_found: 0x757575 } as const;

/** Colour of embeds that are not answers (sources, help). */
export const NEUTRAL_COLOR = 0x5865f2;

/**
 * Renders an answer as one embed: the question (author line), the short answer (title), the agreement
 * line or the related-passages label (description), and one field per citation: `[n] outlet`, the
 * article title (linked when its URL is known), the date and the verbatim quote. Citations that do not
 * fit Discord's limits are left out and counted in the footer; a quote that does not fit is cut with
 * "…" and points to its article.
 * @param answer - the core's answer; every status renders (not_found shows the related passages)
 * @example renderAnswerForDiscord(answer, { controls: { key: '1100000000000000010', moreAvailable: true, share: false, feedback: true } })
 */
export function renderAnswerForDiscord(answer: Answer, options: AnswerRenderOptions = {}): DiscordMessage {
  const presented = presentAnswer(answer);
  const list = presented.citations.length ? presented.citations : presented.related;
  const wanted = list.slice(0, Math.max(0, options.shown ?? list.length));
  const embed: APIEmbed = {
    color: ANSWER_COLORS[answer.status],
    author: { name: cutText(`${QUESTION_LABEL}: ${oneLine(answer.question)}`, DISCORD_LIMITS.authorName) },
    title: fitEscaped(presented.headline, DISCORD_LIMITS.title).text,
  };
  if (presented.choices.length) {
    // "Which story?": the choices, each with the command that follows it; nothing to cite or rate.
    const lines = presented.choices.map((c, i) => `${i + 1}. ${escapeDiscordMarkdown(storyChoiceLabel(c))} — \`/story query:${c.id}\``);
    embed.description = joinWithinLimit(lines, '\n', DISCORD_LIMITS.description, (hidden) => listCutMessage(hidden, 'story'));
    // One button per story: a click makes the channel follow it.
    const buttons: APIButtonComponent[] = presented.choices.slice(0, DISCORD_LIMITS.buttonsPerRow).map((c, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: cutText(`${i + 1}. ${oneLine(c.title)}`, DISCORD_LIMITS.buttonLabel),
      custom_id: encodeButtonId({ kind: 'story', key: c.id }),
    }));
    return { embeds: [embed], components: buttons.length ? [row(buttons)] : [], allowedMentions: noMentions() };
  }
  const description = [presented.agreement, presented.relatedLabel].filter((x): x is string => x !== null).join('\n');
  if (description) embed.description = fitEscaped(description, DISCORD_LIMITS.description).text;
  const shownCount = addCitationFields(embed, wanted);
  if (presented.story) embed.footer = { text: cutText([presented.story, embed.footer?.text].filter(Boolean).join(' · '), DISCORD_LIMITS.footerText) };
  const components = options.controls ? answerButtons(options.controls, shownCount, options.controls.moreAvailable || shownCount < list.length) : [];
  return { embeds: [embed], components, allowedMentions: noMentions() };
}

/**
 * Renders the further citations that "More sources" fetched, numbered as the core numbered them.
 * @param question - the question they support, for the heading
 * @param controls - the stored reply and whether the core holds still more
 */
export function renderMoreCitationsForDiscord(
  question: string,
  citations: readonly Citation[],
  controls: { key: string; moreAvailable: boolean },
): DiscordMessage {
  const embed: APIEmbed = {
    color: NEUTRAL_COLOR,
    author: { name: cutText(moreSourcesHeading(oneLine(question)), DISCORD_LIMITS.authorName) },
  };
  const presented = citations.map(presentCitation);
  const shownCount = addCitationFields(embed, presented);
  const last = presented[shownCount - 1]?.n ?? 0;
  const more = controls.moreAvailable || shownCount < presented.length;
  const components = more ? [row([moreButton(controls.key, last)])] : [];
  return { embeds: [embed], components, allowedMentions: noMentions() };
}

/** Stories /stories lists at most (the rest are counted). */
const STORIES_LISTED = 20;

/**
 * Renders the story list, largest first: headline, size, outlets, last update, key terms and the
 * command that follows each.
 */
export function renderStoryListForDiscord(stories: readonly Story[]): DiscordMessage {
  const embed: APIEmbed = { color: NEUTRAL_COLOR, title: fitEscaped(storyListHeading(stories.length), DISCORD_LIMITS.title).text };
  const entries = stories
    .slice(0, STORIES_LISTED)
    .map(
      (s, i) =>
        `**${i + 1}. ${escapeDiscordMarkdown(cutText(oneLine(s.title), 300))}**\n${escapeDiscordMarkdown(storyMetaLine(s))}${s.terms.length ? `\n${escapeDiscordMarkdown(s.terms.join(', '))}` : ''}\n\`/story query:${s.id}\``,
    );
  const hidden = stories.length - entries.length;
  if (entries.length) embed.description = joinWithinLimit(entries, '\n\n', DISCORD_LIMITS.description, (more) => listCutMessage(more + hidden, 'story'));
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/**
 * Renders the source list: one entry per article (title, outlet · byline · date, id · passages),
 * then the skipped files. A list too long for one embed is cut with a count of what was left out.
 */
export function renderSourceListForDiscord(list: SourceList): DiscordMessage {
  const embed: APIEmbed = { color: NEUTRAL_COLOR, title: fitEscaped(sourceListHeading(list.sources.length), DISCORD_LIMITS.title).text };
  const entries = list.sources.map(
    (s, i) => `**${i + 1}. ${titleMarkdown(s, 300, 'plain')}**\n${escapeDiscordMarkdown(sourceMetaLine(s))}\n${escapeDiscordMarkdown(sourceIdLine(s))}`,
  );
  if (entries.length) embed.description = joinWithinLimit(entries, '\n\n', DISCORD_LIMITS.description, (hidden) => listCutMessage(hidden, 'source'));
  if (list.skipped.length) {
    const lines = list.skipped.map((s) => `• ${escapeDiscordMarkdown(cutText(`${s.file}: ${s.reason}`, 300))}`);
    embed.fields = [
      {
        name: fitEscaped(skippedFilesHeading(list.skipped.length), DISCORD_LIMITS.fieldName).text,
        value: joinWithinLimit(lines, '\n', DISCORD_LIMITS.fieldValue, (hidden) => listCutMessage(hidden, 'file')),
      },
    ];
  }
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/**
 * Renders one source in detail: title (linked when known), metadata, the lead as a quote, and one
 * field per key passage (`¶n`, quoted verbatim, cut to fit with a pointer to the article).
 */
function renderSourceDetailForDiscord(source: SourceDetail): DiscordMessage {
  const embed: APIEmbed = { color: NEUTRAL_COLOR, title: fitEscaped(oneLine(source.title), DISCORD_LIMITS.title).text };
  const url = safeLinkUrl(source.url);
  if (url) embed.url = url;
  const head = `${escapeDiscordMarkdown(sourceMetaLine(source))}\n${escapeDiscordMarkdown(sourceIdLine(source))}`;
  const keyHeading = source.keyPassages.length ? `\n\n**${SOURCE_DETAIL_LABELS.keyPassages}**` : '';
  let description = head;
  if (source.lead) {
    const budget = DISCORD_LIMITS.description - head.length - keyHeading.length - `\n\n**${SOURCE_DETAIL_LABELS.lead}**\n`.length;
    description += `\n\n**${SOURCE_DETAIL_LABELS.lead}**\n${quoteBlock(source.lead.text, source.id, budget)}`;
  }
  embed.description = description + keyHeading;
  const fields: APIEmbedField[] = [];
  let total = embedLength(embed);
  for (const p of source.keyPassages) {
    const name = `${SOURCE_DETAIL_LABELS.paragraph}${p.ordinal + 1}`;
    const value = quoteBlock(p.text, source.id, DISCORD_LIMITS.fieldValue);
    if (fields.length >= DISCORD_LIMITS.fields || total + name.length + value.length > DISCORD_LIMITS.embedTotal) break;
    fields.push({ name, value });
    total += name.length + value.length;
  }
  if (fields.length) embed.fields = fields;
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/**
 * Renders the outcome of a source lookup: the detail when one source matched, otherwise the heading
 * ("matches several sources" / "no source matches") and the candidates or suggestions with their ids.
 */
export function renderSourceLookupForDiscord(lookup: SourceLookup): DiscordMessage {
  if (lookup.kind === 'found') return renderSourceDetailForDiscord(lookup.source);
  const candidates = lookup.kind === 'ambiguous' ? lookup.candidates : lookup.suggestions;
  const heading = escapeDiscordMarkdown(oneLine(sourceLookupHeading(lookup)));
  const lines = candidates.map((s) => `• ${inlineCode(s.id)}: ${titleMarkdown(s, 200)}${s.outlet ? ` (${escapeDiscordMarkdown(s.outlet)})` : ''}`);
  const embed: APIEmbed = {
    color: NEUTRAL_COLOR,
    description: joinWithinLimit([cutText(heading, 1000), ...lines], '\n', DISCORD_LIMITS.description, (hidden) => listCutMessage(hidden, 'source')),
  };
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/**
 * Adds a "Share in channel" button (in its own row) to a private reply.
 * @param key - the stored reply the button posts
 */
export function withShareButton(payload: DiscordMessage, key: string): DiscordMessage {
  return { ...payload, components: [...payload.components, row([shareButton(key)])] };
}

/**
 * Renders the help: the introduction, then one line per command with its Discord usage.
 * @example renderHelpForDiscord([{ usage: '/sources', description: 'List the articles in the coverage.' }])
 */
export function renderHelpForDiscord(commands: readonly CommandUsage[]): DiscordMessage {
  const lines = commands.map((c) => `${inlineCode(c.usage)} — ${escapeDiscordMarkdown(c.description)}`);
  const embed: APIEmbed = {
    color: NEUTRAL_COLOR,
    description: joinWithinLimit([escapeDiscordMarkdown(HELP_INTRO), '', ...lines], '\n', DISCORD_LIMITS.description, (hidden) =>
      listCutMessage(hidden, 'command'),
    ),
  };
  return { embeds: [embed], components: [], allowedMentions: noMentions() };
}

/**
 * Renders a plain sentence (a notice, an error, a refusal) as message content, escaped and cut to fit.
 * Embeds and buttons are cleared, so it can also replace an earlier reply.
 * @example renderNoticeForDiscord('There are no more sources for that question.')
 */
export function renderNoticeForDiscord(text: string): DiscordMessage {
  return { content: fitEscaped(text, DISCORD_LIMITS.content).text, embeds: [], components: [], allowedMentions: noMentions() };
}

/**
 * Turns the core's source suggestions into autocomplete choices: at most 25, names cut to 100
 * characters, and suggestions whose value would not fit in 100 characters left out.
 */
export function renderChoicesForDiscord(suggestions: readonly { name: string; value: string }[]): APIApplicationCommandOptionChoice<string>[] {
  return suggestions
    .filter((s) => s.value.length >= 1 && s.value.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.choices)
    .map((s) => ({ name: cutText(oneLine(s.name), DISCORD_LIMITS.choiceName) || cutText(s.value, DISCORD_LIMITS.choiceName), value: s.value }));
}

/**
 * The name of the thread an answer opens: the question on one line, cut to Discord's 100 characters.
 * @example threadNameForQuestion('who requested\nthe call?') // 'who requested the call?'
 */
export function threadNameForQuestion(question: string): string {
  return cutText(oneLine(question), DISCORD_LIMITS.threadName) || QUESTION_LABEL;
}

/**
 * The length Discord counts against an embed's 6000-character total: title, description, field names
 * and values, footer text and author name.
 */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Room kept for the footer that counts left-out citations. */
const FOOTER_RESERVE = 200;

/** Adds one field per citation while they fit; notes the rest in the footer. Returns how many fit. */
function addCitationFields(embed: APIEmbed, citations: readonly PresentedCitation[]): number {
  const fields: APIEmbedField[] = [];
  let total = embedLength(embed) + FOOTER_RESERVE;
  for (const c of citations) {
    const field = citationField(c);
    const size = field.name.length + field.value.length;
    if (fields.length >= DISCORD_LIMITS.fields || total + size > DISCORD_LIMITS.embedTotal) break;
    fields.push(field);
    total += size;
  }
  if (fields.length) embed.fields = fields;
  const hidden = citations.length - fields.length;
  if (hidden > 0) embed.footer = { text: cutText(citationsCutMessage(hidden), DISCORD_LIMITS.footerText) };
  return fields.length;
}

/**
 * `[n] outlet`, then the title (linked when known; left out when it is already the label and there is
 * no link) and the date, then the quote.
 */
function citationField(c: PresentedCitation): APIEmbedField {
  const name = `[${c.n}] ${fitEscaped(oneLine(c.label), DISCORD_LIMITS.fieldName - 12).text}`;
  const titleShown = c.label !== c.title || safeLinkUrl(c.url) !== null;
  const meta = [titleShown ? titleMarkdown(c, 200) : null, c.date ? escapeDiscordMarkdown(c.date) : null].filter((x): x is string => x !== null).join(' · ');
  const quote = quoteBlock(c.quote, c.source, DISCORD_LIMITS.fieldValue - (meta ? meta.length + 1 : 0));
  return { name, value: meta ? `${meta}\n${quote}` : quote };
}

/** A quote as a Discord block quote line, cut to `max` with "…" and a pointer to the article. */
function quoteBlock(text: string, sourceId: string, max: number): string {
  const raw = oneLine(text);
  const whole = `> ${escapeDiscordMarkdown(raw)}`;
  if (whole.length <= max) return whole;
  const pointer = `\n${escapeDiscordMarkdown(cutText(quoteCutMessage(sourceId), 200))}`;
  const fitted = fitEscaped(raw, Math.max(1, max - 2 - pointer.length));
  return `> ${fitted.text}${pointer}`.slice(0, Math.max(0, max));
}

/** The article title as a masked link when its URL is known and short, else in italics (or plain). */
function titleMarkdown(s: { title: string; url: string | null }, max: number, unlinked: 'italic' | 'plain' = 'italic'): string {
  const title = fitEscaped(oneLine(s.title), max).text;
  const url = safeLinkUrl(s.url);
  if (url && url.length <= 300) return `[${title}](${url})`;
  return unlinked === 'italic' ? `*${title}*` : title;
}

/**
 * Joins markdown items with `separator` while they fit in `max`, then adds the (escaped) pointer for the rest.
 * @example joinWithinLimit(['a', 'b'], '\n', 4096, (hidden) => listCutMessage(hidden, 'point')) // 'a\nb'
 */
export function joinWithinLimit(items: readonly string[], separator: string, max: number, pointer: (hidden: number) => string): string {
  const all = items.join(separator);
  if (all.length <= max) return all;
  const reserve = separator.length + escapeDiscordMarkdown(pointer(items.length)).length;
  let out = '';
  let count = 0;
  for (const item of items) {
    const next = count === 0 ? item : `${out}${separator}${item}`;
    if (next.length + reserve > max) break;
    out = next;
    count++;
  }
  if (count === 0) out = cutText(items[0] ?? '', Math.max(0, max - reserve));
  return `${out}${separator}${escapeDiscordMarkdown(pointer(items.length - Math.max(count, 1)))}`;
}

function answerButtons(controls: AnswerControls, shown: number, more: boolean): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIButtonComponent[] = [];
  if (more) buttons.push(moreButton(controls.key, shown));
  if (controls.feedback) {
    buttons.push(
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ANSWER_BUTTON_LABELS.helpful,
        custom_id: encodeButtonId({ kind: 'feedback', key: controls.key, helpful: true }),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: ANSWER_BUTTON_LABELS.notHelpful,
        custom_id: encodeButtonId({ kind: 'feedback', key: controls.key, helpful: false }),
      },
    );
  }
  if (controls.share) buttons.push(shareButton(controls.key));
  return buttons.length ? [row(buttons)] : [];
}

function moreButton(key: string, shown: number): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: ANSWER_BUTTON_LABELS.moreSources,
    custom_id: encodeButtonId({ kind: 'more', key, shown }),
  };
}

function shareButton(key: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Primary, label: ANSWER_BUTTON_LABELS.share, custom_id: encodeButtonId({ kind: 'share', key }) };
}

function row(components: APIButtonComponent[]): APIActionRowComponent<APIComponentInMessageActionRow> {
  return { type: ComponentType.ActionRow, components };
}

function noMentions(): NoMentions {
  return { parse: [] };
}

/** Whitespace runs (line breaks included) become one space. */
/** User text on one line, with no invisible or direction-changing characters. */
function oneLine(text: string): string {
  return withoutInvisibles(text).replace(/\s+/g, ' ').trim();
}

/** `text` as inline code, or escaped text when it contains a backtick. */
function inlineCode(text: string): string {
  return text.includes('`') ? escapeDiscordMarkdown(text) : `\`${text}\``;
}
