import type { Answer, Citation, Passage, Article } from '../types.ts';
import type { CorpusIndex } from '../search/corpus-index.ts';

/**
 * The ask pipeline: question → parse → retrieve → extract → corroborate → Answer.
 * (First cut: retrieval only; every question is answered not_found with related passages.)
 */

/** Options of {@link answerQuestion}. */
export interface AnswerOptions {
  /** The subject of the conversation's previous question, to resolve "it" and "they". */
  previousSubject?: string | null;
  /** Maximum citations (default 5). */
  maxCitations?: number;
}

/** An answer plus what the conversation should remember. */
export interface AnswerResult {
  answer: Answer;
  subject: string | null;
}

/**
 * Answers a question about the corpus with cited, verbatim quotes.
 * @param index - the opened corpus
 * @param question - a validated question (see validateQuestion)
 * @example answerQuestion(index, 'who requested the call?').answer.answer // 'Russia'
 */
export function answerQuestion(index: CorpusIndex, question: string, options: AnswerOptions = {}): AnswerResult {
  const hits = index.search(question, { limit: options.maxCitations ?? 3 });
  return {
    answer: {
      question,
      status: 'not_found',
      answer: null,
      support: [],
      citations: [],
      related: hits.map((h, i) => citationFor(i + 1, h.article, h.passage)),
    },
    subject: null,
  };
}

/** A citation quoting a whole passage. */
export function citationFor(n: number, article: Article, passage: Passage): Citation {
  return {
    n,
    source: article.id,
    outlet: article.outlet,
    title: article.title,
    date: article.published,
    url: article.url,
    quote: passage.text,
    start: passage.start,
    end: passage.end,
  };
}
