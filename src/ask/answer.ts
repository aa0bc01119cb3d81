import { countryOf, isCountryName } from './gazetteer.ts';
import type { Answer, Citation } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeText } from '../index/analyzer.ts';
import { parseQuestion } from './question.ts';
import { familyOf } from './families/registry.ts';
import type { Family } from './families/family.ts';
import type { ParsedQuestion, QuestionFamily } from './parsed-question.ts';
import { correctQuestion } from './truecase.ts';
import { roleReferent } from './role-referents.ts';
import { buildSlots, retrieveSentences, type ScoredSentence, type Slot } from './retrieve.ts';
import { centralNouns, personalReferent } from './story.ts';
import { candidateScore, type Candidate } from './extract/candidate.ts';
import { nearness } from './extract/nearness.ts';
import { preferOutcomes } from './extract/outcome.ts';
import { mainPartOfSpeech } from './wordnet.ts';
import { corroborate, toSupport, withSupport, type ValueGroup } from './corroborate.ts';
import { cite, sourceKeyFor } from './citations.ts';

/**
 * The ask pipeline: question → parse → retrieve → extract → corroborate → Answer with verbatim
 * citations. Deterministic: the same corpus and question always give the same answer.
 */

/** Options of {@link answerQuestion}. */
export interface AnswerOptions {
  /** The subject of the conversation's previous question, to resolve "it" and "they". */
  previousSubject?: string | null;
  /** Maximum citations (default 5). */
  maxCitations?: number;
  /**
   * Answer however little of the question the best evidence covers, for calibrating the families'
   * bars (`newsdesk eval --calibrate`); never for users.
   */
  ungated?: boolean;
}

/** An answer plus what the conversation should remember. */
export interface AnswerResult {
  answer: Answer;
  /** The subject of this question, for the next one ("it"). */
  subject: string | null;
}

/** Sentences below this relevance are not read for answers. */
const MIN_SENTENCE_RELEVANCE = 0.45;
/** Related passages are offered only when they cover at least this share of the question. */
const MIN_RELATED_RELEVANCE = 0.4;
/**
 * Candidates must come from sentences at least this share as relevant as the best candidate's (0.85, was
 * 0.65: re-chosen on dev and val, where it gained 8 questions; it answers a few more unanswerable ones).
 */
const RELATIVE_RELEVANCE = 0.85;
/** Candidates from sentences at least this share as relevant as the best may support a value chosen on stronger ones. */
const SUPPORTING_RELEVANCE = 0.65;
/** How many sentences the extractors read. */
const READ_SENTENCES = 30;
const DEFAULT_MAX_CITATIONS = 5;

/**
 * Answers a question about the corpus with cited, verbatim quotes.
 * @param index - the opened corpus
 * @param question - a validated question (see validateQuestion)
 * @example answerQuestion(index, 'who requested the call?').answer.answer // 'Russia'
 */
export function answerQuestion(index: CorpusIndex, question: string, options: AnswerOptions = {}): AnswerResult {
  return answerWithTrace(index, question, options).result;
}

/** What the pipeline saw on the way to an answer, for `newsdesk ask --explain` and tuning. */
export interface AnswerTrace {
  family: QuestionFamily;
  slots: { label: string; idf: number; terms: string[] }[];
  sentences: { source: string; relevance: number; text: string }[];
  candidates: {
    key: string;
    value: string;
    score: number;
    relevance: number;
    source: string;
  }[];
  /**
   * The best group's first sentence: its relevance, the slots it matched, and the lower bar a reading
   * lets it answer from (null: the family's own; see {@link barRelief}). Null when nothing was read.
   */
  winner: { relevance: number; matched: string[]; relief: number | null } | null;
  /** The values found, strongest first: their summed score, their best candidate's and how many sources give them. */
  groups: { value: string; score: number; best: number; sources: number }[];
}

/**
 * Answers a question and reports the pipeline's intermediate steps.
 * @example answerWithTrace(index, 'who requested the call?').trace.candidates[0].value // 'Russia'
 */
