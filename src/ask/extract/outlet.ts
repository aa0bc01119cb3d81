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

/** What a name after a verb of telling counts when the question asks for an outlet ("what radio station…") but the name does not say it is one. */
const ASKED_OUTLET_CONFIDENCE = 0.8;

/**
 * True for a kind of thing that is an outlet: "which radio station…", "what paper…", "what tv show…".
 * @example isOutletKind('radio station') // true
 */
export function isOutletKind(kind: string): boolean {
  return OUTLET_WORDS.test(kind);
}

/**
 * The outlets a question asking for one is answered by: any name after a verb of telling ("He told
 * the Herald-Mail", "speaking on Greece's Alter Television station"), the question saying what it is.
 */
export function extractAskedOutlets(s: ScoredSentence): Candidate[] {
  return [...s.text.matchAll(TOLD_OUTLET)].map((m) => {
    const value = m[1]!.replace(/^the\s+/i, '');
    const says = OUTLET_WORDS.test(value);
    return {
      key: `outlet:${value.toLowerCase()}`,
      value,
      mention: m[1]!,
      at: m.index + m[0].indexOf(m[1]!),
      sentence: s,
      confidence: says ? 1 : ASKED_OUTLET_CONFIDENCE,
    };
  });
}

/**
 * The outlets a sentence tells someone spoke to: names after a verb of telling that say they are one.
 * @example extractOutlets(sentence("She told BBC Radio 4's Today programme that…"))[0].value // "BBC Radio 4's Today programme"
 */
export function extractOutlets(s: ScoredSentence): Candidate[] {
  return extractAskedOutlets(s)
    .filter((c) => OUTLET_WORDS.test(c.value))
    .map((c) => ({ ...c, confidence: OUTLET_CONFIDENCE }));
}
