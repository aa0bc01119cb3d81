import type { Passage } from '../../src/types.ts';
import type { SourceDetail, SourceList, SourceLookup, SourceSummary } from '../../src/index/sources.ts';
import {
  SOURCE_DETAIL_LABELS,
  listCutMessage,
  quoteCutMessage,
  skippedFilesHeading,
  sourceIdLine,
  sourceListHeading,
  sourceLookupHeading,
  sourceMetaLine,
  storyListHeading,
  storyMetaLine,
} from '../../src/wording/messages.ts';
import type { Story } from '../../src/stories/stories.ts';
import { SLACK_LIMITS, context, cutPlain, section, type NewsdeskBlock, type SlackMessage } from './block-kit.ts';
import { blockquote, bold, code, cutEscaped, escapeMrkdwn, linkMrkdwn } from './mrkdwn.ts';

/**
 * Pure renderers of source and story lookup for Slack: the source list (/sources), one source in
 * detail, an ambiguous or unknown lookup (/source), and the story list (/stories). Long lists are
 * packed into sections and cut cleanly.
 */

/**
 * Renders every source with its metadata and id, then the skipped files.
 * @example renderSourceListForSlack({ sources: [], skipped: [] }).text // 'No sources in this corpus.'
 */
export function renderSourceListForSlack(list: SourceList): SlackMessage {
  const heading = sourceListHeading(list.sources.length);
  const entries = list.sources.map((s, i) => sourceEntry(s, i + 1));
  const tail: NewsdeskBlock[] = [];
  if (list.skipped.length) {
    const items = list.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ');
    tail.push(context(cutEscaped(`${skippedFilesHeading(list.skipped.length)} ${items}`, SLACK_LIMITS.contextText).text));
  }
  const blocks = [section(escapeMrkdwn(heading)), ...packEntries(entries, SLACK_LIMITS.blocksPerMessage - 1 - tail.length, 'source'), ...tail];
  const fallback = `${heading} ${list.sources.map((s) => s.title).join('; ')}`;
  return { text: cutEscaped(fallback, SLACK_LIMITS.fallbackText).text, blocks };
}

/**
 * Renders one source: title (linked when the URL is known), metadata, lead and key passages.
 * @example renderSourceDetailForSlack(detail).blocks[0] // { type: 'section', text: { type: 'mrkdwn', text: '*Biden again calls…*' } }
 */
function renderSourceDetailForSlack(source: SourceDetail): SlackMessage {
  const blocks: NewsdeskBlock[] = [
    section(bold(linkMrkdwn(source.url, cutEscaped(source.title, 1000).text))),
    context(escapeMrkdwn(sourceMetaLine(source)), idLine(source)),
  ];
  if (source.lead) blocks.push(...passageBlocks(bold(escapeMrkdwn(SOURCE_DETAIL_LABELS.lead)), source.lead, source.id));
  if (source.keyPassages.length) {
    blocks.push(section(bold(escapeMrkdwn(SOURCE_DETAIL_LABELS.keyPassages))));
    for (const p of source.keyPassages) blocks.push(...passageBlocks(bold(escapeMrkdwn(`${SOURCE_DETAIL_LABELS.paragraph}${p.ordinal + 1}`)), p, source.id));
  }
  const fallback = `${source.title} — ${sourceMetaLine(source)}`;
  return { text: cutEscaped(fallback, SLACK_LIMITS.fallbackText).text, blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage) };
}

/**
 * Renders a lookup: the source when found, otherwise the heading and the candidates or suggestions
 * with their ids.
 * @example renderSourceLookupForSlack({ kind: 'not_found', query: 'npr', suggestions: [] }).text // 'No source matches “npr”.'
 */
