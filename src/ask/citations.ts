import type { Article, Citation } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { duplicateGroups } from '../index/duplicates.ts';

/**
 * Citations and source identity, shared by answers and digests: how a verbatim span of an article
 * becomes a numbered citation, and which articles count as the same source when outlets agree.
 */

/** A verbatim span of an article's clean text. */
export interface QuotedSpan {
  article: Article;
  text: string;
  /** Offsets in `article.text`. */
  start: number;
  end: number;
}

/**
 * A numbered citation quoting a span verbatim.
 * @example cite(1, { article, text: article.text.slice(0, 40), start: 0, end: 40 }).quote
 */
export function cite(n: number, span: QuotedSpan): Citation {
  return {
    n,
    source: span.article.id,
    outlet: span.article.outlet,
    title: span.article.title,
    date: span.article.published,
    url: span.article.url,
    quote: span.text,
    start: span.start,
    end: span.end,
  };
}

/**
 * Which articles count as the same source: outlets count once, and so do copies of one text (wire
 * copy republished elsewhere, the same url), which count as their canonical article; an article whose
 * outlet is unknown counts as its own source.
 * @example sourceKeyFor(index)(article) // 'weku'
 */
export function sourceKeyFor(index: CorpusIndex): (article: Article) => string {
  const canonical = duplicateGroups(index);
  return (a) => {
    const id = canonical.get(a.id);
    const article = (id === undefined ? undefined : index.articles.get(id)) ?? a;
    return article.outlet?.toLowerCase() ?? `article:${article.id}`;
  };
}
