import { createHash } from 'node:crypto';
import type { Article } from '../types.ts';
import { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeTerm, analyzeText, tokenize } from '../index/analyzer.ts';
import { duplicateGroups } from '../index/duplicates.ts';
import { countTerms, documentFrequencies, dot, weighFeatures } from './features.ts';
import { clusterArticles } from './cluster.ts';

/**
 * The stories of a coverage: every article belongs to exactly one story. Stories are worked out from
 * the text (see cluster.ts), recomputed when the index changes, and named by their earliest article,
 * so that a story keeps its id while later coverage joins it.
 */

/** One story: what `newsdesk stories --json` prints for it. */
export interface Story {
  /** Stable id: from the story's earliest article ("st-3f9a0c1d"). */
  id: string;
  /** The most representative headline. */
  title: string;
  /** Source ids, earliest first. */
  articles: string[];
  outlets: string[];
  /** First and last time an article of the story was seen (first-seen time, else published date). */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Key terms, as the coverage writes them. */
  terms: string[];
}

/** Key terms listed per story. */
const STORY_TERMS = 6;

const cache = new WeakMap<CorpusIndex, { version: number; stories: Story[]; byArticle: Map<string, Story> }>();

/**
 * The stories of an index, largest first (then earliest). The grouping is cached per index version;
 * `firstSeen` only orders each story's articles and dates its span.
 * @param firstSeen - article id → first-seen time (DATA_DIR/first-seen.json); else published dates
 * @example corpusStories(index)[0].title // 'Biden warns Putin of sanctions'
 */
export function corpusStories(index: CorpusIndex, firstSeen: ReadonlyMap<string, string> = new Map()): Story[] {
  const { stories } = cached(index);
  if (firstSeen.size === 0) return stories;
  return stories.map((s) => dated(index, s, firstSeen));
}

/** A story holding at least this share of the articles makes the coverage one story. */
const DOMINANT_SHARE = 0.5;

/**
 * True when the coverage holds several stories and none holds half of it: answers then name their
 * story and briefings go story by story.
 */
export function manyStories(index: CorpusIndex, stories: readonly Story[] = corpusStories(index)): boolean {
  if (stories.length < 2) return false;
  return stories[0]!.articles.length < DOMINANT_SHARE * index.articles.size;
}

/** The story an article belongs to (dated by published dates), or null for an unknown id. */
export function storyOf(index: CorpusIndex, articleId: string): Story | null {
  return cached(index).byArticle.get(articleId) ?? null;
}

function cached(index: CorpusIndex) {
  const hit = cache.get(index);
  if (hit && hit.version === index.version) return hit;
  const stories = computeStories(index).map((s) => dated(index, s, new Map()));
  const byArticle = new Map<string, Story>();
  for (const s of stories) for (const id of s.articles) byArticle.set(id, s);
  const entry = { version: index.version, stories, byArticle };
  cache.set(index, entry);
  return entry;
}

/** A story with its articles ordered by when they were first seen (else published) and its time span. */
function dated(index: CorpusIndex, story: Story, firstSeen: ReadonlyMap<string, string>): Story {
  const seen = (id: string): string | null => firstSeen.get(id) ?? index.articles.get(id)?.published ?? null;
  const articles = [...story.articles].sort((a, b) => compareText(seen(a) ?? '\uffff', seen(b) ?? '\uffff') || compareText(a, b));
  const times = articles
    .map(seen)
    .filter((t): t is string => t !== null)
    .sort();
  return { ...story, articles, firstSeen: times[0] ?? null, lastSeen: times.at(-1) ?? null };
}

