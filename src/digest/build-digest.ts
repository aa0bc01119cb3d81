import type { CorpusIndex } from '../search/corpus-index.ts';
import { silentLog, type Log } from '../log.ts';
import { clusterFacts, termWeights } from './clusters.ts';
import { findDisagreements } from './disagreements.ts';
import { chooseHeadline } from './headline.ts';
import { choosePoints } from './key-points.ts';
import { DEFAULT_LOOKBACK_MS, newSince } from './new-since.ts';
import { cite } from '../citations.ts';
import { collectSentences } from './sentences.ts';
import type { BuildDigestOptions, Digest, DigestPoint } from './types.ts';

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
    { articles: index.articles.size, sentences: sentences.length, points: points.length, new: digest.new.length, disagreements: digest.disagreements.length, ms: Math.round(performance.now() - started) },
    'digest built',
  );
  return digest;
}
