import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article, Passage, SkippedFile } from '../types.ts';
import { splitPassages } from '../ingest/passages.ts';
import { analyzeTerm, tokenize } from './analyzer.ts';
import { exportState, type MiniSearchState } from './minisearch-state.ts';

/**
 * The searchable corpus: articles, their passages, and a MiniSearch index over the passages with
 * news-English analysis and field boosts. Articles can be added, replaced and removed one at a time
 * (MiniSearch add/discard), so a growing corpus never needs a full rebuild.
 */

/** A passage found by a search, with its article and score. */
export interface PassageHit {
  passage: Passage;
  article: Article;
  score: number;
  /** Index terms of the query that matched this passage. */
  terms: string[];
}

/** Options of {@link CorpusIndex.search}. */
export interface PassageSearchOptions {
  /** Maximum hits to return. */
  limit?: number;
  /** Fuzzy matching (MiniSearch edit distance ratio); 0 disables. */
  fuzzy?: number;
  /** Extra boost for individual query terms (analysed terms). */
  boostTerm?: (term: string) => number;
}

/** The MiniSearch document of one passage. */
interface PassageDoc {
  key: number;
  text: string;
  title: string;
}

/** MiniSearch numbers fields in the order of `fields`: 'text' is 0, 'title' is 1. */
const TEXT_FIELD_ID = 0;
const TITLE_FIELD_ID = 1;
/** [field id, boost] pairs in field order. */
const FIELD_BOOST_LIST: readonly [number, number][] = [
  [TEXT_FIELD_ID, 1],
  [TITLE_FIELD_ID, 0.4],
];
/** MiniSearch's default BM25+ parameters, which both search paths use. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** The parts of MiniSearch 7's state that {@link CorpusIndex.searchTerms} reads (it has no public API for them). */
interface MiniSearchInternals {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/** Field boosts: the passage text counts most; the article headline adds context. */
const FIELD_BOOSTS = { text: 1, title: 0.4 } as const;

/** MiniSearch options used by every corpus index (also for loading snapshots). */
export const MINISEARCH_OPTIONS = {
  idField: 'key',
  fields: ['text', 'title'],
  storeFields: [] as string[],
  tokenize,
  processTerm: analyzeTerm,
  searchOptions: { boost: { ...FIELD_BOOSTS }, combineWith: 'OR' as const },
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.2, batchSize: 2000, batchWait: 10 },
};

/**
 * Articles, passages and their search index.
 * @example
 * const index = new CorpusIndex();
 * index.addArticles(readCorpus('corpus').articles);
 * index.search('who requested the call', { limit: 5 });
 */
export class CorpusIndex {
  readonly articles = new Map<string, Article>();
  readonly passages = new Map<number, Passage>();
  /** Files that could not be ingested, by file id. */
  readonly skipped = new Map<string, SkippedFile[]>();
  /** Content hash of every corpus file the index reflects, by file id. */
  readonly fileHashes = new Map<string, string>();
  private readonly passageKeys = new Map<string, number[]>();
  private readonly fileArticles = new Map<string, Set<string>>();
  private nextKey = 0;
  private changeCount = 0;
  private mini: MiniSearch<PassageDoc>;
  /** Score accumulators of {@link searchTerms}, indexed by MiniSearch's short document id, reused. */
  private scores = new Float64Array(0);
  private matched = new Uint16Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private readonly lengthCache = new Map<number, { version: number; lengths: Float64Array }>();

  constructor(mini?: MiniSearch<PassageDoc>) {
    this.mini = mini ?? new MiniSearch<PassageDoc>(MINISEARCH_OPTIONS);
  }

  /** Increases on every change: derived data (central nouns, affiliations) is cached per version. */
  get version(): number {
    return this.changeCount;
  }

  /** Number of passages in the index. */
  get passageCount(): number {
    return this.passages.size;
  }

  /** Adds articles (an article id already present is replaced). */
  addArticles(articles: readonly Article[]): void {
    for (const article of articles) this.addArticle(article);
  }

  /** Adds one article and its passages; an article with the same id is replaced. */
  addArticle(article: Article): void {
    if (this.articles.has(article.id)) this.removeArticle(article.id);
    this.changeCount++;
    const passages = splitPassages(article, this.nextKey);
    this.nextKey += passages.length;
    this.articles.set(article.id, article);
    this.trackFile(article);
    this.passageKeys.set(
      article.id,
      passages.map((p) => p.key),
    );
    const docs: PassageDoc[] = [];
    for (const p of passages) {
      this.passages.set(p.key, p);
      docs.push({ key: p.key, text: p.text, title: article.title });
    }
    this.mini.addAll(docs);
  }

