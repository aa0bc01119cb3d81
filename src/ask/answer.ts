import { escapeRegExp } from '../text/patterns.ts';
import { LIGHT_VERBS, NON_NAME_CAPITALS } from './lexicon.ts';
import type { Answer, Citation } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { analyzeText, isVerbForm } from '../index/analyzer.ts';
import { PLACE_KINDS, parseQuestion, type ParsedQuestion } from './question.ts';
import { correctQuestion } from './truecase.ts';
import { buildSlots, retrieveSentences, textRelevance, type ScoredSentence, type Slot } from './retrieve.ts';
import { centralNouns } from './story.ts';
import { candidateScore, type Candidate } from './extract/candidate.ts';
import { extractDurations } from './extract/duration.ts';
import { extractQuantities } from './extract/quantity.ts';
import { extractDates, resolveWeekdays } from './extract/when.ts';
import { extractPlaces } from './extract/place.ts';
import { mainPartOfSpeech } from './wordnet.ts';
import { extractRoleHolders, extractRoles, isRoleTarget } from './extract/role.ts';
import { extractPronounStatements, extractStatements, extractToldQuotes } from './extract/statement.ts';
import { nearness } from './extract/nearness.ts';
import { preferOutcomes } from './extract/outcome.ts';
import { extractExplanations, extractReportedSpeech, extractYesNo } from './families/sentence-answers.ts';
import { extractNounPhrases } from './families/noun-phrase.ts';
import { extractClockTimes } from './families/clock-time.ts';
import { extractDescriptors } from './families/descriptor.ts';
import { extractWho, regroupAgents } from './families/who.ts';
import { clusterStatements, corroborate, toSupport, type ValueGroup } from './corroborate.ts';
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
}

/** An answer plus what the conversation should remember. */
export interface AnswerResult {
  answer: Answer;
  /** The subject of this question, for the next one ("it"). */
  subject: string | null;
}

/** Sentences below this relevance are not read for answers. */
const MIN_SENTENCE_RELEVANCE = 0.45;
/** The best supporting sentence must cover at least this share of the question to answer. */
const MIN_ANSWER_RELEVANCE = 0.6;
/** Related passages are offered only when they cover at least this share of the question. */
const MIN_RELATED_RELEVANCE = 0.4;
/** Candidates must come from sentences at least this share as relevant as the best candidate's. */
const RELATIVE_RELEVANCE = 0.65;
/** Families whose values are statements: different ones do not contradict each other. */
const STATEMENT_FAMILIES: ReadonlySet<string> = new Set(['said', 'about', 'why', 'how']);
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
  family: string;
  slots: { label: string; idf: number; terms: string[] }[];
  sentences: { source: string; relevance: number; text: string }[];
  candidates: { key: string; value: string; score: number; relevance: number; source: string }[];
  /** The best group's first sentence: its relevance and the slots it matched (null: no candidate). */
  winner: { relevance: number; matched: string[] } | null;
}

/**
 * Answers a question and reports the pipeline's intermediate steps.
 * @example answerWithTrace(index, 'who requested the call?').trace.candidates[0].value // 'Russia'
 */