export function answerWithTrace(index: CorpusIndex, question: string, options: AnswerOptions = {}): { result: AnswerResult; trace: AnswerTrace } {
  const maxCitations = options.maxCitations ?? DEFAULT_MAX_CITATIONS;
  const previous = options.previousSubject ?? null;
  const corrected = correctQuestion(index, question);
  // "what did the Gartner guy say?": the person the coverage gives that role, by name.
  const referent = roleReferent(index, corrected);
  const text = referent ? corrected.replace(referent.phrase, referent.name) : corrected;
  let q = parseQuestion(text, previous);
  // "what did he say?", "what is his role?" after a question about someone: ask about them by name.
  const reask = familyOf(q.family).reask;
  if (previous && q.entity && isPronoun(q.entity) && reask) q = parseQuestion(reask(q, previous));
  // "when did he fail the drug test?" with nobody named before: the story's central person of that
  // pronoun; "how long was it?": the story's central nouns.
  const person = q.needsSubject && !previous ? personalReferent(index, q.text) : null;
  const central = q.needsSubject && !previous ? (person ? [{ word: person, weight: 1 }] : centralNouns(index).filter((n) => n.weight >= 0.8)) : [];
  const subjectWords = previous ? [{ word: previous, weight: 1 }] : central.map((n) => ({ word: n.word, weight: n.weight }));
  const slots = buildSlots(index, q, subjectWords);
  // Nothing below the related-passages bar is used, so it is not kept.
  const sentences = slots.length ? retrieveSentences(index, slots, cueTerms(q), MIN_RELATED_RELEVANCE) : [];
  const readable = sentences.filter((s) => s.relevance >= MIN_SENTENCE_RELEVANCE).slice(0, READ_SENTENCES);
  const family = familyOf(q.family);
  const restates = restatementOf(q);
  const extracted = preferOutcomes(preferNearQuestion(family.extract({ index, q, slots, sentences: readable }), slots), q.text, slots).filter(
    (c) => !restates(c),
  );
  // Candidates compete only with evidence nearly as relevant as the best: a sentence that covers the
  // whole question outweighs many that cover half of it. Weaker evidence still counts as support for
  // a value chosen so (other outlets that give it), never for choosing one.
  const bestRelevance = Math.max(0, ...extracted.map((c) => c.sentence.relevance));
  const supporting = extracted.filter((c) => c.sentence.relevance >= Math.max(MIN_SENTENCE_RELEVANCE, SUPPORTING_RELEVANCE * bestRelevance));
  // Different statements, topics or descriptions of a person are not contradictions.
  const regrouped = family.regroup ? family.regroup(supporting) : supporting;
  const candidates = regrouped.filter((c) => c.sentence.relevance >= RELATIVE_RELEVANCE * bestRelevance);
  const articleKey = sourceKeyFor(index);
  const keyOf = (c: Candidate): string => articleKey(c.sentence.article);
  const grouped = withSupport(corroborate(candidates, keyOf, family.conflicts), regrouped, keyOf);
  const winner = grouped.groups[0];
  const subject = nextSubject(
    q,
    previous,
    central.map((n) => n.word),
    winner,
  );
  const trace: AnswerTrace = {
    family: q.family,
    slots: slots.map((s) => ({
      label: s.label,
      idf: s.idf,
      terms: [...s.terms.keys()],
    })),
    sentences: readable.map((s) => ({
      source: s.article.id,
      relevance: s.relevance,
      text: s.text,
    })),
    candidates: candidates.map((c) => ({
      key: c.key,
      value: c.value,
      score: candidateScore(c),
      relevance: c.sentence.relevance,
      source: c.sentence.article.id,
    })),
    groups: grouped.groups.map((g) => ({ value: g.value, score: g.score, best: g.best, sources: g.members.length })),
    winner: winner
      ? {
          relevance: winner.members[0]!.sentence.relevance,
          matched: [...winner.members[0]!.sentence.matched],
          relief: barRelief(winner.members[0]!, family, slots, family.asksKind ? q.entity : null),
        }
      : null,
  };
  const bar = barWithRelief(family.minRelevance, trace.winner?.relief ?? null);
  if (!winner || (!options.ungated && winner.members[0]!.sentence.relevance < bar)) {
    return {
      result: { answer: notFound(question, sentences, maxCitations), subject },
      trace,
    };
  }
  const answer: Answer = {
    question,
    status: grouped.conflicting ? 'conflicting' : 'answered',
    answer: winner.value,
    confidence: Math.round(winner.members[0]!.sentence.relevance * 100) / 100,
    support: toSupport(grouped.groups),
    citations: citationsFor(grouped.groups, maxCitations, keyOf),
  };
  return { result: { answer, subject }, trace };
}

