import { hasNounSense, isMeasureNoun, mainPartOfSpeech } from './wordnet.ts';
import { isVerbForm } from '../index/analyzer.ts';

/**
 * What the shape of a question's words tells, for more than one family: the noun a which/what phrase
 * opens ("which radio station…" → station), whether it asks for a name, an amount of money or a
 * percentage.
 */

/** Auxiliaries that end the noun phrase a what-question opens ("what sanctions did…"). */
export const PHRASE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'can', 'could']);

/** "what's the name of the nanny" → nanny. */
const NAME_OF =
  /^(?:what(?:'s|’s| is| was)?|whats) (?:the )?(?:full )?name of (?:the |his |her |their |its |[a-z]+'s )?(?:[a-z-]+ ){0,2}?([a-z-]+)(?= (?:in|of|on|at|for|from|with|that|who|which|behind|involved|used)\b|\s*\??$)/;
/**
 * True when the question asks for a name ("what's the name of the nanny?", "what is his dog
 * called?"), not for who did the calling ("who called the attacks an act of war?").
 */
export function asksForName(question: string): boolean {
  const lower = question.toLowerCase();
  return NAME_OF.test(lower) || CALLED.test(lower);
}

/** "what is his guide dog called" → dog. */
const CALLED = /^(?:what(?:'s|’s| is| was| are| were)?|whats) (?:the |his |her |their |its |[a-z]+'s )?(?:[a-z-]+ )?([a-z-]+) (?:called|named)\b/;

/** Words before "of" that ask for a kind of what follows ("what sort of memory", "which make of car"). */
const SORT_WORDS = 'sort|kind|type|form|brand|make';

/** "which band was playing…" → "band": the kind of thing asked for. */
export function whichNoun(lower: string): string | null {
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

/** Words that end the noun phrase a which/what question opens ("which department in Wales…"). */
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

/**
 * The head of the noun phrase a which/what question opens: its last noun before the verb ("which
 * state oil company ended up owning…" → company, "which radio station did…" → station, "which film
 * won…" → film).
 */
export function whichHead(lower: string): string | null {
  // "what sort of memory…", "which type of engine…": the kind asked for follows "sort of".
  const words = new RegExp(`^(?:which|what) (?:(?:${SORT_WORDS}) of )?(.+)$`).exec(lower)?.[1]?.split(/\s+/) ?? [];
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

/**
 * A preposition left at the end of a who/which question, before at most a time phrase ("…from?",
 * "…talk to on Wednesday?").
 */
export const STRANDED_PREPOSITION =
  /\b(from|to|with|against|for|into|by|in|on|at|over|under|through|behind)\b(?=(?:\s+(?:on|in|at|last|this|during|before|after)\b[^,]*)?\s*[?.!]*\s*$)/;
/** Prepositions that introduce the same partner: one talks to or with someone. */
export const PREPOSITION_PEERS: Readonly<Record<string, readonly string[]>> = {
  to: ['to', 'with'],
  with: ['with', 'to'],
};

/** "what sort of…", "which kind of…": words that ask for a kind and name nothing the coverage says. */
export function asksForSort(word: string, lower: string): boolean {
  return new RegExp(`^(?:${SORT_WORDS})$`).test(word) && new RegExp(`^(?:which|what) ${word} of\\b`).test(lower);
}

/** "how much did X rise / go up / fall…" */
export const CHANGE_QUESTION =
  /\bhow much (?:did|has|have|had|does|do|will|would)\b.*\b(?:rise|risen|fall|fallen|go up|gone up|go down|gone down|drop|dropped|increase|decrease|climb|jump|grow|grown|slump|surge|soar|tumble|slide|gain)\b/;
/** "what share / what % …": a question whose answer is a percentage. */
export const PERCENT_QUESTION = /(?:^|\bby |\bat |\bto )(what|which) (%|percent|percentage|proportion|share|fraction|stake|rate)(?=\s|$)/;
/**
 * "what fee / what price …", "what did Sky and BT pay for…", "what's Absa worth…", "the most a
 * broadcaster could be fined…": a question whose answer is an amount of money.
 */
export const MONEY_QUESTION =
  /^(what|which) (fee|price|sum|amount|figure|salary|wage|fine|cost)\b|^what (?:did|does|do|will|would|has|have|had) (?:[\w'’.-]+ ){1,6}(?:pay|spend|cost|charge|earn|fetch|bid)\b|^what(?:'s|’s|s| is| was| are| were) (?:[\w'’.-]+ ){1,5}(?:worth|valued at)\b|\bthe (?:most|least|maximum|minimum|max)\b(?: [\w'’.-]+){1,6} (?:be )?(?:fined|paid|charged|earn|earned|cost)\b/;

/**
 * "who's the producer stan lee is partnering with…", "who's the senator pushing for a cap…": a
 * who-question whose kind ("producer", "senator") is told by what its holder does, in a clause right
 * after it with no "who" or "that". It asks for the holder, as "which producer…" does. Group 1 is the kind.
 */
export const KIND_TOLD_BY_CLAUSE =
  /^who(?:'s|’s|s| is| was| are| were)\s+(?:the|a|an)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:[a-z]{3,}ing\b|(?:[a-z'’-]+\s+){1,2}(?:is|are|was|were|has|had|have|will|would|did|does)\s+[a-z]{3,}(?:ing|ed)\b)/;

/** "what is / what was the … NOUN (of …)", "…NUMBER the tories are proposing": the noun a what-is question asks about. */
const WHAT_IS_NOUN =
  /^what(?:'s|’s|s| is| was| are| were| will be)\s+(?:the|his|her|its|their|[a-z-]+['’]s)\s+(?:[a-z-]+\s+){0,3}?([a-z-]+)(?:\s+(?:of|for|on|in|at|to|from|paid|offered|agreed|when|after|before|that|which|the|this|these|those|he|she|they|it|we|you)\b|\s*[?.!]*\s*$)/;

/**
 * The noun a what-is question asks about when WordNet files it as a measure ("the transfer fee", "the
 * price of…", "wmc's net profits for 2004"): the question asks for an amount of it. Null otherwise.
 * @example measureAsked("what were wmc's net profits for 2004") // 'profits'
 */
export function measureAsked(lower: string): string | null {
  const noun = WHAT_IS_NOUN.exec(lower)?.[1];
  return noun !== undefined && isMeasureNoun(noun) ? noun : null;
}