export function answerWithTrace(index: CorpusIndex, question: string, options: AnswerOptions = {}): { result: AnswerResult; trace: AnswerTrace } {
  const maxCitations = options.maxCitations ?? DEFAULT_MAX_CITATIONS;
  const previous = options.previousSubject ?? null;
  const text = correctQuestion(index, question);
  let q = parseQuestion(text, previous);
  // "what did he say?", "what is his role?" after a question about someone: ask about them by name.
  if (previous && q.entity && isPronoun(q.entity)) {
    if (q.family === 'who_is') q = parseQuestion(`who is ${previous}?`);
    else if (q.family === 'said') q = parseQuestion(q.text.replace(new RegExp(`\\b${q.entity}\\b`, 'i'), previous));
  }
  const central = q.needsSubject && !previous ? centralNouns(index).filter((n) => n.weight >= 0.8) : [];
  const subjectWords = previous ? [{ word: previous, weight: 1 }] : central.map((n) => ({ word: n.word, weight: n.weight }));
  const slots = buildSlots(index, q, subjectWords);
  // Nothing below the related-passages bar is used, so it is not kept.
  const sentences = slots.length ? retrieveSentences(index, slots, cueTerms(q), MIN_RELATED_RELEVANCE) : [];
  const readable = sentences.filter((s) => s.relevance >= MIN_SENTENCE_RELEVANCE).slice(0, READ_SENTENCES);
  const extracted = preferOutcomes(preferNearQuestion(extract(index, q, slots, readable), slots), q.text, slots).filter((c) => !restatesQuestion(c, q));
  // Candidates compete only with evidence nearly as relevant as the best: a sentence that covers the
  // whole question outweighs many that cover half of it.
  const bestRelevance = Math.max(0, ...extracted.map((c) => c.sentence.relevance));
  const candidates = extracted.filter((c) => c.sentence.relevance >= Math.max(MIN_SENTENCE_RELEVANCE, RELATIVE_RELEVANCE * bestRelevance));
  // Different statements, topics or descriptions of a person are not contradictions.
  const valuesConflict = !STATEMENT_FAMILIES.has(q.family) && q.family !== 'who_is' && q.family !== 'what_x';
  const articleKey = sourceKeyFor(index);
  const keyOf = (c: Candidate): string => articleKey(c.sentence.article);
  const grouped = corroborate(
    STATEMENT_FAMILIES.has(q.family) ? clusterStatements(candidates) : q.family === 'who' ? regroupAgents(candidates) : candidates,
    keyOf,
    valuesConflict,
  );
  const winner = grouped.groups[0];
  const subject = nextSubject(
    q,
    previous,
    central.map((n) => n.word),
    winner,
  );
  const trace: AnswerTrace = {
    family: q.family,
    slots: slots.map((s) => ({ label: s.label, idf: s.idf, terms: [...s.terms.keys()] })),
    sentences: readable.map((s) => ({ source: s.article.id, relevance: s.relevance, text: s.text })),
    candidates: candidates.map((c) => ({
      key: c.key,
      value: c.value,
      score: candidateScore(c),
      relevance: c.sentence.relevance,
      source: c.sentence.article.id,
    })),
    winner: winner ? { relevance: winner.members[0]!.sentence.relevance, matched: [...winner.members[0]!.sentence.matched] } : null,
  };
  if (!winner || winner.members[0]!.sentence.relevance < MIN_ANSWER_RELEVANCE) {
    return { result: { answer: notFound(question, sentences, maxCitations), subject }, trace };
  }
  const answer: Answer = {
    question,
    status: grouped.conflicting ? 'conflicting' : 'answered',
    answer: winner.value,
    support: toSupport(grouped.groups),
    citations: citationsFor(grouped.groups, maxCitations, keyOf),
  };
  return { result: { answer, subject }, trace };
}

