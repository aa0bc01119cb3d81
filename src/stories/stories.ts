import { createHash } from 'node:crypto';
import type { Article } from '../types.ts';
import { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeText } from '../index/analyzer.ts';
import { duplicateGroups } from '../index/duplicates.ts';
import {
  Vocabulary,
  countTerms,
  documentFrequencies,
  dot,
  TermSums,
  spellingText,
  strongestFirst,
  weighArticle,
  weighFeatures,
  type ArticleFeatures,
  type TermCounts,
} from './features.ts';
import { JOIN_SIMILARITY, clusterArticles } from './cluster.ts';

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

/** A grouping of an index's articles, and what a later article is weighed and compared against. */
interface Grouping {
  version: number;
  stories: Story[];
  byArticle: Map<string, Story>;
  /** The articles grouped, by id (the objects: a changed article is a new object). */
  articles: Map<string, Article>;
  /** The terms met, by number (a later article's new terms are numbered on). */
  vocabulary: Vocabulary;
  /** Term counts and unit vectors of every article grouped. */
  counts: Map<string, TermCounts>;
  vectors: Map<string, ArticleFeatures>;
  /** Document frequencies by term number and the number of articles at the last full grouping. */
  df: Int32Array;
  fullSize: number;
}

const cache = new WeakMap<CorpusIndex, Grouping>();

/**
 * Articles that arrive (the watcher, feeds, ingest) join the story they are most like, or start their
 * own, without grouping the coverage again; once the coverage has grown by this share since the last
 * full grouping, or an article changed or went, it is grouped again whole (ids stay where the
 * membership does).
 */
const REGROUP_GROWTH = 0.1;

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

function cached(index: CorpusIndex): Grouping {
  const hit = cache.get(index);
  if (hit && hit.version === index.version) return hit;
  const entry = (hit && joinNewArticles(index, hit)) ?? groupAll(index);
  cache.set(index, entry);
  return entry;
}

/** The stories with their index by article. */
function withLookup(stories: Story[]): { stories: Story[]; byArticle: Map<string, Story> } {
  const byArticle = new Map<string, Story>();
  for (const s of stories) for (const id of s.articles) byArticle.set(id, s);
  return { stories, byArticle };
}

/** Groups every article of the index. */
function groupAll(index: CorpusIndex): Grouping {
  const articles = index.sortedArticles();
  const vocabulary = new Vocabulary();
  const counts = articles.map((a) => countTerms(a, vocabulary));
  const df = documentFrequencies(counts, vocabulary);
  const features = weighFeatures(counts, vocabulary, df);
  const model = {
    vocabulary,
    articles: new Map(articles.map((a) => [a.id, a])),
    counts: new Map(counts.map((c) => [c.id, c])),
    vectors: new Map(features.map((f) => [f.id, f])),
    df,
    fullSize: articles.length,
  };
  const stories = clusterArticles(features, duplicateGroups(index)).map((ids) => buildStory(index, ids, model));
  return { ...model, ...withLookup(stories), version: index.version };
}

/**
 * The grouping after articles were only added, and not too many: each new article joins its copy's
 * story, or the story whose members it is most like on average when that reaches the threshold of
 * the full grouping, or starts a story of its own. Null when the index must be grouped again whole.
 */
