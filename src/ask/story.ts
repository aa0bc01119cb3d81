import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeTerm } from '../index/analyzer.ts';
import { NUMBER_WORDS } from './lexicon.ts';

/**
 * The story's central nouns, worked out from the corpus itself: the common nouns that the most
 * articles use in their headline and opening paragraphs, weighted by how widely the bodies use them.
 * They stand in for "it" when a question names nothing ("how long was it?") and the conversation has
 * no earlier subject. No word is hard-coded: a noun is recognised by the determiners in front of it.
 */

/** A central noun: its analysed term, a surface form, and its weight (1 for the most central). */
export interface CentralNoun {
  term: string;
  word: string;
  weight: number;
}

const cache = new WeakMap<CorpusIndex, { version: number; nouns: CentralNoun[] }>();

/** Opening passages per article that count as its lead. */
const LEAD_PASSAGES = 3;
/** Articles sampled in large corpora (the lead words of a few hundred articles are plenty). */
const MAX_ARTICLES = 400;

/**
 * The story's central nouns, most central first (at most `limit`).
 * @example centralNouns(index)[0].word // 'call'
 */
export function centralNouns(index: CorpusIndex, limit = 5): CentralNoun[] {
  const cached = cache.get(index);
  if (cached && cached.version === index.version) return cached.nouns.slice(0, limit);
  const nouns = computeCentralNouns(index);
  cache.set(index, { version: index.version, nouns });
  return nouns.slice(0, limit);
}

function computeCentralNouns(index: CorpusIndex): CentralNoun[] {
  const articles = index.sortedArticles();
  const step = Math.max(1, Math.floor(articles.length / MAX_ARTICLES));
  const sample = articles.filter((_, i) => i % step === 0);
  const nounEvidence = new Map<string, number>();
  const leadDf = new Map<string, number>();
  const bodyDf = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  for (const article of sample) {
    const leadText = [
      article.title,
      ...index
        .passagesOf(article.id)
        .slice(0, LEAD_PASSAGES)
        .map((p) => p.text),
    ].join('\n');
    for (const t of new Set(commonWords(leadText, surface))) leadDf.set(t, (leadDf.get(t) ?? 0) + 1);
    for (const t of new Set(commonWords(article.text, null))) bodyDf.set(t, (bodyDf.get(t) ?? 0) + 1);
    for (const m of article.text.matchAll(DETERMINED_NOUN)) nounEvidence.set(m[1]!, (nounEvidence.get(m[1]!) ?? 0) + 1);
  }
  const scored: CentralNoun[] = [];
  for (const [term, df] of leadDf) {
    if (df < 2) continue;
    const forms = surface.get(term)!;
    const word = [...forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const uses = [...forms.values()].reduce((a, b) => a + b, 0);
    const asNoun = [...forms.keys()].reduce((n, f) => n + (nounEvidence.get(f) ?? 0), 0);
    if (asNoun < 2 || asNoun / Math.max(uses, 1) < MIN_NOUN_SHARE || NUMBER_WORDS[word] !== undefined) continue;
    scored.push({
      term,
      word,
      weight: df * Math.log(1 + (bodyDf.get(term) ?? 0)),
    });
  }
  scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const top = scored[0]?.weight ?? 1;
  return scored.map((n) => ({ ...n, weight: n.weight / top }));
}

/** Lower-case words (common nouns, verbs…) as analysed terms; capitalised names are left out. */
function commonWords(text: string, surface: Map<string, Map<string, number>> | null): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}'’-])(\p{Ll}[\p{Ll}-]{2,})(?![\p{L}])/gu)) {
    const w = m[1]!;
    if (TIME_WORDS.has(w)) continue;
    const t = analyzeTerm(w);
    if (t === null) continue;
    out.push(t);
    if (surface) {
      const forms = surface.get(t) ?? new Map<string, number>();
      forms.set(w, (forms.get(w) ?? 0) + 1);
      surface.set(t, forms);
    }
  }
  return out;
}

/** A lower-case word right after a determiner or possessive: evidence that it is a noun. */
const DETERMINED_NOUN = /\b(?:the|a|an|this|that|its|their|his|her|our|[’']s)\s+(\p{Ll}[\p{Ll}-]{2,})\b/gu;

/** Share of a word's uses that follow a determiner for it to count as a noun. */
const MIN_NOUN_SHARE = 0.2;

const TIME_WORDS = new Set([
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'day',
  'days',
  'time',
  'times',
  'today',
  'yesterday',
  'tonight',
  'morning',
  'evening',
  'night',
  'hour',
  'hours',
]);
