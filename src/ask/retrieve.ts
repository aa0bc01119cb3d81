import type { Article, Passage } from '../types.ts';
import type { CorpusIndex } from '../index/corpus-index.ts';
import { STOP_WORDS, analyzeTerm, analyzeText, irregularBase, isVerbForm } from '../index/analyzer.ts';
import { splitSentences } from '../text/sentences.ts';
import { NUMBER_WORDS, OPINION_VERBS, ORDINAL_WORDS, RELATION_SETS, SPEECH_VERBS } from './lexicon.ts';
import { countryAliases } from './gazetteer.ts';
import {
  antonyms,
  hasVerbSense,
  isDictionaryWord,
  isKindOf,
  mainPartOfSpeech,
  namesPersonOrBody,
  narrowerNouns,
  phrasalVerbs,
  relatedWords,
} from './wordnet.ts';
import { nameSpans } from './tokens.ts';
import { classifySpan } from './extract/entities.ts';
import { quoteSpeakers } from './quotes.ts';
import { abbreviationExpansions } from './abbreviations.ts';
import type { ParsedQuestion } from './parsed-question.ts';

/**
 * Retrieval: the question's focus words become slots (each word with its synonyms), the index finds
 * the best passages, and every sentence of those passages is scored by how much of the question it
 * covers (slot coverage weighted by rarity), with partial credit for words in the same paragraph or
 * the headline.
 */

/** One thing the question asks about: a word and the terms that can stand for it. */
export interface Slot {
  label: string;
  /** Analysed term → weight (1 for the word itself, less for synonyms and variants). */
  terms: Map<string, number>;
  /** Multi-word alternatives (an acronym's expansion): all their terms must be present. */
  phrases: { terms: string[]; weight: number }[];
  /** Rarity of the word in the corpus (inverse document frequency). */
  idf: number;
  /** True for the slot standing in for a pronoun (conversation subject or central nouns). */
  subject: boolean;
}

/** A sentence of a retrieved passage, with its place in the article and its relevance. */
export interface ScoredSentence {
  article: Article;
  passage: Passage;
  text: string;
  /** Offsets in `article.text`. */
  start: number;
  end: number;
  /** Share of the question the sentence covers, 0–1. */
  relevance: number;
  /** Slots present in the sentence itself. */
  matched: Set<string>;
  /** Rank of its passage in the search (0 = best). */
  rank: number;
  /** The article's sentence before this one, if any: whom a leading "he" or "she" stands for. */
  previous?: NeighbourSentence;
  /** The article's sentence after this one, if any: where a reason or an answer may follow. */
  next?: NeighbourSentence;
  /** Whoever speaks in the sentence when it is a quote that names no teller (see quotes.ts). */
  speaker?: SentenceSpeaker;
}

/** The speaker of a quoted sentence: their name, its analysed terms, and where the sentence naming them starts. */
export interface SentenceSpeaker {
  name: string;
  terms: ReadonlySet<string>;
  /** Offset in `article.text` of the sentence that names the speaker. */
  from: number;
}

/** A sentence next to a scored one: its text and offsets in `article.text`. */
export interface NeighbourSentence {
  text: string;
  start: number;
  end: number;
}

/** The words chat and headlines shorten to a letter after a figure ("3m", "2.5bn", "40k"). */
const MULTIPLIER_WORDS: Readonly<Record<string, string>> = { m: 'million', bn: 'billion', k: 'thousand' };

