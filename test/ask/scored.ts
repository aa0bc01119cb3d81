import type { Article, Passage } from '../../src/types.ts';
import type { ScoredSentence, Slot } from '../../src/ask/retrieve.ts';
import { analyzeText } from '../../src/index/analyzer.ts';

/** Test helpers: sentences and slots as the retriever hands them to extractors. */

/** An article of the given text, with nothing else known about it (no outlet, byline or URL). */
export function testArticle(id: string, text: string, published: string | null = null, title = 'T'): Article {
  return { id, file: id, title, titleDerived: false, outlet: null, byline: null, published, url: null, text, hash: id };
}

/** A sentence as the retriever hands it to extractors, the whole text of an article of its own. */
export function scoredSentence(
  text: string,
  options: { published?: string | null; relevance?: number; start?: number; matched?: readonly string[] } = {},
): ScoredSentence {
  const start = options.start ?? 0;
  const article = { ...testArticle('a.txt', text, options.published === undefined ? '2021-12-31' : options.published), hash: 'h' };
  const passage: Passage = { key: 0, articleId: 'a.txt', ordinal: 0, start: 0, end: text.length, text };
  return { article, passage, text, start, end: start + text.length, relevance: options.relevance ?? 1, matched: new Set(options.matched ?? []), rank: 0 };
}

/** A question slot whose terms are the analysed words given (weight 1 each), idf 1. */
export function slotOf(label: string, words: readonly string[] = [label]): Slot {
  return { label, terms: new Map(words.flatMap((w) => analyzeText(w)).map((t) => [t, 1])), phrases: [], idf: 1, subject: false };
}
