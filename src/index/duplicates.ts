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
 * The distinct hashed word shingles of a text (lower case, letters and digits only), in increasing
 * order: a typed array, which costs a fraction of a set to build and to compare.
 * @example shingles('The cat sat on the mat today').length // 3
 */
export function shingles(text: string): Uint32Array {
  return distinctSorted(shingleHashes(text));
}

/**
 * Jaccard similarity of two sets given as distinct numbers in increasing order (see shingles):
 * shared members over all members (0 for two empty sets).
 * @example jaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4)) // 0.5
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** A copy of the numbers, sorted, each once. */
function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
  return sorted.slice(0, distinct);
}

const CACHE = new WeakMap<CorpusIndex, { version: number; groups: Map<string, string> }>();

/** Only shingles whose hash falls in this residue class are used to find candidate pairs. */
const SAMPLE_MODULUS = 4;
/** Room for this many articles in a (shingle, article) key: a shingle hash times this fits a double exactly. */
const ARTICLE_SLOTS = 2 ** 20;
/** Sampled shingles shared by more articles than this are stock phrases: not used to find candidates. */
const MAX_POSTING = 100;

/**
 * An article's shingle hashes and its sampled distinct ones, kept per article object (an article that
 * changes is a new object): an index that gains one article then shingles that article only.
 */
const SHINGLES = new WeakMap<Article, { hashes: Uint32Array; sampled: Uint32Array }>();

function articleShingles(article: Article): { hashes: Uint32Array; sampled: Uint32Array } {
  let hit = SHINGLES.get(article);
  if (!hit) {
    // 4 bytes a shingle: kept for every article of the index.
    const hashes = shingleHashes(article.text);
    let count = 0;
    for (let k = 0; k < hashes.length; k++) if (hashes[k]! % SAMPLE_MODULUS === 0) count++;
    const sample = new Uint32Array(count);
    count = 0;
    for (let k = 0; k < hashes.length; k++) if (hashes[k]! % SAMPLE_MODULUS === 0) sample[count++] = hashes[k]!;
    hit = { hashes, sampled: distinctSorted(sample) };
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
  const sets: (Uint32Array | undefined)[] = [];
  const setOf = (i: number): Uint32Array => (sets[i] ??= distinctSorted(hashes[i]!));
  // Articles sharing a sampled shingle: every (shingle, article) pair as one number, sorted, so that
  // each shingle's articles lie together (a sort of typed numbers costs far less than a map of lists).
  if (articles.length > ARTICLE_SLOTS) throw new Error(`duplicate search holds at most ${ARTICLE_SLOTS} articles, not ${articles.length}`);
  const total = sampled.reduce((sum, hs) => sum + hs.length, 0);
  const keyed = new Float64Array(total);
  let at = 0;
  sampled.forEach((hs, i) => {
    for (let k = 0; k < hs.length; k++) keyed[at++] = hs[k]! * ARTICLE_SLOTS + i;
  });
  keyed.sort();
  const sharedCounts = new Map<number, number>();
  const n = articles.length;
  for (let start = 0; start < total; ) {
    const hash = Math.floor(keyed[start]! / ARTICLE_SLOTS);
    let end = start + 1;
    while (end < total && Math.floor(keyed[end]! / ARTICLE_SLOTS) === hash) end++;
    if (end - start >= 2 && end - start <= MAX_POSTING) {
      for (let x = start; x < end; x++) {
        const i = keyed[x]! % ARTICLE_SLOTS;
        for (let y = x + 1; y < end; y++) {
          const key = i * n + (keyed[y]! % ARTICLE_SLOTS);
          sharedCounts.set(key, (sharedCounts.get(key) ?? 0) + 1);
        }
      }
    }
    start = end;
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
    const sig = setOf(i).join(',');
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

/**
 * The hash of every word shingle of a text, in order (repeats kept): each word's FNV-1a hash over its
 * lower-case letters and digits, then FNV over the hashes of five words in a row. One pass over the
 * characters, with no array of words (this runs over every article of the coverage).
 */
function shingleHashes(text: string): Uint32Array {
  // ASCII text is lower-cased letter by letter below; other text as a whole (its case rules are
  // Unicode's).
  const lower = NON_ASCII.test(text) ? text.toLowerCase() : text;
  // At most one word per two characters (a letter and a separator): a scratch array of that size.
  const codes = wordScratch((lower.length >> 1) + 1);
  let words = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    const wordChar = c < 128 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : isWordChar(lower, i, c);
    if (wordChar) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      codes[words++] = h >>> 0;
      inWord = false;
    }
  }
  if (inWord) codes[words++] = h >>> 0;
  const width = Math.min(SHINGLE_WORDS, words);
  if (width === 0) return new Uint32Array(0);
  const out = new Uint32Array(words - width + 1);
  for (let i = 0; i + width <= words; i++) {
    let sh = 0x811c9dc5;
    for (let j = i; j < i + width; j++) sh = Math.imul(sh ^ codes[j]!, 0x01000193);
    out[i] = sh >>> 0;
  }
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;

let wordCodes = new Uint32Array(4096);

/** The scratch array of word hashes, grown to hold `size`. */
function wordScratch(size: number): Uint32Array {
  if (wordCodes.length < size) wordCodes = new Uint32Array(Math.max(size, wordCodes.length * 2));
  return wordCodes;
}

/** A letter or digit beyond ASCII (a UTF-16 code unit of one: surrogate halves are read as their pair). */
function isWordChar(text: string, i: number, code: number): boolean {
  if (code >= 0xdc00 && code <= 0xdfff) return i > 0 && WORD_CHAR.test(text.slice(i - 1, i + 1));
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  return WORD_CHAR.test(text[i]!);
}

const WORD_CHAR = /^[\p{L}\p{N}]+$/u;
