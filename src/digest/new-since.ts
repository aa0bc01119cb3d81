import type { Citation } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { factSimilarity, SAME_FACT, type TermWeights } from './clusters.ts';
import { cite } from '../ask/citations.ts';
import type { DigestSentence } from './quotable-sentences.ts';
import type { DigestNewArticle } from './types.ts';

/**
 * "New since the last digest": the articles first seen after a given instant, newest first, each with
 * the best sentence it brings that no article seen earlier already reports (and that no other new
 * article was credited with first).
 */

/** Default look-back when no previous digest is known. */
export const DEFAULT_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/**
 * Lists the articles first seen after `since`.
 * @param sentences - the quotable sentences of the corpus (collectSentences)
 * @param nextNumber - the citation number to start from
 * @returns the new articles and the next free citation number
 */
export function newSince(
  index: CorpusIndex,
  sentences: readonly DigestSentence[],
  weights: TermWeights,
  since: Date,
  firstSeen: ReadonlyMap<string, string>,
  nextNumber: number,
): { items: DigestNewArticle[]; next: number } {
  const isNew = (id: string): boolean => {
    const at = firstSeen.get(id);
    return at !== undefined && Date.parse(at) > since.getTime();
  };
  const fresh = index.sortedArticles().filter((a) => isNew(a.id));
  fresh.sort((a, b) => firstSeen.get(b.id)!.localeCompare(firstSeen.get(a.id)!) || (a.id < b.id ? -1 : 1));
  const older = sentences.filter((s) => !isNew(s.article.id));
  const byArticle = new Map<string, DigestSentence[]>();
  for (const s of sentences) byArticle.set(s.article.id, [...(byArticle.get(s.article.id) ?? []), s]);
  // Facts are chosen oldest article first, so that a fact two new articles share goes to the first one.
  const chosen: DigestSentence[] = [];
  const factOf = new Map<string, DigestSentence>();
  for (const a of [...fresh].reverse()) {
    const own = [...(byArticle.get(a.id) ?? [])].sort((x, y) => y.centrality - x.centrality || x.start - y.start);
    const said = (s: DigestSentence, o: DigestSentence): boolean => factSimilarity(s.terms, o.terms, weights) >= SAME_FACT;
    const known = (s: DigestSentence): boolean => older.some((o) => said(s, o)) || chosen.some((o) => said(s, o));
    const fact = own.find((s) => !known(s));
    if (fact) {
      chosen.push(fact);
      factOf.set(a.id, fact);
    }
  }
  let n = nextNumber;
  const items: DigestNewArticle[] = fresh.map((a) => {
    const fact = factOf.get(a.id);
    const facts: Citation[] = fact ? [cite(n++, fact)] : [];
    return { source: a.id, title: a.title, outlet: a.outlet, firstSeen: firstSeen.get(a.id)!, facts };
  });
  return { items, next: n };
}