/**
 * How much of the question the winning candidate's sentence must cover: its family's bar
 * (`minRelevance`), or less when {@link barRelief} lets it.
 * @param kindAsked - the kind of thing the question asks for ("club" in "which club…"), which the sentence need not hold
 * @example answerBar(surelyReadDate, when, slots) // 0.45
 */
export function answerBar(best: Candidate, family: Family, slots: readonly Slot[], kindAsked: string | null = null): number {
  return barWithRelief(family.minRelevance, barRelief(best, family, slots, kindAsked));
}

/**
 * A bar, or the lower one a reading allows (see {@link barRelief}): what the winning sentence must
 * cover. Calibration scores other bars with the same rule.
 * @example barWithRelief(0.6, 0.45) // 0.45
 */
export function barWithRelief(bar: number, relief: number | null): number {
  return Math.min(bar, relief ?? 1);
}

/**
 * The lower bar some readings answer from, because the coverage words the rest of the question
 * otherwise (null: none applies): a sentence that itself holds every thing the question names (its
 * nouns and names: "how much did Chelsea pay for him originally?" answered by "Mutu joined Chelsea for
 * £15.8m"), where only the question's verbs and modifiers are missing; and a typed value the extractor
 * read surely (a construction that ties it to the question, confidence 0.9 or more).
 * @param kindAsked - the kind of thing the question asks for ("club" in "which club…"), which the sentence need not hold
 */
function barRelief(best: Candidate, family: Family, slots: readonly Slot[], kindAsked: string | null): number | null {
  // "which club did Chelsea buy him from?": the kind asked for is what the answer is, not a word it repeats.
  const kind = kindAsked?.split(/\s+/).at(-1)?.toLowerCase();
  const told = kind ? slots.filter((s) => s.label.toLowerCase() !== kind) : slots;
  if (holdsEveryThingNamed(best.sentence, told)) return MIN_SENTENCE_RELEVANCE;
  // (A sentence that holds only the kind asked, "Companies like Microsoft and Sony…", tells nothing of the question.)
  return family.typed && best.confidence >= SURE_CONFIDENCE && told.some((s) => best.sentence.matched.has(s.label)) ? SURE_ANSWER_RELEVANCE : null;
}

/**
 * True when the sentence itself holds every noun and name of the question. A name is a capitalised
 * word (the question is truecased first); a word WordNet lacks (a typo, slang) is not required.
 */
function holdsEveryThingNamed(sentence: ScoredSentence, slots: readonly Slot[]): boolean {
  return slots.every((s) => sentence.matched.has(s.label) || !(/^\p{Lu}/u.test(s.label) || mainPartOfSpeech(s.label) === 'noun'));
}

/** A typed value read this surely… */
const SURE_CONFIDENCE = 0.9;
/** …answers from this share of the question (0.5: chosen on dev and val, where it answered no unanswerable question more; 0.55 gained less). */
const SURE_ANSWER_RELEVANCE = 0.5;

/** Shortest question word whose longer forms in a value count as the question's own ("champ" of "championships"). */
const MIN_CUT_WORD = 5;

/**
 * Whether a candidate restates the question: a typed value made only of the question's own words
 * answers nothing. The question's words are gathered once, for all its candidates.
 */
function restatementOf(q: ParsedQuestion): (c: Candidate) => boolean {
  if (!familyOf(q.family).typed) return () => false;
  // ("World Cross Country Championships" restates "…the world cross country champs": a word the question cuts short is its own.)
  const asked = [...q.terms.keys()].filter((t) => t.length >= MIN_CUT_WORD);
  return (c) => {
    const terms = analyzeText(c.value);
    if (terms.length === 0 || !terms.every((t) => q.terms.has(t) || asked.some((a) => t.startsWith(a)))) return false;
    // ("Tokyo" for "…when the Japanese raised concerns": a city the question reaches only as its country's alias is a place it does not name.)
    const ownWords = terms.every((t) => (q.terms.get(t) ?? 0) >= 1);
    return ownWords || countryOf(c.value) === null || isCountryName(c.value);
  };
}

