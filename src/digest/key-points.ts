import type { FactCluster, TermWeights } from './clusters.ts';
import { factSimilarity } from './clusters.ts';
import type { DigestSentence } from './quotable-sentences.ts';

/**
 * Chooses the digest's key points among fact clusters: facts carried by the most outlets first, then
 * the most central; never two points that say nearly the same thing.
 */

/** A chosen point: its cluster, the sentence shown, and its sources (one sentence each). */
export interface ChosenPoint {
  cluster: FactCluster;
  /** The sentence shown as the point (also the first citation). */
  lead: DigestSentence;
  /** One sentence per source, the lead's first. */
  sentences: DigestSentence[];
}

/** Most points a digest lists. */
const MAX_POINTS = 7;
/** Points a digest aims for when few facts are shared by several outlets. */
const TARGET_POINTS = 5;
/** Two points sharing this much of their wording say the same thing. */
const REPEAT = 0.3;

/**
 * Ranks clusters and picks the key points.
 * @example choosePoints(clusterFacts(sentences, weights), weights).length // 5
 */
export function choosePoints(clusters: readonly FactCluster[], weights: TermWeights): ChosenPoint[] {
  const ranked = [...clusters].sort(
    (a, b) => importance(b) - importance(a) || a.seed.article.id.localeCompare(b.seed.article.id) || a.seed.start - b.seed.start,
  );
  const chosen: ChosenPoint[] = [];
  const shown: DigestSentence[] = [];
  const repeats = (c: FactCluster): boolean =>
    c.members.some((m) => shown.some((s) => s === m || factSimilarity(m.terms, s.terms, weights) >= REPEAT || sameQuote(m, s)));
  const take = (c: FactCluster): void => {
    chosen.push({ cluster: c, lead: c.seed, sentences: c.members });
    shown.push(...c.members);
  };
  for (const c of ranked) {
    if (chosen.length >= MAX_POINTS) break;
    if (c.members.length < 2 || repeats(c)) continue;
    take(c);
  }
  if (chosen.length < TARGET_POINTS) {
    const singles = ranked.filter((c) => c.members.length === 1).sort((a, b) => b.seed.centrality - a.seed.centrality);
    for (const c of singles) {
      if (chosen.length >= TARGET_POINTS) break;
      if (!repeats(c)) take(c);
    }
  }
  return chosen;
}

/** Importance of a fact: how many sources carry it, then how central it is. */
function importance(c: FactCluster): number {
  return c.members.length + c.seed.centrality;
}

function sameQuote(a: DigestSentence, b: DigestSentence): boolean {
  return a.text === b.text;
}
