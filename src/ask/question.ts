import { hasNounSense, mainPartOfSpeech } from './wordnet.ts';
import { analyzeTerm, irregularBase, isVerbForm } from '../index/analyzer.ts';
import { RELATION_SETS } from './lexicon.ts';
import { countryAliases } from './gazetteer.ts';

/**
 * Question parsing: which family a question belongs to (who, who is, when, how long, how many, where,
 * said, about), its focus words, the noun it counts ("how many troops"), the person whose words it asks
 * for ("what did Putin say"), and whether it leans on a pronoun ("how long was it?").
 */

/** The question families of DESIGN.md. */
export type QuestionFamily =
  | 'who'
  | 'who_is'
  | 'when'
  | 'what_time'
  | 'how_long'
  | 'how_many'
  | 'where'
  | 'said'
  | 'why'
  | 'how'
  | 'yes_no'
  | 'what_x'
  | 'about';

/** A parsed question. */
export interface ParsedQuestion {
  text: string;
  family: QuestionFamily;
  /** Content words of the question (surface forms, in order), question words and auxiliaries removed. */
  focus: string[];
  /** Analysed terms of the focus, each with a weight (1 for the question's own words, less for expansions). */
  terms: Map<string, number>;
  /** "how many X": the counted noun (surface form). */
  countNoun: string | null;
  /** "what did X say": the speaker; "who is X": the person or role asked about. */
  entity: string | null;
  /** The question uses a pronoun ("it", "they") or names nothing: its subject comes from context. */
  needsSubject: boolean;
  /** "which radio station did…" → station: the kind of thing the answer is, which the text need not repeat. */
  answerKind: string | null;
}

/**
 * Parses a question.
 * @param text - a validated question
 * @param subject - words to use for a pronoun (the previous question's subject or the story's event)
 * @example parseQuestion('how long was it?', 'call').family // 'how_long'
 */
