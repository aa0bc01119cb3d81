import type { ScoredSentence } from '../retrieve.ts';
import type { Candidate } from './candidate.ts';
import { classifySpan } from './entities.ts';
import { mainPartOfSpeech } from '../wordnet.ts';

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

/** A name as an outlet is written: capitalised words, a possessive among them ("Greece's Alter Television"). */
const OUTLET_NAME = String.raw`(?:[Tt]he\s+)?(?:[\p{Lu}\d][\p{L}\d.-]*(?:['’]s)?\s+){0,5}[\p{Lu}\d][\p{L}\d.-]*`;
/**
 * A name a report is put down to: "according to the Financial Times", "claimed in the Observer", "the
 * report in the Sunday Express", "an advert in The New York Times", "an Evening Standard journalist".
 */
const ATTRIBUTED_OUTLET = new RegExp(
  String.raw`\b[Aa]ccording to\s+(${OUTLET_NAME})|\b(?:reports?|reported|article|interview|advert|advertisement|column|editorial|story|claimed|wrote|writing|said|says)\s+in\s+(${OUTLET_NAME})|\b(?:an?|the)\s+(${OUTLET_NAME})\s+(?:journalist|reporter|columnist|editor|correspondent|interview|report|article|investigation)\b`,
  'gu',
);
/** What a name a report is put down to counts, where the question asks for an outlet. */
const ATTRIBUTED_CONFIDENCE = 0.9;

function outletCandidate(s: ScoredSentence, mention: string, at: number, confidence: (value: string) => number): Candidate {
  const value = mention.replace(/^the\s+/i, '');
  return { key: `outlet:${value.toLowerCase()}`, value, mention, at, sentence: s, confidence: confidence(value) };
}

/** Names after a verb of telling ("He told the Herald-Mail"): a name that says it is an outlet counts fully. */
function toldOutlets(s: ScoredSentence): Candidate[] {
  return [...s.text.matchAll(TOLD_OUTLET)].map((m) =>
    outletCandidate(s, m[1]!, m.index + m[0].indexOf(m[1]!), (value) => (OUTLET_WORDS.test(value) ? 1 : ASKED_OUTLET_CONFIDENCE)),
  );
}

/**
 * The outlets a question asking for one is answered by: any name after a verb of telling ("He told
 * the Herald-Mail", "speaking on Greece's Alter Television station"), the question saying what it is,
 * and the names a report is put down to ("according to the Financial Times"). A person's or a
 * country's name is none.
 */
export function extractAskedOutlets(s: ScoredSentence): Candidate[] {
  const attributed = [...s.text.matchAll(ATTRIBUTED_OUTLET)].flatMap((m) => {
    const mention = (m[1] ?? m[2] ?? m[3])!.replace(/\.$/, '');
    const at = m.index + m[0].indexOf(mention);
    const kind = classifySpan(s.text, { text: mention.replace(/^the\s+/i, ''), start: at, end: at + mention.length }).kind;
    // ("according to John Smith" puts it down to a person; "an Evening Standard journalist" works for a paper.)
    if (kind === 'country' || (kind === 'person' && m[1] !== undefined && !OUTLET_WORDS.test(mention))) return [];
    // ("a Jewish reporter": one word that describes is no outlet's name.)
    if (!/\s/.test(mention) && mainPartOfSpeech(mention.toLowerCase()) === 'adj') return [];
    return [outletCandidate(s, mention, at, (value) => (OUTLET_WORDS.test(value) ? 1 : ATTRIBUTED_CONFIDENCE))];
  });
  return [...toldOutlets(s), ...attributed];
}

/**
 * The outlets a sentence tells someone spoke to: names after a verb of telling that say they are one.
 * @example extractOutlets(sentence("She told BBC Radio 4's Today programme that…"))[0].value // "BBC Radio 4's Today programme"
 */
export function extractOutlets(s: ScoredSentence): Candidate[] {
  return toldOutlets(s)
    .filter((c) => OUTLET_WORDS.test(c.value))
    .map((c) => ({ ...c, confidence: OUTLET_CONFIDENCE }));
}