/**
 * Values next to the question's words are preferred, within a sentence ("a January 10 meeting,
 * followed by a Russia-Nato session on January 12") and across sentences.
 */
function preferNearQuestion(candidates: Candidate[], slots: readonly Slot[]): Candidate[] {
  return candidates.map((c) =>
    c.at === undefined
      ? c
      : {
          ...c,
          confidence: c.confidence * nearness(c.sentence.text, c.at, slots, c.mention.length),
        },
  );
}

/** Words that help find passages of the right kind for a family (low weight: they never answer alone). */
function cueTerms(q: ParsedQuestion): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of familyOf(q.family).cues ?? []) for (const t of analyzeText(w)) out.set(t, 0.3);
  return out;
}

/** Citations: the winning value's sources first, then the other values'; one per outlet, at most `max`. */
function citationsFor(groups: readonly ValueGroup[], max: number, sourceKey: (c: Candidate) => string): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (const m of g.members) {
      const k = sourceKey(m);
      if (seen.has(k) || out.length >= max) continue;
      seen.add(k);
      out.push(cite(out.length + 1, m.sentence));
    }
  }
  return out;
}

function notFound(question: string, sentences: readonly ScoredSentence[], max: number): Answer {
  const related: Citation[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    if (s.relevance < MIN_RELATED_RELEVANCE || related.length >= Math.min(3, max)) break;
    const k = s.article.outlet ?? s.article.id;
    if (seen.has(k)) continue;
    seen.add(k);
    related.push(cite(related.length + 1, s));
  }
  return { ...notFoundAnswer(question), related };
}

/**
 * The not_found answer with nothing in it: what a question the coverage cannot answer, or one that
 * cannot be asked, comes back as (callers add `related`, `storyChoices` or an `error`).
 * @example notFoundAnswer('who won?').status // 'not_found'
 */
export function notFoundAnswer(question: string): Answer {
  return {
    question,
    status: 'not_found',
    answer: null,
    support: [],
    citations: [],
  };
}

/**
 * What this question was about, for the next one: the previous subject when it leaned on a pronoun,
 * the central noun its answer mentions when it named nothing, else its own named things.
 */
function nextSubject(q: ParsedQuestion, previous: string | null, central: readonly string[], winner: ValueGroup | undefined): string | null {
  if (q.needsSubject) {
    if (previous) return previous;
    const text = winner?.members.map((m) => m.sentence.text.toLowerCase()).join(' ') ?? '';
    return central.find((w) => text.includes(w)) ?? central[0] ?? null;
  }
  if (q.entity && (q.family === 'said' || q.family === 'who_is')) return q.entity;
  if (q.family === 'about' && q.focus.length <= 4) return q.focus.join(' ');
  const words = determinedNouns(q.text).filter((w) => !QUESTION_NOUNS.has(w.toLowerCase()));
  if (q.countNoun) words.unshift(q.countNoun);
  return words.length ? [...new Set(words)].join(' ') : (q.focus[q.focus.length - 1] ?? null);
}

/** Nouns the question introduces with a determiner ("the call", "the Geneva talks") and names. */
function determinedNouns(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /\b(?:the|a|an|this|that|these|those)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?=\s*(?:$|[?,.]|\s+(?:in|on|at|of|with|between|for|to|and|be|is|was|were|are|will|take|held|happen)\b))/giu,
  )) {
    out.push(m[1]!);
  }
  return out;
}

/** Nouns that name what is asked ("the duration of the call"), not what it is about. */
const QUESTION_NOUNS = new Set([
  'duration',
  'length',
  'number',
  'date',
  'time',
  'day',
  'toll',
  'death toll',
  'total',
  'amount',
  'name',
  'role',
  'size',
  'cost',
]);

function isPronoun(w: string): boolean {
  return /^(he|she|they|it|him|her|them|this|that)$/i.test(w.trim());
}
