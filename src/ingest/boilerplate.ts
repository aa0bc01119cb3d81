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
  | 'link'
  | 'markup'
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
 * "Comments are closed.", a newsletter sign-up, "Read more:") to the end is dropped, unless the
 * article resumes after it (then only the inline widget around the marker goes); then single lines
 * that are links (with the headlines that follow a "Read more: …" line), captions, counters, stamps,
 * credits, markup or short labels, runs of title-case link headlines, and repeats of an earlier
 * paragraph (pages copied twice). Short lines that belong to a list (fixtures, seedings) or continue
 * a broken sentence are kept.
 * @param paragraphs - body paragraphs in order, each trimmed
 * @example removeBoilerplate(['Biden spoke.', 'Comments / 4', 'Related']).kept // ['Biden spoke.']
 */
export function removeBoilerplate(paragraphs: readonly string[]): BoilerplateResult {
  const blocks = findFurnitureBlocks(paragraphs);
  const lists = findListLines(paragraphs);
  const linkRuns = findHeadlineRuns(paragraphs, lists);
  const removed: RemovedLine[] = [];
  const kept: string[] = [];
  const seen = new Set<string>();
  let previousWasImageUrl = false;
  let previousWasLink = false;
  paragraphs.forEach((line, i) => {
    const next = paragraphs[i + 1];
    let rule: BoilerplateRule | null = blocks.get(i) ?? null;
    if (rule === null) {
      if (seen.has(line) && wordCount(line) >= 8) rule = 'duplicate';
      else if (linkRuns.has(i)) rule = 'link';
      else if (next !== undefined && isVideoTeaserTitle(line, next)) rule = 'video-label';
      else if (previousWasLink && !endsLikeSentence(line) && wordCount(line) <= 20) rule = 'link';
      else {
        rule = classifyLine(line, previousWasImageUrl);
        if (rule === 'label' && (lists.has(i) || continuesSentence(line, next))) rule = null;
      }
    }
    seen.add(line);
    previousWasImageUrl = rule === 'url';
    previousWasLink = rule === 'link' && (previousWasLink || LINK_LINE.test(line));
    if (rule) removed.push({ line, rule });
    else kept.push(line);
  });
  return { kept, removed };
}

/**
 * Index of the first paragraph that opens a trailing non-article block, or `paragraphs.length`.
 * A marker in the first paragraph never counts: there must be an article before the furniture; nor
 * does a marker after which the article resumes (an inline "Read more" card, a "Related Coverage" box).
 */
export function findTailStart(paragraphs: readonly string[]): number {
  for (let i = 1; i < paragraphs.length; i++) {
    if (isTailMarker(paragraphs[i]!) && !articleResumesAfter(paragraphs, i)) return i;
  }
  return paragraphs.length;
}

/** True for a line that opens a block of page furniture (related links, comments, sign-ups). */
export function isTailMarker(line: string): boolean {
  const t = line.trim();
  return TAIL_MARKERS.some((re) => re.test(t)) || COMMENT_MARKERS.some((re) => re.test(t));
}

/**
 * True when the article's own text carries on after the marker at `at`: a run of
 * {@link RESUME_RUN} prose paragraphs of {@link RESUME_CHARS}+ characters (a sign-up blurb is
 * shorter) that are not repeats of earlier ones (a page copied twice repeats its text after the
 * second copy's menus). Comment markers always end the article.
 */
function articleResumesAfter(paragraphs: readonly string[], at: number): boolean {
  const marker = paragraphs[at]!.trim();
  if (COMMENT_MARKERS.some((re) => re.test(marker))) return false;
  const earlier = new Set(paragraphs.slice(0, at));
  let run = 0;
  let chars = 0;
  for (let i = at + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const prose = isProse(p) && endsLikeSentence(p) && !earlier.has(p);
    run = prose ? run + 1 : 0;
    chars = prose ? chars + p.length : 0;
    if (run >= RESUME_RUN && chars >= RESUME_CHARS) return true;
  }
  return false;
}

