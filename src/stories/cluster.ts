import type { ArticleFeatures } from './features.ts';

/**
 * Grouping articles into stories: average-link agglomerative clustering of their term vectors. The
 * two groups whose members are most alike on average (the mean cosine over all cross pairs) join
 * first, until no two groups reach the threshold; the mean, unlike the closest pair, keeps one shared
 * name from chaining unrelated stories together. Near-duplicates join first, whatever their vectors.
 * Deterministic: ties are broken by position. Thresholds were chosen on the shared story folders
 * mixed with two topic archives, and checked on the BBC archive's bank stories.
 */

/** Article pairs below this cosine count as unrelated (0) in the group averages: it bounds the work. */
const PAIR_FLOOR = 0.05;
/** Two groups join when the mean cosine between their members reaches this. */
export const JOIN_SIMILARITY = 0.055;

/**
 * Groups articles into clusters, each a list of article ids (in input order), largest first.
 * @param features - article vectors, in the order ids should be listed
 * @param sameText - article id → canonical id of its near-duplicate group (wire copies)
 */
export function clusterArticles(features: readonly ArticleFeatures[], sameText: ReadonlyMap<string, string> = new Map()): string[][] {
  // Copies of one text stand in one story, and count as one article weighing as many: only each
  // group's canonical article is compared (copies would only multiply the pairs), its sums scaled by
  // the weights, and the copies join its story after.
  const present = new Set(features.map((f) => f.id));
  const copies = new Map<string, string[]>();
  for (const f of features) {
    const canonical = sameText.get(f.id);
    if (canonical !== undefined && canonical !== f.id && present.has(canonical)) copies.set(canonical, [...(copies.get(canonical) ?? []), f.id]);
  }
  const copied = new Set([...copies.values()].flat());
  const originals = features.filter((f) => !copied.has(f.id));
  const order = new Map(features.map((f, i) => [f.id, i]));
  return clusterWeighted(
    originals,
    originals.map((f) => 1 + (copies.get(f.id)?.length ?? 0)),
  )
    .map((ids) => ids.flatMap((id) => [id, ...(copies.get(id) ?? [])]).sort((x, y) => order.get(x)! - order.get(y)!))
    .sort((x, y) => y.length - x.length || order.get(x[0]!)! - order.get(y[0]!)!);
}

