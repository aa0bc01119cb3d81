import { escapeRegExp } from '../../text/patterns.ts';
import { isVerbForm } from '../../index/analyzer.ts';
import { LIGHT_VERBS } from '../lexicon.ts';
import { framingWords, type Slot } from '../retrieve.ts';
import { mainPartOfSpeech } from '../wordnet.ts';
import { extractYesNo } from './sentence-answers.ts';
import type { Family } from './family.ts';

/** Verbs too light or too general to be what a yes/no question asks about. */
const LIGHT_PREDICATES = new Set([...LIGHT_VERBS, 'say', 'said', 'says', 'tell', 'told', 'want', 'need']);

/**
 * The question's actions: its lower-case words that WordNet mostly uses as verbs ("offer", "invade"),
 * or verbs by their shape ("arrested") that it does not mostly use as nouns ("meeting"); light verbs,
 * verbs of saying and verbs that frame another ("going to play") aside.
 */
function predicateSlots(slots: readonly Slot[], question: string): Slot[] {
  // "is henman going to play…": a verb that frames the action is not the action.
  const frames = framingWords(question);
  return (
    slots
      .filter((s) => !s.subject && /^\p{Ll}/u.test(s.label) && !LIGHT_PREDICATES.has(s.label.toLowerCase()) && !frames.has(s.label.toLowerCase()))
      // "meeting" is a noun, "arrested" a verb: the shape alone does not tell.
      .filter((s) => mainPartOfSpeech(s.label) === 'verb' || (isVerbForm(s.label) && mainPartOfSpeech(s.label) !== 'noun'))
  );
}

/**
 * Who or what the question asks about: the names before its first action ("did *Thanou* win gold",
 * "has *Absa* agreed a deal"). None when it opens on a common noun ("did the fundraising fall short").
 */
function namedSubjects(slots: readonly Slot[], predicates: readonly Slot[], question: string): Slot[] {
  const lower = question.toLowerCase();
  // Where each slot's word stands in the question, found once.
  const place = new Map([...slots, ...predicates].map((s) => [s, lower.search(new RegExp(`\\b${escapeRegExp(s.label.toLowerCase())}\\b`))]));
  const at = (s: Slot): number => place.get(s) ?? -1;
  const first = Math.min(...predicates.map(at).filter((i) => i >= 0), lower.length);
  const before = slots.filter((s) => !s.subject && at(s) >= 0 && at(s) < first).sort((a, b) => at(a) - at(b));
  const out: Slot[] = [];
  for (const s of before) {
    if (!/^\p{Lu}/u.test(s.label)) break;
    out.push(s);
  }
  return out;
}

/**
 * "Did Biden threaten sanctions?": the sentence that settles the question, read for its polarity
 * ("Yes" / "No"), with the question's actions required of it.
 */
export const yesNo: Family = {
  name: 'yes_no',
  detect: [
    {
      order: 20,
      test: (lower) =>
        /^(did|does|do|is|isn't|was|wasn't|are|aren't|were|weren't|has|hasn't|have|haven't|had|will|won't|would|can|could|should|didn't|doesn't|don't)\b/.test(
          lower,
        ),
    },
  ],
  typed: false,
  minRelevance: 0.6,
  conflicts: true,
  extract: ({ q, slots, sentences }) => {
    const predicates = predicateSlots(slots, q.text);
    return extractYesNo(
      sentences,
      q.text,
      predicates,
      slots.filter((s) => !s.subject),
      namedSubjects(slots, predicates, q.text),
    );
  },
};
