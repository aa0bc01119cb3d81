import type { Article } from '../types.ts';
import type { CorpusIndex } from './corpus-index.ts';
import { normalizeUrl } from '../text/urls.ts';

/**
 * Recognising duplicate articles: the same URL, or the same text republished by another outlet (wire
 * copy). Texts are compared with a general near-duplicate measure: the Jaccard similarity of their
 * word 5-shingles. Duplicates stay in the corpus as sources; the ask pipeline counts each group once
 * when outlets "agree".
 */

/** Two texts whose shingle sets overlap at least this much (Jaccard) are the same text. */
const NEAR_DUPLICATE_JACCARD = 0.8;
/** Words per shingle. */
const SHINGLE_WORDS = 5;

/**
 * The duplicate groups of an index: every article that has a duplicate, mapped to its group's canonical
 * article (the earliest published, then the first by id), which maps to itself. Articles without a
 * duplicate are not in the map. Cached per index version.
 * @example duplicateGroups(index).get('ap-copy.txt') // 'wire-original.txt'
 */
export function duplicateGroups(index: CorpusIndex): Map<string, string> {
  const cached = CACHE.get(index);
  if (cached && cached.version === index.version) return cached.groups;
  const groups = computeGroups(index.sortedArticles());
  CACHE.set(index, { version: index.version, groups });
  return groups;
}

/**
 * The hashed word shingles of a text (lower case, letters and digits only).
 * @example shingles('The cat sat on the mat today').size // 3
 */
export function shingles(text: string): Set<number> {
  return new Set(shingleHashes(text));
}

/**
 * Jaccard similarity of two sets: shared members over all members (0 for two empty sets).
 * @example jaccard(new Set([1, 2, 3]), new Set([2, 3, 4])) // 0.5
 */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

const CACHE = new WeakMap<CorpusIndex, { version: number; groups: Map<string, string> }>();

/** Only shingles whose hash falls in this residue class are used to find candidate pairs. */
const SAMPLE_MODULUS = 4;
/** Sampled shingles shared by more articles than this are stock phrases: not used to find candidates. */
const MAX_POSTING = 100;

/**
 * An article's shingle hashes and its sampled distinct ones, kept per article object (an article that
 * changes is a new object): an index that gains one article then shingles that article only.
 */
const SHINGLES = new WeakMap<Article, { hashes: Uint32Array; sampled: number[] }>();

function articleShingles(article: Article): { hashes: Uint32Array; sampled: number[] } {
  let hit = SHINGLES.get(article);
  if (!hit) {
    // 4 bytes a shingle: kept for every article of the index.
    const hashes = Uint32Array.from(shingleHashes(article.text));
    hit = { hashes, sampled: [...new Set(hashes.filter((h) => h % SAMPLE_MODULUS === 0))] };
    SHINGLES.set(article, hit);
  }
  return hit;
}

function computeGroups(articles: readonly Article[]): Map<string, string> {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Same URL.
  const byUrl = new Map<string, number>();
  articles.forEach((a, i) => {
    if (!a.url) return;
    const key = normalizeUrl(a.url);
    const first = byUrl.get(key);
    if (first === undefined) byUrl.set(key, i);
    else union(first, i);
  });

  // Same text: candidate pairs share many sampled shingles; each candidate is then measured exactly.
  const hashes = articles.map((a) => articleShingles(a).hashes);
  const sampled = articles.map((a) => articleShingles(a).sampled);
  const sets: (Set<number> | undefined)[] = [];
  const setOf = (i: number): Set<number> => (sets[i] ??= new Set(hashes[i]));
  const postings = new Map<number, number[]>();
  sampled.forEach((hs, i) => {
    for (const h of hs) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });
  const sharedCounts = new Map<number, number>();
  const n = articles.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        sharedCounts.set(key, (sharedCounts.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, shared] of sharedCounts) {
    const i = Math.floor(key / n);
    const j = key % n;
    const si = sampled[i]!.length;
    const sj = sampled[j]!.length;
    if (shared < 0.5 * Math.min(si, sj) || Math.min(si, sj) < 0.5 * Math.max(si, sj)) continue;
    if (jaccard(setOf(i), setOf(j)) >= NEAR_DUPLICATE_JACCARD) union(i, j);
  }
  // Very short texts may have no sampled shingle: compare those whose shingle sets are identical.
  const bySignature = new Map<string, number>();
  hashes.forEach((hs, i) => {
    if (sampled[i]!.length > 0 || hs.length === 0) return;
    const sig = [...setOf(i)].sort((p, q) => p - q).join(',');
    const first = bySignature.get(sig);
    if (first === undefined) bySignature.set(sig, i);
    else union(first, i);
  });

  const members = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const r = find(i);
    members.set(r, [...(members.get(r) ?? []), i]);
  });
  const out = new Map<string, string>();
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const canonical = [...group].sort((p, q) => comparePublished(articles[p]!, articles[q]!) || p - q)[0]!;
    for (const i of group) out.set(articles[i]!.id, articles[canonical]!.id);
  }
  return out;
}

/** Earlier publication first; unknown dates last. */
function comparePublished(a: Article, b: Article): number {
  if (a.published === b.published) return 0;
  if (a.published === null) return 1;
  if (b.published === null) return -1;
  return a.published < b.published ? -1 : 1;
}

/** The hash of every word shingle of a text, in order (repeats kept). */
function shingleHashes(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const codes = words.map(fnv1a);
  const width = Math.min(SHINGLE_WORDS, codes.length);
  const out: number[] = [];
  if (width === 0) return out;
  for (let i = 0; i + width <= codes.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + width; j++) h = Math.imul(h ^ codes[j]!, 0x01000193);
    out.push(h >>> 0);
  }
  return out;
}

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