/** Average-link clustering of weighted articles: an article of weight k counts as k identical ones. */
function clusterWeighted(features: readonly ArticleFeatures[], weights: readonly number[]): string[][] {
  const n = features.length;
  const position = new Map(features.map((f, i) => [f.id, i]));
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const sizes = [...weights];
  // links[a].get(b): the summed cosine of every article pair across groups a and b (Lance–Williams:
  // a joined group's sums are the sums of its parts). Pairs below the floor count as 0.
  const links: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const join = (a: number, b: number): number => {
    const [keep, drop] = links[a]!.size >= links[b]!.size ? [a, b] : [b, a];
    parent[drop] = keep;
    sizes[keep] = sizes[keep]! + sizes[drop]!;
    const kept = links[keep]!;
    kept.delete(drop);
    // forEach, not for…of: no entry array per link (this is the clustering's inner loop).
    links[drop]!.forEach((sum, other) => {
      if (other === keep) return;
      const otherLinks = links[other]!;
      otherLinks.delete(drop);
      const total = (kept.get(other) ?? 0) + sum;
      kept.set(other, total);
      otherLinks.set(keep, total);
    });
    links[drop] = new Map();
    return keep;
  };

  similarPairs(features, (i, j, cosine) => {
    const sum = cosine * weights[i]! * weights[j]!;
    links[i]!.set(j, sum);
    links[j]!.set(i, sum);
  });

  // Average-link agglomeration: in effect, always join the two groups whose members are most alike on
  // average, until no two reach the threshold. Done with the nearest-neighbour chain (exact for average
  // linkage, which never makes a joined group closer to a third than its parts were): follow each
  // group to its most similar neighbour until two groups are each other's; join those. A group whose
  // best neighbour falls short of the threshold is finished.
  const active = new Set<number>();
  for (let i = 0; i < n; i++) if (find(i) === i) active.add(i);
  const nearest = (a: number): { b: number; sim: number } => {
    let b = -1;
    let sim = -1;
    links[a]!.forEach((sum, other) => {
      const s = sum / (sizes[a]! * sizes[other]!);
      if (s > sim || (s === sim && other < b)) {
        b = other;
        sim = s;
      }
    });
    return { b, sim };
  };
  const chain: number[] = [];
  const pending = [...active].reverse();
  while (active.size) {
    if (!chain.length) {
      let start = pending.pop();
      while (start !== undefined && !active.has(start)) start = pending.pop();
      if (start === undefined) break;
      chain.push(start);
    }
    const a = chain.at(-1)!;
    const previous = chain.length > 1 ? chain.at(-2)! : -1;
    let { b, sim } = nearest(a);
    // On a tie, stay with the group we came from: the chain then always ends in a join.
    if (previous >= 0 && b !== previous && sim === (links[a]!.get(previous) ?? 0) / (sizes[a]! * sizes[previous]!)) b = previous;
    if (b < 0 || sim < JOIN_SIMILARITY) {
      // Finished for good: a group joined later is on average no closer to it than its parts were.
      // Its links go, so that no later search walks past it.
      active.delete(a);
      for (const other of links[a]!.keys()) links[other]!.delete(a);
      links[a] = new Map();
      chain.pop();
      continue;
    }
    if (b === previous) {
      chain.pop();
      chain.pop();
      active.delete(a);
      active.delete(b);
      const kept = join(a, b);
      active.add(kept);
      pending.push(kept);
    } else chain.push(b);
  }

  const groups = new Map<number, string[]>();
  features.forEach((f, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), f.id]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length || position.get(a[0]!)! - position.get(b[0]!)!);
}

/** Calls `pair` for every article pair (by position, first < second) whose cosine reaches the floor. */
function similarPairs(features: readonly ArticleFeatures[], pair: (first: number, second: number, cosine: number) => void): void {
  // Postings by term number, in one pair of typed arrays: the articles (by position) and weights of
  // term t lie from starts[t] to starts[t + 1].
  let termCount = 0;
  for (const { terms } of features) for (let m = 0; m < terms.length; m++) termCount = Math.max(termCount, terms[m]! + 1);
  const starts = new Int32Array(termCount + 1);
  for (const { terms } of features) for (let m = 0; m < terms.length; m++) starts[terms[m]! + 1] = starts[terms[m]! + 1]! + 1;
  for (let t = 0; t < termCount; t++) starts[t + 1] = starts[t + 1]! + starts[t]!;
  const docs = new Int32Array(starts[termCount]!);
  const weights = new Float64Array(starts[termCount]!);
  const fill = starts.slice(0, termCount);
  features.forEach((f, i) => {
    for (let m = 0; m < f.terms.length; m++) {
      const at = fill[f.terms[m]!]!;
      fill[f.terms[m]!] = at + 1;
      docs[at] = i;
      weights[at] = f.weights[m]!;
    }
  });
  const scores = new Float64Array(features.length);
  const touched = new Int32Array(features.length);
  features.forEach((f, i) => {
    let count = 0;
    for (let m = 0; m < f.terms.length; m++) {
      const w = f.weights[m]!;
      const t = f.terms[m]!;
      // Postings are in position order: only later articles pair with this one.
      for (let k = starts[t + 1]! - 1; k >= starts[t]! && docs[k]! > i; k--) {
        const j = docs[k]!;
        if (scores[j] === 0) touched[count++] = j;
        scores[j] = scores[j]! + w * weights[k]!;
      }
    }
    for (let k = 0; k < count; k++) {
      const j = touched[k]!;
      if (scores[j]! >= PAIR_FLOOR) pair(i, j, scores[j]!);
      scores[j] = 0;
    }
  });
}