export function renderSourceLookupForSlack(lookup: SourceLookup): SlackMessage {
  if (lookup.kind === 'found') return renderSourceDetailForSlack(lookup.source);
  const heading = cutEscaped(sourceLookupHeading({ ...lookup, query: cutPlain(lookup.query, 200) }), SLACK_LIMITS.sectionText).text;
  const list = lookup.kind === 'ambiguous' ? lookup.candidates : lookup.suggestions;
  const lines = list.map((s) => `• ${code(s.id)} ${cutEscaped(s.title, 300).text}${s.outlet ? ` (${cutEscaped(s.outlet, 100).text})` : ''}`);
  const blocks = [section(heading), ...packEntries(lines, SLACK_LIMITS.blocksPerMessage - 1, 'source', '\n')];
  return { text: heading, blocks };
}

/** Stories /stories lists at most (the rest are counted). */
const STORIES_LISTED = 20;

/**
 * Renders the stories, largest first: headline, size, outlets, last update, key terms and the
 * command that follows each.
 * @example renderStoryListForSlack([]).text // 'No stories: the corpus is empty.'
 */
export function renderStoryListForSlack(stories: readonly Story[]): SlackMessage {
  const heading = storyListHeading(stories.length);
  const entries = stories
    .slice(0, STORIES_LISTED)
    .map(
      (s, i) =>
        `${bold(`${i + 1}.`)} ${cutEscaped(s.title, 500).text}\n${escapeMrkdwn(storyMetaLine(s))}${s.terms.length ? `\n${escapeMrkdwn(s.terms.join(', '))}` : ''}\n${code(`/story ${s.id}`)}`,
    );
  const blocks = [section(escapeMrkdwn(heading)), ...packEntries(entries, SLACK_LIMITS.blocksPerMessage - 2, 'story')];
  if (stories.length > STORIES_LISTED) blocks.push(context(escapeMrkdwn(listCutMessage(stories.length - STORIES_LISTED, 'story'))));
  return { text: cutEscaped(`${heading} ${stories.map((s) => s.title).join('; ')}`, SLACK_LIMITS.fallbackText).text, blocks };
}

function sourceEntry(s: SourceSummary, n: number): string {
  const title = linkMrkdwn(s.url, cutEscaped(s.title, 500).text);
  return `${bold(`${n}.`)} ${title}\n${escapeMrkdwn(sourceMetaLine(s))} · ${idLine(s)}`;
}

function idLine(s: SourceSummary): string {
  // sourceIdLine words it as "id: X · N passages"; the id itself is shown as code.
  const line = sourceIdLine(s);
  const at = line.indexOf(s.id);
  return at < 0 ? escapeMrkdwn(line) : `${escapeMrkdwn(line.slice(0, at))}${code(s.id)}${escapeMrkdwn(line.slice(at + s.id.length))}`;
}

/** A labelled passage as a block quote; when cut, a context line says where the full text is. */
function passageBlocks(label: string, p: Passage, sourceId: string): NewsdeskBlock[] {
  const lines = p.text.split('\n').length;
  const quote = cutEscaped(p.text, SLACK_LIMITS.sectionText - label.length - 1 - lines);
  const blocks: NewsdeskBlock[] = [section(`${label}\n${blockquote(quote.text)}`)];
  if (quote.cut) blocks.push(context(escapeMrkdwn(quoteCutMessage(sourceId))));
  return blocks;
}

/**
 * Packs entries (escaped mrkdwn; one longer than a section is cut by `section`) into as few sections as fit, at most
 * `maxBlocks` blocks; entries that do not fit are counted in a closing context line.
 */
function packEntries(entries: readonly string[], maxBlocks: number, noun: string, separator = '\n\n'): NewsdeskBlock[] {
  const blocks: NewsdeskBlock[] = [];
  let current = '';
  let placed = 0;
  for (const entry of entries) {
    if (current && current.length + separator.length + entry.length <= SLACK_LIMITS.sectionText) {
      current += `${separator}${entry}`;
      placed++;
      continue;
    }
    if (current) blocks.push(section(current));
    if (blocks.length >= maxBlocks - 1) {
      current = '';
      break;
    }
    current = entry;
    placed++;
  }
  if (current) blocks.push(section(current));
  const hidden = entries.length - placed;
  if (hidden > 0) blocks.push(context(escapeMrkdwn(listCutMessage(hidden, noun))));
  return blocks;
}
