import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeTerm } from '../index/analyzer.ts';
import { NUMBER_WORDS } from './lexicon.ts';
import { splitSentences } from '../text/sentences.ts';
import { nameSpans } from './tokens.ts';
import { classifySpan } from './extract/entities.ts';

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

/** A person at the centre of the story and the pronoun the coverage uses for them. */
interface CentralPerson {
  /** The full name as the coverage writes it most often ("Adrian Mutu"). */
  name: string;
  pronoun: 'he' | 'she';
}

/** Share of the articles a person must be named in to be the story's central person. */
const CENTRAL_PERSON_SHARE = 0.5;
/** Share of the sentences a person's name opens that the next sentence continues with "He…" or "She…". */
const PRONOUN_RATE = 0.08;

/** The story's central people and the surnames of everyone it names in full. */
interface StoryPeople {
  central: CentralPerson[];
  surnames: ReadonlySet<string>;
}

const peopleCache = new WeakMap<CorpusIndex, { version: number; people: StoryPeople }>();

/**
 * Whom "he" or "she" stands for in a question that names nobody: the story's central person of that
 * pronoun, the person named in the most articles (at least half of them) whom the coverage calls so
 * (the "He…" or "She…" that opens the sentence after their name). Null when the question uses no
 * such pronoun, names a person itself ("where was Putin when he…"), or the coverage, an archive of
 * many stories, has no central person.
 * @example personalReferent(index, 'when did he fail the drug test?') // 'Adrian Mutu'
 */
export function personalReferent(index: CorpusIndex, question: string): string | null {
  const pronoun = /\b(?:he|him|his|hes|himself)\b/i.test(question) ? 'he' : /\b(?:she|her|hers|shes|herself)\b/i.test(question) ? 'she' : null;
  if (!pronoun) return null;
  let cached = peopleCache.get(index);
  if (!cached || cached.version !== index.version) {
    cached = { version: index.version, people: computeCentralPeople(index) };
    peopleCache.set(index, cached);
  }
  const { central, surnames } = cached.people;
  if ((question.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).some((w) => surnames.has(w.replace(/['’]s$/, '')))) return null;
  return central.find((p) => p.pronoun === pronoun)?.name ?? null;
}

/** Personal pronouns of one gender or the other, searched from a position (no new strings are made: every sentence of the story is read). */
const PERSONAL_PRONOUN = /\b(he|his|him|she|her)\b/gi;

/** The first personal pronoun of a text at or after `from`, or undefined. */
function pronounFrom(text: string, from: number): string | undefined {
  PERSONAL_PRONOUN.lastIndex = from;
  return PERSONAL_PRONOUN.exec(text)?.[1];
}

function computeCentralPeople(index: CorpusIndex): StoryPeople {
  const articles = index.sortedArticles();
  if (articles.length === 0 || articles.length > MAX_ARTICLES) return { central: [], surnames: new Set() };
  // Surnames of people the coverage names in full ("Adrian Mutu"), with their full names.
  const names = new Map<string, Map<string, number>>();
  const split = articles.map((a) => splitSentences(`${a.title}.\n${a.text}`).map((s) => s.text));
  for (const sentences of split)
    for (const text of sentences)
      for (const span of nameSpans(text)) {
        const mention = classifySpan(text, span);
        const words = mention.text.split(/\s+/);
        if (mention.kind !== 'person' || words.length < 2) continue;
        const forms = names.get(words.at(-1)!) ?? new Map<string, number>();
        forms.set(mention.text, (forms.get(mention.text) ?? 0) + 1);
        names.set(words.at(-1)!, forms);
      }
  // Per surname: articles naming it, sentences opening with it, and the pronoun opening the sentence after those.
  const stats = new Map<string, { articles: number; subject: number; he: number; she: number }>();
  for (const sentences of split) {
    const inArticle = new Set<string>();
    sentences.forEach((text, i) => {
      for (const span of nameSpans(text)) {
        const surname = span.text.split(/\s+/).at(-1)!;
        if (!names.has(surname)) continue;
        const entry = stats.get(surname) ?? { articles: 0, subject: 0, he: 0, she: 0 };
        stats.set(surname, entry);
        if (!inArticle.has(surname)) {
          inArticle.add(surname);
          entry.articles++;
        }
      }
      const first = nameSpans(text)[0];
      const surname = first && first.start < 40 ? first.text.split(/\s+/).at(-1)! : null;
      if (!surname || !names.has(surname)) return;
      const entry = stats.get(surname)!;
      entry.subject++;
      // The pronoun that opens the sentence after, else the first one after the name, in its sentence
      // or the next ("The 29-year-old … she will be granted a place"): news seldom opens with "She".
      const next = sentences[i + 1] ?? '';
      const opener = /^[“"]?(He|His|She|Her)\b/.exec(next)?.[1] ?? pronounFrom(text, first!.end) ?? pronounFrom(next, 0);
      if (opener && /^h(?:e|is|im)$/i.test(opener)) entry.he++;
      else if (opener) entry.she++;
    });
  }
  // A person is told apart from a place or a team by the pronoun that follows: "Mutu tested
  // positive… He…" (at least PRONOUN_RATE of the sentences they open).
  const ranked = [...stats.entries()]
    .filter(([, e]) => e.articles >= Math.max(2, CENTRAL_PERSON_SHARE * articles.length) && e.he + e.she >= 2 && (e.he + e.she) / e.subject >= PRONOUN_RATE)
    .sort((a, b) => b[1].articles - a[1].articles || b[1].subject - a[1].subject || (a[0] < b[0] ? -1 : 1));
  const out: CentralPerson[] = [];
  for (const [surname, e] of ranked) {
    const pronoun = e.he >= e.she ? 'he' : 'she';
    if (out.some((p) => p.pronoun === pronoun)) continue;
    const forms = [...names.get(surname)!.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push({ name: forms[0]![0], pronoun });
  }
  return { central: out, surnames: new Set(names.keys()) };
}