function joinNewArticles(index: CorpusIndex, previous: Grouping): Grouping | null {
  const articles = index.sortedArticles();
  for (const [id, article] of previous.articles) if (index.articles.get(id) !== article) return null;
  if (articles.length > previous.fullSize * (1 + REGROUP_GROWTH)) return null;
  const added = articles.filter((a) => !previous.articles.has(a.id));
  const model = { ...previous, articles: new Map(previous.articles), counts: new Map(previous.counts), vectors: new Map(previous.vectors) };
  const members = new Map(previous.stories.map((s) => [s.id, [...s.articles]]));
  const storyOfArticle = new Map([...previous.byArticle].map(([id, s]) => [id, s.id]));
  const copies = duplicateGroups(index);
  for (const a of added) {
    const counts = countTerms(a, model.vocabulary);
    const vector = weighArticle(counts, previous.df, previous.fullSize, model.vocabulary);
    model.articles.set(a.id, a);
    model.counts.set(a.id, counts);
    model.vectors.set(a.id, vector);
    const copyOf = copies.get(a.id);
    let best = copyOf !== undefined && copyOf !== a.id ? (storyOfArticle.get(copyOf) ?? null) : null;
    if (best === null) {
      let bestSimilarity = JOIN_SIMILARITY;
      for (const [id, ids] of members) {
        const similarity = ids.reduce((sum, m) => sum + dot(vector, model.vectors.get(m)!, model.vocabulary), 0) / ids.length;
        if (similarity >= bestSimilarity) [best, bestSimilarity] = [id, similarity];
      }
    }
    const key = best ?? `new:${a.id}`;
    members.set(key, [...(members.get(key) ?? []), a.id]);
    storyOfArticle.set(a.id, key);
  }
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const changed = new Set(added.map((a) => storyOfArticle.get(a.id)!));
  const kept = new Map(previous.stories.map((s) => [s.id, s]));
  const stories = [...members.entries()]
    .map(([key, ids]) => (changed.has(key) ? buildStory(index, ids, model) : kept.get(key)!))
    .sort((x, y) => y.articles.length - x.articles.length || position.get(x.articles[0]!)! - position.get(y.articles[0]!)!);
  return { ...model, ...withLookup(stories), version: index.version };
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

/** A story of the given articles: its id from the earliest, its title, outlets, key terms and span. */
function buildStory(
  index: CorpusIndex,
  ids: readonly string[],
  model: Pick<Grouping, 'vocabulary' | 'articles' | 'counts' | 'vectors' | 'df' | 'fullSize'>,
): Story {
  // Earliest published first: the id comes from the corpus alone, not from when this desk saw it.
  const members = ids
    .map((id) => model.articles.get(id)!)
    .sort((a, b) => compareText(a.published ?? '\uffff', b.published ?? '\uffff') || compareText(a.id, b.id));
  const story = {
    id: storyId(members[0]!.id),
    title: representativeTitle(members, ids, model),
    articles: members.map((a) => a.id),
    outlets: [...new Set(members.map((a) => a.outlet).filter((o): o is string => o !== null))].sort(),
    firstSeen: null,
    lastSeen: null,
    terms: keyTerms(members, model),
  };
  return dated(index, story, new Map());
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
function representativeTitle(members: readonly Article[], ids: readonly string[], model: Pick<Grouping, 'vocabulary' | 'vectors'>): string {
  // The centre: the sum of the members' vectors.
  const centroid = new TermSums(model.vocabulary);
  for (const id of ids) {
    const { terms, weights } = model.vectors.get(id)!;
    for (let k = 0; k < terms.length; k++) centroid.add(terms[k]!, weights[k]!);
  }
  let best = members[0]!;
  let bestScore = -Infinity;
  for (const a of members) {
    const { terms, weights } = model.vectors.get(a.id)!;
    let closeness = 0;
    for (let k = 0; k < terms.length; k++) closeness += weights[k]! * centroid.get(terms[k]!);
    const score = closeness - (a.titleDerived ? 1e6 : 0);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  centroid.clear();
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
  { vocabulary, counts: countsOf, df, fullSize: n }: Pick<Grouping, 'vocabulary' | 'counts' | 'df' | 'fullSize'>,
): string[] {
  const weight = new TermSums(vocabulary);
  for (const a of members) {
    const { terms, counts } = countsOf.get(a.id)!;
    for (let k = 0; k < terms.length; k++) weight.add(terms[k]!, counts[k]!);
  }
  // A term only articles that arrived later use counts as found once.
  for (const t of weight.terms) weight.set(t, weight.get(t) * Math.log(1 + n / (df[t] ?? 1)));
  const names = vocabulary.terms;
  const keys = strongest(weight.terms, STORY_TERMS, strongestFirst(weight.byTerm, names));
  weight.clear();
  const surface = new Map<number, Map<string, number>>();
  const read = (a: Article, wanted: ReadonlySet<number>): void => {
    // The headline and opening countTerms read (the text the counts came from).
    const { spellings } = countsOf.get(a.id)!;
    let text: string | null = null;
    for (let k = 0; k < spellings.length; k += 3) {
      const term = spellings[k + 2]!;
      if (!wanted.has(term)) continue;
      const source = (text ??= spellingText(a));
      const forms = surface.get(term) ?? surface.set(term, new Map()).get(term)!;
      const word = source.slice(spellings[k]!, spellings[k + 1]!).replace(/['’]s$/, '');
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
  };
  for (const a of members.slice(0, SPELLING_SAMPLE)) read(a, new Set(keys));
  // A term the sample does not show is looked for in the other articles' headlines and leads (the
  // text its counts came from).
  const missing = new Set(keys.filter((t) => !surface.has(t)));
  for (const a of members.slice(SPELLING_SAMPLE)) {
    if (!missing.size) break;
    read(a, missing);
    for (const t of [...missing]) if (surface.has(t)) missing.delete(t);
  }
  const terms = keys.map((t) => names[t]!);
  return keys.map((t, k) => shownForm(surface.get(t), terms[k]!));
}

/** The first `k` items in the order of `compare`, in that order: `items.sort(compare).slice(0, k)` without sorting them all. */
function strongest(items: readonly number[], k: number, compare: (a: number, b: number) => number): number[] {
  const top: number[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1]!) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

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
