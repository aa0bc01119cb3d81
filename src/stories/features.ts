import type { Article } from '../types.ts';
import { analyzeTerm, tokenize } from '../index/analyzer.ts';

/**
 * What an article is about, as a weighted term vector for clustering: the headline counts most, then
 * the lead, then the rest of the body; capitalised words (names of people, places, organisations)
 * count more than common words, since a story is told by its names. Weights are tf·idf over the
 * articles being clustered, the strongest terms kept, and the vector scaled to unit length.
 */

/** An article's term weights (unit length). */
export interface ArticleFeatures {
  id: string;
  terms: Map<string, number>;
}

/** Weight of a headline word, a lead word and a body word. */
const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** Extra factor for a capitalised word (a name). */
const NAME_FACTOR = 2;
/** Paragraphs that make the lead. */
const LEAD_PARAGRAPHS = 3;
/** Body characters read per article: the headline and the opening tell what a piece is about. */
const BODY_CHARS = 1000;
/** Terms kept per article. */
const KEPT_TERMS = 60;

/** A year ("2015"): stories are tied to their time, other numbers are not. */
const YEAR = /^(19|20)\d\d$/;

/** Raw term counts of one article, before idf. */
export interface TermCounts {
  id: string;
  counts: Map<string, number>;
}

/** Counts an article's weighted terms: headline, lead and body, names counting double. */
export function countTerms(article: Article): TermCounts {
  const counts = new Map<string, number>();
  const paragraphs = article.text.slice(0, BODY_CHARS).split(/\n\s*\n/);
  const parts: [string, number][] = [[article.titleDerived ? '' : article.title, TITLE_WEIGHT]];
  paragraphs.forEach((p, i) => parts.push([p, i < LEAD_PARAGRAPHS ? LEAD_WEIGHT : BODY_WEIGHT]));
  for (const [text, weight] of parts) {
    let first = true;
    for (const token of tokenize(text)) {
      // A capitalised word is taken for a name, except a paragraph's first: a sentence's first word
      // is most often a function word, which analysis drops anyway, and telling sentence starts from
      // abbreviations ("Mr. Putin") costs more than it gains.
      const name = !first && /^\p{Lu}/u.test(token);
      first = false;
      const term = analyzeTerm(token);
      if (term === null || term.length < 3 || (/^\d/.test(term) && !YEAR.test(term))) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight * (name ? NAME_FACTOR : 1));
    }
  }
  return { id: article.id, counts };
}

/**
 * Turns raw counts into unit tf·idf vectors over these articles. Terms found in one article only, or
 * in more than a third of them, say nothing about which articles belong together and are dropped.
 */
export function weighFeatures(all: readonly TermCounts[], df: ReadonlyMap<string, number> = documentFrequencies(all)): ArticleFeatures[] {
  return all.map((counts) => weighArticle(counts, df, all.length));
}

/**
 * One article's unit tf·idf vector against document frequencies over `n` articles (an article that
 * arrives later is weighed against the frequencies of the grouping it joins).
 */
export function weighArticle({ id, counts }: TermCounts, df: ReadonlyMap<string, number>, n: number): ArticleFeatures {
  const weighted: [string, number][] = [];
  for (const [term, count] of counts) {
    const d = df.get(term) ?? 0;
    if (d < 2 || d >= n) continue;
    weighted.push([term, (1 + Math.log(count)) * Math.log(n / d)]);
  }
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, KEPT_TERMS);
  const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return { id, terms: new Map(kept.map(([t, w]) => [t, w / norm])) };
}

/** In how many of the articles each term occurs. */
export function documentFrequencies(all: readonly TermCounts[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const { counts } of all) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/** Cosine of two sparse vectors (their dot product when both have unit length). */
export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) sum += w * v;
  }
  return sum;
}
