import type { Article, Passage } from '../types.ts';
import { splitSentences } from '../text/sentences.ts';

/**
 * Splits an article's clean text into passages: one per paragraph, long paragraphs cut at sentence
 * boundaries. Offsets point into `article.text`, so `article.text.slice(p.start, p.end) === p.text`.
 */

/** Paragraphs longer than this many characters are split at sentence boundaries. */
export const MAX_PASSAGE_CHARS = 700;
/** Pieces of a split paragraph aim for about this many characters. */
const TARGET_PASSAGE_CHARS = 450;

/**
 * Splits an article into passages.
 * @param article - the article (its `text` is split)
 * @param firstKey - key of the first passage; the rest follow consecutively
 * @example splitPassages({ ...article, text: 'One.\n\nTwo.' }, 0).map((p) => p.text) // ['One.', 'Two.']
 */
export function splitPassages(article: Pick<Article, 'id' | 'text'>, firstKey: number): Passage[] {
  const passages: Passage[] = [];
  const push = (start: number, end: number): void => {
    passages.push({
      key: firstKey + passages.length,
      articleId: article.id,
      ordinal: passages.length,
      start,
      end,
      text: article.text.slice(start, end),
    });
  };
  for (const para of paragraphSpans(article.text)) {
    if (para.end - para.start <= MAX_PASSAGE_CHARS) {
      push(para.start, para.end);
      continue;
    }
    const sentences = splitSentences(article.text.slice(para.start, para.end), para.start);
    let chunkStart = -1;
    let chunkEnd = -1;
    for (const s of sentences) {
      if (chunkStart >= 0 && s.end - chunkStart > TARGET_PASSAGE_CHARS) {
        push(chunkStart, chunkEnd);
        chunkStart = -1;
      }
      if (chunkStart < 0) chunkStart = s.start;
      chunkEnd = s.end;
    }
    if (chunkStart >= 0) push(chunkStart, chunkEnd);
  }
  return passages;
}

/** Spans of the paragraphs (separated by blank lines) of a clean text, without surrounding whitespace. */
export function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > start) spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

/** Narrows a span so that it neither starts nor ends with whitespace. */
function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
