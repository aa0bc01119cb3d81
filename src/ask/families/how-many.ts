import { extractQuantities } from '../extract/quantity.ts';
import type { Candidate } from '../extract/candidate.ts';
import { MONEY_QUESTION, PERCENT_QUESTION, measureAsked } from '../question-shape.ts';
import type { Family } from './family.ts';
import type { ScoredSentence } from '../retrieve.ts';

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
  const difference = DIFFERENCE_QUESTION.test(question);
  return candidates.map((c) => {
    if (c.at === undefined) return c;
    const text = c.sentence.text;
    const after = text.slice(c.at + c.mention.length, c.at + c.mention.length + 30);
    const before = text.slice(Math.max(0, c.at - 30), c.at);
    // "5,000 more copies … than planned": a difference answers only a question about one.
    if (!difference && DIFFERENCE_AFTER.test((c.mention + after).replace(NUMBER_AND_BEFORE, ''))) return { ...c, confidence: c.confidence * DIFFERENCE_FACTOR };
    if (!perUnit && !change) return c;
    const stated = perUnit ? new RegExp(`^\\s*(?:-\\s*a\\s*-|a|an|per|each)\\s*(?:\\p{L}+\\s+)?${perUnit}`, 'iu').test(after) : CHANGE_BEFORE.test(before);
    return stated ? c : { ...c, confidence: c.confidence * UNSTATED_FACTOR };
  });
}

/** What a difference counts ("5,000 more copies") when the question asks for an amount: it is not one. */
const DIFFERENCE_FACTOR = 0.4;
/** A question that asks for a difference: "how many more…", "how much extra…", "by how much…". */
const DIFFERENCE_QUESTION = /\b(?:more|fewer|less|extra|additional|further|difference|by how (?:much|many))\b/i;
/** A figure told as a difference, after its number: "5,000 more copies", "£2m extra", "300 fewer". */
const DIFFERENCE_AFTER = /^\s*(?:more|fewer|less|extra|additional)\b/i;
/** A mention up to the end of its number ("more than 800,000", "£2.5m"): what follows tells a difference. */
const NUMBER_AND_BEFORE = /^.*?\d(?:[\d,.]*\d)?(?:\s*(?:million|billion|trillion|bn|m|k)\b)?/i;

/** A question about a change ("go up", "rise", "fall"). */
const CHANGE_WORDS =
  /\b(?:rise|risen|rose|fall|fallen|fell|go up|gone up|went up|go down|went down|drop|dropped|increase|decrease|climb|jump|grow|grown|slump|surge|soar|tumble|slide|gain)\b/i;
/** A figure told as a change: "were up 3.4%", "rose by 5%", "a fall of 2%". */
const CHANGE_BEFORE =
  /\b(?:up|down|rose|fell|rising|falling|gained|lost|jumped|climbed|dropped|slipped|slid|surged|soared|tumbled|grew|increased|decreased|declined|added|shed|(?:rise|fall|drop|gain|jump|increase|decrease|decline|cut)\s+of)\s+(?:by\s+|almost\s+|nearly\s+|about\s+|around\s+|more\s+than\s+)?$/iu;

/** A question opened by another question word, whatever amount it mentions later. */
const OTHER_OPENER = /^(?:who|whom|whose|where|when|why)\b/;

/** "what is Sherwood ranked…", "what's his world ranking", "where is she ranked": a place in a ranking. */
const RANK_QUESTION = /^(?:what|where)(?:'s|’s|s| is| was| are| were)\b.*\b(?:ranked|ranking|rated)\b/;
/** A place in a ranking as the coverage gives it: "ranked 264th", "world number 30", "No 1". */
const RANK = /\b(?:ranked|rated)\s+(?:no\.?\s*|number\s+)?(\d{1,4}(?:st|nd|rd|th)?)\b|\b(?:world\s+)?(?:number|no\.?)\s+(\d{1,4})\b/gi;
/** What a place in a ranking counts for a ranking question. */
const RANK_CONFIDENCE = 0.9;

/** For a ranking question, the places in a ranking a sentence gives ("is ranked 264th in the world"). */
function extractRanks(s: ScoredSentence): Candidate[] {
  return [...s.text.matchAll(RANK)].map((m) => {
    const value = m[1] ?? m[2]!;
    const at = m.index + m[0].lastIndexOf(value);
    return { key: `rank:${Number.parseInt(value, 10)}`, value, mention: value, at, sentence: s, confidence: RANK_CONFIDENCE };
  });
}

/**
 * "How many / how much…" questions: counts and amounts of the counted noun ("how many troops"),
 * money and percentages, stated the way the question asks.
 */
export const howMany: Family = {
  name: 'how_many',
  detect: [
    {
      order: 70,
      // ("who put a number on how much the market is worth?" asks who: another question word opens it.)
      test: (lower) => !OTHER_OPENER.test(lower) && /\bhow (many|much)\b|\b(number|count|total) of\b|\bdeath toll\b|\bhow large\b|\bhow big\b/.test(lower),
    },
    // "what fee did Liverpool pay?", "what share of output…", "what % of voters…": an amount.
    {
      order: 71,
      test: (lower) => PERCENT_QUESTION.test(lower) || MONEY_QUESTION.test(lower),
    },
    // "what was the transfer fee?", "what's the price of the console?": a noun WordNet files as a measure.
    { order: 175, test: (lower) => measureAsked(lower) !== null },
    // "what is Sherwood ranked in the world?": a place in a ranking.
    { order: 176, test: (lower) => RANK_QUESTION.test(lower) },
  ],
  echoWords: ['how many', 'how much'],
  // "by what percentage…", "what % of…": the words that ask for a percentage name nothing the coverage says ("down 40%").
  // "how much money did the fans raise?": the coverage names the amount ("$250,000 has been raised"), not the money.
  asking: (word, lower) =>
    (/^(?:percent|percentage)$/.test(word) && PERCENT_QUESTION.test(lower)) || (/^(?:money|cash)$/.test(word) && /\bhow much (?:money|cash)\b/.test(lower)),
  typed: true,
  minRelevance: 0.6,
  conflicts: true,
  extract: ({ q, slots, sentences }) => {
    if (RANK_QUESTION.test(q.text.toLowerCase())) return sentences.flatMap(extractRanks);
    const nounSlot = slots.find((s) => q.countNoun !== null && s.label.toLowerCase() === q.countNoun.toLowerCase()) ?? null;
    const partitive = /\bhow many of\b/i.test(q.text);
    const others = slots.filter((x) => x !== nounSlot);
    return preferStatedAs(
      sentences.flatMap((s) => extractQuantities(s, nounSlot, q.countNoun, others, partitive)),
      q.text,
    );
  },
};