export function parseQuestion(text: string, subject: string | null = null): ParsedQuestion {
  const q = text
    .trim()
    .replace(/[?!.]+$/, '')
    .replace(/^(hey |hi |ok |so |and |but |please )+/i, '')
    .replace(FILLER_PHRASES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = q.toLowerCase();
  const family = detectFamily(q);
  const countNoun = family === 'how_many' ? countedNoun(lower) : null;
  const entity = family === 'said' ? speakerOf(q) : family === 'who_is' ? whoIsTarget(q) : family === 'who' || family === 'what_x' ? whichNoun(lower) : null;
  const focus = focusWords(q, family);
  // A pronoun needs resolving only when the question names little else ("how long was it?", "when did
  // they last speak?"); "which bank said Yukos backdated documents to get its case heard" names enough.
  const specific = focus.filter((w) => !GENERIC_FOCUS.has(w.toLowerCase())).length;
  const needsSubject = (usesPronoun(lower) && specific < SELF_CONTAINED_FOCUS) || specific === 0;
  const terms = new Map<string, number>();
  addTerms(terms, focus, 1);
  if (needsSubject && subject) addTerms(terms, subject.split(/\s+/), 0.9);
  expand(terms, focus);
  return { text: q, family, focus, terms, countNoun, entity, needsSubject, answerKind: answerKindOf(lower) };
}

/**
 * The kind of thing a which/what question asks for: the head of the noun phrase it opens ("which radio
 * station did…" → station, "which film won…" → film); null otherwise.
 */
function answerKindOf(lower: string): string | null {
  if (!/^(?:which|what) /.test(lower) || /^what (?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|if|about|happened)\b/.test(lower)) return null;
  return whichHead(lower);
}

/** A question word that ends the question ("…for where again?"), as chat users ask. */
const ECHO_QUESTION = /\b(where|when|who|how many|how much|how long)(?:\s+(?:again|exactly|then|now|though))?\s*\??\s*$/;
const ECHO_FAMILIES: Record<string, QuestionFamily> = {
  where: 'where',
  when: 'when',
  who: 'who',
  'how many': 'how_many',
  'how much': 'how_many',
  'how long': 'how_long',
};

/** Finds the family of a lower-cased question. Order matters: "how long ago" is a when question. */
export function detectFamily(original: string): QuestionFamily {
  const lower = original.toLowerCase();
  // "boris is mp for where again?", "the auction was when?": the question word at the end asks.
  const echo = ECHO_QUESTION.exec(lower)?.[1];
  if (echo && !/^(?:who|what|when|where|which|why|how)\b/.test(lower)) return ECHO_FAMILIES[echo]!;
  // "did Biden threaten sanctions?", "is the Eiffel Tower closed?", "was Abdeslam arrested…?"
  if (
    /^(did|does|do|is|isn't|was|wasn't|are|aren't|were|weren't|has|hasn't|have|haven't|had|will|won't|would|can|could|should|didn't|doesn't|don't)\b/.test(
      lower,
    )
  )
    return 'yes_no';
  if (
    /^(why|how come)\b|\b(what|which)(?:'s|’s| was| is| were| are) the (reason|reasons|motive|purpose|cause)\b|\bfor what reason\b|^what (caused|prompted|led to|made)\b/.test(
      lower,
    )
  )
    return 'why';
  if (/\b(what|which) time\b/.test(lower)) return 'what_time';
  if (/\bhow long ago\b/.test(lower)) return 'when';
  if (/\b(how long|for how long|duration|length of time|how many (seconds|minutes|hours|days|weeks|months|years))\b/.test(lower)) return 'how_long';
  if (/\bhow (many|much)\b|\b(number|count|total) of\b|\bdeath toll\b|\bhow large\b|\bhow big\b/.test(lower)) return 'how_many';
  // "what fee did Liverpool pay?", "what share of output…", "what % of voters…": an amount.
  if (PERCENT_QUESTION.test(lower) || MONEY_QUESTION.test(lower)) return 'how_many';
  if (
    /^(when|since when|until when)\b|\b(what|which) (date|day|time|year|month|week)\b|\bwhat(?:'s|’s| is| was) the (date|deadline|day)\b|\bwhen (is|was|are|were|did|does|do|will|would)\b/.test(
      lower,
    )
  )
    return 'when';
  if (WHERE_QUESTION.test(lower)) return 'where';
  if (SAID.test(lower) || /\bhow did .+ (respond|react|reply)\b|\bwhat was .+['’]s (response|reaction|message|warning)\b/.test(lower)) return 'said';
  // "how did they identify him?", "how is Sony pitching it?": the manner (not "how many/much/long/big").
  if (/^how (did|does|do|is|was|were|are|has|have|had|will|would|can|could|might|may|should|must)\b/.test(lower)) return 'how';
  // "what's the name of the nanny…", "what is his guide dog called?": a name.
  if (NAME_OF.test(lower) || CALLED.test(lower)) return 'who';
  if (/^(who|whom|whose)\b/.test(lower)) return isWhoIs(original) ? 'who_is' : 'who';
  if (/\b(whose|whom)\b/.test(lower)) return 'who'; // "at whose request…", "by whom…"
  if (/^what (is|was) (his|her|their|its) (role|job|position|title)\b/.test(lower)) return 'who_is';
  if (
    /^(which|what) (side|country|countries|nation|person|people|group|official|officials|leader|man|woman|party|organi[sz]ation|agency|company|team|government)\b/.test(
      lower,
    )
  )
    return 'who';
  // "which band was playing…", "which ship detected…", "what airline operated…": a named thing of that kind.
  if (/^which [a-z-]+\b/.test(lower)) return 'who';
  // "what sanctions did Biden threaten?", "what guarantees does Russia want?": a noun phrase.
  if (opensNounPhrase(lower)) return 'what_x';
  if (/^what (is|was) .+['’]s (role|job|position|title)\b|^what does .+ do\b/.test(lower)) return 'who_is';
  return 'about';
}

/** Nouns of a place ("which city…", "what stadium…"). */
export const PLACE_KINDS: readonly string[] = [
  'city',
  'country',
  'place',
  'town',
  'venue',
  'location',
  'region',
  'area',
  'capital',
  'stadium',
  'airport',
  'port',
  'island',
  'constituency',
  'seat',
  'county',
  'state',
  'province',
  'district',
  'village',
  'suburb',
  'street',
  'neighbourhood',
  'neighborhood',
  'hospital',
  'prison',
  'ground',
  'arena',
  'base',
];
/** "where…", "which city is…", "in what town…", "…where was…". */
const WHERE_QUESTION = new RegExp(
  [
    '^where\\b',
    `^(which|what) (?:[a-z]+ )?(${PLACE_KINDS.join('|')}) (is|was|are|were|did|does|do|will|would|has|have|had|in|on|at|to|from)\\b`,
    '\\b(in|at|to) (what|which) (city|country|place|town|venue|location|region|area|part)\\b',
    '\\bwhere (is|was|are|were|did|does|do|will|would)\\b',
  ].join('|'),
);

const SAID =
  /^(?:according to [^,]+, )?(what|how) (did|does|do|has|have|had|will|would) .+? (say|said|warn|tell|announce|claim|state|add|reply|respond|describe|demand|want|ask|promise|threaten|propose|urge|insist|argue|stress|call|think|believe|mean|write|tweet|admit|deny|concede|reveal|confirm|explain)\b/;

/**
 * "who is Yuri Ushakov?" and "who is the Kremlin spokesman?" ask for a role or a name; "who was killed?"
 * and "who is responsible for X?" ask for an agent.
 */
function isWhoIs(question: string): boolean {
  const m = /^who(?:'s| is| was| are| were)\s+(.+)$/i.exec(question);
  if (!m) return false;
  const rest = m[1]!.trim();
  // "who was it that froze him out?": a cleft asks who did it.
  if (/^it (?:that|who)\b/i.test(rest)) return false;
  if (
    /^(the |a |an )?(\w+ ){0,3}(responsible|behind|in charge|leading|involved|accused|blamed|suspected|believed|thought|said|expected|going|set|due|likely)\b/i.test(
      rest,
    )
  )
    return false;
  // "who was killed", "who were arrested": a lower-case participle right after the verb asks for an agent.
  if (/^(?:\p{Ll}+ )?\p{Ll}+(ed|en)\b/u.test(rest) && !/^(the|a|an) /i.test(rest)) return false;
  // "who was reportedly drawing up a list…", "who is leading the talks": a verb in the progressive.
  const progressive = /^(?:\p{Ll}+ly )?(\p{Ll}{3,}ing)\b/u.exec(rest)?.[1];
  if (progressive && mainPartOfSpeech(progressive) === 'verb') return false;
  return true;
}

/** Auxiliaries that end the noun phrase a what-question opens ("what sanctions did…"). */
const PHRASE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'can', 'could']);

/**
 * "what sanctions did Biden threaten?", "what tv channel was he on?", "what german magazine reported…":
 * "what", one to three words of a noun phrase, then an auxiliary or a verb in the past.
 */
function opensNounPhrase(lower: string): boolean {
  const words = lower.split(/\s+/);
  if (words[0] !== 'what' || PHRASE_AUXILIARIES.has(words[1] ?? '')) return false;
  for (let i = 2; i <= 4 && i < words.length; i++) {
    const w = words[i]!;
    if (PHRASE_AUXILIARIES.has(w) || /^[a-z]+ed$/.test(w) || irregularBase(w) !== null) return /^[a-z-]+$/.test(words[1] ?? '');
  }
  return false;
}

/** The counted noun: the last word of the phrase after "how many" ("how many Russian soldiers are…" → soldiers). */
function countedNoun(lower: string): string | null {
  if (PERCENT_QUESTION.test(lower)) return 'percent';
  if (MONEY_QUESTION.test(lower)) return 'money';
  if (/\bhow much\b.*\b(%|percent|per cent)\b/.test(lower)) return 'percent';
  // "how much per share did they offer": a price.
  if (/\bhow much (?:per|a|an|each) /.test(lower)) return 'money';
  // "how much did the shares go up?", "how much did profit rise": a change, told as a percentage.
  if (CHANGE_QUESTION.test(lower)) return 'percent';
  const m =
    /\bhow (?:many|much)\s+((?:of\s+(?:the\s+)?(?:\d+\s+)?)?(?:[a-z][a-z-]*\s*){1,3})/.exec(lower) ??
    /\b(?:number|count|total) of\s+((?:[a-z][a-z-]*\s*){1,3})/.exec(lower) ??
    // "how big was the tax bill…": the size of the thing named.
    /\bhow (?:big|large|huge|high|small)\s+(?:is|was|are|were|will be)\s+(?:the|a|an|his|her|its|their)\s+((?:[a-z][a-z-]*\s*){1,3})/.exec(lower);
  const words: string[] = [];
  // "how big was the tax bill yukos got hit with": after the size's noun, a clause may begin with a
  // name WordNet does not know.
  const sizeOf = m !== null && /^how (?:big|large|huge|high|small)\b/.test(m[0]);
  // "how many of the 20 clubs…": the noun after the partitive.
  const phrase = (m?.[1] ?? '').trim().replace(/^of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?/, '');
  for (const w of phrase.split(/\s+/)) {
    // Stop at the verb: an auxiliary, a preposition, a past form ("people died in…") or a word
    // WordNet mostly uses as a verb ("data fits on…").
    if (w === '' || AUXILIARIES.has(w) || PRONOUNS.has(w) || (words.length > 0 && (/^\w{2,}(ed|en)$/.test(w) || (!sizeOf && mainPartOfSpeech(w) === 'verb'))))
      break;
    if (sizeOf && words.length > 0 && mainPartOfSpeech(w) === null) break;
    words.push(w);
  }
  const noun = words[words.length - 1] ?? null;
  if (noun) return noun;
  if (/\bdeath toll\b/.test(lower)) return 'dead';
  if (/\bhow much\b/.test(lower)) return 'money';
  return null;
}

/** "which band was playing…" → "band": the kind of thing asked for. */
function whichNoun(lower: string): string | null {
  const named = NAME_OF.exec(lower)?.[1] ?? CALLED.exec(lower)?.[1];
  if (named) return named;
  // "which is Britain's biggest union overall?" → union: the last noun of the phrase after the verb.
  const after = /^which (?:is|was|are|were) (.+)$/.exec(lower)?.[1];
  if (after)
    return (
      after
        .split(/\s+/)
        .reverse()
        .find((w) => mainPartOfSpeech(w.replace(/['’]s$/, '')) === 'noun') ?? null
    );
  // "which of their lawyers said…" → lawyers.
  const partitive = /^(?:which|what) of (?:the|their|his|her|its|these|those|our|your) ([a-z-]+)\b/.exec(lower)?.[1];
  return partitive ?? whichHead(lower);
}

/**
 * The head of the noun phrase a which/what question opens: its last noun before the verb ("which
 * state oil company ended up owning…" → company, "which radio station did…" → station, "which film
 * won…" → film).
 */
const PHRASE_PREPOSITIONS = new Set([
  'in',
  'of',
  'on',
  'at',
  'for',
  'from',
  'with',
  'by',
  'to',
  'about',
  'into',
  'over',
  'under',
  'behind',
  'that',
  'who',
  'which',
]);

function whichHead(lower: string): string | null {
  const words = /^(?:which|what) (.+)$/.exec(lower)?.[1]?.split(/\s+/) ?? [];
  const phrase: string[] = [];
  for (const w of words.slice(0, 4)) {
    const word = w.replace(/[?.!,]+$/, '');
    // The phrase ends at its verb, or at a preposition ("which department in Wales…").
    // A word mostly used as a verb may still be the head noun ("what tv show was…"), unless it reads
    // as a verb of the present ("which team wins…").
    const verb = isVerbForm(word) || (mainPartOfSpeech(word) === 'verb' && (!hasNounSense(word) || /s$/.test(word)));
    if (phrase.length > 0 && (PHRASE_AUXILIARIES.has(word) || PHRASE_PREPOSITIONS.has(word) || verb)) break;
    phrase.push(word);
    if (/[?.!,]$/.test(w)) break;
  }
  if (phrase.length === 0) return null;
  // The phrase's last word is its head when it can be a noun at all ("what tv show…"), else the last
  // word mostly used as one.
  const last = phrase.at(-1)!;
  if (phrase.length > 1 && hasNounSense(last)) return last;
  return [...phrase].reverse().find((w) => mainPartOfSpeech(w) === 'noun') ?? phrase[0]!;
}

/** "what's the name of the nanny" → nanny. */
const NAME_OF =
  /^(?:what(?:'s|’s| is| was)?|whats) (?:the )?(?:full )?name of (?:the |his |her |their |its |[a-z]+'s )?(?:[a-z-]+ ){0,2}?([a-z-]+)(?= (?:in|of|on|at|for|from|with|that|who|which|behind|involved|used)\b|\s*\??$)/;
/** "what is his guide dog called" → dog. */
/**
 * True when the question asks for a name ("what's the name of the nanny?", "what is his dog
 * called?"), not for who did the calling ("who called the attacks an act of war?").
 */
export function asksForName(question: string): boolean {
  const lower = question.toLowerCase();
  return NAME_OF.test(lower) || CALLED.test(lower);
}

const CALLED = /^(?:what(?:'s|’s| is| was| are| were)?|whats) (?:the |his |her |their |its |[a-z]+'s )?(?:[a-z-]+ )?([a-z-]+) (?:called|named)\b/;

function speakerOf(q: string): string | null {
  const m =
    /^(?:what|how) (?:did|does|do|has|have|had|will|would) (.+?) (?:say|said|warn|tell|announce|claim|state|add|reply|respond|describe|demand|want|ask|promise|threaten|propose|urge|insist|argue|stress|call|think|believe|mean|write|tweet)\b/i.exec(
      q,
    );
  const m2 = /how did (.+?) (?:respond|react|reply)\b/i.exec(q) ?? /what was (.+?)['’]s (?:response|reaction|message|warning)\b/i.exec(q);
  const who = (m ?? m2)?.[1]?.trim() ?? null;
  if (!who) return null;
  return who.replace(/^(the|a|an)\s+/i, (s) => s);
}

function whoIsTarget(q: string): string | null {
  if (/^what (?:is|was) (?:his|her|their|its) (?:role|job|position|title)\b/i.test(q)) return 'they';
  const m =
    /^who(?:'s| is| was| are| were)\s+(.+)$/i.exec(q) ?? /^what (?:is|was) (.+?)['’]s (?:role|job|position|title)/i.exec(q) ?? /^what does (.+?) do\b/i.exec(q);
  return m?.[1]?.trim() ?? null;
}

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
  const words = q.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  return words
    .map((w) => w.replace(/[.]$/, ''))
    .filter((w) => {
      const l = w.toLowerCase();
      if (QUESTION_WORDS.has(l) || AUXILIARIES.has(l) || PRONOUNS.has(l) || BARE_CONTRACTIONS.has(l)) return false;
      if (family === 'how_long' && (l === 'long' || l === 'duration')) return false;
      if (family === 'what_time' && l === 'time') return false;
      // "what's the name of…", "what is it called": the words that ask for a name name nothing.
      if (family === 'who' && /^(name|called|named)$/.test(l) && (NAME_OF.test(q.toLowerCase()) || CALLED.test(q.toLowerCase()))) return false;
      if (family === 'said' && /^(say|said|tell|told)$/.test(l)) return false;
      return analyzeTerm(w) !== null;
    });
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

/** "what share / what % …": a question whose answer is a percentage. */
/** "how much did X rise / go up / fall…" */
const CHANGE_QUESTION =
  /\bhow much (?:did|has|have|had|does|do|will|would)\b.*\b(?:rise|risen|fall|fallen|go up|gone up|go down|gone down|drop|dropped|increase|decrease|climb|jump|grow|grown|slump|surge|soar|tumble|slide|gain)\b/;
const PERCENT_QUESTION = /(?:^|\bby |\bat |\bto )(what|which) (%|percent|percentage|proportion|share|fraction|stake|rate)(?=\s|$)/;
/** "what fee / what price …", "what did Sky and BT pay for…": a question whose answer is an amount of money. */
const MONEY_QUESTION =
  /^(what|which) (fee|price|sum|amount|figure|salary|wage|fine|cost)\b|^what (?:did|does|do|will|would|has|have|had) (?:[\w'’.-]+ ){1,6}(?:pay|spend|cost|charge|earn|fetch|bid)\b/;

/** A question with this many specific words is about what it names, whatever pronouns it uses. */
const SELF_CONTAINED_FOCUS = 4;

/** Phrases that say how the asker feels about the question, not what it is about ("so far", "in total"). */
export const FILLER_PHRASES =
  /\b(so far|in total|altogether|in the first place|at all|actually|exactly|roughly|approximately|ever|even|really|basically|now)\b/gi;

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
