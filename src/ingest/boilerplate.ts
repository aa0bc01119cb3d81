import { isDateLine, isRelativeTimeLine, isUrlLine, isProse, wordCount, endsLikeSentence } from './lines.ts';

/**
 * Boilerplate removal by general rules: page furniture that sits around an article when it is copied
 * from the web (related-link lists, comment counters, newsletter prompts, image links and captions,
 * share/follow counters, credit lines). Rules look at the shape of a line, never at a corpus.
 */

/** Why a line was removed. */
export type BoilerplateRule =
  | 'tail-block'
  | 'url'
  | 'caption'
  | 'date-stamp'
  | 'relative-time'
  | 'counter'
  | 'video-label'
  | 'credit'
  | 'label'
  | 'page-notice'
  | 'duplicate';

/** One removed line and the rule that removed it. */
export interface RemovedLine {
  line: string;
  rule: BoilerplateRule;
}

/** The body paragraphs that remain, plus what went and why. */
export interface BoilerplateResult {
  kept: string[];
  removed: RemovedLine[];
}

/**
 * Removes boilerplate from an article's body paragraphs (header lines already taken off).
 * Everything from the first tail marker ("Related", "YOU MAY ALSO LIKE", "Comments / 4",
 * "Comments are closed.", a newsletter sign-up, "Read more:") to the end is dropped, then single
 * lines that are links, captions, counters, stamps, credits or short labels, and repeats of an
 * earlier paragraph (pages copied twice).
 * @param paragraphs - body paragraphs in order, each trimmed
 * @example removeBoilerplate(['Biden spoke.', 'Comments / 4', 'Related']).kept // ['Biden spoke.']
 */
export function removeBoilerplate(paragraphs: readonly string[]): BoilerplateResult {
  const removed: RemovedLine[] = [];
  const tailAt = findTailStart(paragraphs);
  const body = paragraphs.slice(0, tailAt);
  for (const line of paragraphs.slice(tailAt)) removed.push({ line, rule: 'tail-block' });
  const kept: string[] = [];
  const seen = new Set<string>();
  let previousWasImageUrl = false;
  for (const line of body) {
    const duplicate = wordCount(line) >= 8 && seen.has(line);
    seen.add(line);
    const rule: BoilerplateRule | null = duplicate ? 'duplicate' : classifyLine(line, previousWasImageUrl);
    previousWasImageUrl = rule === 'url';
    if (rule) removed.push({ line, rule });
    else kept.push(line);
  }
  return { kept, removed };
}

/**
 * Index of the first paragraph that opens a trailing non-article block, or `paragraphs.length`.
 * A marker in the first paragraph never counts: there must be an article before the furniture.
 */
export function findTailStart(paragraphs: readonly string[]): number {
  for (let i = 1; i < paragraphs.length; i++) {
    if (isTailMarker(paragraphs[i]!)) return i;
  }
  return paragraphs.length;
}

/** True for a line that opens a block of page furniture (related links, comments, sign-ups). */
export function isTailMarker(line: string): boolean {
  const t = line.trim();
  return TAIL_MARKERS.some((re) => re.test(t));
}

/**
 * The rule that removes a single body line, or null to keep it.
 * @param line - one paragraph
 * @param afterImageUrl - whether the paragraph before was an image link (then a non-sentence is a caption)
 */
export function classifyLine(line: string, afterImageUrl = false): BoilerplateRule | null {
  const t = line.trim();
  if (t === '') return 'label';
  if (isUrlLine(t)) return 'url';
  if (afterImageUrl && !endsLikeSentence(t) && wordCount(t) <= 80) return 'caption';
  if (CAPTION_PREFIX.test(t) || CAPTION_CREDIT_TAIL.test(t.slice(-120))) return 'caption';
  if (t.length > LONG_LINE) return PAGE_NOTICE.some((re) => re.test(t)) && !isMostlyReporting(t) ? 'page-notice' : null;
  if (isRelativeTimeLine(t)) return 'relative-time';
  if (isDateLine(t) && wordCount(t) <= 8) return 'date-stamp';
  if (COUNTER.test(t) || COUNTER_WORD.test(t)) return 'counter';
  if (VIDEO_LABEL.test(t) && !endsLikeSentence(t)) return 'video-label';
  if (CREDIT.test(t) && wordCount(t) <= 20) return 'credit';
  if (PAGE_NOTICE.some((re) => re.test(t)) && !isMostlyReporting(t)) return 'page-notice';
  if (isShortLabel(t)) return 'label';
  return null;
}

