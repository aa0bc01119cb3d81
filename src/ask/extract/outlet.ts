import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from './candidate.ts';

/**
 * Outlets someone spoke to: "told BBC Radio 4's Today programme", "speaking on Greece's Alter
 * Television station": where someone spoke.
 */

/** The outlet after a verb of telling: "told BBC Radio 4's Today programme", "speaking on Sky News", "in an interview with the paper". */
const TOLD_OUTLET =
  /\b(?:told|telling|speaking (?:to|on)|interviewed (?:by|on)|(?:in )?an interview (?:with|on))\s+((?:the\s+)?(?:[\p{Lu}\d][\p{L}\d.-]*(?:['’]s)?\s+){0,5}(?:[\p{Lu}\d][\p{L}\d.-]*|programme|program|show|newspaper|magazine|channel|station))(?=[\s,.:;]|$)/gu;
/** Words that make a name an outlet: a programme, a paper, a channel. */
const OUTLET_WORDS = /\b(?:radio|television|tv|programme|program|show|newspaper|paper|magazine|channel|station|network|news)\b/i;
/** What an outlet counts as where someone spoke: less than a place the sentence names ("speaking in Brussels"). */
const OUTLET_CONFIDENCE = 0.6;

/**
 * The outlets a sentence tells someone spoke to: names after a verb of telling that say they are one.
 * @example extractOutlets(sentence("She told BBC Radio 4's Today programme that…"))[0].value // "BBC Radio 4's Today programme"
 */
export function extractOutlets(s: ScoredSentence): Candidate[] {
  return [...s.text.matchAll(TOLD_OUTLET)]
    .filter((m) => OUTLET_WORDS.test(m[1]!))
    .map((m) => {
      const value = m[1]!.replace(/^the\s+/i, '');
      return { key: `outlet:${value.toLowerCase()}`, value, mention: m[1]!, at: m.index + m[0].indexOf(m[1]!), sentence: s, confidence: OUTLET_CONFIDENCE };
    });
}
