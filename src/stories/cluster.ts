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
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const sizes = Float64Array.from(weights);
  // Each group's links: the groups it shares similar pairs with and the summed cosine of those pairs
  // (Lance–Williams: a joined group's sums are the sums of its parts). An entry may name a group that
  // has since joined another: it is read as the group it joined, and entries for one group are summed
  // when the list is next read. So a join only appends one list to the other, and nobody else's list
  // changes. Pairs below the floor count as 0.
  const links = initialLinks(features, weights);
  // A group still looking for a partner (not joined into another, not finished).
  const active = new Uint8Array(n).fill(1);
  let activeCount = n;
  // Summed links by group, while one list is read.
  const summed = new Float64Array(n);
  const met = new Int32Array(n);

  /**
   * The most similar active group to `a` (ties: the lower number) and the similarity to `previous`;
   * a's list is rewritten with one entry per active group.
   */
  const nearest = (a: number, previous: number): { b: number; sim: number; toPrevious: number } => {
    const list = links[a]!;
    let count = 0;
    for (let k = 0; k < list.length; k++) {
      const r = find(list.ids[k]!);
      if (r === a || active[r] === 0) continue;
      if (summed[r] === 0) met[count++] = r;
      summed[r] = summed[r]! + list.sums[k]!;
    }
    let b = -1;
    let sim = -1;
    let toPrevious = 0;
    list.length = 0;
    for (let k = 0; k < count; k++) {
      const other = met[k]!;
      const total = summed[other]!;
      summed[other] = 0;
      list.push(other, total);
      const s = total / (sizes[a]! * sizes[other]!);
      if (other === previous) toPrevious = s;
      if (s > sim || (s === sim && other < b)) {
        b = other;
        sim = s;
      }
    }
    return { b, sim, toPrevious };
  };
  const join = (a: number, b: number): number => {
    const [keep, drop] = links[a]!.length >= links[b]!.length ? [a, b] : [b, a];
    parent[drop] = keep;
    sizes[keep] = sizes[keep]! + sizes[drop]!;
    links[keep]!.append(links[drop]!);
    links[drop] = new LinkList();
    return keep;
  };

  // Average-link agglomeration: in effect, always join the two groups whose members are most alike on
  // average, until no two reach the threshold. Done with the nearest-neighbour chain (exact for average
  // linkage, which never makes a joined group closer to a third than its parts were): follow each
  // group to its most similar neighbour until two groups are each other's; join those. A group whose
  // best neighbour falls short of the threshold is finished.
  const chain: number[] = [];
  const pending = Array.from({ length: n }, (_, i) => n - 1 - i);
  while (activeCount > 0) {
    if (!chain.length) {
      let start = pending.pop();
      while (start !== undefined && active[start] === 0) start = pending.pop();
      if (start === undefined) break;
      chain.push(start);
    }
    const a = chain.at(-1)!;
    const previous = chain.length > 1 ? chain.at(-2)! : -1;
    let { b, sim, toPrevious } = nearest(a, previous);
    // On a tie, stay with the group we came from: the chain then always ends in a join.
    if (previous >= 0 && b !== previous && sim === toPrevious) b = previous;
    if (b < 0 || sim < JOIN_SIMILARITY) {
      // Finished for good: a group joined later is on average no closer to it than its parts were.
      active[a] = 0;
      activeCount--;
      links[a] = new LinkList();
      chain.pop();
      continue;
    }
    if (b === previous) {
      chain.pop();
      chain.pop();
      const kept = join(a, b);
      active[a + b - kept] = 0;
      activeCount--;
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

/**
 * Every article's list of links, from the similar pairs: the lists are laid out in one pair of typed
 * arrays (a list grows out of it only when its group joins another).
 */
function initialLinks(features: readonly ArticleFeatures[], weights: readonly number[]): LinkList[] {
  const n = features.length;
  const pairs = new LinkList();
  const partners = new LinkList();
  const degree = new Int32Array(n + 1);
  similarPairs(features, (i, j, cosine) => {
    const sum = cosine * weights[i]! * weights[j]!;
    pairs.push(i, sum);
    partners.push(j, sum);
    degree[i + 1] = degree[i + 1]! + 1;
    degree[j + 1] = degree[j + 1]! + 1;
  });
  for (let i = 0; i < n; i++) degree[i + 1] = degree[i + 1]! + degree[i]!;
  const ids = new Int32Array(degree[n]!);
  const sums = new Float64Array(degree[n]!);
  const fill = degree.slice(0, n);
  for (let k = 0; k < pairs.length; k++) {
    const i = pairs.ids[k]!;
    const j = partners.ids[k]!;
    const sum = pairs.sums[k]!;
    ids[fill[i]!] = j;
    sums[fill[i]!] = sum;
    fill[i] = fill[i]! + 1;
    ids[fill[j]!] = i;
    sums[fill[j]!] = sum;
    fill[j] = fill[j]! + 1;
  }
  return Array.from({ length: n }, (_, i) => new LinkList(ids.subarray(degree[i]!, degree[i + 1]!), sums.subarray(degree[i]!, degree[i + 1]!)));
}

/** A growable list of (group, summed cosine) entries in typed arrays. */
class LinkList {
  ids: Int32Array;
  sums: Float64Array;
  length: number;

  /** An empty list, or one holding the given entries (and no room for more). */
  constructor(ids?: Int32Array, sums?: Float64Array) {
    this.ids = ids ?? new Int32Array(4);
    this.sums = sums ?? new Float64Array(4);
    this.length = ids ? ids.length : 0;
  }

  push(id: number, sum: number): void {
    if (this.length === this.ids.length) this.grow(this.length * 2);
    this.ids[this.length] = id;
    this.sums[this.length++] = sum;
  }

  /** Appends another list's entries. */
  append(other: LinkList): void {
    if (this.length + other.length > this.ids.length) this.grow(Math.max(this.length + other.length, this.ids.length * 2));
    this.ids.set(other.ids.subarray(0, other.length), this.length);
    this.sums.set(other.sums.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  private grow(capacity: number): void {
    const ids = new Int32Array(capacity);
    const sums = new Float64Array(capacity);
    ids.set(this.ids.subarray(0, this.length));
    sums.set(this.sums.subarray(0, this.length));
    this.ids = ids;
    this.sums = sums;
  }
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
