import type { Digest } from '../../src/digest/types.ts';
import type { Citation } from '../../src/types.ts';
import { DIGEST_LABELS, disagreementLine, listCutMessage, pointSourcesLine } from '../../src/wording/messages.ts';

/**
 * Plain-text rendering of a digest for the terminal: the headline, the numbered key points with their
 * verbatim quotes per outlet, the articles new since the last digest, and where outlets differ; for a
 * coverage of many stories, that for each top story in turn.
 */

/** New articles listed in full; the rest are counted. */
const MAX_NEW_SHOWN = 10;

/**
 * Renders a digest as terminal text.
 * @example renderDigestText(digest) // 'Daily briefing: Biden again calls on Putin…\n\nKey points\n1. …'
 */
export function renderDigestText(digest: Digest): string {
  const lines: string[] = [`${DIGEST_LABELS.title}: ${digest.headline}`, ''];
  if (digest.stories) {
    // One section per story: its headline, then its own points, disagreements and new articles.
    digest.stories.forEach((story, i) =>
      lines.push(...(i ? ['', ''] : []), `== ${i + 1}. ${oneLine(story.title)} ==`, '', ...sectionLines(story, MAX_NEW_PER_STORY)),
    );
    return lines.join('\n');
  }
  lines.push(...sectionLines(digest, MAX_NEW_SHOWN));
  return lines.join('\n');
}

/** New articles listed per story in a briefing of many stories. */
const MAX_NEW_PER_STORY = 3;

/** Key points, disagreements and new articles of a briefing or of one story's section. */
function sectionLines(digest: Pick<Digest, 'points' | 'new' | 'disagreements'>, maxNew: number): string[] {
  const lines: string[] = [];
  if (digest.points.length === 0) lines.push(DIGEST_LABELS.noPoints);
  else {
    lines.push(DIGEST_LABELS.points);
    digest.points.forEach((p, i) => {
      const refs = p.citations.map((c) => `[${c.n}]`).join('');
      lines.push(`${i + 1}. ${oneLine(p.text)} ${refs}`, `   (${pointSourcesLine(p.citations.length)})`);
      for (const c of p.citations) lines.push(...renderCitation(c));
    });
  }
  if (digest.disagreements.length) {
    lines.push('', DIGEST_LABELS.disagreements);
    for (const d of digest.disagreements) lines.push(`- ${disagreementLine(d)}`);
  }
  lines.push('', DIGEST_LABELS.new);
  if (digest.new.length === 0) lines.push(DIGEST_LABELS.noNew);
  for (const a of digest.new.slice(0, maxNew)) {
    lines.push(`- ${a.outlet ? `${a.outlet}: ` : ''}${a.title} (${a.source}, first seen ${a.firstSeen})`);
    for (const c of a.facts) lines.push(...renderCitation(c));
  }
  if (digest.new.length > maxNew) lines.push(listCutMessage(digest.new.length - maxNew, 'new article'));
  return lines;
}

function renderCitation(c: Citation): string[] {
  const meta = [c.outlet ?? c.title, c.date].filter(Boolean).join(', ');
  return [`     [${c.n}] ${meta} (${c.source})${c.url ? ` ${c.url}` : ''}`, `         > ${oneLine(c.quote)}`];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