/** Runs the extractor of the question's family over the readable sentences. */
function extract(index: CorpusIndex, q: ParsedQuestion, slots: readonly Slot[], sentences: readonly ScoredSentence[]): Candidate[] {
  const out: Candidate[] = [];

  switch (q.family) {
    case 'how_long':
      for (const s of sentences) out.push(...extractDurations(s));
      break;
    case 'how_many': {
      const nounSlot = slots.find((s) => q.countNoun !== null && s.label.toLowerCase() === q.countNoun.toLowerCase()) ?? null;
      const partitive = /\bhow many of\b/i.test(q.text);
      for (const s of sentences)
        out.push(
          ...extractQuantities(
            s,
            nounSlot,
            q.countNoun,
            slots.filter((x) => x !== nounSlot),
            partitive,
          ),
        );
      return preferStatedAs(out, q.text);
    }
    case 'when':
      for (const s of sentences) out.push(...extractDates(s, /\bwhat time\b/i.test(q.text)));
      return preferDates(resolveWeekdays(out));
    case 'where': {
      const direction = /\b(from|depart(?:ed|ing|s)?|leave|left|origin(?:ate|ated)?)\b/i.test(q.text)
        ? 'from'
        : /\b(to|going|go|bound|heading|headed|destination|fly(?:ing)?)\b/i.test(q.text)
          ? 'to'
          : null;
      const countryWanted = /\b(which|what) (country|countries|nation|nations)\b/i.test(q.text);
      // "which island…", "what stadium…": the kind of place asked for (a country has its own test).
      const kind = q.answerKind && q.answerKind !== 'country' && PLACE_KINDS.includes(q.answerKind) ? q.answerKind : null;
      const asked = /\b(for|in|at|from|to|near|outside|inside|of)\s+where\b/i.exec(q.text)?.[1]?.toLowerCase() ?? null;
      for (const s of sentences) out.push(...extractPlaces(s, direction, countryWanted, kind, asked));
      break;
    }
    case 'who':
      out.push(...extractWho(index, q, slots, sentences));
      break;
    case 'who_is': {
      const target = q.entity ?? q.focus.join(' ');
      for (const s of sentences) out.push(...(isRoleTarget(target) ? extractRoleHolders(s, target) : extractRoles(s, target)));
      // No role word the lexicon knows: how the coverage describes the name ("married publisher Kimberly Quinn").
      if (!out.length && !isRoleTarget(target)) for (const s of sentences) out.push(...extractDescriptors(s, target));
      break;
    }
    case 'said': {
      // "what did boris say…": the coverage's full name of a first name ("Boris Johnson"), so that
      // "Mr Johnson said" counts.
      const speaker = q.entity ? fullNameOf(index, q.entity) : null;
      if (speaker)
        for (const s of sentences) out.push(...extractStatements(s, speaker), ...extractPronounStatements(s, speaker), ...extractToldQuotes(index, s, speaker));
      // Quotes the extractor cannot attribute word by word ("Asked if…, Scudamore said: "It is
      // not."") still answer when the sentence names the speaker and reports speech.
      if (q.entity) out.push(...extractReportedSpeech(sentences, q.entity));
      // A quote cited with the sentence that names its teller covers the speaker through it.
      // (A sentence's own words never cover more than its relevance, which counts them too.)
      for (const [i, c] of out.entries()) {
        const own = textRelevance(slots, c.sentence.text);
        if (own > c.sentence.relevance) out[i] = { ...c, sentence: { ...c.sentence, relevance: own } };
      }
      return q.entity ? preferOnTopicStatements(out, slots, q.entity) : out;
    }
    case 'what_time':
      for (const s of sentences) out.push(...extractClockTimes(s));
      break;
    case 'why':
    case 'how':
      return extractExplanations(sentences, q.family);
    case 'yes_no':
      return extractYesNo(sentences, q.text, predicateLabels(slots));
    case 'what_x': {
      if (!q.entity) break;
      const questionTerms = new Set([...q.terms.keys()]);
      for (const s of sentences) {
        out.push(...extractNounPhrases(s, q.entity, questionTerms));
        // "what airline operated the flight?": names given that kind count too.
        out.push(...extractRoleHolders(s, q.entity).map((c) => ({ ...c, confidence: c.confidence * 0.9 })));
      }
      break;
    }
    case 'about': {
      for (const s of sentences.slice(0, 20)) out.push(aboutCandidate(s, q));
      // "what is Inmarsat?": the description the coverage gives a name ("British satellite company Inmarsat").
      const name = q.focus.filter((w) => /^\p{Lu}/u.test(w)).join(' ');
      if (name) for (const s of sentences) out.push(...extractRoles(s, name).map((c) => ({ ...c, key: `about:${c.key}` })));
      break;
    }
  }
  return out;
}

/** Typed families whose value must add something to the question ("which island…" is not "Stade de France"). */
const TYPED_VALUE_FAMILIES: ReadonlySet<string> = new Set(['who', 'where', 'what_x', 'when', 'what_time', 'how_long', 'how_many']);

/** A typed value made only of the question's own words answers nothing. */
function restatesQuestion(c: Candidate, q: ParsedQuestion): boolean {
  if (!TYPED_VALUE_FAMILIES.has(q.family)) return false;
  const terms = analyzeText(c.value);
  return terms.length > 0 && terms.every((t) => q.terms.has(t));
}

/** Verbs too light or too general to be what a yes/no question asks about. */
const LIGHT_PREDICATES = new Set([...LIGHT_VERBS, 'say', 'said', 'says', 'tell', 'told', 'want', 'need']);

