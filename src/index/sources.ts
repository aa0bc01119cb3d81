import MiniSearch from 'minisearch';
import type { Article, Passage, SkippedFile } from '../types.ts';
import type { CorpusIndex } from './corpus-index.ts';
import { analyzeTerm, analyzeText, tokenize } from './analyzer.ts';

/**
 * Source lookup: the list of articles in a corpus, and one article found by id, outlet or words
 * from its title, with its lead and key passages. The JSON shapes here are a contract other tools read.
 */

/** One article as listed by `newsdesk sources --json`. */
export interface SourceSummary {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  passages: number;
}

/** The `newsdesk sources --json` document. */
export interface SourceList {
  sources: SourceSummary[];
  skipped: SkippedFile[];
}

/** One article in detail, as shown by `newsdesk source X`. */
export interface SourceDetail extends SourceSummary {
  lead: Passage | null;
  keyPassages: Passage[];
}

/** The outcome of looking a source up. */
export type SourceLookup =
  | { kind: 'found'; source: SourceDetail }
  | { kind: 'ambiguous'; query: string; candidates: SourceSummary[] }
  | { kind: 'not_found'; query: string; suggestions: SourceSummary[] };

/**
 * Lists every source of the corpus (sorted by id) and the skipped files.
 * @example listSources(index).sources[0] // { id: '000_….txt', title: '…', outlet: null, … }
 */
export function listSources(index: CorpusIndex): SourceList {
  return {
    sources: index.sortedArticles().map((a) => summarize(index, a)),
    skipped: index.skippedFiles(),
  };
}

/**
 * Finds one source by its id (or file name), its outlet, or words of its title. Matching is
 * case-insensitive and fuzzy; when several sources fit about equally, they are returned as candidates.
 * @param query - an id, an outlet name, or words from a title
 * @param keyPassageCount - how many key passages to include besides the lead
 * @example lookupSource(index, 'weku') // { kind: 'found', source: { outlet: 'WEKU', … } }
 */
export function lookupSource(index: CorpusIndex, query: string, keyPassageCount = 3): SourceLookup {
  const q = query.trim();
  const articles = index.sortedArticles();
  const found = (a: Article): SourceLookup => ({ kind: 'found', source: detail(index, a, keyPassageCount) });
  if (q === '') return { kind: 'not_found', query: q, suggestions: articles.slice(0, 5).map((a) => summarize(index, a)) };

  const lower = q.toLowerCase();
  const exact = articles.filter(
    (a) => a.id.toLowerCase() === lower || basename(a.id).toLowerCase() === lower || stripExt(basename(a.id)).toLowerCase() === lower,
  );
  if (exact.length === 1) return found(exact[0]!);
  const byOutlet = articles.filter((a) => a.outlet !== null && a.outlet.toLowerCase() === lower);
  if (byOutlet.length === 1) return found(byOutlet[0]!);
  if (byOutlet.length > 1) return { kind: 'ambiguous', query: q, candidates: byOutlet.map((a) => summarize(index, a)) };
  const byPrefix = articles.filter((a) => a.id.toLowerCase().startsWith(lower));
  if (byPrefix.length === 1) return found(byPrefix[0]!);

  const all = fuzzyRank(articles, q);
  // A fuzzy match must account for (nearly) every word of the query: "bbc news" is not The Epoch
  // Times because "news" is a prefix of "Newsroom". Below the floor, the closest are suggestions.
  const ranked = all.filter((r) => r.matched >= Math.max(1, Math.ceil(MATCHED_SHARE * r.queryTerms)));
  const top = ranked[0];
  if (!top) return { kind: 'not_found', query: q, suggestions: all.slice(0, 3).map((r) => summarize(index, r.article)) };
  const second = ranked[1];
  if (!second || top.score >= second.score * 1.5) return found(top.article);
  const close = ranked.filter((r) => r.score >= top.score * 0.6).slice(0, 5);
  return { kind: 'ambiguous', query: q, candidates: close.map((r) => summarize(index, r.article)) };
}

/** Summary of one article. */
function summarize(index: CorpusIndex, a: Article): SourceSummary {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    byline: a.byline,
    published: a.published,
    url: a.url,
    passages: index.passagesOf(a.id).length,
  };
}

/**
 * An article's detail: the lead (first passage) and the key passages, those that share the most
 * terms with the headline and carry figures or quotes, shown in article order.
 */
function detail(index: CorpusIndex, a: Article, keyPassageCount = 3): SourceDetail {
  const passages = index.passagesOf(a.id);
  const lead = passages[0] ?? null;
  const titleTerms = new Set(analyzeText(a.title));
  const scored = passages.slice(1).map((p) => {
    const terms = new Set(analyzeText(p.text));
    let overlap = 0;
    for (const t of terms) if (titleTerms.has(t)) overlap++;
    const figures = /\d/.test(p.text) ? 0.5 : 0;
    const quote = /["“”]/.test(p.text) ? 0.5 : 0;
    return { p, score: overlap + figures + quote };
  });
  scored.sort((x, y) => y.score - x.score || x.p.ordinal - y.p.ordinal);
  const keyPassages = scored
    .slice(0, keyPassageCount)
    .map((s) => s.p)
    .sort((x, y) => x.ordinal - y.ordinal);
  return { ...summarize(index, a), lead, keyPassages };
}

/** Share of the query's words a fuzzy match must match. */
const MATCHED_SHARE = 0.75;

function fuzzyRank(articles: readonly Article[], query: string): { article: Article; score: number; matched: number; queryTerms: number }[] {
  const queryTerms = new Set(
    tokenize(query)
      .map(analyzeTerm)
      .filter((t): t is string => t !== null),
  ).size;
  const mini = new MiniSearch<{ i: number; id: string; title: string; outlet: string; byline: string }>({
    idField: 'i',
    fields: ['id', 'title', 'outlet', 'byline'],
    tokenize,
    processTerm: analyzeTerm,
    searchOptions: { boost: { outlet: 3, title: 1, id: 2, byline: 1 }, fuzzy: 0.25, prefix: true, combineWith: 'OR' },
  });
  mini.addAll(articles.map((a, i) => ({ i, id: a.id, title: a.title, outlet: a.outlet ?? '', byline: a.byline ?? '' })));
  return mini
    .search(query)
    .sort((a, b) => b.score - a.score || (a.id as number) - (b.id as number))
    .map((r) => ({ article: articles[r.id as number]!, score: r.score, matched: new Set(r.queryTerms).size, queryTerms }));
}

function basename(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

function stripExt(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