function computeStories(index: CorpusIndex): Story[] {
  const articles = index.sortedArticles();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const counts = articles.map((a) => countTerms(a));
  const df = documentFrequencies(counts);
  const features = weighFeatures(counts, df);
  const countsOf = new Map(counts.map((c) => [c.id, c.counts]));
  const vectors = new Map(features.map((f) => [f.id, f.terms]));
  return clusterArticles(features, duplicateGroups(index)).map((ids) => {
    // Earliest published first: the id comes from the corpus alone, not from when this desk saw it.
    const members = ids.map((id) => byId.get(id)!).sort((a, b) => compareText(a.published ?? '\uffff', b.published ?? '\uffff') || compareText(a.id, b.id));
    const centroid = new Map<string, number>();
    for (const id of ids) for (const [t, w] of vectors.get(id)!) centroid.set(t, (centroid.get(t) ?? 0) + w);
    return {
      id: storyId(members[0]!.id),
      title: representativeTitle(members, vectors, centroid),
      articles: members.map((a) => a.id),
      outlets: [...new Set(members.map((a) => a.outlet).filter((o): o is string => o !== null))].sort(),
      firstSeen: null,
      lastSeen: null,
      terms: keyTerms(members, countsOf, df, articles.length),
    };
  });
}

/** Code-unit order of two strings: ISO times sort by time, and it costs a fraction of localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A story id from its earliest article's id. */
function storyId(articleId: string): string {
  return `st-${createHash('sha1').update(articleId).digest('hex').slice(0, 8)}`;
}

