import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeText } from '../index/analyzer.ts';
import { centralNouns } from '../ask/story.ts';
import { digestFallbackHeadline } from '../wording/messages.ts';

/**
 * The digest's headline line: the article headline that best sums up the coverage — the one whose
 * words the most other headlines share, with the story's central nouns counting extra. Extractive,
 * like everything else in the digest; built from the corpus alone.
 */

/** Headlines shorter or longer than this (in words) do not make a headline line. */
const MIN_WORDS = 4;
const MAX_WORDS = 22;

/**
 * Picks the headline line.
 * @example chooseHeadline(index) // 'Biden and Putin talk as tensions over Ukraine mount'
 */
export function chooseHeadline(index: CorpusIndex): string {
  const titles = index
    .sortedArticles()
    .filter((a) => !a.titleDerived)
    .map((a) => a.title.trim())
    .filter((t) => {
      const words = t.split(/\s+/).length;
      return words >= MIN_WORDS && words <= MAX_WORDS;
    });
  const central = new Map(centralNouns(index, 8).map((n) => [n.term, n.weight]));
  if (titles.length === 0) {
    const nouns = centralNouns(index, 3).map((n) => n.word);
    return digestFallbackHeadline(nouns, index.articles.size);
  }
  const termSets = titles.map((t) => new Set(analyzeText(t)));
  const df = new Map<string, number>();
  for (const set of termSets) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  let best = 0;
  let bestScore = -1;
  termSets.forEach((set, i) => {
    let score = 0;
    for (const t of set) score += df.get(t)! - 1 + (central.get(t) ?? 0);
    score /= Math.sqrt(Math.max(1, set.size));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return titles[best]!;
}
