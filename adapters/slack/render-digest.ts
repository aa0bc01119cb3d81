import type { Digest, DigestNewArticle, DigestPoint } from '../../src/digest/types.ts';
import { presentCitation, type PresentedCitation } from '../../src/wording/present.ts';
import { ANSWER_BUTTON_LABELS, DIGEST_LABELS, disagreementLine, listCutMessage, pointSourcesLine } from '../../src/wording/messages.ts';
import { ACTION_IDS } from './action-values.ts';
import { SLACK_LIMITS, actions, button, context, divider, section, type NewsdeskBlock, type SlackMessage } from './block-kit.ts';
import { blockquote, bold, code, cutEscaped, escapeMrkdwn, linkMrkdwn, safeUrl } from './mrkdwn.ts';

/**
 * The daily briefing as a Slack Block Kit message: the headline, each key point (numbered, with how
 * many sources report it) followed by its citations (outlet, title linked when known, date, article
 * id, verbatim quote), where outlets differ, and what is new since the last digest. Pure: the wording
 * comes from the core (src/wording/messages.ts); all outside text is escaped so nothing in it pings or links,
 * and the message stays within 50 blocks and 3000 characters per text.
 */

/** Options of {@link renderDigestForSlack}. */
export interface SlackDigestOptions {
  /** Add the "Share in channel" button (the private `/digest` reply). */
  shareButton?: boolean;
}

/** Characters of one quote under a new article. */
const NEW_FACT_CHARS = 300;

/**
 * Renders a digest as Block Kit.
 * @example renderDigestForSlack(desk.digest()).blocks[0] // { type: 'section', text: { type: 'mrkdwn', text: '*Daily briefing*\n*Biden again calls…*' } }
 */
export function renderDigestForSlack(digest: Digest, options: SlackDigestOptions = {}): SlackMessage {
  if (digest.stories) return renderStoriesDigestForSlack(digest, options);
  const headline = cutEscaped(oneLine(digest.headline), 1000).text;
  const blocks: NewsdeskBlock[] = [section(`${bold(escapeMrkdwn(DIGEST_LABELS.title))}\n${bold(headline)}`)];
  const tail: NewsdeskBlock[] = [];
  if (digest.disagreements.length) {
    const lines = digest.disagreements.map((d) => `• ${cutEscaped(oneLine(disagreementLine(d)), 600).text}`);
    tail.push(divider(), section(joinWithin(`${bold(escapeMrkdwn(DIGEST_LABELS.disagreements))}\n`, lines, 'disagreement')));
  }
  tail.push(divider());
  if (digest.new.length === 0) tail.push(section(`${bold(escapeMrkdwn(DIGEST_LABELS.new))}\n${escapeMrkdwn(DIGEST_LABELS.noNew)}`));
  else tail.push(section(joinWithin(`${bold(escapeMrkdwn(DIGEST_LABELS.new))}\n`, digest.new.map(newArticleLines), 'new article')));
  if (options.shareButton) tail.push(actions(button(ANSWER_BUTTON_LABELS.share, ACTION_IDS.shareDigest, 'digest', 'primary')));

  if (digest.points.length === 0) blocks.push(section(escapeMrkdwn(DIGEST_LABELS.noPoints)));
  else {
    blocks.push(divider(), section(bold(escapeMrkdwn(DIGEST_LABELS.points))));
    // Two blocks per point; one kept for the pointer when some points do not fit.
    const room = SLACK_LIMITS.blocksPerMessage - blocks.length - tail.length;
    const fits = digest.points.length * 2 <= room ? digest.points.length : Math.max(0, Math.floor((room - 1) / 2));
    digest.points.slice(0, fits).forEach((p, i) => blocks.push(...pointBlocks(p, i + 1)));
    if (fits < digest.points.length) blocks.push(context(escapeMrkdwn(listCutMessage(digest.points.length - fits, 'key point'))));
  }
  const fallback = `${DIGEST_LABELS.title}: ${oneLine(digest.headline)}`;
  return { text: cutEscaped(fallback, SLACK_LIMITS.fallbackText).text, blocks: [...blocks, ...tail] };
}

/** New articles named per story in a briefing of many stories. */
const NEW_PER_STORY = 3;

/**
 * A briefing of many stories: for each top story its headline, its key points with their citations,
 * where its outlets differ and what is new in it, within the 50 blocks (points are dropped from the
 * last stories first, with a pointer, when they would not fit).
 */
