import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeTerm } from '../index/analyzer.ts';
import { answerQuestion } from '../ask/answer.ts';
import { corroborate, toSupport } from '../ask/corroborate.ts';
import { DURATION_UNITS } from '../ask/lexicon.ts';
import { parseQuestion } from '../ask/question.ts';
import { buildSlots, retrieveSentences } from '../ask/retrieve.ts';
import { NUMBER_PATTERN } from '../ask/extract/numbers.ts';
import { extractQuantities } from '../ask/extract/quantity.ts';
import { disagreementTopic } from '../wording/messages.ts';
import { sourceKeyFor } from '../ask/citations.ts';
import type { Disagreement } from './types.ts';

/**
 * Where outlets give different numbers, durations or dates for the same thing. The digest asks the
 * ask pipeline itself — its typed extractors and its corroboration by source — about the things the
 * coverage counts (every noun that several outlets put a number on: "how many troops?") and about
 * the length of the story's central event ("how long was it?"), and keeps the values on which
 * outlets disagree. Dates are left out: a story's many dates (earlier calls, later talks) are not
 * disagreements.
 */

/** Most disagreements a digest calls out. */
const MAX_DISAGREEMENTS = 3;
/** Counted nouns tried (those most outlets put a number on). */
const MAX_NOUNS = 6;

/** A number (digits or words, with a multiplier) or a vague amount, then the noun it counts. */
const COUNTED = new RegExp(
  `(?:${NUMBER_PATTERN}|\\b(?:tens|hundreds|thousands|dozens) of (?:thousands|millions)?(?:\\s*of)?)\\s+(?:more\\s+|other\\s+|additional\\s+|new\\s+)?(\\p{Ll}[\\p{Ll}-]{2,})\\b`,
  'gu',
);

/** Nouns a number goes with that are units, not things counted in the story. */
const NOT_COUNTED = new Set([
  'percent',
  'per',
  'cent',
  'second',
  'seconds',
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'decade',
  'decades',
  'century',
  'times',
  'time',
  'am',
  'pm',
  'a.m',
  'p.m',
  'gmt',
  'miles',
  'mile',
  'km',
  'kilometres',
  'kilometers',
  'metres',
  'meters',
  'feet',
  'foot',
  'inches',
  'pounds',
  'dollars',
  'euros',
  'million',
  'billion',
  'thousand',
  'hundred',
  'and',
  'or',
  'to',
  'of',
  'in',
  'on',
  'at',
  'the',
  'for',
  'with',
  'from',
  'by',
  'a',
  'an',
  'was',
  'were',
  'is',
  'are',
  'had',
  'have',
  'has',
  'who',
  'that',
  'which',
  'said',
  'points',
  'point',
  'previously',
  'ago',
  'others',
  'other',
  'more',
  'most',
  'less',
  'fewer',
  'people',
]);

/**
 * Finds the disagreements of the coverage.
 * @param sentences - the quotable sentences (collectSentences), to find what the coverage counts
 * @example findDisagreements(index)[0] // { topic: 'number of troops', values: [{ value: '100,000 troops', sources: [...] }, …] }
 */
export function findDisagreements(index: CorpusIndex): Disagreement[] {
  const out: Disagreement[] = [];
  for (const noun of countedNouns(index)) {
    if (out.length >= MAX_DISAGREEMENTS) return out;
    const found = countDisagreement(index, noun);
    if (found) out.push(found);
  }
  // The central event's length ("how long was it?"), as the ask pipeline reads it.
  const { answer, subject } = answerQuestion(index, 'how long was it?', { maxCitations: 8 });
  if (out.length < MAX_DISAGREEMENTS && answer.status === 'conflicting' && subject && comparableDurations(answer.support.map((g) => g.value))) {
    out.push({ topic: disagreementTopic('duration', subject), values: answer.support.map((g) => ({ value: g.value, sources: [...g.sources] })) });
  }
  return out;
}

/**
 * The different amounts of one counted noun that outlets give, read by the ask pipeline's quantity
 * extractor from every sentence naming the noun and grouped by its corroboration (one vote per
 * outlet); null when the outlets agree.
 */
