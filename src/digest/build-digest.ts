import type { CorpusIndex } from '../index/corpus-index.ts';
import { silentLog, type Log } from '../log.ts';
import { clusterFacts, termWeights } from './clusters.ts';
import { findDisagreements } from './disagreements.ts';
import { chooseHeadline } from './headline.ts';
import { choosePoints } from './key-points.ts';
import { DEFAULT_LOOKBACK_MS, newSince } from './new-since.ts';
import { cite } from '../ask/citations.ts';
import { collectSentences } from './quotable-sentences.ts';
import type { BuildDigestOptions, Digest, DigestPoint, DigestStory } from './types.ts';
import type { Citation } from '../types.ts';
import { corpusStories, manyStories, storiesAbout, storyIndex, type Story } from '../stories/stories.ts';
import { noStoryAboutHeadline, topStoriesHeadline } from '../wording/messages.ts';

/**
 * Builds the daily briefing of a corpus: extractive and cited like every answer. Every point and
 * every fact is a sentence copied verbatim from an article, with a numbered citation (offsets into the
 * article's clean text) for every outlet that reports it. Deterministic for a given corpus, first-seen
 * map and `since`.
 */

/**
 * Builds a digest.
 * @param index - the opened corpus
 * @param options - since (default: 24 hours before `now`), first-seen times, the current time
 * @param log - logger (a child `{ module: 'digest' }` is used)
 * @example
 * const digest = buildDigest(index, { firstSeen: readFirstSeen('.newsdesk'), now: new Date() });
 * digest.points[0].citations.length // 4 outlets report the first point
 */
export function buildDigest(index: CorpusIndex, options: BuildDigestOptions, log: Log = silentLog): Digest {
  if (manyStories(index)) return buildStoriesDigest(index, options, log);
  return buildOneStoryDigest(index, options, log);
}

/** Stories a many-story briefing lists when not told. */
const DEFAULT_DIGEST_STORIES = 5;
/** Key points per story in a many-story briefing. */
const POINTS_PER_STORY = 3;

/**
 * A briefing of a coverage of many stories: the top stories (of those the topic names, when there
 * is one) by articles new since `since`, then by size; each section built from that story's own articles alone, so that every point, fact and
 * disagreement in it is that story's. Citations are numbered across the whole briefing.
 */
function buildStoriesDigest(index: CorpusIndex, options: BuildDigestOptions, log: Log): Digest {
  const since = (options.since ?? new Date(options.now.getTime() - DEFAULT_LOOKBACK_MS)).toISOString();
  const fresh = (s: Story): number => s.articles.filter((id) => (options.firstSeen.get(id) ?? '') > since).length;
  const all = corpusStories(index);
  const chosen = options.topic ? storiesAbout(index, all, options.topic) : all;
  const top = [...chosen]
    .sort((a, b) => fresh(b) - fresh(a) || b.articles.length - a.articles.length || (a.id < b.id ? -1 : 1))
    .slice(0, options.maxStories ?? DEFAULT_DIGEST_STORIES);
  let n = 1;
  const renumber = (c: Citation): Citation => ({ ...c, n: n++ });
  const stories: DigestStory[] = top.map((story) => {
    const section = buildOneStoryDigest(storyIndex(index, story), options, log);
    return {
      id: story.id,
      title: story.title,
      points: section.points.slice(0, POINTS_PER_STORY).map((p) => ({ ...p, citations: p.citations.map(renumber) })),
      new: section.new.map((a) => ({ ...a, facts: a.facts.map(renumber) })),
      disagreements: section.disagreements,
    };
  });
  const headline = options.topic && stories.length === 0 ? noStoryAboutHeadline(options.topic) : topStoriesHeadline(stories.length);
  return { headline, points: [], new: [], disagreements: [], stories };
}

function buildOneStoryDigest(index: CorpusIndex, options: BuildDigestOptions, log: Log): Digest {
  const started = performance.now();
  const sentences = collectSentences(index);
  const weights = termWeights(sentences);
  const chosen = choosePoints(clusterFacts(sentences, weights), weights);
  let n = 1;
  const points: DigestPoint[] = chosen.map((p) => ({
    text: p.lead.text,
    citations: p.sentences.map((s) => cite(n++, s)),
  }));
  const since = options.since ?? new Date(options.now.getTime() - DEFAULT_LOOKBACK_MS);
  const fresh = newSince(index, sentences, weights, since, options.firstSeen, n);
  const digest: Digest = {
    headline: chooseHeadline(index),
    points,
    new: fresh.items,
    disagreements: findDisagreements(index),
  };
  log.child({ module: 'digest' }).debug(
    {
      articles: index.articles.size,
      sentences: sentences.length,
      points: points.length,
      new: digest.new.length,
      disagreements: digest.disagreements.length,
      ms: Math.round(performance.now() - started),
    },
    'digest built',
  );
  return digest;
}