function renderStoriesDigestForSlack(digest: Digest, options: SlackDigestOptions): SlackMessage {
  const stories = digest.stories ?? [];
  const blocks: NewsdeskBlock[] = [section(`${bold(escapeMrkdwn(DIGEST_LABELS.title))}\n${bold(cutEscaped(oneLine(digest.headline), 1000).text)}`)];
  const closing: NewsdeskBlock[] = options.shareButton ? [actions(button(ANSWER_BUTTON_LABELS.share, ACTION_IDS.shareDigest, 'digest', 'primary'))] : [];
  stories.forEach((story, i) => {
    const lines: string[] = [];
    for (const d of story.disagreements) lines.push(`• ${cutEscaped(oneLine(disagreementLine(d)), 400).text}`);
    const fresh = story.new.slice(0, NEW_PER_STORY).map((a) => `• ${cutEscaped(oneLine(a.title), 200).text} (${code(a.source)})`);
    if (story.new.length > NEW_PER_STORY) fresh.push(escapeMrkdwn(listCutMessage(story.new.length - NEW_PER_STORY, 'new article')));
    const tail: NewsdeskBlock[] = [];
    if (lines.length) tail.push(section(joinWithin(`${bold(escapeMrkdwn(DIGEST_LABELS.disagreements))}\n`, lines, 'disagreement')));
    tail.push(
      section(
        fresh.length
          ? joinWithin(`${bold(escapeMrkdwn(DIGEST_LABELS.new))}\n`, fresh, 'new article')
          : `${bold(escapeMrkdwn(DIGEST_LABELS.new))}\n${escapeMrkdwn(DIGEST_LABELS.noNew)}`,
      ),
    );
    // What the later stories need at least (a divider and a title each) stays free.
    const reserved = (stories.length - i - 1) * 2 + closing.length;
    blocks.push(divider(), section(bold(`${i + 1}. ${cutEscaped(oneLine(story.title), 500).text}`)));
    const room = SLACK_LIMITS.blocksPerMessage - blocks.length - tail.length - reserved;
    const fits = story.points.length * 2 <= room ? story.points.length : Math.max(0, Math.floor((room - 1) / 2));
    story.points.slice(0, fits).forEach((p, k) => blocks.push(...pointBlocks(p, k + 1)));
    if (fits < story.points.length) blocks.push(context(escapeMrkdwn(listCutMessage(story.points.length - fits, 'key point'))));
    if (blocks.length + tail.length + reserved <= SLACK_LIMITS.blocksPerMessage) blocks.push(...tail);
  });
  const fallback = `${DIGEST_LABELS.title}: ${oneLine(digest.headline)} — ${stories.map((s) => oneLine(s.title)).join('; ')}`;
  return { text: cutEscaped(fallback, SLACK_LIMITS.fallbackText).text, blocks: [...blocks, ...closing].slice(0, SLACK_LIMITS.blocksPerMessage) };
}

/** The point ("*1.* sentence [1][2]" and how many sources report it), then a section of its citations. */
function pointBlocks(p: DigestPoint, number: number): NewsdeskBlock[] {
  const refs = p.citations.map((c) => `[${c.n}]`).join('');
  const head = `${bold(`${number}.`)} ${cutEscaped(oneLine(p.text), 2000).text} ${escapeMrkdwn(refs)}\n_${escapeMrkdwn(pointSourcesLine(p.citations.length))}_`;
  const citations = p.citations.map(presentCitation);
  if (citations.length === 0) return [section(head), context('…')];
  // The quotes share the section's 3000 characters; headings are kept short first.
  const headings = citations.map(citationHeading);
  const shared = Math.floor((SLACK_LIMITS.sectionText - headings.reduce((n, h) => n + h.length + 3, 0)) / citations.length);
  const entries = citations.map((c, i) => {
    const quote = oneLine(c.quote) === oneLine(p.text) ? null : cutEscaped(oneLine(c.quote), Math.max(40, shared - 2)).text;
    return quote === null ? headings[i]! : `${headings[i]!}\n${blockquote(quote)}`;
  });
  return [section(head), section(entries.join('\n'))];
}

/** "*[n] Outlet* — <url|Title> · date · `id`" (the title left out when it is the label and there is no link). */
function citationHeading(c: PresentedCitation): string {
  const label = bold(`[${c.n}] ${cutEscaped(oneLine(c.label), 120).text}`);
  const title = c.label !== c.title || safeUrl(c.url) ? linkMrkdwn(c.url, cutEscaped(oneLine(c.title), 150).text) : null;
  return [title ? `${label} — ${title}` : label, c.date ? escapeMrkdwn(c.date) : null, code(c.source)].filter((x): x is string => x !== null).join(' · ');
}

/** "• *Outlet*: Title (`id`, first seen …)" and a quote per new fact. */
function newArticleLines(a: DigestNewArticle): string {
  const outlet = a.outlet ? `${bold(cutEscaped(oneLine(a.outlet), 100).text)}: ` : '';
  const head = `• ${outlet}${cutEscaped(oneLine(a.title), 200).text} (${code(a.source)}, ${escapeMrkdwn(`${DIGEST_LABELS.firstSeen} ${a.firstSeen}`)})`;
  const facts = a.facts.map((c) => `\n${blockquote(cutEscaped(oneLine(c.quote), NEW_FACT_CHARS).text)} ${escapeMrkdwn(`[${c.n}]`)}`);
  return head + facts.join('');
}

/** `heading` and the lines that fit in one section's 3000 characters, then a pointer for the rest. */
function joinWithin(heading: string, lines: readonly string[], noun: string): string {
  let out = heading;
  for (const [i, line] of lines.entries()) {
    const pointer = i + 1 < lines.length ? `\n${escapeMrkdwn(listCutMessage(lines.length - i - 1, noun))}` : '';
    if (out.length + line.length + 1 + pointer.length > SLACK_LIMITS.sectionText)
      return `${out}${i ? '\n' : ''}${escapeMrkdwn(listCutMessage(lines.length - i, noun))}`;
    out += `${i ? '\n' : ''}${line}`;
  }
  return out;
}

/** Whitespace runs (line breaks included) become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