/** The headline of the member closest to the story's centre (a real headline before a derived one). */
function representativeTitle(
  members: readonly Article[],
  vectors: ReadonlyMap<string, ReadonlyMap<string, number>>,
  centroid: ReadonlyMap<string, number>,
): string {
  let best = members[0]!;
  let bestScore = -Infinity;
  for (const a of members) {
    const score = dot(vectors.get(a.id)!, centroid) - (a.titleDerived ? 1e6 : 0);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best.title;
}

/** Members whose headline and lead are read for how the key terms are written. */
const SPELLING_SAMPLE = 6;

/**
 * The story's key terms: the words its articles use most, weighed by how particular they are to it
 * (a smoothed idf, so that a corpus of one story still shows its main names), each as the story's
 * headlines and leads most often write it.
 */
function keyTerms(
  members: readonly Article[],
  countsOf: ReadonlyMap<string, ReadonlyMap<string, number>>,
  df: ReadonlyMap<string, number>,
  n: number,
): string[] {
  const weight = new Map<string, number>();
  for (const a of members) for (const [t, c] of countsOf.get(a.id) ?? []) weight.set(t, (weight.get(t) ?? 0) + c);
  for (const [t, w] of weight) weight.set(t, w * Math.log(1 + n / df.get(t)!));
  const terms = [...weight.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STORY_TERMS)
    .map(([term]) => term);
  const surface = new Map<string, Map<string, number>>();
  const read = (a: Article, chars: number, wanted: ReadonlySet<string>): void => {
    for (const token of tokenize(`${a.title}\n${a.text.slice(0, chars)}`)) {
      const term = analyzeTerm(token);
      if (term === null || !wanted.has(term)) continue;
      const forms = surface.get(term) ?? surface.set(term, new Map()).get(term)!;
      const word = token.replace(/['’]s$/, '');
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
  };
  for (const a of members.slice(0, SPELLING_SAMPLE)) read(a, LEAD_CHARS, new Set(terms));
  // A term the sample does not show is looked for in the other articles' headlines and leads (the
  // text its counts came from).
  const missing = new Set(terms.filter((t) => !surface.has(t)));
  for (const a of members.slice(SPELLING_SAMPLE)) {
    if (!missing.size) break;
    read(a, LEAD_CHARS, missing);
    for (const t of [...missing]) if (surface.has(t)) missing.delete(t);
  }
  return terms.map((term) => shownForm(surface.get(term), term));
}

/** Characters of an article read for spellings. */
const LEAD_CHARS = 1000;

/**
 * How a term is shown: its most used spelling, in lower case when the coverage writes it in lower
 * case at least half as often as capitalised ("attacks", but "Paris").
 */
function shownForm(forms: ReadonlyMap<string, number> | undefined, term: string): string {
  const byWord = new Map<string, Map<string, number>>();
  for (const [form, uses] of forms ?? []) {
    const key = form.toLowerCase();
    byWord.set(key, (byWord.get(key) ?? new Map()).set(form, uses));
  }
  const total = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const word = [...byWord.entries()].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1))[0];
  if (!word) return term;
  const [lower, spellings] = word;
  const capitalised = [...spellings.entries()].filter(([f]) => f !== lower).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lowerUses = spellings.get(lower) ?? 0;
  return capitalised.length === 0 || lowerUses * 2 >= total(spellings) - lowerUses ? lower : capitalised[0]![0];
}

/**
 * The story a user means: by id, or by words matched against each story's headlines and key terms
 * (the story whose headlines share most of the words wins; null when none shares any).
 * @example findStory(stories, 'yukos auction')?.title // 'Yukos unit fetches $9bn at auction'
 */
export function findStory(index: CorpusIndex, stories: readonly Story[], query: string): Story | null {
  const q = query.trim();
  const exact = stories.find((s) => s.id === q.toLowerCase());
  if (exact) return exact;
  const words = new Set(analyzeText(q));
  if (!words.size) return null;
  let best: Story | null = null;
  let bestScore = 0;
  for (const s of stories) {
    const headlineTerms = storyTerms(index, s);
    const shared = [...words].filter((w) => headlineTerms.has(w)).length;
    // Ties go to the larger story (stories are listed largest first).
    if (shared > bestScore) {
      best = s;
      bestScore = shared;
    }
  }
  return best;
}

/**
 * The stories a subscription's topic names: the story with that id, else every story whose headlines
 * and key terms carry all the topic's words ("ukraine", "yukos auction"), in the given order.
 */
export function storiesAbout(index: CorpusIndex, stories: readonly Story[], topic: string): Story[] {
  const q = topic.trim();
  const exact = stories.find((s) => s.id === q.toLowerCase());
  if (exact) return [exact];
  const words = [...new Set(analyzeText(q))];
  if (!words.length) return [];
  return stories.filter((s) => {
    const terms = storyTerms(index, s);
    return words.every((w) => terms.has(w));
  });
}

/** The analysed words of a story's headlines and key terms. */
function storyTerms(index: CorpusIndex, story: Story): Set<string> {
  return new Set([...analyzeText(story.terms.join(' ')), ...story.articles.flatMap((id) => analyzeText(index.articles.get(id)?.title ?? ''))]);
}

const scopedCache = new WeakMap<CorpusIndex, { version: number; byStory: Map<string, CorpusIndex> }>();
/** Story indexes kept per corpus index (each is small: one story's passages). */
const SCOPED_LIMIT = 16;

/**
 * An index of one story's articles only, for answering within a followed story: the same pipeline
 * over the story's own coverage, so an answer in focus is the answer its own folder would give.
 * Cached (a few stories per index version).
 */
export function storyIndex(index: CorpusIndex, story: Story): CorpusIndex {
  let entry = scopedCache.get(index);
  if (!entry || entry.version !== index.version) {
    entry = { version: index.version, byStory: new Map() };
    scopedCache.set(index, entry);
  }
  const hit = entry.byStory.get(story.id);
  if (hit) return hit;
  const scoped = new CorpusIndex();
  // In the order the corpus reads them (by id), so that ties between passages break as they would in
  // the story's own folder.
  scoped.addArticles(
    [...story.articles]
      .sort()
      .map((id) => index.articles.get(id))
      .filter((a): a is Article => a !== undefined),
  );
  if (entry.byStory.size >= SCOPED_LIMIT) entry.byStory.delete(entry.byStory.keys().next().value!);
  entry.byStory.set(story.id, scoped);
  return scoped;
}