/**
 * The furniture around tail markers, by paragraph index: from a trailing marker to the end
 * ('tail-block'); for an inline marker, the marker, the link lines after it up to the next prose
 * paragraph, and the card lines right before it (headline, teaser, caption) that are not sentences ('link').
 */
function findFurnitureBlocks(paragraphs: readonly string[]): Map<number, BoilerplateRule> {
  const blocks = new Map<number, BoilerplateRule>();
  for (let i = 1; i < paragraphs.length; i++) {
    if (!isTailMarker(paragraphs[i]!)) continue;
    if (!articleResumesAfter(paragraphs, i)) {
      for (let j = i; j < paragraphs.length; j++) blocks.set(j, 'tail-block');
      break;
    }
    blocks.set(i, 'link');
    for (let j = i - 1; j >= Math.max(1, i - INLINE_CARD_LINES) && !blocks.has(j); j--) {
      const p = paragraphs[j]!;
      if (!isCaptionLike(p) && (endsLikeSentence(p) || wordCount(p) > 80)) break;
      blocks.set(j, 'link');
    }
    let j = i + 1;
    for (; j < paragraphs.length && !resumesText(paragraphs[j]!); j++) blocks.set(j, 'link');
    i = j - 1;
  }
  return blocks;
}

/**
 * Indices of short lines that form a list (fixtures "Chelsea v Birmingham", seedings
 * "1 Roger Federer (Switzerland)", "Drama - Featherboy"): three or more consecutive short lines
 * that mostly share a structural token (a lower-case connector, a dash, a leading number, a
 * bracketed tail). Menus and map labels share none and stay labels.
 */
function findListLines(paragraphs: readonly string[]): Set<number> {
  const lines = new Set<number>();
  let start = 0;
  const flush = (end: number): void => {
    const run = paragraphs.slice(start, end);
    if (run.length >= 3 && run.filter((l) => wordCount(l) >= 2).length >= 2 && sharesStructure(run)) {
      for (let k = start; k < end; k++) lines.add(k);
    }
  };
  paragraphs.forEach((p, i) => {
    if (isListItemShape(p)) return;
    flush(i);
    start = i + 1;
  });
  flush(paragraphs.length);
  return lines;
}

/**
 * Indices of runs of three or more consecutive title-case headlines that are not sentences, nor a
 * list: a box of related-story links ("Obama: 'Heartbreaking' Paris Terror Is Attack 'On All of Humanity'").
 */