/** A short line that is not a sentence: section labels, sub-heads, tag lists, outlet names. */
function isShortLabel(t: string): boolean {
  if (isProse(t)) return false;
  const words = wordCount(t);
  if (t.startsWith('#')) return true;
  if (words <= 5 && !endsLikeSentence(t)) return true;
  if (words <= 3 && !/[.!?]["”’']?$/.test(t)) return true;
  return false;
}

/** A page notice that also quotes someone is more likely reporting than furniture. */
function isMostlyReporting(t: string): boolean {
  return /\b(said|says|told|according to)\b/i.test(t);
}

const TAIL_MARKERS: RegExp[] = [
  /^related( (stories|articles|content|coverage|people|topics|links|news|posts|reading))?:?$/i,
  /^(you may|you might) (also )?like:?$/i,
  /^(more|read) (on this story|from [\p{L} ]{1,40}|stories|news|like this):?$/iu,
  /^read more:?$/i,
  /^(recommended|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|editor'?s? picks?)(:| for you)?$/i,
  /^comments?\s*[/|(:]\s*\d+\)?$/i,
  /^\d+\s+comments?$/i,
  /^comments? (are|is) (now )?closed\.?$/i,
  /^(leave|post|add) a comment:?$/i,
  /^(community (policy|guidelines)|join the conversation)$/i,
  /^[\p{L}\s]{0,30}newsletter( icon)?:?$/iu,
  /^sign up (for|to)\b.{0,60}$/i,
  /^(subscribe|get our newsletter|never miss a story)\b.{0,60}$/i,
  /^(share|share this (article|story|page)|share on \w+|follow us( on [\p{L} ]+)?):?$/iu,
  /^(in this article|topics|tags):?$/i,
];

/** Lines longer than this are running text: only caption and page-notice rules apply to them. */
const LONG_LINE = 240;
const CAPTION_PREFIX = /^(file photo|photo|image|picture|photograph|pictured|above|below|caption|video)\s*[:|—–-]/i;
/** "…on December 30, 2021. Pool via the White House": a sentence followed by a bare photo credit. */
const CAPTION_CREDIT_TAIL =
  /[.!?]["”’']?\s+(?![-—–])[^.!?]{0,60}\b(via (the )?[\p{Lu}][\p{L} ]*|Getty Images|AP Photo|Reuters|AFP|EPA|Handout|Photograph|Photo(graph)? by [\p{L} ]+|\/ ?(AP|AFP|Reuters|Getty))\s*$/u;
const COUNTER = /^[\d.,]+\s*[KMB]?\+?(\s+(followers|following|posts?|views|shares|likes|comments|subscribers|reads))?$/i;
const COUNTER_WORD = /^(followers|following|posts?|views|shares|likes|subscribers|reads|about|contact|advertisement|advertising|ad|sponsored|loading\.*)$/i;
/** A video teaser: a title ending in a running time such as 02:20. */
const VIDEO_LABEL = /\s\d{1,2}:\d{2}$/;
const CREDIT =
  /^(with reporting (from|by)|additional reporting|reporting by|editing by|writing by|compiled by|written by|agencies contributed|.{0,80} contributed to (this|the) (report|story|article)|.{0,80} contributed to it\.?$|(from|source:?|via) (the )?[\p{Lu}][\p{L}.&' ]{1,40}$|©|copyright\b|all rights reserved)/iu;
const PAGE_NOTICE: RegExp[] = [
  /please share this (article|story)/i,
  /do not (cut|copy) (&|and) paste/i,
  /(terms (and|&) conditions|privacy policy|cookie policy|copyright policy)/i,
  /(enable javascript|your browser does not support)/i,
  /^(click|tap) here\b/i,
];