/** The weight of a common word the coverage never uses, as a share of the rarest word's. */
const UNUSED_WORD_IDF = 0.5;
/** How many passages to read sentences from. */
const PASSAGE_LIMIT = 40;
/** Weight of a WordNet derivation ("death" for "died"): the same concept in another part of speech (0.7 and 0.4 below were chosen on the dev stories). */
const DERIVATION_WEIGHT = 0.7;
/** Weight of a WordNet synonym of one of the word's first senses. */
const SYNONYM_WEIGHT = 0.4;
/** A related word in fewer passages than this is usable whatever the corpus size. */
const MIN_RELATED_POSTINGS = 20;
/** Share of a slot's credit when its word is in the sentence before or after, not the sentence itself. */
const NEIGHBOUR_CREDIT = 0.7;
/** …when the word names whoever speaks in a quote that does not name them ("It is market forces." after "Scudamore said"). */
const SPEAKER_CREDIT = 0.8;
/** …in the article's headline. */
const TITLE_CREDIT = 0.6;
/** …anywhere else in the article. */
const ARTICLE_CREDIT = 0.4;
/** Weight of a verb of the question against its nouns and names (0.7: chosen on the dev and val stories). */
const VERB_WEIGHT = 0.7;
/** A word before "to" and another word, not a determiner nor "be": it may frame the verb after it. */
const FRAMING = /\b([a-z]+)\s+to\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|be\b)[a-z]+/g;
/** A word before a gerund ("stopped taking", "end up writing"): it may frame the gerund's action. */
const FRAMING_GERUND = /\b([a-z]+)\s+(?:up\s+)?([a-z]{3,}ing)\b/g;
/** Weight of a verb that frames another ("manage to get"): 0.1, chosen on dev and val (0.25 and 0.35 gained less, nothing at all answered an unanswerable val question). */
const FRAMING_WEIGHT = 0.1;
/** What a word the coverage writes joined to its neighbour ("webpages" for "web pages") counts for each of the two. */
const COMPOUND_WEIGHT = 0.9;
/** Weight of a word's opposite in a yes/no question ("low" for "high"). */
const OPPOSITE_WEIGHT = 0.7;
/** "who's the lawyer for…", "who was the california official that…": the role a who-question asks a name for. */
const ROLE_ASKED =
  /^who(?:'s|’s|s| is| was| are| were)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)(?=\s+(?:for|of|that|who|which|at|in|on|behind|with)\b|\s*\??$)/;
/** What a narrower kind of the person or body asked for counts ("solicitor" for "lawyer"). */
const NARROWER_WEIGHT = 0.7;
/** Weight of the word that names the kind of answer asked for ("which radio station" → station). */
const ANSWER_KIND_WEIGHT = 0.7;

/**
 * Builds the slots of a question.
 * @param subject - words standing for a pronoun, each with a weight (conversation subject or central nouns)
 */
export function buildSlots(index: CorpusIndex, q: ParsedQuestion, subject: { word: string; weight: number }[]): Slot[] {
  const slots = new Map<string, Slot>();
  const n = Math.max(1, index.passageCount);
  const idfOf = (term: string): number => Math.log(1 + n / (1 + index.documentFrequency(term)));
  const specific = q.focus.filter((w) => !GENERIC_WORDS.has(w.toLowerCase()));
  // "…after the Budd report came out?", "…when she won?": a clause of time sets the scene; the words
  // before it say what is asked. So do the words a family reads as placing its question (q.scene).
  const sceneWords = new Set(
    [SCENE_CLAUSE.exec(q.text)?.[1], q.scene].filter((t): t is string => !!t).flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)),
  );
  const frames = framingWords(q.text);
  const kindAsked = q.answerKind ?? ROLE_ASKED.exec(q.text.toLowerCase())?.[1] ?? null;
  for (const word of specific.length ? specific : q.focus) {
    for (const part of word.split(/[-\s]+/)) {
      const term = analyzeTerm(part);
      if (term === null || slots.has(term)) continue;
      const terms = new Map<string, number>([[term, 1]]);
      const add = (t: string, w: number): void => {
        if ((terms.get(t) ?? 0) < w) terms.set(t, w);
      };
      const lower = part.toLowerCase();
      // A name ("Bill Conti") is not the common word it spells ("bill" → "pay"): synonyms are for common words.
      const name = /^\p{Lu}/u.test(part) && part !== part.toUpperCase();
      if (!name) for (const syn of synonymsOf(part)) for (const t of analyzeText(syn)) add(t, 0.7);
      for (const alias of countryAliases(part)) for (const t of analyzeText(alias)) add(t, 0.85);
      if ((q.family === 'said' && SPEECH_VERBS.includes(lower)) || OPINION_VERBS.includes(lower))
        for (const v of SPEECH_VERBS) for (const t of analyzeText(v)) add(t, 0.6);
      for (const v of wordFormVariants(index, term)) add(v, 0.9);
      // "was awareness high?" is settled by "awareness was low": for a yes/no question a word's
      // opposite tells of the same thing (the family reads it as a denial).
      if (q.family === 'yes_no' && !name) for (const a of antonyms(part)) for (const t of analyzeText(a)) add(t, OPPOSITE_WEIGHT);
      // "4th" and "fourth", "2" and "two" are one number: a question types figures where the coverage
      // spells small numbers out, and the other way round.
      for (const v of numberSpellings(lower)) add(v, 0.9);
      // WordNet bridges the question's words to the coverage's ("quit" → "resign", "die" → "death"),
      // for common words only (names are not in it), keeping terms the coverage uses but not everywhere.
      // "who's the lawyer for the men?" answered by "the men's solicitor Matthew Knight": the kind of person
      // or body asked for is named by its narrower kinds too (WordNet's hyponyms), single words only.
      if (lower === kindAsked && namesPersonOrBody(lower))
        for (const w of narrowerNouns(lower)) if (!w.includes(' ')) for (const t of analyzeText(w)) if (index.documentFrequency(t) > 0) add(t, NARROWER_WEIGHT);
      if (!/^\p{Lu}/u.test(part)) {
        const related = relatedWords(part);
        const usable = (t: string): boolean => {
          const df = index.documentFrequency(t);
          return df > 0 && df <= Math.max(COMMON_SHARE * n, MIN_RELATED_POSTINGS);
        };
        for (const w of related.derivations) for (const t of analyzeText(w)) if (usable(t)) add(t, DERIVATION_WEIGHT);
        for (const w of related.synonyms) for (const t of analyzeText(w)) if (usable(t)) add(t, SYNONYM_WEIGHT);
      }
      if (/^\p{Lu}/u.test(part) && term.length >= 6) for (const [v, d] of index.similarTerms(term, 1)) if (d > 0) add(v, 0.85);
      // A name the question shortens ("Yugansk" for "Yuganskneftegas"): longer names it begins.
      if (/^\p{Lu}/u.test(part) && term.length >= 6) for (const v of index.termsStartingWith(term)) if (v.length >= term.length + 3) add(v, 0.85);
      // "IOC", "ATSB", and what chat users shorten ("bb" for Big Brother, "gb" for Great Britain).
      const phrases = abbreviationExpansions(index, part).map((words) => ({ terms: analyzeText(words), weight: 0.95 }));
      // "Firefox 1.0": the coverage's text is indexed as "1" and "0", so the figure is found as those terms together.
      const pieces = analyzeText(part);
      if (pieces.length > 1) phrases.push({ terms: pieces, weight: 1 });
      // "a $3m cap" where the coverage writes "$3 million": the figure with its multiplier spelt out.
      const multiplied = /^[$£€]?(\d+(?:\.\d+)?)(m|bn|k)$/i.exec(part);
      if (multiplied) phrases.push({ terms: [...analyzeText(multiplied[1]!), ...analyzeText(MULTIPLIER_WORDS[multiplied[2]!.toLowerCase()]!)], weight: 0.95 });
      // (As rare as its rarest piece: the figure itself is never indexed.)
      const ownIdf = pieces.length > 1 && index.documentFrequency(term) === 0 ? Math.max(...pieces.map(idfOf)) : idfOf(term);
      const countedGeneric = q.family === 'how_many' && q.countNoun === lower && GENERIC_COUNTED.has(lower);
      // "the two leaders": a small number word describes, it rarely decides which sentence answers.
      const weak = countedGeneric || NUMBER_WORDS[lower] !== undefined;
      const inScene = sceneWords.has(lower) && specific.some((w) => !sceneWords.has(w.toLowerCase()));
      // "which radio station…": the answer is a station, and the text that names it seldom says so.
      const kind = q.answerKind === lower ? ANSWER_KIND_WEIGHT : 1;
      // A common word the coverage never uses, in any form or synonym ("buy" where it says "signing"),
      // is the asker's wording, not a fact the coverage lacks: it weighs as a common word does. A name
      // the coverage never mentions keeps its weight (the question is likely about something absent).
      const unused =
        !/^\p{Lu}/u.test(part) &&
        [...terms.keys()].every((t) => index.documentFrequency(t) === 0) &&
        !(pieces.length > 1 && pieces.every((t) => index.documentFrequency(t) > 0));
      // An adverb ("reportedly", "apparently", "originally") says how the asker holds the question,
      // seldom what it is about: it weighs as a common word, though its adjective may still match.
      const adverb = /^\p{Ll}+ly$/u.test(part) && mainPartOfSpeech(part) === null && isDictionaryWord(part);
      // The asker's verb is the word the coverage most often says otherwise ("knocked out" for "lost
      // to", "backing" for "sponsorship"): the names and nouns tell more which sentence answers.
      const verb = !/^\p{Lu}/u.test(part) && (isVerbForm(part) || mainPartOfSpeech(part) === 'verb');
      // A verb that frames another ("manage to get inside") weighs little: the coverage tells the action.
      const framing = verb && frames.has(lower);
      slots.set(term, {
        label: part,
        terms,
        phrases,
        idf:
          Math.max(0.2, unused || adverb ? Math.min(ownIdf, UNUSED_WORD_IDF * Math.log(1 + n)) : ownIdf) *
          (weak ? 0.3 : 1) *
          (inScene ? SCENE_WEIGHT : 1) *
          kind *
          (verb ? VERB_WEIGHT : 1) *
          (framing ? FRAMING_WEIGHT : 1),
        subject: false,
      });
    }
  }
  // "web pages" where the coverage writes "webpages", "sound track" for "soundtrack": two words the
  // question types apart are one the coverage uses, which counts for both.
  const typed = q.text.match(/[\p{L}]+/gu) ?? [];
  for (let i = 0; i + 1 < typed.length; i++) {
    const joined = analyzeTerm(`${typed[i]}${typed[i + 1]}`.toLowerCase());
    if (joined === null || index.documentFrequency(joined) === 0) continue;
    for (const w of [typed[i]!, typed[i + 1]!]) {
      const t = analyzeTerm(w);
      const slot = t === null ? undefined : slots.get(t);
      if (slot && (slot.terms.get(joined) ?? 0) < COMPOUND_WEIGHT) slot.terms.set(joined, COMPOUND_WEIGHT);
    }
  }
  // "step down", "booted out", "get rid of": a phrasal verb is one word of the question, which WordNet
  // relates to the coverage's ("resign", "oust", "remove"); its particle is no word of its own.
  const words = q.text.toLowerCase().match(/[\p{L}]+(?:['’][\p{L}]+)?/gu) ?? [];
  for (const phrasal of phrasalVerbs(words)) {
    const own = words
      .slice(phrasal.from, phrasal.to)
      .map((w) => analyzeTerm(w))
      .filter((t): t is string => t !== null && slots.has(t));
    const host = own[0] === undefined ? undefined : slots.get(own[0]);
    if (!host) continue;
    for (const t of own.slice(1)) slots.delete(t);
    for (const w of phrasal.related)
      for (const t of analyzeText(w.replace(/-/g, ' ')))
        if (index.documentFrequency(t) > 0 && (host.terms.get(t) ?? 0) < DERIVATION_WEIGHT) host.terms.set(t, DERIVATION_WEIGHT);
  }
  if (q.needsSubject && subject.length) {
    const terms = new Map<string, number>();
    for (const s of subject) {
      for (const t of analyzeText(s.word)) if (!slots.has(t)) terms.set(t, Math.max(terms.get(t) ?? 0, s.weight));
      for (const syn of synonymsOf(s.word)) for (const t of analyzeText(syn)) if (!slots.has(t) && !terms.has(t)) terms.set(t, 0.7 * s.weight);
    }
    if (terms.size) {
      const mean = slots.size ? [...slots.values()].reduce((a, s) => a + s.idf, 0) / slots.size : 1.5;
      slots.set('\u0000subject', {
        label: subject.map((s) => s.word).join(' '),
        terms,
        phrases: [],
        idf: Math.max(1, mean),
        subject: true,
      });
    }
  }
  return [...slots.values()];
}

/**
 * The words of a question that may frame the action it asks about: the word before "to" and another
 * word ("manage to get inside", "expected to fetch", "try to merge"; not before a noun phrase, "talk to
 * the press", nor "be", "asked to be tested"), and a verb before a gerund ("stopped taking bets", "keep
 * paying", "end up writing"). Only those that are verbs count (buildSlots checks).
 * @example framingWords('how did they manage to get inside?') // Set { 'manage' }
 */
export function framingWords(question: string): Set<string> {
  const lower = question.toLowerCase();
  const frames = new Set([...lower.matchAll(FRAMING)].map((m) => m[1]!));
  for (const m of lower.matchAll(FRAMING_GERUND))
    if (!/^(?:is|was|are|were|be|been|being|am)$/.test(m[1]!) && (isVerbForm(m[1]!) || mainPartOfSpeech(m[1]!) === 'verb') && hasVerbSense(m[2]!))
      frames.add(m[1]!);
  // "bring charges", "hold talks", "make a complaint": a light verb before a noun of action leaves
  // the action to the noun, and the coverage pairs the noun with another verb ("press charges").
  for (const m of lower.matchAll(LIGHT_VERB_OBJECT)) {
    const base = irregularBase(m[1]!) ?? analyzeTerm(m[1]!);
    if (base !== null && LIGHT_VERBS.has(base) && hasVerbSense(m[2]!)) frames.add(m[1]!);
  }
  return frames;
}

/** Verbs that lend a noun of action its verb ("bring charges", "take action", "give evidence"), as their base forms and analysed terms. */
const LIGHT_VERBS = new Set(['bring', 'give', 'hold', 'lodge', 'file', 'press', 'lay'].flatMap((v) => [v, analyzeTerm(v)!]));
/** A verb, then its object: a determiner at most, then a noun. */
const LIGHT_VERB_OBJECT = /\b([a-z]+)(?=\s+(?:(?:a|an|the|his|her|its|their|any|some)\s+)?([a-z]{3,})\b)/g;

const ORDINAL_SUFFIX = (n: number): string => (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
/**
 * Each spelling of a small number → its other spelling ("4th" ↔ "fourth", "2" ↔ "two"), one to
 * twenty, from the lexicon's number and ordinal words ("a", "an" and "dozen" are no spelling of one).
 */
const OTHER_SPELLING = new Map<string, string>(
  ORDINAL_WORDS.flatMap((ordinal, i) => {
    const n = i + 1;
    const cardinal = Object.keys(NUMBER_WORDS).find((w) => NUMBER_WORDS[w] === n && !['a', 'an', 'dozen'].includes(w))!;
    const nth = `${n}${ORDINAL_SUFFIX(n)}`;
    return [
      [String(n), cardinal],
      [cardinal, String(n)],
      [nth, ordinal],
      [ordinal, nth],
    ] as [string, string][];
  }),
);

/**
 * The other spelling of a small whole number or ordinal: "4th" → fourth, "two" → 2; and the year a
 * chat user writes with two digits ("that 98 deal", "the '05 season") → 1998, 2005.
 */
function numberSpellings(word: string): string[] {
  const other = OTHER_SPELLING.get(word);
  const year = /^['’]?(\d\d)$/.exec(word)?.[1];
  const century = year === undefined ? null : Number(year) >= 30 ? '19' : '20';
  // "the 70s", "the 1970s": a decade is its ten years ("in 1972").
  const decade = /^(?:['’]|(19|20))?(\d)0s$/.exec(word);
  const decadeCentury = decade ? (decade[1] ?? (Number(decade[2]) >= 3 ? '19' : '20')) : null;
  const years = decade ? Array.from({ length: 10 }, (_, i) => `${decadeCentury}${decade[2]}${i}`) : [];
  return [...(other ? [other] : []), ...(century ? [`${century}${year}`] : []), ...years];
}

/**
 * Finds and scores the sentences that may answer a question.
 * @param cueTerms - extra analysed terms that help find passages of the right kind ("minutes" for how long), with small weights
 * @param minRelevance - sentences covering less of the question are left out
 * @returns sentences, most relevant first
 */
export function retrieveSentences(
  index: CorpusIndex,
  slots: readonly Slot[],
  cueTerms: ReadonlyMap<string, number> = new Map(),
  minRelevance = 0,
): ScoredSentence[] {
  const query = searchQuery(index, slots);
  for (const [t, w] of cueTerms)
    if (!query.has(t) && index.documentFrequency(t) <= Math.max(COMMON_SHARE * index.passageCount, MIN_COMMON_POSTINGS)) query.set(t, w);
  const hits = index.searchTerms(query, PASSAGE_LIMIT);
  const totalIdf = slots.reduce((a, s) => a + s.idf, 0) || 1;
  const out: ScoredSentence[] = [];
  hits.forEach((hit, rank) => {
    const article = analyseArticle(index, hit.article);
    const titleTerms = titleTermsOf(hit.article);
    const range = article.byPassage.get(hit.passage.key);
    if (!range) return;
    for (let i = range[0]; i < range[1]; i++) {
      const sentence = article.sentences[i]!;
      const before = article.sentences[i - 1];
      const after = article.sentences[i + 1];
      let covered = 0;
      const matched = new Set<string>();
      const referent = before ? referentTerms(sentence, before) : null;
      for (const slot of slots) {
        // "It lost 464,000 subscribers", "“…,” she told the audience": the pronoun's words count as the sentence's own.
        const inSentence = Math.max(
          credit(slot, sentence.terms),
          referent ? credit(slot, referent) : 0,
          sentence.speaker ? SPEAKER_CREDIT * credit(slot, sentence.speaker.terms) : 0,
        );
        if (inSentence > 0) matched.add(slot.label);
        // A sentence leans on its neighbours ("It lost 464,000 subscribers" after a sentence naming
        // AOL), its headline and its article: words found there count for part of the question.
        const near = Math.max(before ? credit(slot, before.terms) : 0, after ? credit(slot, after.terms) : 0);
        const best = Math.max(inSentence, NEIGHBOUR_CREDIT * near, TITLE_CREDIT * credit(slot, titleTerms), ARTICLE_CREDIT * credit(slot, article.terms));
        covered += best * slot.idf;
      }
      if (covered / totalIdf < minRelevance) continue;
      out.push({
        article: hit.article,
        passage: hit.passage,
        text: sentence.text,
        start: sentence.start,
        end: sentence.end,
        relevance: covered / totalIdf,
        matched,
        rank,
        // The analysed neighbours themselves (they hold text and offsets): nothing new is made per sentence.
        ...(before ? { previous: before } : {}),
        ...(after ? { next: after } : {}),
        ...(sentence.speaker ? { speaker: sentence.speaker } : {}),
      });
    }
  });
  out.sort((a, b) => b.relevance - a.relevance || a.rank - b.rank || a.start - b.start);
  return out;
}

/**
 * The corpus terms nearest to a term the corpus does not hold: within one edit for short words, two
 * for longer ones (MiniSearch's radix tree finds them), the closest and most used first, at most three.
 * Words of fewer than four letters are not corrected: too many words are one edit away.
 * @param maxDistance - edits allowed (default: two for words of seven letters or more, else one)
 */
export function spellingCorrections(index: CorpusIndex, term: string, maxDistance = term.length >= 7 ? 2 : 1): string[] {
  if (term.length < 4 || /^\d/.test(term)) return [];
  const found = [...index.similarTerms(term, maxDistance)].filter(([t, d]) => d > 0 && index.documentFrequency(t) > 0 && t[0] === term[0]);
  if (!found.length) return [];
  const nearest = Math.min(...found.map(([, d]) => d));
  return found
    .filter(([, d]) => d === nearest)
    .sort((a, b) => index.documentFrequency(b[0]) - index.documentFrequency(a[0]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([t]) => t);
}

/**
 * The word a misspelt word becomes with two neighbouring letters swapped, the commonest typo ("sya" →
 * "say", "teh" → "the", "requetsed" → "requested"), when the coverage uses it (or it is a function
 * word); null otherwise. One swap, whatever the word's length: a swap is one slip of the fingers
 * though edit distance counts it as two.
 * @example transposedWord(index, 'sya') // 'say'
 */
export function transposedWord(index: CorpusIndex, word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 3 || /\d/.test(lower)) return null;
  let best: string | null = null;
  let bestDf = 0;
  for (let i = 0; i + 1 < lower.length; i++) {
    if (lower[i] === lower[i + 1]) continue;
    const swapped = `${lower.slice(0, i)}${lower[i + 1]}${lower[i]}${lower.slice(i + 2)}`;
    if (STOP_WORDS.has(swapped)) return swapped;
    const term = analyzeTerm(swapped);
    const df = term === null ? 0 : index.documentFrequency(term);
    if (df > bestDf) {
      best = swapped;
      bestDf = df;
    }
  }
  return best;
}

/** Words of every relation set a word belongs to (one level: synonyms, not synonyms of synonyms). */
function synonymsOf(word: string): string[] {
  const lower = word.toLowerCase();
  // Multi-word synonyms ("call for") would leave only a misleading word after stop-word removal.
  return RELATION_SETS.filter((set) => set.includes(lower))
    .flat()
    .filter((syn) => !syn.includes(' '));
}

/** A trailing clause or phrase of time in a question ("after the report came out", "when she won", "on the first day of the ban"). */
const SCENE_CLAUSE =
  /\b(?:after|before|when|since|while|during|following|once|on the(?= (?:first|second|third|last|final|opening) (?:day|night|morning|evening|week|weekend|month|year)\b))\b(.+)$/i;
/** What a word of that clause weighs against the words of the question proper. */
const SCENE_WEIGHT = 0.5;

/** Counted nouns that say little on their own ("how many people…"): what happened to them matters more. */
const GENERIC_COUNTED = new Set(['people', 'persons', 'men', 'women', 'children', 'individuals']);

/** Focus words that add nothing when the question has others ("where will the talks be held?"). */
const GENERIC_WORDS = new Set(['happen', 'happened', 'happening', 'take', 'took', 'place', 'held', 'hold', 'go', 'went', 'occur', 'occurred', 'get', 'got']);

/** Terms of a slot sent to the index at most (the sentence scoring still uses them all). */
const QUERY_TERMS_PER_SLOT = 5;
/** Expansion terms found in more than this share of passages are too common to help find passages. */
const COMMON_SHARE = 0.03;
/** …but a term in fewer passages than this is always cheap enough to use. */
const MIN_COMMON_POSTINGS = 1000;

/**
 * The terms sent to the index: each slot's own term and its rarer expansions. Searching a term costs
 * in proportion to the passages holding it, and common words ("said") find nothing specific.
 */
function searchQuery(index: CorpusIndex, slots: readonly Slot[]): Map<string, number> {
  const query = new Map<string, number>();
  // Cost grows with the postings read, so the bound only bites on large corpora.
  const limit = Math.max(COMMON_SHARE * index.passageCount, MIN_COMMON_POSTINGS);
  for (const slot of slots) {
    const weight = slot.subject ? 0.8 : 1;
    const ranked = [...slot.terms.entries()]
      .map(([t, w]) => ({ t, w, df: index.documentFrequency(t) }))
      .filter((x) => x.df > 0 && (x.w >= 1 || x.df <= limit))
      .sort((a, b) => b.w - a.w || a.df - b.df || (a.t < b.t ? -1 : 1))
      .slice(0, QUERY_TERMS_PER_SLOT);
    for (const { t, w } of ranked) query.set(t, Math.max(query.get(t) ?? 0, w * weight));
    for (const p of slot.phrases) for (const t of p.terms) if (!query.has(t)) query.set(t, p.weight * weight * 0.5);
  }
  return query;
}

/**
 * A third-person pronoun as the sentence's subject: leading ("It lost…", "She said…") or telling a
 * quote ("“…,” she told the audience").
 */
const SUBJECT_PRONOUN = new RegExp(`^[“"]?(?:It|He|She|They)\\b|[,.!?][”"]\\s*(?:he|she|they)\\s+(?:${SPEECH_VERBS.join('|')})\\b`);
const referentCache = new WeakMap<object, ReadonlySet<string> | null>();

/**
 * True when a sentence opens with a person told by what they are, then a verb: "The constitutional
 * affairs secretary outlined…", "The 25-year-old was banned…". News names a person, then goes on so.
 */
function describesPersonFirst(text: string): boolean {
  const words = /^The\s+((?:[\p{Ll}\d-]+\s+){1,5})/u.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  for (let i = 0; i + 1 < words.length; i++) {
    const head = words[i]!;
    const next = words[i + 1]!;
    const verb = isVerbForm(next) || /^(?:has|had|was|is|will|would|says)$/.test(next);
    if (verb) return /-year-old$/.test(head) || isKindOf(head, 'person');
  }
  return false;
}

/**
 * What a sentence's pronoun stands for: the terms of the subject of the sentence before, its first
 * name ("Hilary Swank picked up her second Oscar…" → hilari, swank); for a person told by what they
 * are ("The constitutional affairs secretary…"), the last full name of a person there ("…, Lord Falconer said.");
 * null when the sentence has neither or the sentence before names nobody.
 */
function referentTerms(sentence: { text: string }, before: { text: string }): ReadonlySet<string> | null {
  if (referentCache.has(sentence)) return referentCache.get(sentence)!;
  const subject = SUBJECT_PRONOUN.test(sentence.text)
    ? nameSpans(before.text)[0]
    : // …or the person the sentence before names in full, for "The constitutional affairs secretary outlined…".
      describesPersonFirst(sentence.text)
      ? lastFullName(before.text)
      : undefined;
  const terms = subject ? new Set(analyzeText(subject.text)) : null;
  referentCache.set(sentence, terms);
  return terms;
}

/** The last name of two words or more in a text, a person's if it has one ("Sprinter Michelle Collins has lodged an appeal … with the North American Court…"). */
function lastFullName(text: string): { text: string } | undefined {
  const full = nameSpans(text).filter((n) => n.text.includes(' '));
  return full.filter((n) => classifySpan(text, n).kind === 'person').at(-1) ?? full.at(-1);
}

/**
 * The share of the question a text covers by its own words (no neighbour or headline credit): for a
 * citation widened over several sentences, such as a quote and the sentence naming its teller.
 * @example textRelevance(slots, 'Mark Serwotka warned… “For a government that lectures everyone on choice…')
 */
export function textRelevance(slots: readonly Slot[], text: string): number {
  const terms = new Set(analyzeText(text));
  const total = slots.reduce((a, s) => a + s.idf, 0) || 1;
  return slots.reduce((a, s) => a + credit(s, terms) * s.idf, 0) / total;
}

function credit(slot: Slot, terms: ReadonlySet<string>): number {
  let best = 0;
  for (const [t, w] of slot.terms) if (w > best && terms.has(t)) best = w;
  for (const p of slot.phrases) if (p.weight > best && p.terms.every((t) => terms.has(t))) best = p.weight;
  return best;
}

/** Shortest term whose adjective or noun forms are looked for ("Iran" → "Iranian"). */
const MIN_FORM_STEM = 4;

/**
 * Other forms of a term that the corpus uses: adjective and noun forms of names ("Crimea" /
 * "Crimean", "Ukraine" / "Ukrainian"). Only forms that occur in the index are returned.
 */
function wordFormVariants(index: CorpusIndex, term: string): string[] {
  // A short word is not a name's stem: "da" (of "Da Vinci") is not "Dan".
  const forms = new Set<string>(term.length >= MIN_FORM_STEM ? [`${term}n`, `${term}an`, `${term}ian`] : []);
  for (const suffix of ['ian', 'an', 'n']) if (term.endsWith(suffix) && term.length - suffix.length >= 4) forms.add(term.slice(0, -suffix.length));
  forms.delete(term);
  return [...forms].filter((f) => index.documentFrequency(f) > 0);
}

interface AnalysedPassage {
  terms: Set<string>;
  sentences: { text: string; start: number; end: number; terms: Set<string> }[];
}

/**
 * The article's sentences after a scored one, in order (at most `count`): where a quote it opens runs on.
 * @example sentencesAfter(index, sentence, 2)[0].text // the sentence just after
 */
export function sentencesAfter(index: CorpusIndex, s: ScoredSentence, count: number): (NeighbourSentence & { speaker?: SentenceSpeaker })[] {
  const sentences = analyseArticle(index, s.article).sentences;
  const at = sentences.findIndex((x) => x.start === s.start);
  return at < 0 ? [] : sentences.slice(at + 1, at + 1 + count);
}

/**
 * The article's sentences before a scored one, in order (at most `count`, the nearest): where the
 * person a pronoun stands for was named.
 * @example sentencesBefore(index, sentence, 2).at(-1).text // the sentence just before
 */
export function sentencesBefore(index: CorpusIndex, s: ScoredSentence, count: number): NeighbourSentence[] {
  const sentences = analyseArticle(index, s.article).sentences;
  const at = sentences.findIndex((x) => x.start === s.start);
  return at < 0 ? [] : sentences.slice(Math.max(0, at - count), at);
}

/** Keyed by the passage object: a changed article gets new passage objects, so nothing goes stale. */
const passageCache = new WeakMap<Passage, AnalysedPassage>();

/** Sentences of a passage with their analysed terms (cached: the same passages answer many questions). */
export function analysePassage(p: Passage): AnalysedPassage {
  const cached = passageCache.get(p);
  if (cached) return cached;
  const sentences = splitSentences(p.text, p.start).map((s) => ({
    ...s,
    terms: new Set(analyzeText(s.text)),
  }));
  const terms = new Set<string>();
  for (const s of sentences) for (const t of s.terms) terms.add(t);
  const analysed = { terms, sentences };
  passageCache.set(p, analysed);
  return analysed;
}

/** An article's sentences in order with their analysed terms, and where each passage's sentences are. */
interface AnalysedArticle {
  terms: Set<string>;
  sentences: { text: string; start: number; end: number; terms: Set<string>; speaker?: SentenceSpeaker }[];
  /** Passage key → [first, end) sentence positions. */
  byPassage: Map<number, [number, number]>;
}

/**
 * Keyed by index, then by the article object: a changed article is a new object, so nothing goes
 * stale; and one article in two indexes (a story's own index) has different passage keys in each.
 */
const articleCache = new WeakMap<CorpusIndex, WeakMap<Article, AnalysedArticle>>();

/** The sentences of a whole article, from its passages' cached analysis. */
function analyseArticle(index: CorpusIndex, article: Article): AnalysedArticle {
  const forIndex = articleCache.get(index) ?? articleCache.set(index, new WeakMap()).get(index)!;
  const cached = forIndex.get(article);
  if (cached) return cached;
  const analysed: AnalysedArticle = {
    terms: new Set(),
    sentences: [],
    byPassage: new Map(),
  };
  for (const p of index.passagesOf(article.id)) {
    const from = analysed.sentences.length;
    const passage = analysePassage(p);
    analysed.sentences.push(...passage.sentences);
    for (const t of passage.terms) analysed.terms.add(t);
    analysed.byPassage.set(p.key, [from, analysed.sentences.length]);
  }
  // A quote that names no teller is its speaker's: "It is unscripted drama" after 'Scudamore said: "It is not.'.
  const speakers = quoteSpeakers(article.text, analysed.sentences);
  analysed.sentences = analysed.sentences.map((x, i) => {
    const who = speakers[i];
    return who ? { ...x, speaker: { name: who.name, terms: new Set(analyzeText(who.name)), from: analysed.sentences[who.namedIn]!.start } } : x;
  });
  forIndex.set(article, analysed);
  return analysed;
}

const titleCache = new WeakMap<Article, Set<string>>();

function titleTermsOf(a: Article): Set<string> {
  let t = titleCache.get(a);
  if (!t) {
    t = new Set(analyzeText(a.title));
    titleCache.set(a, t);
  }
  return t;
}