function countDisagreement(index: CorpusIndex, noun: string): Disagreement | null {
  const q = parseQuestion(`how many ${noun}?`);
  const slots = buildSlots(index, q, []);
  const nounSlot = slots.find((s) => s.label.toLowerCase() === noun.toLowerCase());
  if (!nounSlot) return null;
  const sentences = retrieveSentences(index, [nounSlot]).filter((s) => s.matched.has(nounSlot.label));
  const candidates = sentences
    .flatMap((s) => extractQuantities(s, nounSlot, noun))
    .filter((c) => c.confidence >= MIN_CONFIDENCE && (amountOf(c.key) === null || amountOf(c.key)! >= MIN_AMOUNT));
  const sourceKey = sourceKeyFor(index);
  const grouped = corroborate(candidates, (c) => sourceKey(c.sentence.article));
  if (!grouped.conflicting) return null;
  // Amounts of another order of magnitude count something else ("5 passengers" beside 239).
  const main = magnitudeOf(grouped.groups[0]!.key);
  const groups = grouped.groups.filter((g) => {
    const m = magnitudeOf(g.key);
    return main === null || m === null || (m <= main * MAX_RATIO && m >= main / MAX_RATIO);
  });
  if (groups.length < 2) return null;
  return { topic: disagreementTopic('count', noun), values: toSupport(groups) };
}

/** Values more than this many times larger or smaller than the main one are not the same count. */
const MAX_RATIO = 10;

/** Rough size of a quantity key: its number, or a typical value of a vague amount ("tens of thousands"). */
function magnitudeOf(key: string): number | null {
  const n = amountOf(key);
  if (n !== null) return n;
  const words = key.replace(/^qty:/, '').split(' of ');
  let size = 1;
  for (const w of words) {
    const v = VAGUE_SIZES[w.trim()];
    if (v === undefined) return null;
    size *= v;
  }
  return size;
}

const VAGUE_SIZES: Record<string, number> = { tens: 30, hundreds: 300, thousands: 3000, millions: 3_000_000, dozens: 36, scores: 60 };

/** Counts below this ("one is a path…") are too easily misread to call a disagreement. */
const MIN_AMOUNT = 2;
/** Only amounts the extractor ties to the noun (next to it, or named earlier in the sentence). */
const MIN_CONFIDENCE = 0.8;

/** The number of a quantity key ("qty:90000:more than" → 90000), null for a vague amount. */
function amountOf(key: string): number | null {
  const n = Number(key.split(':')[1]);
  return Number.isFinite(n) ? n : null;
}

/**
 * Durations disagree only when they measure the same thing: all numeric and within a factor of three
 * ("50 minutes" and "just under an hour", not "five hours" and "5 days").
 */
function comparableDurations(values: readonly string[]): boolean {
  const minutes = values.map(durationMinutes);
  if (minutes.some((m) => m === null)) return false;
  const list = minutes as number[];
  return Math.max(...list) <= 3 * Math.min(...list);
}

function durationMinutes(value: string): number | null {
  const m = /(\d+(?:\.\d+)?|an?|one|half an?)\s*(second|minute|hour|day|week|month|year)/i.exec(value);
  if (!m) return null;
  const amount = /^half/i.test(m[1]!) ? 0.5 : /^(an?|one)$/i.test(m[1]!) ? 1 : Number(m[1]);
  return amount * (DURATION_UNITS[m[2]!.toLowerCase()] ?? 1);
}

/**
 * Plural nouns that at least two sources put a number on, most sources first.
 * @example countedNouns(index) // ['troops', 'people']
 */
function countedNouns(index: CorpusIndex): string[] {
  const sources = new Map<string, Set<string>>();
  const surface = new Map<string, Map<string, number>>();
  const sourceKey = sourceKeyFor(index);
  for (const p of index.passages.values()) {
    const article = index.articles.get(p.articleId);
    if (!article) continue;
    for (const m of p.text.matchAll(COUNTED)) {
      const word = m[m.length - 1]!;
      if (NOT_COUNTED.has(word) || !isPlural(word)) continue;
      const term = analyzeTerm(word);
      if (term === null) continue;
      const set = sources.get(term) ?? new Set<string>();
      set.add(sourceKey(article));
      sources.set(term, set);
      const forms = surface.get(term) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surface.set(term, forms);
    }
  }
  return [...sources.entries()]
    .filter(([, set]) => set.size >= 2)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_NOUNS)
    .map(([term]) => [...surface.get(term)!.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
}

/** Counted things are plural ("troops", "people"); "a 50 call" is a misreading. */
function isPlural(word: string): boolean {
  return (/s$/.test(word) && !/ss$/.test(word)) || IRREGULAR_PLURALS.has(word);
}

const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'crew', 'dead', 'wounded', 'injured']);