/**
 * The question's actions: its lower-case words that WordNet mostly uses as verbs ("offer", "invade"),
 * or verbs by their shape ("arrested") that it does not mostly use as nouns ("meeting"); light verbs
 * and verbs of saying aside.
 */
function predicateLabels(slots: readonly Slot[]): string[] {
  return (
    slots
      .filter((s) => !s.subject && /^\p{Ll}/u.test(s.label) && !LIGHT_PREDICATES.has(s.label.toLowerCase()))
      // "meeting" is a noun, "arrested" a verb: the shape alone does not tell.
      .filter((s) => mainPartOfSpeech(s.label) === 'verb' || (isVerbForm(s.label) && mainPartOfSpeech(s.label) !== 'noun'))
      .map((s) => s.label)
  );
}

/**
 * Values next to the question's words are preferred, within a sentence ("a January 10 meeting,
 * followed by a Russia-Nato session on January 12") and across sentences.
 */
function preferNearQuestion(candidates: Candidate[], slots: readonly Slot[]): Candidate[] {
  return candidates.map((c) => (c.at === undefined ? c : { ...c, confidence: c.confidence * nearness(c.sentence.text, c.at, slots, c.mention.length) }));
}

/**
 * Of a speaker's statements, those whose own words hold what the question asks about ("…about the
 * government's line on choice") count more than others the same sentence or its neighbours hold: a
 * sentence is relevant through its neighbours, a statement only through what it says.
 */
function preferOnTopicStatements(candidates: Candidate[], slots: readonly Slot[], speaker: string): Candidate[] {
  const speakerTerms = new Set(analyzeText(speaker));
  const topic = slots.filter((s) => !s.subject && ![...s.terms.keys()].some((t) => speakerTerms.has(t)));
  const total = topic.reduce((sum, s) => sum + s.idf, 0);
  if (total === 0) return candidates;
  return candidates.map((c) => {
    const said = new Set(analyzeText(c.value));
    const covered = topic.reduce((sum, s) => sum + Math.max(0, ...[...s.terms].map(([t, w]) => (said.has(t) ? w : 0))) * s.idf, 0);
    return { ...c, confidence: c.confidence * (1 - ON_TOPIC_WEIGHT + ON_TOPIC_WEIGHT * (covered / total)) };
  });
}

/** How much of a statement's weight depends on its own words holding the question's topic. */
const ON_TOPIC_WEIGHT = 0.5;

/**
 * The full name the coverage most often gives a lone capitalised first name ("Boris" → "Boris
 * Johnson"), or the name as asked.
 */
function fullNameOf(index: CorpusIndex, name: string): string {
  if (!/^\p{Lu}\p{Ll}+$/u.test(name)) return name;
  const term = analyzeText(name)[0];
  if (!term) return name;
  const counts = new Map<string, number>();
  const after = new RegExp(`\\b${name}\\s+(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)\\b`, 'gu');
  for (const hit of index.searchTerms(new Map([[term, 1]]), 20))
    for (const m of hit.passage.text.matchAll(after)) if (!NON_NAME_CAPITALS.has(m[1]!.toLowerCase())) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? `${name} ${best[0]}` : name;
}

/** What an amount counts when it is not stated the way the question asks ("per share", a change). */
const UNSTATED_FACTOR = 0.6;

/**
 * Amounts stated the way the question asks for them count more: "how much per share…" wants an amount
 * followed by "a share" / "per share" ("530 pence-a-share"), "how much did the shares go up…" a figure
 * told as a change ("were up 3.4%", "rose 5%"), not a stake ("owners of 5% of the shares").
 */
function preferStatedAs(candidates: Candidate[], question: string): Candidate[] {
  const perUnit = /\bhow much (?:per|a|an|each) ([a-z]+)/i.exec(question)?.[1];
  const change = CHANGE_WORDS.test(question);
  if (!perUnit && !change) return candidates;
  return candidates.map((c) => {
    if (c.at === undefined) return c;
    const text = c.sentence.text;
    const after = text.slice(c.at + c.mention.length, c.at + c.mention.length + 30);
    const before = text.slice(Math.max(0, c.at - 30), c.at);
    const stated = perUnit ? new RegExp(`^\\s*(?:-\\s*a\\s*-|a|an|per|each)\\s*(?:\\p{L}+\\s+)?${perUnit}`, 'iu').test(after) : CHANGE_BEFORE.test(before);
    return stated ? c : { ...c, confidence: c.confidence * UNSTATED_FACTOR };
  });
}

