import type { DigestSentence } from './quotable-sentences.ts';

/**
 * Groups sentences of different articles that report the same fact, by how many of their content
 * words they share (weighted by rarity, so that "troops" and "100,000" count more than "said").
 * Greedy around seeds: the most central sentence starts a cluster, and a sentence joins the seed it
 * resembles most, so that clusters do not chain from one fact to another.
 */

/** Sentences reporting one fact: the seed (most central) and one member per other source. */
export interface FactCluster {
  seed: DigestSentence;
  /** The best-matching sentence of every source, the seed's first; at most one per source. */
  members: DigestSentence[];
  /** Similarity of each member to the seed (1 for the seed). */
  similarity: number[];
}

/** Two sentences report the same fact when they share this share of the smaller one's weight. */
export const SAME_FACT = 0.5;
/** …and at least this many content terms. */
const MIN_SHARED_TERMS = 4;

/** Rarity weights of terms over a set of sentences (inverse sentence frequency). */
export type TermWeights = Map<string, number>;

/**
 * Inverse sentence frequency of every term.
 * @example termWeights(sentences).get('troop') // 3.2
 */
export function termWeights(sentences: readonly DigestSentence[]): TermWeights {
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, sentences.length);
  const out: TermWeights = new Map();
  for (const [t, d] of df) out.set(t, Math.log(1 + n / d));
  return out;
}

/**
 * How much two term sets say the same thing: the weight of their shared terms over the smaller set's
 * weight, 0 when they share fewer than four terms.
 */
export function factSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>, weights: TermWeights): number {
  let shared = 0;
  let count = 0;
  for (const t of a) {
    if (b.has(t)) {
      shared += weights.get(t) ?? 1;
      count++;
    }
  }
  if (count < MIN_SHARED_TERMS) return 0;
  return shared / Math.min(totalWeight(a, weights), totalWeight(b, weights));
}

/**
 * Clusters sentences by fact.
 * @param sentences - candidate sentences; the most central seed clusters first
 */
export function clusterFacts(sentences: readonly DigestSentence[], weights: TermWeights): FactCluster[] {
  const ordered = [...sentences].sort((a, b) => b.centrality - a.centrality || a.article.id.localeCompare(b.article.id) || a.start - b.start);
  const clusters: FactCluster[] = [];
  /** term → indexes of the clusters whose seed has it */
  const seedsByTerm = new Map<string, number[]>();
  /** per cluster: source key → index in members */
  const bySource: Map<string, number>[] = [];
  for (const s of ordered) {
    const candidates = new Set<number>();
    for (const t of s.terms) for (const c of seedsByTerm.get(t) ?? []) candidates.add(c);
    let best = -1;
    let bestSim = 0;
    for (const c of candidates) {
      const cluster = clusters[c]!;
      if (cluster.seed.article.id === s.article.id) continue;
      const sim = factSimilarity(s.terms, cluster.seed.terms, weights);
      if (sim >= SAME_FACT && sim > bestSim) {
        best = c;
        bestSim = sim;
      }
    }
    if (best >= 0) {
      const cluster = clusters[best]!;
      // The very same sentence in another article is copy (background paragraphs reused), not another report.
      if (cluster.members.some((m) => m.text === s.text)) continue;
      const at = bySource[best]!.get(s.sourceKey);
      if (at === undefined) {
        bySource[best]!.set(s.sourceKey, cluster.members.length);
        cluster.members.push(s);
        cluster.similarity.push(bestSim);
      } else if (at > 0 && bestSim > cluster.similarity[at]!) {
        cluster.members[at] = s;
        cluster.similarity[at] = bestSim;
      }
      continue;
    }
    const i = clusters.length;
    clusters.push({ seed: s, members: [s], similarity: [1] });
    bySource.push(new Map([[s.sourceKey, 0]]));
    for (const t of s.terms) {
      const list = seedsByTerm.get(t) ?? [];
      list.push(i);
      seedsByTerm.set(t, list);
    }
  }
  return clusters;
}

function totalWeight(terms: ReadonlySet<string>, weights: TermWeights): number {
  let sum = 0;
  for (const t of terms) sum += weights.get(t) ?? 1;
  return sum || 1;
}