  /** Removes an article and its passages; unknown ids are ignored. */
  removeArticle(articleId: string): void {
    const keys = this.passageKeys.get(articleId);
    if (!keys) return;
    this.changeCount++;
    for (const key of keys) {
      this.mini.discard(key);
      this.passages.delete(key);
    }
    this.passageKeys.delete(articleId);
    const article = this.articles.get(articleId);
    if (article) this.fileArticles.get(article.file)?.delete(articleId);
    this.articles.delete(articleId);
  }

  /** Removes every article that came from a corpus file (one for text files, many for JSON Lines). */
  removeFile(fileId: string): void {
    for (const id of [...(this.fileArticles.get(fileId) ?? [])]) this.removeArticle(id);
    this.fileArticles.delete(fileId);
    this.skipped.delete(fileId);
    this.fileHashes.delete(fileId);
  }

  /** The passages of one article in order. */
  passagesOf(articleId: string): Passage[] {
    return (this.passageKeys.get(articleId) ?? []).map((k) => this.passages.get(k)!).filter(Boolean);
  }

  /** All skipped files, sorted by file id. */
  skippedFiles(): SkippedFile[] {
    return [...this.skipped.values()].flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** All articles sorted by id. */
  sortedArticles(): Article[] {
    return [...this.articles.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Searches passages with BM25 (MiniSearch), deterministic order (score, then key).
   * @param query - free text; analysed like the passages
   */
  search(query: string, options: PassageSearchOptions = {}): PassageHit[] {
    const { limit = 20, fuzzy = 0, boostTerm } = options;
    const results: SearchResult[] = this.mini.search(query, {
      fuzzy: fuzzy > 0 ? (term: string) => (term.length > 4 ? fuzzy : false) : false,
      boostTerm: boostTerm ? (term: string) => boostTerm(term) : undefined,
    });
    return this.toHits(results, limit);
  }

  /**
   * Searches with already-analysed terms and a weight per term (query expansion): BM25 over the text
   * and headline fields, scored exactly as MiniSearch scores an OR query (BM25+, field boosts, score
   * times the number of matching query terms), but read straight from its inverted index with typed
   * accumulators and no per-result objects, so that a question costs little even at 100k+ passages.
   * Deterministic order: score, then passage key.
   * @param terms - analysed term → weight (1 for the question's own words)
   */
  searchTerms(terms: ReadonlyMap<string, number>, limit = 20): PassageHit[] {
    if (terms.size === 0) return [];
    const mini = this.mini as unknown as MiniSearchInternals;
    const n = mini._documentCount;
    const size = mini._nextId;
    if (this.scores.length < size) {
      this.scores = new Float64Array(size * 2);
      this.matched = new Uint16Array(size * 2);
      this.stamps = new Uint32Array(size * 2);
    }
    const { scores, matched, stamps } = this;
    const touched: number[] = [];
    for (const [term, weight] of terms) {
      const data = mini._index.get(term);
      if (!data) continue;
      const stamp = ++this.stamp;
      for (const [field, boost] of FIELD_BOOST_LIST) {
        const postings = data.get(field);
        if (!postings) continue;
        const lengths = this.fieldLengths(field);
        const avgLength = mini._avgFieldLength[field] ?? 1;
        // Discarded documents stay in the postings until MiniSearch vacuums; they do not count.
        let df = postings.size;
        if (mini._dirtCount > 0) postings.forEach((_, doc) => void (lengths[doc]! < 0 && df--));
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const factor = weight * boost * idf;
        postings.forEach((tf, doc) => {
          const length = lengths[doc]!;
          if (length < 0) return; // discarded, not yet vacuumed
          if (scores[doc] === 0 && matched[doc] === 0) touched.push(doc);
          scores[doc]! += factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
          // MiniSearch multiplies a document's score by the number of query terms it matched.
          if (stamps[doc] !== stamp) {
            stamps[doc] = stamp;
            matched[doc]! += 1;
          }
        });
      }
    }
    const ranked = touched.map((doc) => ({ doc, score: scores[doc]! * Math.max(1, matched[doc]!), key: mini._documentIds.get(doc) as number }));
    for (const doc of touched) {
      scores[doc] = 0;
      matched[doc] = 0;
    }
    ranked.sort((a, b) => b.score - a.score || a.key - b.key);
    const hits: PassageHit[] = [];
    for (const r of ranked) {
      if (hits.length >= limit) break;
      const passage = this.passages.get(r.key);
      const article = passage ? this.articles.get(passage.articleId) : undefined;
      if (passage && article) hits.push({ passage, article, score: r.score, terms: [] });
    }
    return hits;
  }

  /**
   * Each document's length in a field, by short id (-1 for ids no longer in the index): MiniSearch's
   * `_fieldLength` map copied into a typed array once per index version, for the scoring loop.
   */
  private fieldLengths(field: number): Float64Array {
    const cached = this.lengthCache.get(field);
    if (cached && cached.version === this.changeCount) return cached.lengths;
    const mini = this.mini as unknown as MiniSearchInternals;
    const lengths = new Float64Array(mini._nextId + 1).fill(-1);
    mini._fieldLength.forEach((byField, doc) => {
      lengths[doc] = byField[field] ?? 0;
    });
    this.lengthCache.set(field, { version: this.changeCount, lengths });
    return lengths;
  }

  /**
   * The best `limit` results as passage hits. MiniSearch returns results by score; ties are ordered by
   * passage key among those kept, so the order is deterministic.
   */
  private toHits(results: readonly SearchResult[], limit: number): PassageHit[] {
    const top = results.slice(0, limit * 2).sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number));
    const hits: PassageHit[] = [];
    for (const r of top) {
      if (hits.length >= limit) break;
      const passage = this.passages.get(r.id as number);
      const article = passage ? this.articles.get(passage.articleId) : undefined;
      if (passage && article) hits.push({ passage, article, score: r.score, terms: r.terms });
    }
    return hits;
  }

  /**
   * In how many passages an analysed term occurs (text field). Read from MiniSearch's own inverted
   * index, which keeps exactly this count; MiniSearch 7 has no public accessor for it.
   */
  documentFrequency(term: string): number {
    const index = (this.mini as unknown as { _index: { get(term: string): Map<number, Map<number, number>> | undefined } })._index;
    return index.get(term)?.get(TEXT_FIELD_ID)?.size ?? 0;
  }

  /**
   * Index terms within `maxDistance` edits of a term (spelling variants: "zelenskyy" → "zelensky"),
   * with their edit distance. Uses MiniSearch's radix tree, which has no public accessor for it.
   */
  similarTerms(term: string, maxDistance: number): Map<string, number> {
    const index = (this.mini as unknown as { _index: { fuzzyGet(term: string, d: number): Map<string, [unknown, number]> } })._index;
    const out = new Map<string, number>();
    for (const [t, [, distance]] of index.fuzzyGet(term, maxDistance)) out.set(t, distance);
    return out;
  }

  /**
   * Indexed terms that begin with a prefix, at most `limit` ("yugansk" → "yuganskneftega"): a name the
   * question shortens.
   */
  termsStartingWith(prefix: string, limit = 8): string[] {
    const index = (this.mini as unknown as { _index: { atPrefix(prefix: string): { keys(): IterableIterator<string> } } })._index;
    const out: string[] = [];
    for (const t of index.atPrefix(prefix).keys()) {
      out.push(t);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The MiniSearch index, serialised for a snapshot. */
  serializeIndex(): unknown {
    return this.mini.toJSON();
  }

  /** The MiniSearch index's internal state (Maps, by reference), for a V8-serialized snapshot. */
  exportSearchState(): MiniSearchState {
    return exportState(this.mini);
  }

  /** Restores the internal key counter and passage lists after loading a snapshot. */
  restore(articles: readonly Article[], passages: readonly Passage[], nextKey: number): void {
    for (const a of articles) {
      this.articles.set(a.id, a);
      this.trackFile(a);
    }
    for (const p of passages) {
      this.passages.set(p.key, p);
      const keys = this.passageKeys.get(p.articleId) ?? [];
      keys.push(p.key);
      this.passageKeys.set(p.articleId, keys);
    }
    this.nextKey = nextKey;
  }

  private trackFile(article: Article): void {
    const ids = this.fileArticles.get(article.file) ?? new Set<string>();
    ids.add(article.id);
    this.fileArticles.set(article.file, ids);
  }

  /** The next passage key that will be allocated (saved in snapshots). */
  get keyCounter(): number {
    return this.nextKey;
  }
}