/** A question about a change ("go up", "rise", "fall"). */
const CHANGE_WORDS =
  /\b(?:rise|risen|rose|fall|fallen|fell|go up|gone up|went up|go down|went down|drop|dropped|increase|decrease|climb|jump|grow|grown|slump|surge|soar|tumble|slide|gain)\b/i;
/** A figure told as a change: "were up 3.4%", "rose by 5%", "a fall of 2%". */
const CHANGE_BEFORE =
  /\b(?:up|down|rose|fell|rising|falling|gained|lost|jumped|climbed|dropped|slipped|slid|surged|soared|tumbled|grew|increased|decreased|declined|added|shed|(?:rise|fall|drop|gain|jump|increase|decrease|decline|cut)\s+of)\s+(?:by\s+|almost\s+|nearly\s+|about\s+|around\s+|more\s+than\s+)?$/iu;

/** What a bare weekday ("on Friday") counts when the coverage also gives calendar dates. */
const BARE_WEEKDAY_FACTOR = 0.7;

/**
 * A calendar date answers "when" better than a bare weekday: a weekday no date was matched to counts
 * less once any candidate is a date.
 */
function preferDates(candidates: Candidate[]): Candidate[] {
  if (!candidates.some((c) => !c.key.startsWith('weekday:'))) return candidates;
  return candidates.map((c) => (c.key.startsWith('weekday:') ? { ...c, confidence: c.confidence * BARE_WEEKDAY_FACTOR } : c));
}

/**
 * "Tell me about X": the best sentences, the top one answering. A sentence that defines X ("X is a…",
 * "X, the…", "… (X)", "…, or X") is preferred.
 */
function aboutCandidate(s: ScoredSentence, q: ParsedQuestion): Candidate {
  const names = q.focus.filter((w) => /^\p{Lu}/u.test(w)).map(escapeRegExp);
  const subject = names.length ? names.join('\\W+(?:\\w+\\W+){0,2}?') : null;
  if (subject !== null) {
    // "Molenbeek, a district in Brussels known as a haven for extremists": the definition answers.
    const def = new RegExp(`\\b${subject}\\b(?:['’]s)?(?:,\\s+|\\s+(?:is|are|was|were)\\s+)((?:a|an|the)\\s[^,.;]{8,160})`, 'iu').exec(s.text);
    if (def) return { key: 'about:definition', value: def[1]!.trim(), mention: def[1]!.trim(), sentence: s, confidence: 1 };
    // "the Organization for Security and Cooperation in Europe, or OSCE": the expansion answers.
    const expansion = new RegExp(
      `([\\p{Lu}][\\p{L}-]*(?:\\s+(?:(?:of|for|and|the|in|on)\\s+)*[\\p{Lu}][\\p{L}-]*){1,8})(?:,\\s+or\\s+|\\s*\\(\\s*)${subject}\\b`,
      'u',
    ).exec(s.text);
    if (expansion) return { key: 'about:definition', value: expansion[1]!.trim(), mention: expansion[1]!.trim(), sentence: s, confidence: 1 };
  }
  return { key: `about:${s.article.id}:${s.start}`, value: s.text, mention: s.text, sentence: s, confidence: 0.8 };
}

/** Words that help find passages of the right kind for a family (low weight: they never answer alone). */
function cueTerms(q: ParsedQuestion): Map<string, number> {
  const cues: Record<string, string[]> = {
    how_long: ['minutes', 'hour', 'lasted', 'long'],
    when: ['scheduled', 'date'],
    where: ['held', 'venue'],
  };
  const out = new Map<string, number>();
  for (const w of cues[q.family] ?? []) for (const t of analyzeText(w)) out.set(t, 0.3);
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
  return { question, status: 'not_found', answer: null, support: [], citations: [] };
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