function findHeadlineRuns(paragraphs: readonly string[], lists: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  let start = 0;
  const flush = (end: number): void => {
    if (end - start >= 3) for (let k = start; k < end; k++) out.add(k);
  };
  paragraphs.forEach((p, i) => {
    if (!lists.has(i) && isTitleCaseHeadline(p)) return;
    flush(i);
    start = i + 1;
  });
  flush(paragraphs.length);
  return out;
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
  if (MARKUP.test(t)) return 'markup';
  if (afterImageUrl && !endsLikeSentence(t) && wordCount(t) <= 80) return 'caption';
  if (isCaptionLike(t)) return 'caption';
  if (t.length > LONG_LINE) return isPageNotice(t, 2) ? 'page-notice' : null;
  if (LINK_LINE.test(t) && wordCount(t) <= 25) return 'link';
  if (isRelativeTimeLine(t)) return 'relative-time';
  if (isDateLine(t) && wordCount(t) <= 8) return 'date-stamp';
  if (COUNTER.test(t) || COUNTER_WORD.test(t)) return 'counter';
  if ((VIDEO_LABEL.test(t) || GALLERY_LABEL.test(t)) && !endsLikeSentence(t)) return 'video-label';
  if (CREDIT.test(t) && wordCount(t) <= 20) return 'credit';
  if (isPageNotice(t, 1)) return 'page-notice';
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

/**
 * True for a site notice ("Please share this article…", "See our privacy policy"). A long line must
 * match several notice phrases: one "terms and conditions" inside a paragraph of reporting is text.
 */
function isPageNotice(t: string, minMatches: number): boolean {
  return PAGE_NOTICE.filter((re) => re.test(t)).length >= minMatches && !isMostlyReporting(t);
}

/**
 * True for the paragraph where text resumes after an inline link box: prose that is not a caption,
 * long or ending in a full stop (a short question is a linked headline: "Analysis Isis – Boots on the ground?").
 */
function resumesText(t: string): boolean {
  return isProse(t) && !isCaptionLike(t) && (wordCount(t) >= 12 || /[.!]["”’')\]]*$/.test(t));
}

/** A photo caption: "FILE PHOTO: …", "Photo: …", or a sentence ending in a bare credit ("… EPA/JOHN DOE"). */
function isCaptionLike(t: string): boolean {
  return CAPTION_PREFIX.test(t) || CAPTION_CREDIT_TAIL.test(t.slice(-120));
}

/**
 * True when a short line carries on running text rather than labelling it: it ends mid-sentence
 * with a comma or semicolon, or it and the next paragraph start in lower case ("Parry revealed Real Madrid" /
 * "did" / "ask for an option…": text broken where a link was).
 */
function continuesSentence(line: string, next: string | undefined): boolean {
  if (/[,;]["”’']?$/.test(line)) return true;
  return next !== undefined && STARTS_LOWER.test(line) && STARTS_LOWER.test(next);
}

const STARTS_LOWER = /^["“‘'(]?\p{Ll}/u;

/** "See satellite images" right above "See satellite images 02:15": the title of a video teaser. */
function isVideoTeaserTitle(line: string, next: string): boolean {
  if (!VIDEO_LABEL.test(next) || wordCount(line) > 20) return false;
  const title = next.replace(VIDEO_LABEL, '').trim();
  return title === line || title === decodeHtmlEntities(line);
}

/** A line short enough to be a list item or a label: not running prose, no sentence ending. */
function isListItemShape(t: string): boolean {
  if (t.length > MAX_SHORT_LINE_CHARS) return false;
  const words = wordCount(t);
  return words >= 1 && words <= 20 && !isProse(t) && (!endsLikeSentence(t) || words <= 3);
}

/** True when most lines of a run share one structural token (see {@link findListLines}). */
function sharesStructure(run: readonly string[]): boolean {
  const counts = new Map<string, number>();
  for (const line of run) {
    for (const f of structureTokens(line)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(run.length * 0.6));
  return [...counts.values()].some((n) => n >= needed);
}

function structureTokens(line: string): Set<string> {
  const out = new Set<string>();
  if (/^\d+[.)]?\s/.test(line)) out.add('#number');
  if (/\([^)]+\)$/.test(line)) out.add('#bracket');
  for (const token of line.split(/\s+/)) {
    const lower = token.toLowerCase();
    if (/^[-–—:/|·•&+]+$/.test(token)) out.add(token);
    else if (/^\p{Ll}+$/u.test(token) && !LIST_STOP_WORDS.has(lower)) out.add(lower);
  }
  return out;
}

/** A headline in title case: 4–20 words, no sentence ending, every word of four letters or more capitalised. */
function isTitleCaseHeadline(t: string): boolean {
  if (t.length > MAX_SHORT_LINE_CHARS) return false;
  const words = wordCount(t);
  if (words < 4 || words > 20 || endsLikeSentence(t) || /[?)]["”’']?$/.test(t)) return false;
  const long = t
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\d]+/u, ''))
    .filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

function decodeHtmlEntities(t: string): string {
  return t.replace(/&(#39|#x27|quot|amp|lt|gt|apos);/g, (_, e: string) => HTML_ENTITIES[e] ?? _);
}

const HTML_ENTITIES: Record<string, string> = { '#39': "'", '#x27': "'", quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
const LIST_STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'by', 'with', 'from', 'is', 'are', 'was']);
/** Lines longer than this are never list items or link headlines (saves counting words in paragraphs). */
const MAX_SHORT_LINE_CHARS = 250;
/** A marker needs this many prose paragraphs after it for the article to count as resuming. */
const RESUME_RUN = 3;
const RESUME_CHARS = 500;
/** At most this many lines before an inline "Read more" belong to its card. */
const INLINE_CARD_LINES = 3;

const TAIL_MARKERS: RegExp[] = [
  /^related( (stories|articles|content|coverage|people|topics|links|news|posts|reading))?:?$/i,
  /^(you may|you might) (also )?like:?$/i,
  /^(more|read) (on this story|from [\p{L} ]{1,40}|stories|news|like this):?$/iu,
  /^read more:?$/i,
  /^(more )?on this (story|topic)$/i,
  /^(recommended|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|editor'?s? picks?)(:| for you)?$/i,
  /^(community (policy|guidelines)|join the conversation)$/i,
  /^[\p{L}\s]{0,30}newsletter( icon)?:?$/iu,
  /^sign up (for|to)\b.{0,60}$/i,
  /^sign up( now| today| here)?!?$/i,
  /^(subscribe|get our newsletter|never miss a story)\b.{0,60}$/i,
  /^(share|share this (article|story|page)|share on \w+|follow us( on [\p{L} ]+)?):?$/iu,
  /^(in this article|topics|tags):?$/i,
];

/** Markers of a comment section: whatever follows them is never the article. */
const COMMENT_MARKERS: RegExp[] = [
  /^comments?\s*[/|(:]\s*\d+\)?$/i,
  /^\d+\s+comments?$/i,
  /^comments? (are|is) (now )?closed\.?$/i,
  /^(leave|post|add) a comment:?$/i,
];

/** Lines longer than this are running text: only caption and page-notice rules apply to them. */
const LONG_LINE = 240;
const CAPTION_PREFIX = /^(file photo|file|photo|image|picture|photograph|pictured|above|below|caption|video)\s*[:|—–-]/i;
/** "…on December 30, 2021. Pool via the White House": a sentence followed by a bare photo credit. */
const CAPTION_CREDIT_TAIL =
  /[.!?]["”’']?\s+(?![-—–])[^.!?]{0,60}\b(via (the )?[\p{Lu}][\p{L} ]*|Getty Images|AP Photo|Reuters|AFP|EPA|Handout|Photograph|Photo(graph)? by [\p{L} ]+|\/ ?(AP|AFP|Reuters|Getty)|\b\p{Lu}{2,}\/\p{Lu}[\p{Lu} .'-]{2,})\s*$/u;
const COUNTER = /^[\d.,]+\s*[KMB]?\+?(\s+(followers|following|posts?|views|shares|likes|comments|subscribers|reads))?$/i;
const COUNTER_WORD = /^(followers|following|posts?|views|shares|likes|subscribers|reads|about|contact|advertisement|advertising|ad|sponsored|loading\.*)$/i;
/** A video teaser: a title ending in a running time such as 02:20. */
const VIDEO_LABEL = /\s\d{1,2}:\d{2}$/;
/** A photo-gallery teaser: "The search for Flight 370 48 photos". */
const GALLERY_LABEL = /\s\d+ (photos|pictures|images|videos)$/i;
/** A single related link: "Read more: Investigators focus on CCTV for clues", "Related: …", "[Headline]". */
const LINK_LINE = /^((read more|related|see also|also read|more on this story|watch|listen)\s*:\s*\S.*|\[[^\]]{3,200}\])$/i;
/** HTML that leaked into the text ("&lt;a href=…&gt;", "<a href="). */
const MARKUP = /(&lt;\/?[a-z]+[\s&]|<\/?(a|div|span|p|img|br)\b[^>]*>)/i;
const CREDIT =
  /^(with reporting (from|by)|additional reporting|reporting by|editing by|writing by|compiled by|written by|agencies contributed|.{0,80} contributed to (this|the) (report|story|article)|.{0,80} contributed to it\.?$|(from|source:?|via) (the )?[\p{Lu}][\p{L}.&' ]{1,40}$|©|copyright\b|all rights reserved)/iu;
const PAGE_NOTICE: RegExp[] = [
  /please share this (article|story)/i,
  /do not (cut|copy) (&|and) paste/i,
  /(terms (and|&) conditions|privacy policy|cookie policy|copyright policy)/i,
  /(enable javascript|your browser does not support)/i,
  /^(click|tap) here\b/i,
];
