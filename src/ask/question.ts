import { hasVerbSense, mainPartOfSpeech } from './wordnet.ts';
import { analyzeTerm } from '../index/analyzer.ts';
import { CHANGE_QUESTION, MONEY_QUESTION, PERCENT_QUESTION, measureAsked, whichHead } from './question-shape.ts';
import { detectFamily, familyOf } from './families/registry.ts';
import type { ParsedQuestion, QuestionFamily } from './parsed-question.ts';
import { RELATION_SETS } from './lexicon.ts';
import { countryAliases } from './gazetteer.ts';

/**
 * Question parsing: which family a question belongs to (who, who is, when, how long, how many, where,
 * said, about), its focus words, the noun it counts ("how many troops"), the person whose words it asks
 * for ("what did Putin say"), and whether it leans on a pronoun ("how long was it?").
 */

/**
 * Parses a question.
 * @param text - a validated question
 * @param subject - words to use for a pronoun (the previous question's subject or the story's event)
 * @example parseQuestion('how long was it?', 'call').family // 'how_long'
 */
export function parseQuestion(text: string, subject: string | null = null): ParsedQuestion {
  const cleaned = text
    .trim()
    .replace(/[?!.]+$/, '')
    .replace(/^(hey |hi |ok |so |and |but |please )+/i, '')
    .replace(FILLER_PHRASES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "in its second week at the top, who did they keep down?", "when it went to no1, who got bumped?":
  // the question proper is read first, the clause that sets the scene after it.
  const lead = LEADING_CLAUSE.exec(cleaned);
  const q = lead ? `${cleaned.slice(lead[0].length)} ${lead[1]}` : cleaned;
  const lower = q.toLowerCase();
  const family = detectFamily(q);
  const countNoun = family === 'how_many' ? countedNoun(lower, q) : null;
  const entity = familyOf(family).entity?.(q) ?? null;
  const focus = focusWords(q, family);
  // A pronoun needs resolving only when the question names little else ("how long was it?", "when did
  // they last speak?"); "which bank said Yukos backdated documents to get its case heard" names enough.
  const specific = focus.filter((w) => !GENERIC_FOCUS.has(w.toLowerCase())).length;
  const needsSubject = (usesPronoun(lower) && specific < SELF_CONTAINED_FOCUS && !namedBeforePronoun(q)) || specific === 0;
  const terms = new Map<string, number>();
  addTerms(terms, focus, 1);
  if (needsSubject && subject) addTerms(terms, subject.split(/\s+/), 0.9);
  expand(terms, focus);
  return {
    text: q,
    family,
    focus,
    terms,
    countNoun,
    entity,
    scene: familyOf(family).scene?.(q) ?? null,
    needsSubject,
    answerKind: answerKindOf(lower),
  };
}

/**
 * A clause before the question proper, set off by a comma or a dash: not itself a question (it does
 * not open with a question word, or opens with "when" as a time, not "when did…").
 */
const LEADING_CLAUSE =
  /^(?!(?:who|whom|whose|what|which|where|why|how)\b|when (?:did|does|do|is|was|are|were|will|would|has|have|had)\b)([^,?]{4,120}?)\s*(?:,|\s[-–—])\s+(?=(?:who|whom|whose|what|which|when|where|why|how)\b)/i;

/**
 * The kind of thing a which/what question asks for: the head of the noun phrase it opens ("which radio
 * station did…" → station, "which film won…" → film); null otherwise.
 */
function answerKindOf(lower: string): string | null {
  if (!/^(?:which|what) /.test(lower) || /^what (?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|if|about|happened)\b/.test(lower)) return null;
  return whichHead(lower);
}

/**
 * The counted noun: the last word of the phrase after "how many" ("how many Russian soldiers are…" → soldiers).
 * @param cased - the question as truecased: a name after a common noun begins a clause ("the bid Morgan pulled")
 */
function countedNoun(lower: string, cased = lower): string | null {
  if (PERCENT_QUESTION.test(lower)) return 'percent';
  if (MONEY_QUESTION.test(lower)) return 'money';
  if (/\bhow much\b.*\b(%|percent|per cent)\b/.test(lower)) return 'percent';
  // "how much per share did they offer": a price.
  if (/\bhow much (?:per|a|an|each) /.test(lower)) return 'money';
  // "how much did the shares go up?", "how much did profit rise": a change, told as a percentage.
  if (CHANGE_QUESTION.test(lower)) return 'percent';
  // "how much of each 50p vote goes to the appeal?": a question that counts in money answers in it.
  if (/\bhow much\b/.test(lower) && /[$£€]\s?\d|\b\d+(?:\.\d+)?p\b|\b\d+(?:\.\d+)?\s?(?:pence|cents|dollars|pounds|euros)\b/.test(lower)) return 'money';
  const m =
    /\bhow (?:many|much)\s+((?:of\s+(?:the\s+)?(?:\d+\s+)?)?(?:[a-z][a-z-]*\s*){1,3})/.exec(lower) ??
    /\b(?:number|count|total) of\s+((?:[a-z][a-z-]*\s*){1,3})/.exec(lower) ??
    // "how big was the tax bill…": the size of the thing named.
    // ("how big was the 1998 settlement…": a year may describe it.)
    /\bhow (?:big|large|huge|high|small)\s+(?:is|was|are|were|will be)\s+(?:the|a|an|his|her|its|their|[a-z]+['’]s)\s+(?:(?:19|20)\d{2}\s+)?((?:[a-z][a-z-]*\s*){1,3})/.exec(
      lower,
    ) ??
    // "how big a fine could they get?", "how large a stake…": the size of the thing after the article.
    /\bhow (?:big|large|huge|high|small)\s+(?:a|an)\s+((?:[a-z][a-z-]*\s*){1,3})/.exec(lower);
  const words: string[] = [];
  // The words the question capitalises past its first (names, once truecased).
  const names = new Set((cased.match(/(?<=\s)\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase()));
  // "how big was the tax bill yukos got hit with": after the size's noun, a clause may begin with a
  // name WordNet does not know.
  const sizeOf = m !== null && /^how (?:big|large|huge|high|small)\b/.test(m[0]);
  // "how many of the 20 clubs…": the noun after the partitive.
  const phrase = (m?.[1] ?? '')
    .trim()
    .replace(/^of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?/, '')
    // "how much extra is Apple giving…": a difference is asked, and no noun named ("how much more money…" names one).
    .replace(/^(?:more|extra|additional|further|fewer|less)\b\s*/, '');
  const phraseWords = phrase.split(/\s+/);
  for (const [i, w] of phraseWords.entries()) {
    // Stop at the verb: an auxiliary, a preposition, a past form ("people died in…") or a word
    // WordNet mostly uses as a verb ("data fits on…") — unless an auxiliary follows it, which the
    // verb comes after ("how many davis cup matches did he win": matches).
    const beforeAuxiliary = /^(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could)$/.test(
      lower.slice(lower.indexOf(phrase)).split(/\s+/)[i + 1] ?? '',
    );
    // "how many couples end up in court": a word before a verb's particle is that verb.
    const phrasal = words.length > 0 && VERB_PARTICLES.has(phraseWords[i + 1] ?? '') && hasVerbSense(w);
    if (
      w === '' ||
      phrasal ||
      (words.length > 0 && VERB_PARTICLES.has(w)) ||
      AUXILIARIES.has(w) ||
      PRONOUNS.has(w) ||
      (words.length > 0 && (/^\w{2,}(ed|en)$/.test(w) || (!sizeOf && !beforeAuxiliary && mainPartOfSpeech(w) === 'verb')))
    )
      break;
    if (sizeOf && words.length > 0 && mainPartOfSpeech(w) === null) break;
    // "how big was the bid Morgan pulled", "how much was the fee Chelsea paid": a name after a common noun is the clause's subject.
    if (words.length > 0 && names.has(w) && !names.has(words.at(-1)!)) break;
    words.push(w);
  }
  const noun = words[words.length - 1] ?? null;
  if (noun) return noun;
  // "what were wmc's net profits for 2004": an amount of the measure asked about.
  const measure = measureAsked(lower);
  if (measure) return measure;
  if (/\bdeath toll\b/.test(lower)) return 'dead';
  if (/\bhow much\b/.test(lower)) return 'money';
  return null;
}

/** Particles that make a phrasal verb of the word before them ("end up", "sell off", "turn out"). */
const VERB_PARTICLES = new Set(['up', 'out', 'off', 'down', 'away', 'back', 'over']);

/** Content words: the question minus question words, auxiliaries and pronouns. */
/**
 * Contractions typed without their apostrophe ("hes", "didnt", "theyre"): function words, like the
 * contractions they stand for. Only forms that are not also words ("ill", "well", "were", "lets").
 */
const BARE_CONTRACTIONS = new Set([
  'hes',
  'shes',
  'theyre',
  'youre',
  'ive',
  'weve',
  'theyve',
  'youve',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'cant',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'hasnt',
  'havent',
  'hadnt',
  'whats',
  'wheres',
  'whos',
  'thats',
  'theres',
  'hows',
  'whens',
  'whys',
]);

function focusWords(q: string, family: QuestionFamily): string[] {
  const asking = familyOf(family).asking;
  const lower = q.toLowerCase();
  const words = q.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  return words
    .map((w) => w.replace(/[.]$/, ''))
    .filter((w) => {
      const l = w.toLowerCase();
      // "US" in capitals is the country, not the pronoun.
      const pronoun = PRONOUNS.has(l) && !(w.length > 1 && w === w.toUpperCase());
      if (QUESTION_WORDS.has(l) || AUXILIARIES.has(l) || pronoun || BARE_CONTRACTIONS.has(l)) return false;
      if (asking?.(l, lower)) return false;
      return analyzeTerm(w) !== null;
    });
}

/**
 * True when a possessive pronoun follows a name in the question itself ("where did Collins take her
 * appeal?", "when did Apple launch its phone?"): the question says whose.
 */
function namedBeforePronoun(q: string): boolean {
  const possessive = /\b(?:her|his|its|their)\b/i.exec(q);
  if (!possessive || usesPronoun(q.slice(0, possessive.index).toLowerCase())) return false;
  return /(?<=\s)\p{Lu}\p{Ll}/u.test(q.slice(0, possessive.index));
}

function usesPronoun(lower: string): boolean {
  return /\b(it|its|they|them|their|this|that|he|she|him|her|his)\b/.test(lower.replace(/\bthat\s+(is|was)\b/, ''));
}

function addTerms(terms: Map<string, number>, words: readonly string[], weight: number): void {
  for (const w of words) {
    for (const part of w.split(/[-\s]+/)) {
      const t = analyzeTerm(part);
      if (t !== null) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
    }
  }
}

/** Adds relation synonyms and country aliases of the focus words, at a lower weight. */
function expand(terms: Map<string, number>, focus: readonly string[]): void {
  for (const w of focus) {
    const l = w.toLowerCase();
    for (const set of RELATION_SETS) {
      if (!set.includes(l)) continue;
      addTerms(
        terms,
        set.filter((s) => s !== l),
        0.6,
      );
    }
    const aliases = countryAliases(w);
    if (aliases.length) addTerms(terms, aliases, 0.7);
  }
}

/** A question with this many specific words is about what it names, whatever pronouns it uses. */
const SELF_CONTAINED_FOCUS = 4;

/**
 * True for a word of the question's grammar ("how many", "did", "whose", "it"): what asks, not what
 * is asked about.
 * @example isQuestionWord('many') // true
 */
export function isQuestionWord(word: string): boolean {
  const l = word.toLowerCase();
  return QUESTION_WORDS.has(l) || AUXILIARIES.has(l) || PRONOUNS.has(l) || BARE_CONTRACTIONS.has(l);
}

/**
 * Phrases that say how the asker feels about the question, not what it is about ("so far", "in
 * total", "still", "back in 85": the year is the fact, "back" the asker's tone; "ended up buying": what
 * was bought), and chat's asides ("btw", "tbh", "pls").
 */
export const FILLER_PHRASES =
  /\b(so far|in total|altogether|in the first place|at all|actually|actual|exactly|roughly|approximately|ever|even|really|basically|at the moment|right now|at present|these days|nowadays|currently|now|still|back(?= (?:in|then)\b)|btw|by the way|fyi|tbh|imo|imho|pls|plz|please|lol|thx|thanks|anyway|anyways|end(?:s|ed|ing)? up|wind(?:s|ing)? up|wound up)\b/gi;

/** Focus words that name nothing on their own ("happen", "do"): a question with only these needs a subject. */
const GENERIC_FOCUS = new Set([
  'happen',
  'happened',
  'happening',
  'take',
  'took',
  'place',
  'last',
  'lasted',
  'go',
  'went',
  'held',
  'hold',
  'start',
  'started',
  'end',
  'ended',
  'begin',
  'began',
]);

const QUESTION_WORDS = new Set([
  'big',
  'large',
  'gonna',
  'wanna',
  'gotta',
  'whats',
  "what's",
  'hows',
  'whos',
  "who's",
  'wheres',
  'whens',
  'ya',
  'u',
  'pls',
  'plz',
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'which',
  'why',
  'how',
  'many',
  'much',
  'long',
  'tell',
  'me',
  'about',
  'explain',
  'describe',
  'please',
  'know',
  'anything',
  'something',
  'side',
  'ago',
]);
const AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'do',
  'does',
  'did',
  'done',
  'has',
  'have',
  'had',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'the',
  'a',
  'an',
  'there',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'and',
  'or',
  'got',
  'get',
  'gets',
  'getting',
]);
const PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'he', 'she', 'him', 'her', 'his', 'we', 'us', 'you', 'i']);
