import { classifyLine } from './boilerplate.ts';
import { findDate, isDateLine, isRelativeTimeLine, isUrlLine, parseByline, isProse, wordCount, endsLikeSentence } from './lines.ts';

/**
 * Reads the header of a plain-text article page: the headline, byline, date and outlet that a page
 * carries above its first paragraph, skipping date stamps, section labels ("POTUS"), image links and
 * their captions. What the text does not say stays null.
 */

/** What the header of a page says, and where its body starts. */
export interface HeaderInfo {
  title: string | null;
  byline: string | null;
  published: string | null;
  outlet: string | null;
  /** Index of the first body paragraph. */
  bodyStart: number;
}

/** Headers are short: stop looking for one after this many paragraphs. */
const MAX_HEADER_PARAGRAPHS = 16;

/**
 * Splits the header off a page's paragraphs.
 * @param paragraphs - the page's non-empty paragraphs in order, trimmed
 * @example readHeader(['POTUS', 'Biden calls Putin', 'By Jane Doe', 'Biden spoke with Putin on Thursday, officials said.'])
 *   // { title: 'Biden calls Putin', byline: 'Jane Doe', published: null, outlet: null, bodyStart: 3 }
 */
export function readHeader(paragraphs: readonly string[]): HeaderInfo {
  const info: HeaderInfo = { title: null, byline: null, published: null, outlet: null, bodyStart: 0 };
  const labels: string[] = [];
  let labelsAfterByline: string[] = [];
  let previousWasUrl = false;
  const limit = Math.min(paragraphs.length, MAX_HEADER_PARAGRAPHS);
  let i = 0;
  for (; i < limit; i++) {
    const line = paragraphs[i]!;
    const wasUrl = previousWasUrl;
    previousWasUrl = false;
    if (isUrlLine(line)) {
      previousWasUrl = true;
      continue;
    }
    if (wasUrl && info.title !== null && isCaption(line)) continue;
    if (isDateLine(line) && wordCount(line) <= 8) {
      info.published ??= findDate(line);
      continue;
    }
    if (isRelativeTimeLine(line)) continue;
    const byline = parseByline(line);
    if (byline !== null) {
      info.byline ??= byline;
      labelsAfterByline = [];
      continue;
    }
    if (isHeaderLabel(line, info.title !== null)) {
      labels.push(line);
      if (info.byline !== null) labelsAfterByline.push(line);
      continue;
    }
    if (info.title === null && isHeadline(line)) {
      info.title = line;
      continue;
    }
    break;
  }
  // Past the header limit with nothing that reads as a body: treat everything after the title as body.
  if (i === limit && limit === MAX_HEADER_PARAGRAPHS) i = info.title === null ? 0 : paragraphs.indexOf(info.title) + 1;
  info.bodyStart = i;
  info.outlet = outletFromLabels(labelsAfterByline, info.byline);
  return info;
}

/**
 * True when a line can be a headline: a handful of words, not a sentence of running prose.
 * Headlines rarely end in a full stop; a long line ending in one is a lead paragraph.
 */
export function isHeadline(line: string): boolean {
  const words = wordCount(line);
  if (words < 2 || words > 30) return false;
  if (isProse(line) && /[.]["”’']?$/.test(line)) return false;
  if (words >= 20 && endsLikeSentence(line)) return false;
  return /\p{L}/u.test(line);
}

/** The caption under an image link in a header: anything that is not a plain sentence, or ends in a photo credit. */
function isCaption(line: string): boolean {
  return classifyLine(line) === 'caption' || (!endsLikeSentence(line) && wordCount(line) <= 80);
}

/**
 * Short non-sentence header lines: section labels, outlet names, tags, run-together menus. Before the
 * headline only single words and all-capitals lines count, so "Obituary: Dame Alicia Markova" stays a headline.
 */
function isHeaderLabel(line: string, afterTitle: boolean): boolean {
  const words = wordCount(line);
  if (words > 4 || endsLikeSentence(line)) return false;
  if (words === 1) return true; // "POTUS", "WEKU", "ContributorsPublishersAdvertisers"
  if (!/\p{Ll}/u.test(line)) return true; // "WORLD NEWS"
  if (!afterTitle) return false;
  // "NTD Newsroom", "The Associated Press": every word capitalised, no verb-like lower-case words.
  return line.split(/\s+/).every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(of|the|and|for|in|on|at|de|la)$/i.test(w));
}

/** An outlet named on the lines right after the byline ("By X / WEKU / WEKU"). */
function outletFromLabels(labels: readonly string[], byline: string | null): string | null {
  const candidates = labels.filter((l) => l !== byline && !isDateLine(l) && wordCount(l) <= 4 && /^[\p{Lu}\d]/u.test(l));
  return candidates[0] ?? null;
}
